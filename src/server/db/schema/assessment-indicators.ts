/**
 * 考核指标 (measure 9): an indicator of a department or a person, detailing a campaign measure or from the unit's
 * own list, with a target, its unit, a direction (at least / at most), a period kind and a source: computed from
 * the record (domain/indicators INDICATOR_SOURCES) or reported with evidence and reviewed. Withdrawn with a
 * reason, never deleted; edited at the version read.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex, numeric } from 'drizzle-orm/pg-core';

export const assessmentIndicators = pgTable(
  'assessment_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    ownerKind: text('owner_kind').notNull(),
    /** A department's id (owner_kind department) or a person's (owner_kind person). */
    ownerId: uuid('owner_id').notNull(),
    /** The campaign measure the indicator details (细化、量化), or null for the unit's own list. */
    measureId: uuid('measure_id'),
    title: text('title').notNull(),
    unitLabel: text('unit_label').notNull(),
    target: numeric('target', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    direction: text('direction').notNull(),
    periodKind: text('period_kind').notNull(),
    source: text('source').notNull(),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('assessment_indicators_owner_idx').on(t.unitId, t.ownerKind, t.ownerId),
    index('assessment_indicators_created_idx').on(t.unitId, t.createdAt, t.id),
  ],
);

/**
 * A reported value (source `reported`) for one period (period_key '2026-Q3', '2026-09', '2026'), with its
 * evidence, reviewed by the office: submitted → accepted, or returned with a reason (then resubmitted as a new
 * report). One live (submitted or accepted) report per indicator and period.
 */
export const assessmentIndicatorReports = pgTable(
  'assessment_indicator_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    periodKey: text('period_key').notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    evidence: text('evidence').notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    status: text('status').notNull().default('submitted'),
    reviewReason: text('review_reason'),
    reportedBy: uuid('reported_by').notNull(),
    reportedByPerson: uuid('reported_by_person'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('assessment_indicator_reports_idx').on(t.unitId, t.indicatorId, t.periodKey),
    uniqueIndex('assessment_indicator_reports_live_uq')
      .on(t.unitId, t.indicatorId, t.periodKey)
      .where(sql`status <> 'returned'`),
  ],
);
