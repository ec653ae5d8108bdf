import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  deadlines,
  documents,
  extensionRequests,
  itemMilestones,
  progressReports,
  supervisedItems,
} from '../../db/schema/index.js';
import { ledgerRepo } from './ledger.repo.js';

export type { LedgerFilter } from './ledger.repo.js';

export type ItemRow = typeof supervisedItems.$inferSelect;
/** The deadline's fields an item keeps a copy of. */
export type DeadlineCopy = { due: string; provisional: boolean; halfDue: string | null; receivedOn?: string };

/** The item's current due date: its earliest open milestone, never later than `deadline` (domain/milestones.currentDue). */
export function currentDueSql(unitId: string, itemId: SQL | string, deadline: string): SQL<string> {
  return sql<string>`least(${deadline}::text, (select min(m.due) from item_milestones m where m.unit_id = ${unitId} and m.item_id = ${itemId}::uuid and m.done_on is null))`;
}

export const itemsRepo = {
  async insertMilestones(db: Db, rows: (typeof itemMilestones.$inferInsert)[]) {
    if (rows.length) await db.insert(itemMilestones).values(rows);
  },
  async milestones(db: Db, unitId: string, itemId: string) {
    return db
      .select()
      .from(itemMilestones)
      .where(and(eq(itemMilestones.unitId, unitId), eq(itemMilestones.itemId, itemId)))
      .orderBy(asc(itemMilestones.seq));
  },
  /** Marks an open milestone done; false if it was already done (or is not this item's). */
  async completeMilestone(db: Db, unitId: string, itemId: string, id: string, day: string, note: string) {
    const rows = await db
      .update(itemMilestones)
      .set({ doneOn: day, doneNote: note })
      .where(
        and(
          eq(itemMilestones.unitId, unitId),
          eq(itemMilestones.itemId, itemId),
          eq(itemMilestones.id, id),
          isNull(itemMilestones.doneOn),
        ),
      )
      .returning({ id: itemMilestones.id });
    return rows.length === 1;
  },
  async insert(db: Db, row: typeof supervisedItems.$inferInsert) {
    const [r] = await db.insert(supervisedItems).values(row).returning();
    return r!;
  },
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select({
        item: supervisedItems,
        due: deadlines.due,
        provisional: deadlines.provisional,
        policy: deadlines.policy,
        receivedOn: deadlines.receivedOn,
        deadlineId: deadlines.id,
      })
      .from(supervisedItems)
      .innerJoin(
        deadlines,
        and(
          eq(deadlines.unitId, supervisedItems.unitId),
          eq(deadlines.subjectType, 'item'),
          sql`${deadlines.subjectId} = ${supervisedItems.id}::text`,
        ),
      )
      .where(and(eq(supervisedItems.unitId, unitId), eq(supervisedItems.id, id)));
    return r;
  },
  /** Updates only if the version is still `version`; false when someone changed it meanwhile. */
  async updateVersioned(
    db: Db,
    unitId: string,
    id: string,
    version: number,
    patch: Partial<typeof supervisedItems.$inferInsert>,
  ) {
    const rows = await db
      .update(supervisedItems)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(supervisedItems.unitId, unitId), eq(supervisedItems.id, id), eq(supervisedItems.version, version)))
      .returning({ id: supervisedItems.id });
    return rows.length === 1;
  },
  /** Copies a deadline's due date and flag onto its item (see the schema's note). */
  async setDue(db: Db, unitId: string, id: string, d: DeadlineCopy) {
    await db
      .update(supervisedItems)
      .set({ ...d, due: currentDueSql(unitId, id, d.due) })
      .where(and(eq(supervisedItems.unitId, unitId), eq(supervisedItems.id, id)));
  },
  /** A report is not an edit of the item: it moves last_report_on without bumping the version. */
  async setLastReportOn(db: Db, unitId: string, id: string, day: string) {
    await db
      .update(supervisedItems)
      .set({ lastReportOn: day })
      .where(and(eq(supervisedItems.unitId, unitId), eq(supervisedItems.id, id)));
  },
  async insertReport(db: Db, row: typeof progressReports.$inferInsert) {
    const rows = await db.insert(progressReports).values(row).onConflictDoNothing().returning();
    return rows[0];
  },
  async reports(db: Db, unitId: string, itemId: string) {
    return db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.unitId, unitId), eq(progressReports.itemId, itemId)))
      .orderBy(asc(progressReports.createdAt));
  },
  async insertExtension(db: Db, row: typeof extensionRequests.$inferInsert) {
    const [r] = await db.insert(extensionRequests).values(row).returning();
    return r!;
  },
  async extension(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(extensionRequests)
      .where(and(eq(extensionRequests.unitId, unitId), eq(extensionRequests.id, id)));
    return r;
  },
  async extensions(db: Db, unitId: string, itemId: string) {
    return db
      .select()
      .from(extensionRequests)
      .where(and(eq(extensionRequests.unitId, unitId), eq(extensionRequests.itemId, itemId)))
      .orderBy(asc(extensionRequests.createdAt));
  },
  async decideExtension(db: Db, unitId: string, id: string, patch: Partial<typeof extensionRequests.$inferInsert>) {
    const rows = await db
      .update(extensionRequests)
      .set(patch)
      .where(
        and(
          eq(extensionRequests.unitId, unitId),
          eq(extensionRequests.id, id),
          eq(extensionRequests.status, 'pending'),
        ),
      )
      .returning({ id: extensionRequests.id });
    return rows.length === 1;
  },
  async insertDocument(db: Db, row: typeof documents.$inferInsert) {
    const [r] = await db.insert(documents).values(row).returning();
    return r!;
  },
  async documentByNo(db: Db, unitId: string, docNo: string) {
    const [r] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.unitId, unitId), eq(documents.docNo, docNo)));
    return r;
  },
  ...ledgerRepo,
};
