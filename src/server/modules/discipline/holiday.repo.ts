import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  departments,
  disciplineFindings,
  holidayReminders,
  people,
  sifengCheckItems,
  sifengChecks,
} from '../../db/schema/index.js';

export type SifengCheckRow = typeof sifengChecks.$inferSelect;
export type SifengItemRow = typeof sifengCheckItems.$inferSelect;

/** Queries of 节日廉政 and the 四风 checks. */
export const holidayRepo = {
  async reminders(db: Db, unitId: string, keys: string[]) {
    if (!keys.length) return [];
    return db
      .select({ r: holidayReminders, sentByName: people.name })
      .from(holidayReminders)
      .leftJoin(people, and(eq(people.id, holidayReminders.sentBy), eq(people.unitId, holidayReminders.unitId)))
      .where(and(eq(holidayReminders.unitId, unitId), inArray(holidayReminders.periodKey, keys)));
  },
  /** Claims the period's reminder: null when it was sent already (by the scheduler or by hand). */
  async claimReminder(tx: Db, row: typeof holidayReminders.$inferInsert) {
    const [r] = await tx.insert(holidayReminders).values(row).onConflictDoNothing().returning();
    return r ?? null;
  },
  /** Everyone in service: the 廉政提醒 goes to all staff. */
  async staff(db: Db, unitId: string) {
    return db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.status, 'in_service')))
      .orderBy(asc(people.sortOrder), asc(people.id));
  },
  async unitsWithStaff(db: Db) {
    const rows = await db.selectDistinct({ unitId: people.unitId }).from(people).where(eq(people.status, 'in_service'));
    return rows.map((r) => r.unitId);
  },

  async check(db: Db, unitId: string, id: string) {
    const [c] = await db
      .select()
      .from(sifengChecks)
      .where(and(eq(sifengChecks.unitId, unitId), eq(sifengChecks.id, id)));
    return c ?? null;
  },
  async items(db: Db, unitId: string, checkIds: string[]) {
    if (!checkIds.length) return [];
    return db
      .select({ i: sifengCheckItems, inspectorName: people.name })
      .from(sifengCheckItems)
      .innerJoin(
        people,
        and(eq(people.id, sifengCheckItems.inspectorPersonId), eq(people.unitId, sifengCheckItems.unitId)),
      )
      .where(and(eq(sifengCheckItems.unitId, unitId), inArray(sifengCheckItems.checkId, checkIds)))
      .orderBy(asc(sifengCheckItems.checkId), asc(sifengCheckItems.itemKey));
  },
  async item(db: Db, unitId: string, id: string) {
    const [i] = await db
      .select()
      .from(sifengCheckItems)
      .where(and(eq(sifengCheckItems.unitId, unitId), eq(sifengCheckItems.id, id)));
    return i ?? null;
  },
  /**
   * A page of checks: all of the unit's for the readers, else those where `inspectorId` holds an item
   * (the scope of policies/sifeng-check).
   */
  async checksPage(db: Db, unitId: string, inspectorId: string | null, all: boolean, limit: number, offset: number) {
    const mine = sql`exists (select 1 from ${sifengCheckItems} i where i.unit_id = ${sifengChecks.unitId} and i.check_id = ${sifengChecks.id} and i.inspector_person_id = ${inspectorId})`;
    const where = and(eq(sifengChecks.unitId, unitId), all ? undefined : inspectorId ? mine : sql`false`);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(sifengChecks)
        .where(where)
        .orderBy(desc(sifengChecks.fromDate), desc(sifengChecks.createdAt))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(sifengChecks).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  async insertCheck(tx: Db, c: typeof sifengChecks.$inferInsert, items: (typeof sifengCheckItems.$inferInsert)[]) {
    const [row] = await tx.insert(sifengChecks).values(c).returning();
    await tx.insert(sifengCheckItems).values(items.map((i) => ({ ...i, checkId: row!.id })));
    return row!;
  },
  async withdrawCheck(tx: Db, unitId: string, id: string, reason: string, at: Date) {
    await tx
      .update(sifengChecks)
      .set({ status: 'withdrawn', withdrawnReason: reason, updatedAt: at, version: sql`${sifengChecks.version} + 1` })
      .where(and(eq(sifengChecks.unitId, unitId), eq(sifengChecks.id, id)));
  },
  /** Records an item when its version is still `version`; false when someone changed it meanwhile. */
  async recordItem(
    tx: Db,
    unitId: string,
    id: string,
    version: number,
    set: Pick<SifengItemRow, 'result' | 'note' | 'recordedBy' | 'recordedAt'>,
  ) {
    const r = await tx
      .update(sifengCheckItems)
      .set({ ...set, version: sql`${sifengCheckItems.version} + 1` })
      .where(
        and(eq(sifengCheckItems.unitId, unitId), eq(sifengCheckItems.id, id), eq(sifengCheckItems.version, version)),
      )
      .returning({ id: sifengCheckItems.id });
    return r.length > 0;
  },
  /** The findings of a check (kind sifeng), with the names of the people and departments concerned. */
  async findings(db: Db, unitId: string, checkId: string) {
    return db
      .select({ f: disciplineFindings, personName: people.name, departmentName: departments.name })
      .from(disciplineFindings)
      .leftJoin(people, and(eq(people.id, disciplineFindings.personId), eq(people.unitId, disciplineFindings.unitId)))
      .leftJoin(
        departments,
        and(eq(departments.id, disciplineFindings.departmentId), eq(departments.unitId, disciplineFindings.unitId)),
      )
      .where(
        and(
          eq(disciplineFindings.unitId, unitId),
          eq(disciplineFindings.sourceType, 'sifeng_check'),
          eq(disciplineFindings.sourceId, checkId),
        ),
      )
      .orderBy(asc(disciplineFindings.onDate), asc(disciplineFindings.createdAt));
  },
  /** The findings made from an item's records, by their dedupe keys (`sifeng:<item>:<version>:<n>`). */
  async itemFindings(db: Db, unitId: string, itemId: string) {
    return db
      .select({ id: disciplineFindings.id, status: disciplineFindings.status })
      .from(disciplineFindings)
      .where(
        and(
          eq(disciplineFindings.unitId, unitId),
          eq(disciplineFindings.sourceType, 'sifeng_check'),
          sql`${disciplineFindings.dedupeKey} like ${`sifeng:${itemId}:%`}`,
        ),
      );
  },
  /**
   * Dismisses the open findings of an item's earlier record, which a corrected record replaces (dismissed,
   * not deleted; version bumped as any edit). Returns the ids dismissed, for the audit trail.
   */
  async dismissItemFindings(tx: Db, unitId: string, itemId: string, at: Date) {
    const rows = await tx
      .update(disciplineFindings)
      .set({
        status: 'dismissed',
        dismissedReason: '检查人更正了检查结果',
        updatedAt: at,
        version: sql`${disciplineFindings.version} + 1`,
      })
      .where(
        and(
          eq(disciplineFindings.unitId, unitId),
          eq(disciplineFindings.sourceType, 'sifeng_check'),
          sql`${disciplineFindings.dedupeKey} like ${`sifeng:${itemId}:%`}`,
          eq(disciplineFindings.status, 'open'),
        ),
      )
      .returning({ id: disciplineFindings.id });
    return rows.map((r) => r.id);
  },
  async addFindings(tx: Db, rows: (typeof disciplineFindings.$inferInsert)[]) {
    if (rows.length) await tx.insert(disciplineFindings).values(rows);
  },
};
