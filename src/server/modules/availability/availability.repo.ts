import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { people, unavailability } from '../../db/schema/index.js';

/** Queries of the absences (不在岗); the service decides who may record, withdraw and read them. */
export const availabilityRepo = {
  /** An active absence of the person that covers `day`, if any. */
  async activeOn(db: Db, unitId: string, personId: string, day: string) {
    const [r] = await db
      .select({ id: unavailability.id })
      .from(unavailability)
      .where(
        and(
          eq(unavailability.unitId, unitId),
          eq(unavailability.personId, personId),
          eq(unavailability.active, true),
          lte(unavailability.fromDate, day),
          gte(unavailability.toDate, day),
        ),
      );
    return r;
  },
  /** What the absence rules need of the person. */
  async person(db: Db, unitId: string, personId: string) {
    const [p] = await db
      .select({ id: people.id, unitId: people.unitId, departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.id, personId)));
    return p;
  },
  async insert(tx: Db, row: typeof unavailability.$inferInsert) {
    const [r] = await tx.insert(unavailability).values(row).returning();
    return r;
  },
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(unavailability)
      .where(and(eq(unavailability.unitId, unitId), eq(unavailability.id, id)));
    return r;
  },
  async withdraw(tx: Db, unitId: string, id: string, reason: string) {
    await tx
      .update(unavailability)
      .set({ active: false, withdrawnReason: reason })
      .where(and(eq(unavailability.unitId, unitId), eq(unavailability.id, id)));
  },
  /** The active absences, latest start first, with the person's name and department. */
  async activePage(db: Db, unitId: string, limit: number, offset: number) {
    const where = and(eq(unavailability.unitId, unitId), eq(unavailability.active, true));
    const [rows, [count]] = await Promise.all([
      db
        .select({ u: unavailability, personName: people.name, departmentId: people.departmentId })
        .from(unavailability)
        .innerJoin(people, eq(people.id, unavailability.personId))
        .where(where)
        .orderBy(desc(unavailability.fromDate))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(unavailability)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
};
