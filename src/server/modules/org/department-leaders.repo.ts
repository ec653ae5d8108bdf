import { and, asc, count, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departmentLeaders, departments, people } from '../../db/schema/index.js';

export type DepartmentLeaderRow = typeof departmentLeaders.$inferSelect;

/** Rows that cover a date: started by then (or since always) and not ended before it. */
export const leaderCovers = (date: string) =>
  and(
    or(isNull(departmentLeaders.fromDate), lte(departmentLeaders.fromDate, date)),
    or(isNull(departmentLeaders.toDate), gte(departmentLeaders.toDate, date)),
  );

const view = {
  id: departmentLeaders.id,
  departmentId: departmentLeaders.departmentId,
  personId: departmentLeaders.personId,
  personName: people.name,
  from: departmentLeaders.fromDate,
  to: departmentLeaders.toDate,
};

export const departmentLeadersRepo = {
  /** Holds the department's row until the transaction ends, so two changes of its 分管领导 cannot both close the same term. */
  async lockDepartment(db: Db, unitId: string, departmentId: string) {
    await db.execute(
      sql`select id from ${departments} where ${departments.unitId} = ${unitId} and ${departments.id} = ${departmentId} for update`,
    );
  },
  /** A department's whole history (few rows: one per change), for the reassignment check. */
  async history(db: Db, unitId: string, departmentId: string) {
    return db
      .select()
      .from(departmentLeaders)
      .where(and(eq(departmentLeaders.unitId, unitId), eq(departmentLeaders.departmentId, departmentId)));
  },
  /** A page of a department's history with names, the latest first. */
  async historyPage(db: Db, unitId: string, departmentId: string, limit: number, offset: number) {
    const where = and(eq(departmentLeaders.unitId, unitId), eq(departmentLeaders.departmentId, departmentId));
    const [rows, [total]] = await Promise.all([
      db
        .select(view)
        .from(departmentLeaders)
        .innerJoin(people, eq(people.id, departmentLeaders.personId))
        .where(where)
        .orderBy(sql`${departmentLeaders.fromDate} desc nulls last`, asc(departmentLeaders.createdAt))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(departmentLeaders).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  /** The 分管领导 of every department of the unit on a date, with names. */
  async onDate(db: Db, unitId: string, date: string) {
    return db
      .select(view)
      .from(departmentLeaders)
      .innerJoin(people, eq(people.id, departmentLeaders.personId))
      .where(and(eq(departmentLeaders.unitId, unitId), leaderCovers(date)));
  },
  async insert(db: Db, row: typeof departmentLeaders.$inferInsert) {
    await db.insert(departmentLeaders).values(row);
  },
  async close(db: Db, unitId: string, id: string, toDate: string, at: Date) {
    await db
      .update(departmentLeaders)
      .set({ toDate, updatedAt: at })
      .where(and(eq(departmentLeaders.unitId, unitId), eq(departmentLeaders.id, id)));
  },
};

/** What the 分管领导 check needs of a person of the unit. */
export async function personForLeader(db: Db, unitId: string, id: string) {
  const [p] = await db
    .select({ id: people.id, name: people.name, isLeadership: people.isLeadership, status: people.status })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.id, id)));
  return p;
}
