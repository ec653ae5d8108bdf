import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, boolean, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Official schedules imported by an administrator (holiday-cn JSON or .ics). The national
 * schedule is the same for every unit, so these two tables are installation-wide, not tenant rows
 * (a Citus reference table); an imported year replaces the built-in data of that year.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  importedBy: text('imported_by').notNull(),
  source: text('source').notNull(),
});

export const calendarDays = pgTable('calendar_days', {
  date: text('date').primaryKey(),
  year: integer('year').notNull(),
  working: boolean('working').notNull(),
  name: text('name').notNull(),
});

/** A unit's own arrangement for a day (本地安排), with its reason. Withdrawn, never deleted. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    date: text('date').notNull(),
    working: boolean('working').notNull(),
    reason: text('reason').notNull(),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('calendar_overrides_active_uq')
      .on(t.unitId, t.date)
      .where(sql`${t.active}`),
    index('calendar_overrides_unit_idx').on(t.unitId, t.date),
  ],
);

/** An uploaded schedule, checked and previewed before it is applied. */
export const calendarImports = pgTable('calendar_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  fileName: text('file_name').notNull(),
  status: text('status').notNull(),
  years: jsonb('years').notNull(),
  days: jsonb('days').notNull(),
  changes: jsonb('changes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});

/** A unit's deadline settings (measure 26 defaults when absent). */
export const deadlineSettings = pgTable('deadline_settings', {
  unitId: uuid('unit_id').primaryKey(),
  urgentSameDay: boolean('urgent_same_day').notNull(),
  importantDays: integer('important_days').notNull(),
  normalDays: integer('normal_days').notNull(),
  extensionCapDays: integer('extension_cap_days').notNull(),
  /** Who approves extensions (特殊情况); none set means the party secretary's role decides. */
  extensionApproverPersonId: uuid('extension_approver_person_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * A stored deadline of something (a document, a supervised item…), with the policy it came from,
 * so that it is recomputed, reproducibly, when the calendar changes.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id'),
    receivedOn: text('received_on').notNull(),
    policy: jsonb('policy').notNull(),
    due: text('due').notNull(),
    /** Half of the working days have passed (重要件: a reminder at half time); null for other policies. */
    halfDue: text('half_due'),
    provisional: boolean('provisional').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('deadlines_open_idx').on(t.unitId, t.status, t.due),
    uniqueIndex('deadlines_subject_uq').on(t.unitId, t.subjectType, t.subjectId),
  ],
);
