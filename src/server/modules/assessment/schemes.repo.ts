import { and, asc, desc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  assessmentIndicators as I,
  assessmentManualScores as M,
  assessmentSchemes as S,
  assessmentScorecards as C,
  departments,
  people,
} from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type SchemeRow = typeof S.$inferSelect;
export type ScorecardRow = typeof C.$inferSelect;
export type ManualScoreRow = typeof M.$inferSelect;
export type NewCard = typeof C.$inferInsert;

/** A scheme's subjects: at most this many (a unit's departments or staff). */
const SUBJECTS_MAX = 2000;

/** Queries of schemes, scorecards and manual scores; the services decide. */
export const schemesRepo = {
  scheme: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(S)
        .where(and(eq(S.unitId, unitId), eq(S.id, id)))
    )[0],
  async schemesPage(
    db: Db,
    unitId: string,
    f: { status?: string; q?: string; ids?: string[] },
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(S.unitId, unitId),
      f.status ? eq(S.status, f.status) : undefined,
      f.q ? ilike(S.title, containsPattern(f.q)) : undefined,
      f.ids ? (f.ids.length ? inArray(S.id, f.ids) : sql`false`) : undefined,
    );
    const [rows, [c]] = await Promise.all([
      db.select().from(S).where(where).orderBy(desc(S.periodKey), desc(S.createdAt)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(S)
        .where(where),
    ]);
    return { rows, total: c?.n ?? 0 };
  },
  /** Confirmed schemes where the person is a subject or the departments are (for those who see only theirs). */
  async schemesWithCardsOf(db: Db, unitId: string, personId: string | null, departmentIds: string[]) {
    const conds = [
      personId ? eq(C.subjectPersonId, personId) : undefined,
      departmentIds.length ? inArray(C.subjectDepartmentId, departmentIds) : undefined,
    ].filter((x) => x !== undefined);
    if (conds.length === 0) return [];
    const rows = await db
      .selectDistinct({ id: C.schemeId })
      .from(C)
      .innerJoin(S, and(eq(S.id, C.schemeId), eq(S.status, 'confirmed')))
      .where(and(eq(C.unitId, unitId), sql`(${sql.join(conds, sql` or `)})`))
      .limit(1000);
    return rows.map((r) => r.id);
  },
  insertScheme: (db: Db, v: typeof S.$inferInsert) => db.insert(S).values(v).returning({ id: S.id }),
  updateScheme: (db: Db, unitId: string, id: string, version: number, set: Partial<SchemeRow>) =>
    db
      .update(S)
      .set({ ...set, version: sql`${S.version} + 1` })
      .where(and(eq(S.unitId, unitId), eq(S.id, id), eq(S.version, version)))
      .returning({ id: S.id }),
  cards: (db: Db, unitId: string, schemeId: string) =>
    db
      .select()
      .from(C)
      .where(and(eq(C.unitId, unitId), eq(C.schemeId, schemeId)))
      .orderBy(desc(C.totalCents), asc(C.subjectName))
      .limit(SUBJECTS_MAX),
  card: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(C)
        .where(and(eq(C.unitId, unitId), eq(C.id, id)))
    )[0],
  insertCards: (db: Db, rows: (typeof C.$inferInsert)[]) =>
    rows.length ? db.insert(C).values(rows) : Promise.resolve(),
  updateCard: (db: Db, unitId: string, id: string, set: Partial<ScorecardRow>, version?: number) =>
    db
      .update(C)
      .set({ ...set, version: sql`${C.version} + 1` })
      .where(and(eq(C.unitId, unitId), eq(C.id, id), version === undefined ? undefined : eq(C.version, version)))
      .returning({ id: C.id }),
  manualScores: (db: Db, unitId: string, cardIds: string[]) =>
    cardIds.length
      ? db
          .select({ s: M, assessorName: people.name })
          .from(M)
          .leftJoin(people, eq(people.id, M.assessorPersonId))
          .where(and(eq(M.unitId, unitId), inArray(M.scorecardId, cardIds)))
          .orderBy(asc(M.createdAt))
      : Promise.resolve([]),
  upsertManualScore: (db: Db, v: typeof M.$inferInsert) =>
    db
      .insert(M)
      .values(v)
      .onConflictDoUpdate({
        target: [M.scorecardId, M.itemId, M.assessorPersonId],
        set: { pointsCents: v.pointsCents, reason: v.reason, updatedAt: v.updatedAt },
      }),
  /** Serialises the writes of one scheme (compute, scores, grades, confirm) within the caller's transaction. */
  async lockScheme(tx: Db, schemeId: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`assessment-scheme:${schemeId}`}, 0))`);
  },
  departments: (db: Db, unitId: string) =>
    db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.unitId, unitId), eq(departments.active, true)))
      .orderBy(asc(departments.sortOrder), asc(departments.name))
      .limit(SUBJECTS_MAX),
  staff: (db: Db, unitId: string) =>
    db
      .select({ id: people.id, name: people.name, departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.status, 'in_service')))
      .orderBy(asc(people.sortOrder), asc(people.name))
      .limit(SUBJECTS_MAX),
  /** The live indicators of the subjects for a period kind, oldest first (the first of a source is the one scored). */
  indicatorsOf: (db: Db, unitId: string, ownerKind: string, periodKind: string, ownerIds: string[]) =>
    ownerIds.length
      ? db
          .select()
          .from(I)
          .where(
            and(
              eq(I.unitId, unitId),
              eq(I.ownerKind, ownerKind),
              eq(I.periodKind, periodKind),
              isNull(I.withdrawnReason),
              inArray(I.ownerId, ownerIds),
            ),
          )
          .orderBy(asc(I.createdAt), asc(I.id))
          .limit(SUBJECTS_MAX * 10)
      : Promise.resolve([]),
  async personNames(db: Db, unitId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
