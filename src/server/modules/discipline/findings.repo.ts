import { and, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments, disciplineFindings, people } from '../../db/schema/index.js';

export type FindingRow = typeof disciplineFindings.$inferSelect;
export interface FindingFilter {
  status?: string;
  kind?: string;
  personId?: string;
  month?: string;
}

const columns = {
  f: disciplineFindings,
  personName: people.name,
  departmentName: departments.name,
};

/** Queries of the findings (all kinds); `onlyPersonId` is the list's scope for readers who see only their own. */
export const findingsRepo = {
  async page(db: Db, unitId: string, onlyPersonId: string | null, f: FindingFilter, limit: number, offset: number) {
    const conds: (SQL | undefined)[] = [
      eq(disciplineFindings.unitId, unitId),
      onlyPersonId ? eq(disciplineFindings.personId, onlyPersonId) : undefined,
      f.status ? eq(disciplineFindings.status, f.status) : undefined,
      f.kind ? eq(disciplineFindings.kind, f.kind) : undefined,
      f.personId ? eq(disciplineFindings.personId, f.personId) : undefined,
      f.month ? like(disciplineFindings.onDate, `${f.month}-%`) : undefined,
    ];
    const where = and(...conds);
    const [rows, [count]] = await Promise.all([
      db
        .select(columns)
        .from(disciplineFindings)
        .leftJoin(people, eq(people.id, disciplineFindings.personId))
        .leftJoin(departments, eq(departments.id, disciplineFindings.departmentId))
        .where(where)
        .orderBy(desc(disciplineFindings.onDate), desc(disciplineFindings.createdAt), desc(disciplineFindings.id))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(disciplineFindings)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select(columns)
      .from(disciplineFindings)
      .leftJoin(people, eq(people.id, disciplineFindings.personId))
      .leftJoin(departments, eq(departments.id, disciplineFindings.departmentId))
      .where(and(eq(disciplineFindings.unitId, unitId), eq(disciplineFindings.id, id)));
    return r;
  },
  async insert(tx: Db, rows: (typeof disciplineFindings.$inferInsert)[]) {
    if (rows.length) await tx.insert(disciplineFindings).values(rows);
  },
  /** Updates a finding still at `version`; false when someone else changed it first. */
  async update(tx: Db, unitId: string, id: string, version: number, patch: Partial<FindingRow>) {
    const r = await tx
      .update(disciplineFindings)
      .set({ ...patch, version: sql`${disciplineFindings.version} + 1` })
      .where(
        and(
          eq(disciplineFindings.unitId, unitId),
          eq(disciplineFindings.id, id),
          eq(disciplineFindings.version, version),
        ),
      )
      .returning({ id: disciplineFindings.id });
    return r.length === 1;
  },
};
