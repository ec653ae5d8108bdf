/**
 * Libraries of 考核激励 (issue 19): the “争资争项” project library (measure 6) and the think tank (智库, measure 7).
 * A project's stage changes are kept as rows (the history is shown, never rewritten); its tasks are supervised
 * items linked by `project_items`. Experts are inside (a person of the unit) or outside (name, organisation,
 * contact: personal data the office alone reads); advice records what became of it, with the meeting decision
 * (议定事项) that adopted it. Nothing is deleted: withdrawn with a reason.
 */
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex, numeric } from 'drizzle-orm/pg-core';

/** A project. `stage`: domain/projects PROJECT_STAGES; funding in 万元. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull().default(''),
    stage: text('stage').notNull(),
    fundingSought: numeric('funding_sought', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    /** Null: nothing obtained yet (only a project at 立项 or later can have obtained funds). */
    fundingObtained: numeric('funding_obtained', { precision: 14, scale: 2, mode: 'number' }),
    ownerPersonId: uuid('owner_person_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    tags: text('tags').array().notNull().default([]),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('projects_unit_stage_idx').on(t.unitId, t.stage),
    index('projects_unit_department_idx').on(t.unitId, t.departmentId),
  ],
);

/** One change of stage (the first row: the stage the project was created at, `fromStage` null). */
export const projectStageChanges = pgTable(
  'project_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    projectId: uuid('project_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    /** The Shanghai date of the change. */
    changedOn: text('changed_on').notNull(),
    /** Required when the project goes back to an earlier stage. */
    reason: text('reason'),
    changedBy: uuid('changed_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_stage_changes_project_idx').on(t.unitId, t.projectId, t.createdAt)],
);

/** A project's task: a supervised item (one item belongs to one project at most). */
export const projectItems = pgTable(
  'project_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    projectId: uuid('project_id').notNull(),
    itemId: uuid('item_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('project_items_item_uq').on(t.unitId, t.itemId),
    index('project_items_project_idx').on(t.unitId, t.projectId),
  ],
);

/** An expert of the advisory committee: `kind` inside (personId) or outside (name, organisation, contact). */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    personId: uuid('person_id'),
    name: text('name'),
    organisation: text('organisation').notNull().default(''),
    field: text('field').notNull().default(''),
    /** Personal data: shown to the office only. */
    contact: text('contact').notNull().default(''),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('experts_unit_idx').on(t.unitId, t.kind)],
);

/** An expert's advice and its outcome (domain/think-tank ADVICE_OUTCOMES), adopted by a meeting decision or not. */
export const advice = pgTable(
  'advice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    topic: text('topic').notNull(),
    content: text('content').notNull(),
    receivedOn: text('received_on').notNull(),
    tags: text('tags').array().notNull().default([]),
    outcome: text('outcome').notNull().default('pending'),
    outcomeReason: text('outcome_reason'),
    /** meeting_decisions.id of a closed meeting of the unit. */
    decisionId: uuid('decision_id'),
    outcomeOn: text('outcome_on'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('advice_unit_received_idx').on(t.unitId, t.receivedOn),
    index('advice_unit_expert_idx').on(t.unitId, t.expertId),
  ],
);
