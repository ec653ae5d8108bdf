/**
 * The upper level's year plan of inspections (督查检查计划, measures 35 and 39; issue 20). The tenant is the upper
 * unit (`unit_id`); the inspected units are units below it (`inspection_units.inspected_unit_id`).
 */
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

/** One plan per unit and year: a draft until the 督查室 approves it; the 扎堆 settings it was checked with. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    /** draft | approved */
    status: text('status').notNull().default('draft'),
    maxWithinWindow: integer('max_within_window').notNull(),
    windowWorkingDays: integer('window_working_days').notNull(),
    yearQuota: integer('year_quota').notNull(),
    monthQuota: integer('month_quota').notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inspection_plans_unit_year_uq').on(t.unitId, t.year)],
);

/**
 * An inspection of a plan: planned, merged into another (`merged_into`), withdrawn (with a reason) or done (what
 * happened recorded). One recorded after approval without being planned carries `unplanned_reason`.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    planId: uuid('plan_id').notNull(),
    subject: text('subject').notNull(),
    /** comprehensive (综合) | special (专项) */
    kind: text('kind').notNull(),
    team: text('team').notNull(),
    startsOn: text('starts_on').notNull(),
    /** planned | merged | withdrawn | done */
    status: text('status').notNull().default('planned'),
    mergedInto: uuid('merged_into'),
    withdrawnReason: text('withdrawn_reason'),
    unplannedReason: text('unplanned_reason'),
    happenedFrom: text('happened_from'),
    happenedTo: text('happened_to'),
    happenedSummary: text('happened_summary'),
    happenedBy: uuid('happened_by'),
    happenedAt: timestamp('happened_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inspections_plan_idx').on(t.unitId, t.planId, t.startsOn)],
);

/** The units an inspection goes to (each an active unit of the planning unit's overseen subtree when added). */
export const inspectionUnits = pgTable(
  'inspection_units',
  {
    unitId: uuid('unit_id').notNull(),
    inspectionId: uuid('inspection_id').notNull(),
    inspectedUnitId: uuid('inspected_unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inspectionId, t.inspectedUnitId] }),
    index('inspection_units_inspected_idx').on(t.inspectedUnitId),
  ],
);

/** Why the 督查室 kept a 扎堆 flag when approving (`flag_key`: kind, unit and period of domain/inspection-plan). */
export const inspectionFlagAcks = pgTable(
  'inspection_flag_acks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    planId: uuid('plan_id').notNull(),
    flagKey: text('flag_key').notNull(),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inspection_flag_acks_uq').on(t.planId, t.flagKey)],
);
