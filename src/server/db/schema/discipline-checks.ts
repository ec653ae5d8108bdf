/**
 * 在岗检查 (issue 17, measure 25): a unit's monthly plan with its random draw, the checks drawn, and what the
 * inspectors observed. Confidential to the discipline staff: the draw must not be known before the check.
 * The plan stores the seed and the inputs as they were (`domain/check-draw.ts`), so the draw can be replayed.
 */
import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** One plan per unit and month: the number of checks drawn within the settings' min–max. */
export const checkPlans = pgTable(
  'check_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    plannedCount: integer('planned_count').notNull(),
    /** Hex; with `inputs` it gives the same draw again. */
    seed: text('seed').notNull(),
    /** `DrawInputs`: departments, the year's earlier draws, the settings, as they were when drawn. */
    inputs: jsonb('inputs').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('check_plans_unit_month_uq').on(t.unitId, t.month)],
);

/**
 * One check of a plan. Status: planned, recorded (observations stored), withdrawn (with a reason; it stays
 * in the draw's history, since it was drawn). `departmentIds` are the drawn ones, sorted.
 */
export const disciplineChecks = pgTable(
  'discipline_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    planId: uuid('plan_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    departmentIds: jsonb('department_ids').$type<string[]>().notNull(),
    scheduledOn: text('scheduled_on'),
    status: text('status').notNull().default('planned'),
    withdrawnReason: text('withdrawn_reason'),
    /** The day the check was made and who made it (people of the unit). */
    checkedOn: text('checked_on'),
    inspectorIds: jsonb('inspector_ids').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('discipline_checks_plan_ordinal_uq').on(t.planId, t.ordinal),
    index('discipline_checks_unit_idx').on(t.unitId, t.planId),
  ],
);

/** What the inspector saw of one person: on_duty 在岗, on_leave 请假（有记录）, business_trip 公出, absent 无故离岗, late 迟到. */
export const checkObservations = pgTable(
  'check_observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    checkId: uuid('check_id').notNull(),
    personId: uuid('person_id').notNull(),
    departmentId: uuid('department_id'),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('check_observations_person_uq').on(t.checkId, t.personId)],
);
