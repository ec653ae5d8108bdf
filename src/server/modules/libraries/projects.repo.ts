import { and, arrayContains, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  departments,
  people,
  projectItems as PI,
  projects as P,
  projectStageChanges as H,
  supervisedItems as I,
  users,
} from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type ProjectRow = typeof P.$inferSelect;
export type ProjectFilter = {
  q?: string;
  stage?: string;
  departmentId?: string;
  tag?: string;
  withdrawn?: 'include' | 'only';
};

/** Queries of the project library; the service decides. */
export const projectsRepo = {
  byId: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(P)
        .where(and(eq(P.unitId, unitId), eq(P.id, id)))
    )[0],
  where(unitId: string, f: ProjectFilter): SQL {
    const like = f.q ? containsPattern(f.q) : undefined;
    return and(
      eq(P.unitId, unitId),
      f.withdrawn === 'include'
        ? undefined
        : f.withdrawn === 'only'
          ? isNotNull(P.withdrawnReason)
          : isNull(P.withdrawnReason),
      f.stage ? eq(P.stage, f.stage) : undefined,
      f.departmentId ? eq(P.departmentId, f.departmentId) : undefined,
      f.tag ? arrayContains(P.tags, [f.tag]) : undefined,
      like ? or(ilike(P.name, like), ilike(P.summary, like)) : undefined,
    )!;
  },
  async page(db: Db, unitId: string, f: ProjectFilter, limit: number, offset: number) {
    const where = this.where(unitId, f);
    const [rows, [c]] = await Promise.all([
      db.select().from(P).where(where).orderBy(desc(P.updatedAt), asc(P.name)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(P)
        .where(where),
    ]);
    return { rows, total: c?.n ?? 0 };
  },
  /** Every project of a filter (export, summary): a unit's library is small, bounded anyway. */
  all: (db: Db, unitId: string, f: ProjectFilter) =>
    db.select().from(P).where(projectsRepo.where(unitId, f)).orderBy(asc(P.stage), asc(P.name)).limit(10_000),
  insert: async (tx: Db, row: typeof P.$inferInsert) => (await tx.insert(P).values(row).returning())[0]!,
  update: (tx: Db, unitId: string, id: string, version: number, set: Partial<typeof P.$inferInsert>) =>
    tx
      .update(P)
      .set({ ...set, version: sql`${P.version} + 1` })
      .where(and(eq(P.unitId, unitId), eq(P.id, id), eq(P.version, version)))
      .returning(),
  insertStage: (tx: Db, row: typeof H.$inferInsert) => tx.insert(H).values(row),
  history: (db: Db, unitId: string, projectId: string) =>
    db
      .select({ h: H, by: users.displayName })
      .from(H)
      .leftJoin(users, and(eq(users.id, H.changedBy), eq(users.unitId, H.unitId)))
      .where(and(eq(H.unitId, unitId), eq(H.projectId, projectId)))
      .orderBy(asc(H.createdAt))
      .limit(500),
  /** The date of each project's latest stage change. */
  async stageDates(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: H.projectId, on: sql<string>`max(${H.changedOn})` })
      .from(H)
      .where(and(eq(H.unitId, unitId), inArray(H.projectId, ids)))
      .groupBy(H.projectId);
    return new Map(rows.map((r) => [r.id, r.on]));
  },
  async taskCounts(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, number>();
    const rows = await db
      .select({ id: PI.projectId, n: sql<number>`count(*)::int` })
      .from(PI)
      .where(and(eq(PI.unitId, unitId), inArray(PI.projectId, ids)))
      .groupBy(PI.projectId);
    return new Map(rows.map((r) => [r.id, r.n]));
  },
  linkItem: (tx: Db, row: typeof PI.$inferInsert) => tx.insert(PI).values(row),
  /** The project's tasks: its linked items with their owner's name. */
  tasks: (db: Db, unitId: string, projectId: string) =>
    db
      .select({ item: I, ownerName: people.name })
      .from(PI)
      .innerJoin(I, and(eq(I.id, PI.itemId), eq(I.unitId, PI.unitId)))
      .leftJoin(people, and(eq(people.id, I.ownerPersonId), eq(people.unitId, I.unitId)))
      .where(and(eq(PI.unitId, unitId), eq(PI.projectId, projectId)))
      .orderBy(asc(PI.createdAt))
      .limit(500),
  /** Live projects whose name, summary or tags hold every word, carrying every tag (the unit-wide search). */
  search: (db: Db, unitId: string, q: { words: readonly string[]; tags: readonly string[]; limit: number }) =>
    db
      .select()
      .from(P)
      .where(
        and(
          eq(P.unitId, unitId),
          isNull(P.withdrawnReason),
          ...q.words.map((w) =>
            ilike(sql`concat_ws(' ', ${P.name}, ${P.summary}, array_to_string(${P.tags}, ' '))`, containsPattern(w)),
          ),
          q.tags.length ? arrayContains(P.tags, [...q.tags]) : undefined,
        ),
      )
      .orderBy(desc(P.updatedAt))
      .limit(q.limit),
  async departmentNames(db: Db, unitId: string) {
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.unitId, unitId))
      .orderBy(asc(departments.sortOrder), asc(departments.name))
      .limit(1000);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async personNames(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
