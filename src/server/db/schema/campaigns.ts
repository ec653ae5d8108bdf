import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex, boolean, date } from 'drizzle-orm/pg-core';

/**
 * 专项活动: a campaign of a unit for a year, made from a template (whose categories and measures are
 * copied, so the campaign can then be edited without touching the template). `params` holds the
 * values of the template's redacted numbers; `phases` the dated phases.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    templateCode: text('template_code').notNull(),
    templateVersion: integer('template_version').notNull(),
    params: jsonb('params').notNull().default({}),
    phases: jsonb('phases').notNull().default([]),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    leadingGroupId: uuid('leading_group_id'),
    officeGroupId: uuid('office_group_id'),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    /** Template leftovers (domain/template-leftovers) the office keeps as they are: [{ key, reason, by, at }]. */
    keptLeftovers: jsonb('kept_leftovers').notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('campaigns_unit_name_year_uq').on(t.unitId, t.name, t.year)],
);

export const campaignCategories = pgTable(
  'campaign_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    no: integer('no').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    focus: text('focus').notNull(),
  },
  (t) => [uniqueIndex('campaign_categories_uq').on(t.unitId, t.campaignId, t.no)],
);

/** A measure of a campaign; withdrawn with a reason, never deleted. */
export const campaignMeasures = pgTable(
  'campaign_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    categoryNo: integer('category_no').notNull(),
    no: integer('no').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    params: jsonb('params').notNull().default([]),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('campaign_measures_uq').on(t.unitId, t.campaignId, t.no)],
);

/** 帮扶联系村, 服务企业, 督查对象县（市）…: things activities concern, and who is assigned to each. */
export const contactObjects = pgTable(
  'contact_objects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    assigneeIds: uuid('assignee_ids').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('contact_objects_uq').on(t.unitId, t.kind, t.name)],
);

/**
 * Who is assigned to a contact object, effective-dated (domain/assignments.ts): `from_date` null means since always
 * (assignees recorded before dates were kept, and those named when the object is registered), `to_date` null means
 * still assigned. `contact_objects.assignee_ids` keeps the latest (open-ended) assignees for the code that reads it.
 */
export const contactObjectAssignments = pgTable(
  'contact_object_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    objectId: uuid('object_id').notNull(),
    personId: uuid('person_id').notNull(),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('contact_object_assignments_object_idx').on(t.unitId, t.objectId)],
);

/**
 * 活动记录: something that happened, on a date, with participants (and who was absent), the objects
 * it concerned (contact objects, or people for 政治家访), the measures it serves, and minutes.
 * Obligations are counted from these rows.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    campaignId: uuid('campaign_id'),
    type: text('type').notNull(),
    /** The activity's kind (domain/activity-kinds.ts); rules count kinds. Set by the service on every insert. */
    kind: text('kind').notNull().default('other'),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    departmentId: uuid('department_id'),
    participantIds: uuid('participant_ids').array().notNull().default([]),
    absentIds: uuid('absent_ids').array().notNull().default([]),
    objectIds: uuid('object_ids').array().notNull().default([]),
    measureNos: integer('measure_nos').array().notNull().default([]),
    /** Per-person attendance of a meeting whose kind records it: [{ personId, status }]. */
    attendance: jsonb('attendance').notNull().default([]),
    minutes: text('minutes').notNull().default(''),
    /** A discipline record (纪律检查): read in full only by discipline staff, its recorder and the people concerned. */
    confidential: boolean('confidential').notNull().default(false),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    /** Raised by each correction (更正), so that a correction made on a stale copy is refused. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('activities_unit_date_idx').on(t.unitId, t.heldOn),
    // The search (issue 19): trigram indexes serve ILIKE '%word%' (pg_trgm, created by the migration).
    index('activities_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('activities_minutes_trgm_idx').using('gin', sql`${t.minutes} gin_trgm_ops`),
  ],
);

/** 义务规则: who must do which activity how often (see domain/compliance.ts); subject as JSON. */
export const obligationRules = pgTable(
  'obligation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    measureNo: integer('measure_no'),
    title: text('title').notNull(),
    subject: jsonb('subject').notNull(),
    rule: jsonb('rule').notNull(),
    /** The campaign parameter that sets the minimum (or the percent), when the template gives one. */
    paramKey: text('param_key'),
    /** Later versions of `rule`, each in force from its date: [{ from, rule }]; a period keeps the version in force when it began. */
    versions: jsonb('versions').notNull().default([]),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('obligation_rules_campaign_idx').on(t.unitId, t.campaignId)],
);

/** A unit's own activity kinds (活动类别), besides the templates' and the generic ones; withdrawn with a reason. */
export const activityKinds = pgTable(
  'activity_kinds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    scope: text('scope').notNull(),
    attendance: boolean('attendance').notNull().default(false),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('activity_kinds_uq').on(t.unitId, t.code)],
);

/** “1+N” 随机点名: who was called at a study session, and what they shared. */
export const rollCalls = pgTable(
  'roll_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    campaignId: uuid('campaign_id'),
    activityId: uuid('activity_id').notNull(),
    personId: uuid('person_id').notNull(),
    shared: text('shared').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('roll_calls_uq').on(t.unitId, t.activityId, t.personId),
    index('roll_calls_campaign_idx').on(t.unitId, t.campaignId),
  ],
);

/** A unit's own template (imported as data, checked before it is stored); versions are kept. */
export const campaignTemplates = pgTable(
  'campaign_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    data: jsonb('data').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('campaign_templates_uq').on(t.unitId, t.code, t.version)],
);
