import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  activities,
  activityPlanReasons,
  burdenSettings,
  decisionMeetings,
  departments,
  issuedDocuments as D,
  planEntries as P,
} from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type PlanEntryRow = typeof P.$inferSelect;
export type IssuedDocumentRow = typeof D.$inferSelect;

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

async function paged<T>(rows: Promise<T[]>, count: Promise<{ n: number }[]>) {
  const [items, [c]] = await Promise.all([rows, count]);
  return { rows: items, total: c?.n ?? 0 };
}

/** Queries of the annual plan, the 发文 register, the 减负 settings and what was held; the service decides. */
export const planRepo = {
  entry: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(P)
        .where(and(eq(P.unitId, unitId), eq(P.id, id)))
    )[0],
  entriesPage(db: Db, unitId: string, f: { year: number; kind?: string; q?: string }, limit: number, offset: number) {
    const where = and(
      eq(P.unitId, unitId),
      eq(P.year, f.year),
      f.kind ? eq(P.kind, f.kind) : undefined,
      f.q ? ilike(P.title, containsPattern(f.q)) : undefined,
    );
    return paged(
      db.select().from(P).where(where).orderBy(asc(P.month), asc(P.kind), asc(P.createdAt)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(P)
        .where(where),
    );
  },
  /** The live entries of a year (withdrawn ones plan nothing). A unit's year plan is short: bounded anyway. */
  liveEntries: (db: Db, unitId: string, year: number) =>
    db
      .select()
      .from(P)
      .where(and(eq(P.unitId, unitId), eq(P.year, year), isNull(P.withdrawnReason)))
      .orderBy(asc(P.month), asc(P.createdAt))
      .limit(2000),
  /** Serialises the plan's year-level writes of a unit (copying a year), within the caller's transaction. */
  async lockPlan(tx: Db, unitId: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`decision-plan:${unitId}`}, 0))`);
  },
  async hasEntries(db: Db, unitId: string, year: number) {
    const [r] = await db
      .select({ id: P.id })
      .from(P)
      .where(and(eq(P.unitId, unitId), eq(P.year, year)))
      .limit(1);
    return !!r;
  },
  /** A live (not withdrawn) decision meeting that names the entry, other than `exceptId`. */
  async meetingUsing(db: Db, unitId: string, entryId: string, exceptId?: string) {
    const [r] = await db
      .select({ id: decisionMeetings.id, title: decisionMeetings.title })
      .from(decisionMeetings)
      .where(
        and(
          eq(decisionMeetings.unitId, unitId),
          eq(decisionMeetings.planEntryId, entryId),
          ne(decisionMeetings.status, 'withdrawn'),
          exceptId ? ne(decisionMeetings.id, exceptId) : undefined,
        ),
      )
      .limit(1);
    return r;
  },
  /** A live (not withdrawn) issued document that names the entry, other than `exceptId`. */
  async documentUsing(db: Db, unitId: string, entryId: string, exceptId?: string) {
    const [r] = await db
      .select({ id: D.id, docNo: D.docNo, title: D.title })
      .from(D)
      .where(
        and(
          eq(D.unitId, unitId),
          eq(D.planEntryId, entryId),
          isNull(D.withdrawnReason),
          exceptId ? ne(D.id, exceptId) : undefined,
        ),
      )
      .limit(1);
    return r;
  },
  insertEntries: (tx: Db, rows: (typeof P.$inferInsert)[]) => tx.insert(P).values(rows).returning(),
  updateEntry: (tx: Db, unitId: string, id: string, version: number, set: Partial<typeof P.$inferInsert>) =>
    tx
      .update(P)
      .set({ ...set, version: sql`${P.version} + 1` })
      .where(and(eq(P.unitId, unitId), eq(P.id, id), eq(P.version, version)))
      .returning(),

  document: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(D)
        .where(and(eq(D.unitId, unitId), eq(D.id, id)))
    )[0],
  documentByNo: async (db: Db, unitId: string, docNo: string) =>
    (
      await db
        .select({ id: D.id })
        .from(D)
        .where(and(eq(D.unitId, unitId), eq(D.docNo, docNo)))
    )[0],
  documentsWhere(unitId: string, f: { year: number; q?: string; departmentId?: string }): SQL {
    const [from, to] = yearRange(f.year);
    const like = f.q ? containsPattern(f.q) : undefined;
    return and(
      eq(D.unitId, unitId),
      gte(D.issuedOn, from),
      lte(D.issuedOn, to),
      like ? or(ilike(D.docNo, like), ilike(D.title, like)) : undefined,
      f.departmentId ? eq(D.departmentId, f.departmentId) : undefined,
    )!;
  },
  documentsPage(
    db: Db,
    unitId: string,
    f: { year: number; q?: string; departmentId?: string },
    limit: number,
    offset: number,
  ) {
    const where = this.documentsWhere(unitId, f);
    return paged(
      db.select().from(D).where(where).orderBy(desc(D.issuedOn), desc(D.createdAt)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(D)
        .where(where),
    );
  },
  /** The live documents issued in a year (for the 减负 view). */
  liveDocuments: (db: Db, unitId: string, year: number) =>
    db
      .select()
      .from(D)
      .where(
        and(
          eq(D.unitId, unitId),
          gte(D.issuedOn, yearRange(year)[0]),
          lte(D.issuedOn, yearRange(year)[1]),
          isNull(D.withdrawnReason),
        ),
      )
      .limit(20000),
  insertDocument: async (tx: Db, row: typeof D.$inferInsert) => (await tx.insert(D).values(row).returning())[0]!,
  updateDocument: (tx: Db, unitId: string, id: string, version: number, set: Partial<typeof D.$inferInsert>) =>
    tx
      .update(D)
      .set({ ...set, version: sql`${D.version} + 1` })
      .where(and(eq(D.unitId, unitId), eq(D.id, id), eq(D.version, version)))
      .returning(),

  settings: async (db: Db, unitId: string) =>
    (await db.select().from(burdenSettings).where(eq(burdenSettings.unitId, unitId)))[0],
  /** Saves at the version read (0: none stored yet); false when someone saved meanwhile. */
  async saveSettings(
    tx: Db,
    unitId: string,
    version: number,
    values: Omit<typeof burdenSettings.$inferInsert, 'unitId'>,
  ) {
    if (version === 0) {
      const r = await tx
        .insert(burdenSettings)
        .values({ unitId, ...values, version: 1 })
        .onConflictDoNothing()
        .returning();
      return r.length === 1;
    }
    const r = await tx
      .update(burdenSettings)
      .set({ ...values, version: version + 1 })
      .where(and(eq(burdenSettings.unitId, unitId), eq(burdenSettings.version, version)))
      .returning();
    return r.length === 1;
  },

  /** Decision meetings held in a year: in session or closed (withdrawn and preparing ones were not held). */
  heldDecisionMeetings: (db: Db, unitId: string, year: number) =>
    db
      .select()
      .from(decisionMeetings)
      .where(
        and(
          eq(decisionMeetings.unitId, unitId),
          gte(decisionMeetings.heldOn, yearRange(year)[0]),
          lte(decisionMeetings.heldOn, yearRange(year)[1]),
          inArray(decisionMeetings.status, ['in_session', 'closed']),
        ),
      )
      .limit(5000),
  /**
   * Campaign activities of the meeting type held in a year, with the reason recorded for them if any.
   * Confidential records (discipline) stay out: the 减负 view is read by the leadership.
   */
  meetingActivities: (db: Db, unitId: string, year: number) =>
    db
      .select({ a: activities, reason: activityPlanReasons.reason })
      .from(activities)
      .leftJoin(
        activityPlanReasons,
        and(eq(activityPlanReasons.unitId, activities.unitId), eq(activityPlanReasons.activityId, activities.id)),
      )
      .where(
        and(
          eq(activities.unitId, unitId),
          eq(activities.type, 'meeting'),
          eq(activities.active, true),
          eq(activities.confidential, false),
          gte(activities.heldOn, yearRange(year)[0]),
          lte(activities.heldOn, yearRange(year)[1]),
        ),
      )
      .limit(20000),
  activity: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(activities)
        .where(and(eq(activities.unitId, unitId), eq(activities.id, id)))
    )[0],
  async saveActivityReason(tx: Db, row: typeof activityPlanReasons.$inferInsert) {
    const [before] = await tx
      .select()
      .from(activityPlanReasons)
      .where(and(eq(activityPlanReasons.unitId, row.unitId), eq(activityPlanReasons.activityId, row.activityId)));
    await tx
      .insert(activityPlanReasons)
      .values(row)
      .onConflictDoUpdate({
        target: [activityPlanReasons.unitId, activityPlanReasons.activityId],
        set: { reason: row.reason, recordedBy: row.recordedBy, updatedAt: row.updatedAt },
      });
    return before?.reason ?? null;
  },
  /** The unit's departments in their order, id → name. */
  async departmentNames(db: Db, unitId: string) {
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.unitId, unitId))
      .orderBy(asc(departments.sortOrder), asc(departments.name))
      .limit(1000);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async entryTitles(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: P.id, title: P.title })
      .from(P)
      .where(and(eq(P.unitId, unitId), inArray(P.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.title]));
  },
};
