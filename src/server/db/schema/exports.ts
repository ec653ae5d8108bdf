import { pgTable, uuid, text, timestamp, integer, index } from 'drizzle-orm/pg-core';

/**
 * One run of a large export (导出记录): who exported what, and how far it has got, so the page can
 * show a progress bar (whichever instance serves the poll) and the office can see who exported.
 */
export const exportRuns = pgTable(
  'export_runs',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    /** running | done | failed */
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('export_runs_unit_idx').on(t.unitId, t.startedAt)],
);
