/**
 * 节日廉政 and 四风 supervision (measure 23), the integrity education plan (measure 22). Problems a 四风
 * check finds are rows of `discipline_findings` (kind sifeng), which the 通报 are drafted from.
 */
import { pgTable, uuid, text, timestamp, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A 廉政提醒 sent before a holiday period: one per unit and period (`period_key` from
 * domain/holiday-periods, e.g. "2026:national"), whether the scheduler or discipline staff sent it,
 * so that neither sends it twice.
 */
export const holidayReminders = pgTable(
  'holiday_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    periodKey: text('period_key').notNull(),
    label: text('label').notNull(),
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    sentOn: text('sent_on').notNull(),
    /** The discipline staff member who sent it by hand; null when the scheduler sent it on the reminder day. */
    sentBy: uuid('sent_by'),
    recipients: integer('recipients').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('holiday_reminders_period_uq').on(t.unitId, t.periodKey)],
);

/**
 * A 四风 check: for a holiday period (`period_key`) or any date range (a spot check). Status: open,
 * withdrawn (with a reason; never deleted).
 */
export const sifengChecks = pgTable(
  'sifeng_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    periodKey: text('period_key'),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    status: text('status').notNull().default('open'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('sifeng_checks_unit_idx').on(t.unitId, t.fromDate)],
);

/**
 * One checklist item of a 四风 check (公车私用…, or an item the unit added), assigned to an inspector.
 * Result: pending, clear (未发现问题), problem (发现问题: the findings carry who, when and what).
 */
export const sifengCheckItems = pgTable(
  'sifeng_check_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    checkId: uuid('check_id').notNull(),
    itemKey: text('item_key').notNull(),
    label: text('label').notNull(),
    inspectorPersonId: uuid('inspector_person_id').notNull(),
    result: text('result').notNull().default('pending'),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('sifeng_check_items_uq').on(t.unitId, t.checkId, t.itemKey),
    index('sifeng_check_items_inspector_idx').on(t.unitId, t.inspectorPersonId),
  ],
);

/** The year's integrity education plan (廉政教育计划, measure 22): one per unit and year. */
export const integrityEducationPlans = pgTable(
  'integrity_education_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('integrity_education_plans_year_uq').on(t.unitId, t.year)],
);

/**
 * A planned session: its activity kind (warning_education, party_law_study, political_home_visit), month,
 * topic and audience (all, leadership, department). For 政治家访, the cadres to visit. It is held when an
 * activity of its kind is linked (`activity_ids`); withdrawn with a reason.
 */
export const integrityEducationSessions = pgTable(
  'integrity_education_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    planId: uuid('plan_id').notNull(),
    kind: text('kind').notNull(),
    month: integer('month').notNull(),
    topic: text('topic').notNull(),
    audience: text('audience').notNull(),
    departmentId: uuid('department_id'),
    cadreIds: uuid('cadre_ids').array().notNull().default([]),
    activityIds: uuid('activity_ids').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('integrity_education_sessions_plan_idx').on(t.unitId, t.planId, t.month)],
);
