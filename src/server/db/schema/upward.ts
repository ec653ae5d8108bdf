import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, date, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * What an upper unit asks of the units below it (issue 20): a report (上报: the organizational life meeting's
 * 情况报告, the campaign's 工作情况报告, or a form of its own) or a task (上级交办), due in working days of the upper
 * unit's calendar. The tenant is the upper unit; each addressed unit has one target row.
 */
export const upwardRequests = pgTable(
  'upward_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    /** meeting_report | campaign_report | form | task */
    kind: text('kind').notNull(),
    /** The upper unit's own number of the request (文号), unique in the unit. */
    docNo: text('doc_no').notNull(),
    title: text('title').notNull(),
    instructions: text('instructions').notNull().default(''),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** open | withdrawn */
    status: text('status').notNull().default('open'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('upward_requests_doc_no_uq').on(t.unitId, t.docNo),
    index('upward_requests_unit_idx').on(t.unitId, t.issuedOn),
  ],
);

/**
 * One addressed unit of a request. The unit below registers it in its ledger (an item with the request's due
 * date: the closed loop's reminders, colours and rankings apply) and, for a report, submits its document.
 */
export const upwardTargets = pgTable(
  'upward_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The upper unit (the request's tenant). */
    unitId: uuid('unit_id').notNull(),
    requestId: uuid('request_id').notNull(),
    targetUnitId: uuid('target_unit_id').notNull(),
    /** The item in the target unit's ledger, once registered there. */
    itemId: uuid('item_id'),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    /** The submitted document: a stored file of the target unit (subject type upward_submission). */
    submissionFileId: uuid('submission_file_id'),
    submissionNote: text('submission_note').notNull().default(''),
    chaseCount: integer('chase_count').notNull().default(0),
    lastChasedAt: timestamp('last_chased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('upward_targets_request_unit_uq').on(t.requestId, t.targetUnitId),
    index('upward_targets_target_idx').on(t.targetUnitId),
    index('upward_targets_open_idx')
      .on(t.targetUnitId)
      .where(sql`submitted_at is null`),
  ],
);
