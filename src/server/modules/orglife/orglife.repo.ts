import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import {
  opinionItems,
  opinionResponses,
  orgLifeMeetings,
  selfCheckLists,
  supervisedItems,
  talkRecords,
} from '../../db/schema/index.js';
import { meetingsRepo } from './meetings.repo.js';
import { studyRepo } from './study.repo.js';

export type MeetingRow = typeof orgLifeMeetings.$inferSelect;
export type ListRow = typeof selfCheckLists.$inferSelect;
export type TalkRow = typeof talkRecords.$inferSelect;
export type OpinionItemRow = typeof opinionItems.$inferSelect;

/** Queries of the organizational life meeting; the services decide who may see what. */
export const orglifeRepo = {
  ...meetingsRepo,
  ...studyRepo,

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
  /** The audiences the form's responses came from (which kinds of respondents answered, no counts). */
  async responseAudiences(db: Db, unitId: string, formId: string) {
    const rows = await db
      .selectDistinct({ audience: opinionResponses.audience })
      .from(opinionResponses)
      .where(and(eq(opinionResponses.unitId, unitId), eq(opinionResponses.formId, formId)));
    return rows.map((r) => r.audience);
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
