/**
 * 减负 (measure 38), beside the plan's entries (`plan_entries` in decisions.ts): the unit's 减负 settings, the
 * 发文 register and the reasons the office records for campaign activities of a meeting kind held unplanned
 * (activities have no plan link; decision meetings carry their own reason).
 */
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** One row per unit once it saves its settings; until then domain/burden DEFAULT_BURDEN_SETTINGS apply. */
export const burdenSettings = pgTable('burden_settings', {
  unitId: uuid('unit_id').primaryKey(),
  maxMeetingMinutes: integer('max_meeting_minutes').notNull(),
  maxUnplannedMeetingsPerQuarter: integer('max_unplanned_meetings_per_quarter').notNull(),
  maxDocumentsPerYear: integer('max_documents_per_year').notNull(),
  mergeWithinWorkingDays: integer('merge_within_working_days').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * 发文登记: a document the unit issued, with its 文号 (unique in the unit, withdrawn ones included: a number is
 * never given twice). It fulfils a plan entry of kind document, or carries the reason it was not planned.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    docNo: text('doc_no').notNull(),
    title: text('title').notNull(),
    issuedOn: text('issued_on').notNull(),
    departmentId: uuid('department_id'),
    planEntryId: uuid('plan_entry_id'),
    unplannedReason: text('unplanned_reason'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('issued_documents_no_uq').on(t.unitId, t.docNo),
    index('issued_documents_unit_date_idx').on(t.unitId, t.issuedOn),
  ],
);

/** Why a campaign activity of a meeting kind was held though no plan entry of its kind lay in its month. */
export const activityPlanReasons = pgTable(
  'activity_plan_reasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('activity_plan_reasons_uq').on(t.unitId, t.activityId)],
);
