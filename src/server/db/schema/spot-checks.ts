/**
 * 随机抽查 (issue 20): the upper level's draws of items across the units below it (`unit_id` is the upper unit)
 * and the checker's result per drawn item (the item lives in `item_unit_id`).
 */
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** One draw: its size, which items it drew from (open, closed or all), the seed that replays it. */
export const spotCheckDraws = pgTable(
  'spot_check_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    size: integer('size').notNull(),
    /** open | closed | all */
    scope: text('scope').notNull(),
    seed: text('seed').notNull(),
    candidateCount: integer('candidate_count').notNull(),
    drawnBy: uuid('drawn_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('spot_check_draws_unit_idx').on(t.unitId, t.createdAt)],
);

/** A drawn item and, once checked, the result: true 属实 | false 不属实 (the item reopened) | rectify 需整改. */
export const spotChecks = pgTable(
  'spot_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    drawId: uuid('draw_id').notNull(),
    itemUnitId: uuid('item_unit_id').notNull(),
    itemId: uuid('item_id').notNull(),
    result: text('result'),
    note: text('note'),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('spot_checks_draw_item_uq').on(t.drawId, t.itemId),
    index('spot_checks_unit_idx').on(t.unitId, t.createdAt),
  ],
);
