import { sql } from 'drizzle-orm';
import {
  pgSequence,
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  jsonb,
  bigint,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The order in which imports were queued (two applies in the same millisecond keep theirs). */
export const rosterImportQueueSeq = pgSequence('roster_import_queue_seq');

/**
 * A roster import: validated rows, then applied in chunks so that progress can be shown. Applying
 * queues it (`queued`, in `queue_seq` order); a unit runs one import at a time (`running`, the unique
 * index below), whose runner beats `heartbeat_at` with every chunk so that another instance can
 * resume an import whose instance died.
 */
export const rosterImports = pgTable(
  'roster_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull(),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    rows: jsonb('rows').notNull(),
    errors: jsonb('errors').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    queueSeq: bigint('queue_seq', { mode: 'number' }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** Who applied it: the audit events of a queued import name them, whoever's request starts it. */
    appliedBy: uuid('applied_by'),
    appliedByName: text('applied_by_name'),
  },
  (t) => [
    index('roster_imports_unit_idx').on(t.unitId, t.createdAt),
    uniqueIndex('roster_imports_one_running')
      .on(t.unitId)
      .where(sql`status = 'running'`),
  ],
);
