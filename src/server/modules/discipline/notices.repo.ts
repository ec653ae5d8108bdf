import { and, asc, desc, eq, gte, inArray, isNull, lte, max, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  activities,
  departments,
  disciplineFindings,
  disciplineNoticeFindings,
  disciplineNotices,
  disciplineSettings,
  people,
  units,
} from '../../db/schema/index.js';

export type NoticeRow = typeof disciplineNotices.$inferSelect;
export type FindingRow = typeof disciplineFindings.$inferSelect;

/** A finding with the names a notice prints. */
const findingWithNames = {
  f: disciplineFindings,
  personName: people.name,
  departmentName: departments.name,
};
const namedFindings = (db: Db) =>
  db
    .select(findingWithNames)
    .from(disciplineFindings)
    .leftJoin(people, and(eq(people.unitId, disciplineFindings.unitId), eq(people.id, disciplineFindings.personId)))
    .leftJoin(
      departments,
      and(
        eq(departments.unitId, disciplineFindings.unitId),
        eq(departments.id, sql`coalesce(${disciplineFindings.departmentId}, ${people.departmentId})`),
      ),
    );
export type NamedFinding = { f: FindingRow; personName: string | null; departmentName: string | null };

/** Queries of 通报, their findings, 会风会纪 and the settings; the services decide who may do what. */
export const noticesRepo = {
  async settingsRow(db: Db, unitId: string) {
    const [r] = await db.select().from(disciplineSettings).where(eq(disciplineSettings.unitId, unitId));
    return r;
  },
  /** Stores the settings at `version` (0: none stored yet); returns whether the row was written. */
  async saveSettings(
    tx: Db,
    unitId: string,
    version: number,
    values: Omit<typeof disciplineSettings.$inferInsert, 'unitId'>,
  ) {
    if (version === 0) {
      const r = await tx
        .insert(disciplineSettings)
        .values({ unitId, ...values, version: 1 })
        .onConflictDoNothing()
        .returning({ v: disciplineSettings.version });
      return r.length === 1;
    }
    const r = await tx
      .update(disciplineSettings)
      .set({ ...values, version: version + 1 })
      .where(and(eq(disciplineSettings.unitId, unitId), eq(disciplineSettings.version, version)))
      .returning({ v: disciplineSettings.version });
    return r.length === 1;
  },
  async unitName(db: Db, unitId: string) {
    const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    return u?.name ?? '';
  },
  /** Active activities of the kinds, held in [from, to], that carry attendance. */
  async meetings(db: Db, unitId: string, kinds: readonly string[], from: string, to: string) {
    if (!kinds.length) return [];
    return db
      .select({
        id: activities.id,
        kind: activities.kind,
        title: activities.title,
        date: activities.heldOn,
        attendance: activities.attendance,
      })
      .from(activities)
      .where(
        and(
          eq(activities.unitId, unitId),
          eq(activities.active, true),
          inArray(activities.kind, [...kinds]),
          gte(activities.heldOn, from),
          lte(activities.heldOn, to),
          sql`jsonb_array_length(${activities.attendance}) > 0`,
        ),
      );
  },
  /** Units that recorded attendance since `from`: the only ones the daily sweep needs to visit. */
  async unitsWithAttendance(db: Db, from: string) {
    const rows = await db
      .selectDistinct({ unitId: activities.unitId })
      .from(activities)
      .where(
        and(
          eq(activities.active, true),
          gte(activities.heldOn, from),
          sql`jsonb_array_length(${activities.attendance}) > 0`,
        ),
      );
    return rows.map((r) => r.unitId);
  },
  async personDepartment(db: Db, unitId: string, personId: string) {
    const [p] = await db
      .select({ departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.id, personId)));
    return p?.departmentId ?? null;
  },
  /** Inserts a finding unless its dedupe key exists; returns it when inserted. */
  async insertFinding(tx: Db, row: typeof disciplineFindings.$inferInsert) {
    const [r] = await tx.insert(disciplineFindings).values(row).onConflictDoNothing().returning();
    return r;
  },
  async findingsNamed(db: Db, unitId: string, ids: readonly string[]): Promise<NamedFinding[]> {
    if (!ids.length) return [];
    return namedFindings(db).where(
      and(eq(disciplineFindings.unitId, unitId), inArray(disciplineFindings.id, [...ids])),
    );
  },
  /** Findings that may go into a notice: confirmed, not named by an issued notice; newest first. */
  async candidates(db: Db, unitId: string, limit: number, offset: number) {
    const where = and(
      eq(disciplineFindings.unitId, unitId),
      eq(disciplineFindings.status, 'confirmed'),
      isNull(disciplineFindings.noticeId),
    );
    const [rows, [c]] = await Promise.all([
      namedFindings(db)
        .where(where)
        .orderBy(desc(disciplineFindings.onDate), asc(disciplineFindings.id))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(disciplineFindings)
        .where(where),
    ]);
    return { rows, total: c?.n ?? 0 };
  },
  async notice(db: Db, unitId: string, id: string) {
    const [n] = await db
      .select()
      .from(disciplineNotices)
      .where(and(eq(disciplineNotices.unitId, unitId), eq(disciplineNotices.id, id)));
    return n;
  },
  async noticeFindings(db: Db, unitId: string, noticeId: string): Promise<NamedFinding[]> {
    const links = await db
      .select({ findingId: disciplineNoticeFindings.findingId })
      .from(disciplineNoticeFindings)
      .where(and(eq(disciplineNoticeFindings.unitId, unitId), eq(disciplineNoticeFindings.noticeId, noticeId)))
      .orderBy(asc(disciplineNoticeFindings.position));
    const named = await noticesRepo.findingsNamed(
      db,
      unitId,
      links.map((l) => l.findingId),
    );
    return links.map((l) => named.find((x) => x.f.id === l.findingId)!).filter(Boolean);
  },
  /** One page of notices; `scope` mirrors the notice policy's `see` (issued only, or all). */
  async page(
    db: Db,
    unitId: string,
    scope: 'all' | 'issued',
    status: string | undefined,
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(disciplineNotices.unitId, unitId),
      scope === 'issued' ? eq(disciplineNotices.status, 'issued') : undefined,
      status ? eq(disciplineNotices.status, status) : undefined,
    );
    const [rows, [c]] = await Promise.all([
      db
        .select()
        .from(disciplineNotices)
        .where(where)
        .orderBy(desc(disciplineNotices.createdAt))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(disciplineNotices)
        .where(where),
    ]);
    return { rows, total: c?.n ?? 0 };
  },
  async insertNotice(tx: Db, row: typeof disciplineNotices.$inferInsert) {
    const [n] = await tx.insert(disciplineNotices).values(row).returning();
    return n!;
  },
  /** Changes a notice at `version`; returns the row, or undefined when someone changed it meanwhile. */
  async updateNotice(
    tx: Db,
    unitId: string,
    id: string,
    version: number,
    set: Partial<typeof disciplineNotices.$inferInsert>,
  ) {
    const [n] = await tx
      .update(disciplineNotices)
      .set({ ...set, version: version + 1 })
      .where(
        and(eq(disciplineNotices.unitId, unitId), eq(disciplineNotices.id, id), eq(disciplineNotices.version, version)),
      )
      .returning();
    return n;
  },
  async linkFindings(tx: Db, unitId: string, noticeId: string, findingIds: readonly string[]) {
    if (!findingIds.length) return;
    const [m] = await tx
      .select({ p: max(disciplineNoticeFindings.position) })
      .from(disciplineNoticeFindings)
      .where(and(eq(disciplineNoticeFindings.unitId, unitId), eq(disciplineNoticeFindings.noticeId, noticeId)));
    const start = (m?.p ?? 0) + 1;
    await tx
      .insert(disciplineNoticeFindings)
      .values(findingIds.map((findingId, i) => ({ unitId, noticeId, findingId, position: start + i })))
      .onConflictDoNothing();
  },
  /** The next number of the unit's year (1 for the first); the unique index refuses a race. */
  async nextSeq(tx: Db, unitId: string, year: number) {
    const [m] = await tx
      .select({ s: max(disciplineNotices.docSeq) })
      .from(disciplineNotices)
      .where(and(eq(disciplineNotices.unitId, unitId), eq(disciplineNotices.docYear, year)));
    return (m?.s ?? 0) + 1;
  },
  /** Marks the findings as named by the issued notice (those not named by another already). */
  async markFindingsNoticed(tx: Db, unitId: string, noticeId: string, at: Date) {
    const ids = tx
      .select({ id: disciplineNoticeFindings.findingId })
      .from(disciplineNoticeFindings)
      .where(and(eq(disciplineNoticeFindings.unitId, unitId), eq(disciplineNoticeFindings.noticeId, noticeId)));
    return tx
      .update(disciplineFindings)
      .set({ noticeId, updatedAt: at })
      .where(
        and(
          eq(disciplineFindings.unitId, unitId),
          inArray(disciplineFindings.id, ids),
          isNull(disciplineFindings.noticeId),
        ),
      )
      .returning({ id: disciplineFindings.id });
  },
  /** The draft or approved (not yet issued) notices that name a finding. */
  async pendingNoticesNaming(db: Db, unitId: string, findingId: string) {
    return db
      .select({ id: disciplineNotices.id, title: disciplineNotices.title })
      .from(disciplineNoticeFindings)
      .innerJoin(
        disciplineNotices,
        and(
          eq(disciplineNotices.unitId, disciplineNoticeFindings.unitId),
          eq(disciplineNotices.id, disciplineNoticeFindings.noticeId),
        ),
      )
      .where(
        and(
          eq(disciplineNoticeFindings.unitId, unitId),
          eq(disciplineNoticeFindings.findingId, findingId),
          inArray(disciplineNotices.status, ['draft', 'approved']),
        ),
      );
  },
  async draftOfPeriod(tx: Db, unitId: string, kind: string, periodKey: string) {
    const [n] = await tx
      .select()
      .from(disciplineNotices)
      .where(
        and(
          eq(disciplineNotices.unitId, unitId),
          eq(disciplineNotices.kind, kind),
          eq(disciplineNotices.periodKey, periodKey),
          eq(disciplineNotices.status, 'draft'),
        ),
      );
    return n;
  },
  /** Everyone of the unit in service: an issued notice goes to all staff. */
  async staffIds(db: Db, unitId: string) {
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.status, 'in_service')));
    return rows.map((r) => r.id);
  },
  /** 会风会纪 findings, newest first, with the notices (not withdrawn) that name them. */
  async meetingFindings(db: Db, unitId: string, limit: number, offset: number) {
    const where = and(eq(disciplineFindings.unitId, unitId), eq(disciplineFindings.kind, 'meeting'));
    const [rows, [c]] = await Promise.all([
      namedFindings(db)
        .where(where)
        .orderBy(desc(disciplineFindings.onDate), asc(disciplineFindings.id))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(disciplineFindings)
        .where(where),
    ]);
    const notices = rows.length
      ? await db
          .select({
            findingId: disciplineNoticeFindings.findingId,
            id: disciplineNotices.id,
            title: disciplineNotices.title,
            status: disciplineNotices.status,
          })
          .from(disciplineNoticeFindings)
          .innerJoin(
            disciplineNotices,
            and(
              eq(disciplineNotices.unitId, disciplineNoticeFindings.unitId),
              eq(disciplineNotices.id, disciplineNoticeFindings.noticeId),
            ),
          )
          .where(
            and(
              eq(disciplineNoticeFindings.unitId, unitId),
              inArray(
                disciplineNoticeFindings.findingId,
                rows.map((r) => r.f.id),
              ),
              ne(disciplineNotices.status, 'withdrawn'),
            ),
          )
      : [];
    return { rows, notices, total: c?.n ?? 0 };
  },
};
