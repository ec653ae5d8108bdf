import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agendaItems as I,
  agendaPositions as P,
  meetingDecisions as D,
  departments,
  people,
  progressReports,
  supervisedItems,
} from '../../db/schema/index.js';

export type AgendaItemRow = typeof I.$inferSelect;
export type PositionRow = typeof P.$inferSelect;

/** Queries of agenda items (议题), positions (表态) and decisions (议定事项). */
export const agendaRepo = {
  async items(db: Db, unitId: string, meetingIds: string[]) {
    if (!meetingIds.length) return [];
    return db
      .select()
      .from(I)
      .where(and(eq(I.unitId, unitId), inArray(I.meetingId, meetingIds)))
      .orderBy(asc(I.meetingId), asc(I.seq))
      .limit(500 * meetingIds.length);
  },
  async item(db: Db, unitId: string, meetingId: string, id: string) {
    const [r] = await db
      .select()
      .from(I)
      .where(and(eq(I.unitId, unitId), eq(I.meetingId, meetingId), eq(I.id, id)));
    return r;
  },
  async nextSeq(tx: Db, unitId: string, meetingId: string) {
    const [m] = await tx
      .select({ n: max(I.seq) })
      .from(I)
      .where(and(eq(I.unitId, unitId), eq(I.meetingId, meetingId)));
    return (m?.n ?? 0) + 1;
  },
  async insert(tx: Db, row: typeof I.$inferInsert) {
    const [r] = await tx.insert(I).values(row).returning();
    return r!;
  },
  async update(tx: Db, unitId: string, id: string, version: number, set: Partial<typeof I.$inferInsert>) {
    const [r] = await tx
      .update(I)
      .set({ ...set, version: sql`${I.version} + 1` })
      .where(and(eq(I.unitId, unitId), eq(I.id, id), eq(I.version, version)))
      .returning();
    return r;
  },
  /**
   * Gives the items their new numbers. Two passes (through negative numbers) because the (meeting, seq) index is
   * unique and checked row by row.
   */
  async renumber(tx: Db, unitId: string, meetingId: string, order: { id: string; seq: number }[], at: Date) {
    for (const o of order)
      await tx
        .update(I)
        .set({ seq: -o.seq })
        .where(and(eq(I.unitId, unitId), eq(I.meetingId, meetingId), eq(I.id, o.id)));
    for (const o of order)
      await tx
        .update(I)
        .set({ seq: o.seq, updatedAt: at })
        .where(and(eq(I.unitId, unitId), eq(I.meetingId, meetingId), eq(I.id, o.id)));
  },
  /** The item, its row locked to the end of the transaction: a position and a decision on it take turns. */
  async lockItem(tx: Db, unitId: string, meetingId: string, id: string) {
    const [r] = await tx
      .select()
      .from(I)
      .where(and(eq(I.unitId, unitId), eq(I.meetingId, meetingId), eq(I.id, id)))
      .for('update');
    return r;
  },
  async positions(db: Db, unitId: string, itemIds: string[]) {
    if (!itemIds.length) return [];
    return db
      .select()
      .from(P)
      .where(and(eq(P.unitId, unitId), inArray(P.agendaItemId, itemIds)))
      .orderBy(asc(P.agendaItemId), asc(P.seq));
  },
  async insertPosition(tx: Db, row: typeof P.$inferInsert) {
    const [r] = await tx.insert(P).values(row).onConflictDoNothing().returning();
    return r;
  },
  async insertDecision(tx: Db, row: typeof D.$inferInsert) {
    const [r] = await tx.insert(D).values(row).returning();
    return r!;
  },
  /** The decisions of meetings, each with its supervised item's state (read from the item, never typed in). */
  async decisions(db: Db, unitId: string, meetingIds: string[]) {
    if (!meetingIds.length) return [];
    const owner = sql<
      string | null
    >`(select name from ${people} where ${people.id} = ${supervisedItems.ownerPersonId})`;
    const leader = sql<
      string | null
    >`(select name from ${people} where ${people.id} = ${supervisedItems.leaderPersonId})`;
    return db
      .select({
        id: D.id,
        meetingId: D.meetingId,
        agendaItemId: D.agendaItemId,
        seq: D.seq,
        text: D.text,
        itemId: D.itemId,
        item: supervisedItems,
        ownerName: owner,
        leaderName: leader,
        departmentName: departments.name,
      })
      .from(D)
      .innerJoin(supervisedItems, and(eq(supervisedItems.id, D.itemId), eq(supervisedItems.unitId, D.unitId)))
      .innerJoin(I, eq(I.id, D.agendaItemId))
      .leftJoin(departments, eq(departments.id, supervisedItems.leadDepartmentId))
      .where(and(eq(D.unitId, unitId), inArray(D.meetingId, meetingIds)))
      .orderBy(asc(D.meetingId), asc(I.seq), asc(D.seq))
      .limit(1000);
  },
  /** The last progress report of each item. */
  async lastReports(db: Db, unitId: string, itemIds: string[]) {
    if (!itemIds.length) return new Map<string, { text: string; percent: number; on: string }>();
    const rows = await db
      .selectDistinctOn([progressReports.itemId], {
        itemId: progressReports.itemId,
        text: progressReports.text,
        percent: progressReports.percent,
        on: progressReports.reportedOn,
      })
      .from(progressReports)
      .where(and(eq(progressReports.unitId, unitId), inArray(progressReports.itemId, itemIds)))
      .orderBy(progressReports.itemId, desc(progressReports.createdAt));
    return new Map(rows.map((r) => [r.itemId, { text: r.text, percent: r.percent, on: r.on }]));
  },
};
