/**
 * 考核方案与结果 (measures 12, 24, 37): the unit's schemes, the scorecard of each subject (its points with the
 * evidence they were computed from, kept as computed: a confirmed scheme is frozen with its evidence), the manual
 * scores of the assessment group, the unit's attention rule and the leadership's decisions on the attention list.
 */
import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Band, ExplainedPoint, SchemeItem } from '../../../domain/assessment.js';

export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    /** department | person */
    subjectKind: text('subject_kind').notNull(),
    /** quarter | year */
    periodKind: text('period_kind').notNull(),
    /** '2026-Q4' or '2026' */
    periodKey: text('period_key').notNull(),
    items: jsonb('items').$type<SchemeItem[]>().notNull(),
    bands: jsonb('bands').$type<Band[]>().notNull(),
    groupMemberIds: jsonb('group_member_ids').$type<string[]>().notNull(),
    groupLeadId: uuid('group_lead_id').notNull(),
    /** draft → confirmed; withdrawn (with its reason) from either, kept. */
    status: text('status').notNull().default('draft'),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('assessment_schemes_unit_period_idx').on(t.unitId, t.periodKey)],
);

/** One subject's scorecard. Totals in hundredths of a point: a total is exactly the sum of its points. */
export const assessmentScorecards = pgTable(
  'assessment_scorecards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    schemeId: uuid('scheme_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    subjectName: text('subject_name').notNull(),
    /** The subject person (person schemes) and the department (the subject itself, or the person's). */
    subjectPersonId: uuid('subject_person_id'),
    subjectDepartmentId: uuid('subject_department_id'),
    totalCents: integer('total_cents').notNull(),
    suggestedGrade: text('suggested_grade').notNull(),
    finalGrade: text('final_grade').notNull(),
    /** Set when the group changed the grade (or settled a quota tie). */
    gradeReason: text('grade_reason'),
    gradeChangedBy: uuid('grade_changed_by'),
    points: jsonb('points').$type<ExplainedPoint[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('assessment_scorecards_subject_uq').on(t.schemeId, t.subjectId),
    index('assessment_scorecards_unit_idx').on(t.unitId),
  ],
);

/** A group member's score of a manual item on a scorecard, with the reason. One per assessor and item. */
export const assessmentManualScores = pgTable(
  'assessment_manual_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    scorecardId: uuid('scorecard_id').notNull(),
    itemId: text('item_id').notNull(),
    assessorPersonId: uuid('assessor_person_id').notNull(),
    pointsCents: integer('points_cents').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('assessment_manual_scores_uq').on(t.scorecardId, t.itemId, t.assessorPersonId)],
);

/** The unit's attention rule; until saved, domain/assessment-attention DEFAULT_ATTENTION_RULE applies. */
export const assessmentAttentionRules = pgTable('assessment_attention_rules', {
  unitId: uuid('unit_id').primaryKey(),
  minEvents: integer('min_events').notNull(),
  minQuarters: integer('min_quarters').notNull(),
  lastQuarters: integer('last_quarters').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A leader's decision on a person of the attention list for a window of quarters, with the reason. Appended. */
export const assessmentAttentionDecisions = pgTable(
  'assessment_attention_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** '2026-Q1..2026-Q4' */
    windowKey: text('window_key').notNull(),
    /** talk (谈话提醒) | reassign (调整岗位) | none (无需处理) */
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('assessment_attention_decisions_person_idx').on(t.unitId, t.personId)],
);
