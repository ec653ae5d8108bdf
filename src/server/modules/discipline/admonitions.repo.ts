import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AdmonitionScope } from '../../../domain/policies/admonition.js';
import type { Db } from '../../db/client.js';
import { disciplineAdmonitions as A, people } from '../../db/schema/index.js';

export type AdmonitionRow = typeof A.$inferSelect;

/** The delivered statuses, as the person's own scope reads them (domain/admonitions.isDelivered). */
const DELIVERED = sql`${A.status} in ('delivered', 'awaiting_reply', 'answered', 'closed')`;

/** The list scope as SQL, mirroring domain/policies/admonition.canSeeAdmonition. */
function scopeSql(scope: AdmonitionScope): SQL {
  if (scope.all)
    return scope.exceptUndeliveredOf ? or(ne(A.personId, scope.exceptUndeliveredOf), DELIVERED)! : sql`true`;
  if (!scope.personId) return sql`false`;
  return and(eq(A.personId, scope.personId), DELIVERED)!;
}

/** Queries of the 提醒谈话 / 诫勉 / 函询 records; the service decides who reads and acts. */
export const admonitionsRepo = {
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(A)
      .where(and(eq(A.unitId, unitId), eq(A.id, id)));
    return r;
  },
  async page(
    db: Db,
    unitId: string,
    scope: AdmonitionScope,
    f: { kind?: string; personId?: string },
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(A.unitId, unitId),
      scopeSql(scope),
      f.kind ? eq(A.kind, f.kind) : undefined,
      f.personId ? eq(A.personId, f.personId) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db.select().from(A).where(where).orderBy(desc(A.onDate), desc(A.createdAt)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(A)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  /** A person's records within the scope, for the 廉政档案 (bounded: a cadre's file is short). */
  async ofPerson(db: Db, unitId: string, scope: AdmonitionScope, personId: string) {
    return db
      .select()
      .from(A)
      .where(and(eq(A.unitId, unitId), eq(A.personId, personId), scopeSql(scope)))
      .orderBy(desc(A.onDate))
      .limit(500);
  },
  async insert(tx: Db, row: typeof A.$inferInsert) {
    const [r] = await tx.insert(A).values(row).returning();
    return r!;
  },
  /** Updates at the version read; empty when someone changed it meanwhile. */
  async update(tx: Db, unitId: string, id: string, version: number, set: Partial<typeof A.$inferInsert>) {
    return tx
      .update(A)
      .set({ ...set, version: sql`${A.version} + 1` })
      .where(and(eq(A.unitId, unitId), eq(A.id, id), eq(A.version, version)))
      .returning();
  },
  async names(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
