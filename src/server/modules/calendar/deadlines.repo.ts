import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deadlines, supervisedItems } from '../../db/schema/index.js';

export type DeadlineRow = typeof deadlines.$inferSelect;

export const deadlinesRepo = {
  async insert(db: Db, row: typeof deadlines.$inferInsert) {
    const [d] = await db.insert(deadlines).values(row).returning();
    return d!;
  },
  async update(db: Db, unitId: string, id: string, patch: Partial<typeof deadlines.$inferInsert>) {
    await db
      .update(deadlines)
      .set(patch)
      .where(and(eq(deadlines.unitId, unitId), eq(deadlines.id, id)));
  },
  /** Keeps the copy of due/provisional on the subject's own row in step (supervised items keep one). */
  async syncSubject(
    db: Db,
    d: { unitId: string; subjectType: string; subjectId: string },
    copy: { due: string; provisional: boolean; halfDue: string | null },
  ) {
    if (d.subjectType !== 'item') return;
    // An item's due date also honours its open milestones (see itemsRepo.setDue).
    await db
      .update(supervisedItems)
      .set({
        ...copy,
        due: sql<string>`least(${copy.due}::text, (select min(m.due) from item_milestones m where m.unit_id = ${d.unitId} and m.item_id = ${supervisedItems.id} and m.done_on is null))`,
      })
      .where(and(eq(supervisedItems.unitId, d.unitId), sql`${supervisedItems.id}::text = ${d.subjectId}`));
  },
  async byId(db: Db, unitId: string, id: string) {
    const [d] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.unitId, unitId), eq(deadlines.id, id)));
    return d;
  },
  /**
   * Open working-day deadlines that count days in [from, to]: received before `to` and due on or
   * after `from` (a provisional one is due on or after the first day of its missing year). Keyset
   * paging by id.
   */
  async openTouching(db: Db, f: { unitId?: string; from: string; to: string; afterId: string; limit: number }) {
    return db
      .select()
      .from(deadlines)
      .where(
        and(
          f.unitId ? eq(deadlines.unitId, f.unitId) : undefined,
          eq(deadlines.status, 'open'),
          sql`${deadlines.policy}->>'kind' = 'working_days'`,
          lt(deadlines.receivedOn, f.to),
          gte(deadlines.due, f.from),
          f.afterId ? gt(deadlines.id, f.afterId) : undefined,
        ),
      )
      .orderBy(asc(deadlines.id))
      .limit(f.limit);
  },
  async page(db: Db, unitId: string, f: { status?: string; provisional?: boolean; limit: number; offset: number }) {
    const where = and(
      eq(deadlines.unitId, unitId),
      f.status ? eq(deadlines.status, f.status) : undefined,
      f.provisional !== undefined ? eq(deadlines.provisional, f.provisional) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(deadlines)
        .where(where)
        .orderBy(asc(deadlines.due), asc(deadlines.id))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(deadlines)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
};
