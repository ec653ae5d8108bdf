import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import {
  opinionItems,
  opinionResponses,
  orgLifeMeetings,
  people,
  selfCheckLists,
  studySessions,
  studyStatements,
  supervisedItems,
  talkRecords,
} from '../../db/schema/index.js';

export type MeetingRow = typeof orgLifeMeetings.$inferSelect;
export type ListRow = typeof selfCheckLists.$inferSelect;
export type TalkRow = typeof talkRecords.$inferSelect;
export type OpinionItemRow = typeof opinionItems.$inferSelect;

/** Queries of the organizational life meeting; the services decide who may see what. */
export const orglifeRepo = {
  async meeting(db: Db, unitId: string, id: string) {
    const [m] = await db
      .select()
      .from(orgLifeMeetings)
      .where(and(eq(orgLifeMeetings.unitId, unitId), eq(orgLifeMeetings.id, id)));
    return m ?? null;
  },
  async meetingsPage(db: Db, unitId: string, limit: number, offset: number) {
    const where = eq(orgLifeMeetings.unitId, unitId);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(orgLifeMeetings)
        .where(where)
        .orderBy(desc(orgLifeMeetings.plannedOn), desc(orgLifeMeetings.createdAt))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(orgLifeMeetings).where(where),
    ]);
    return { rows, total: total!.n };
  },
  async updateMeeting(
    db: Db,
    unitId: string,
    id: string,
    version: number,
    patch: Partial<typeof orgLifeMeetings.$inferInsert>,
  ) {
    return db
      .update(orgLifeMeetings)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(orgLifeMeetings.unitId, unitId), eq(orgLifeMeetings.id, id), eq(orgLifeMeetings.version, version)))
      .returning();
  },
  /** In-service people of the unit with what the talk plan and the lists need. */
  async roster(db: Db, unitId: string) {
    return db
      .select({
        id: people.id,
        name: people.name,
        departmentId: people.departmentId,
        isPartyMember: people.isPartyMember,
        branchRole: people.branchRole,
        isLeadership: people.isLeadership,
        sortOrder: people.sortOrder,
      })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.status, 'in_service')))
      .orderBy(asc(people.sortOrder), asc(people.name));
  },
  /** 分管领导 of each department as the supervision ledger records it: the leader most often named on its items. */
  async inChargeByDepartment(db: Db, unitId: string) {
    const rows = await db
      .select({ departmentId: supervisedItems.leadDepartmentId, leaderId: supervisedItems.leaderPersonId, n: count() })
      .from(supervisedItems)
      .where(and(eq(supervisedItems.unitId, unitId), sql`${supervisedItems.leaderPersonId} is not null`))
      .groupBy(supervisedItems.leadDepartmentId, supervisedItems.leaderPersonId)
      .orderBy(desc(count()), asc(supervisedItems.leaderPersonId));
    const out = new Map<string, string>();
    for (const r of rows)
      if (r.departmentId && r.leaderId && !out.has(r.departmentId)) out.set(r.departmentId, r.leaderId);
    return out;
  },

  async studySessions(db: Db, unitId: string, meetingId: string) {
    return db
      .select()
      .from(studySessions)
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.meetingId, meetingId)))
      .orderBy(asc(studySessions.heldOn), asc(studySessions.createdAt));
  },
  async studySession(db: Db, unitId: string, id: string) {
    const [s] = await db
      .select()
      .from(studySessions)
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.id, id)));
    return s ?? null;
  },
  async statements(db: Db, unitId: string, sessionIds: string[]) {
    if (sessionIds.length === 0) return [];
    return db
      .select()
      .from(studyStatements)
      .where(and(eq(studyStatements.unitId, unitId), inArray(studyStatements.sessionId, sessionIds)));
  },
  async insertStudySession(tx: Db, row: typeof studySessions.$inferInsert) {
    const [s] = await tx.insert(studySessions).values(row).returning();
    return s;
  },
  /** Adds people to the session's sign-ins in one statement, so two people signing in at once both count. */
  async addSignIns(tx: Db, unitId: string, id: string, personIds: string[], at: Date) {
    await tx
      .update(studySessions)
      .set({
        signedIn: sql`(select coalesce(jsonb_agg(distinct v), '[]'::jsonb) from jsonb_array_elements(${studySessions.signedIn} || ${JSON.stringify(personIds)}::jsonb) v)`,
        updatedAt: at,
      })
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.id, id)));
  },
  /** The member's statement for the session, written or rewritten. */
  async saveStatement(
    tx: Db,
    row: { unitId: string; sessionId: string; personId: string; text: string; updatedAt: Date },
  ) {
    const [s] = await tx
      .insert(studyStatements)
      .values(row)
      .onConflictDoUpdate({
        target: [studyStatements.sessionId, studyStatements.personId],
        set: { text: row.text, updatedAt: row.updatedAt },
      })
      .returning();
    return s;
  },
  /** By id alone, as the service has already found the session in the unit. */
  async withdrawStudySession(tx: Db, id: string, reason: string, at: Date) {
    await tx.update(studySessions).set({ withdrawnReason: reason, updatedAt: at }).where(eq(studySessions.id, id));
  },
  /** Appends a material to the session's list (one statement, so two uploads at once both stay). */
  async addMaterial(tx: Db, unitId: string, id: string, material: unknown, at: Date) {
    await tx
      .update(studySessions)
      .set({
        materials: sql`${studySessions.materials} || ${JSON.stringify([material])}::jsonb`,
        version: sql`${studySessions.version} + 1`,
        updatedAt: at,
      })
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.id, id)));
  },

  async opinionItemsPage(
    db: Db,
    unitId: string,
    formId: string,
    f: {
      status?: string;
      targetKind?: string;
      categoryNo?: number;
      q?: string;
      limit: number;
      offset: number;
      search: { unclassified: boolean; aboutPerson: 'all' | string | null };
    },
  ) {
    const conds: SQL[] = [eq(opinionItems.unitId, unitId), eq(opinionItems.formId, formId)];
    if (f.status) conds.push(eq(opinionItems.status, f.status));
    if (f.targetKind === 'none') conds.push(isNull(opinionItems.targetKind));
    else if (f.targetKind) conds.push(eq(opinionItems.targetKind, f.targetKind));
    if (f.categoryNo) conds.push(eq(opinionItems.categoryNo, f.categoryNo));
    // Searching must not reveal texts the reader may not read (domain/policies/opinion-item.opinionSearchScope).
    if (f.q) {
      conds.push(ilike(opinionItems.text, containsPattern(f.q)));
      const s = f.search;
      if (s.aboutPerson !== 'all')
        conds.push(
          s.aboutPerson
            ? or(isNull(opinionItems.targetPersonId), eq(opinionItems.targetPersonId, s.aboutPerson))!
            : isNull(opinionItems.targetPersonId),
        );
      if (!s.unclassified) conds.push(isNotNull(opinionItems.targetKind));
    }
    const where = and(...conds);
    // Most repeated first within a category: what many people said.
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(opinionItems)
        .where(where)
        .orderBy(asc(opinionItems.categoryNo), desc(opinionItems.repeats), asc(opinionItems.id))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(opinionItems).where(where),
    ]);
    return { rows, total: total!.n };
  },
  async opinionItemsByIds(db: Db, unitId: string, ids: string[]) {
    return db
      .select()
      .from(opinionItems)
      .where(and(eq(opinionItems.unitId, unitId), inArray(opinionItems.id, ids)));
  },
  async opinionItemsOf(db: Db, unitId: string, formId: string) {
    return db
      .select()
      .from(opinionItems)
      .where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.formId, formId)));
  },
  async opinionItemsAbout(db: Db, unitId: string, formId: string, personId: string) {
    return db
      .select()
      .from(opinionItems)
      .where(
        and(
          eq(opinionItems.unitId, unitId),
          eq(opinionItems.formId, formId),
          eq(opinionItems.targetPersonId, personId),
          sql`${opinionItems.status} <> 'merged'`,
        ),
      )
      .orderBy(asc(opinionItems.categoryNo));
  },

  async lists(db: Db, unitId: string, meetingId: string) {
    return db
      .select()
      .from(selfCheckLists)
      .where(and(eq(selfCheckLists.unitId, unitId), eq(selfCheckLists.meetingId, meetingId)));
  },
  async list(db: Db, unitId: string, id: string) {
    const [l] = await db
      .select()
      .from(selfCheckLists)
      .where(and(eq(selfCheckLists.unitId, unitId), eq(selfCheckLists.id, id)));
    return l ?? null;
  },
  async listOf(db: Db, unitId: string, meetingId: string, ownerKey: string) {
    const [l] = await db
      .select()
      .from(selfCheckLists)
      .where(
        and(
          eq(selfCheckLists.unitId, unitId),
          eq(selfCheckLists.meetingId, meetingId),
          eq(selfCheckLists.ownerKey, ownerKey),
        ),
      );
    return l ?? null;
  },
  async updateList(
    db: Db,
    unitId: string,
    id: string,
    version: number,
    patch: Partial<typeof selfCheckLists.$inferInsert>,
  ) {
    return db
      .update(selfCheckLists)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(selfCheckLists.unitId, unitId), eq(selfCheckLists.id, id), eq(selfCheckLists.version, version)))
      .returning();
  },

  async talks(db: Db, unitId: string, meetingId: string) {
    return db
      .select()
      .from(talkRecords)
      .where(and(eq(talkRecords.unitId, unitId), eq(talkRecords.meetingId, meetingId)))
      .orderBy(desc(talkRecords.heldOn), desc(talkRecords.createdAt));
  },
  async talk(db: Db, unitId: string, id: string) {
    const [t] = await db
      .select()
      .from(talkRecords)
      .where(and(eq(talkRecords.unitId, unitId), eq(talkRecords.id, id)));
    return t ?? null;
  },

  async rectificationItems(db: Db, unitId: string, meetingId: string) {
    return db
      .select()
      .from(supervisedItems)
      .where(
        and(
          eq(supervisedItems.unitId, unitId),
          eq(supervisedItems.source, 'rectification'),
          ilike(supervisedItems.originKey, `orglife:${meetingId}:%`),
        ),
      )
      .orderBy(asc(supervisedItems.originKey));
  },
  /** A new meeting with the branch's own list (one per meeting). */
  async insertMeeting(tx: Db, row: typeof orgLifeMeetings.$inferInsert) {
    const [m] = await tx.insert(orgLifeMeetings).values(row).returning();
    await tx.insert(selfCheckLists).values({
      unitId: row.unitId,
      meetingId: m!.id,
      ownerKey: 'branch',
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
    return m!;
  },
  /** The member's list of the meeting, made if it is not there yet (two first openings make one). */
  async ensureList(db: Db, unitId: string, meetingId: string, personId: string, at: Date) {
    await db
      .insert(selfCheckLists)
      .values({ unitId, meetingId, personId, ownerKey: personId, createdAt: at, updatedAt: at })
      .onConflictDoNothing();
  },
  async responsesCount(db: Db, unitId: string, formId: string) {
    const [r] = await db
      .select({ n: count() })
      .from(opinionResponses)
      .where(and(eq(opinionResponses.unitId, unitId), eq(opinionResponses.formId, formId)));
    return r?.n ?? 0;
  },
  async insertTalk(tx: Db, row: typeof talkRecords.$inferInsert) {
    const [t] = await tx.insert(talkRecords).values(row).returning();
    return t!;
  },
  async voidTalk(tx: Db, unitId: string, id: string, reason: string) {
    await tx
      .update(talkRecords)
      .set({ voidedReason: reason })
      .where(and(eq(talkRecords.unitId, unitId), eq(talkRecords.id, id)));
  },
  async setOriginKey(db: Db, unitId: string, itemId: string, key: string) {
    await db
      .update(supervisedItems)
      .set({ originKey: key })
      .where(and(eq(supervisedItems.unitId, unitId), eq(supervisedItems.id, itemId)));
  },
};
