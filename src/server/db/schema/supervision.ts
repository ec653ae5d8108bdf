import { sql } from 'drizzle-orm';
import { OPEN_STATUS_LIST } from '../open-statuses.js';
import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex, boolean } from 'drizzle-orm/pg-core';

/** The open statuses, as the partial indexes and every query that should use them spell it. */
const OPEN_STATUS_SQL = sql`status in ${OPEN_STATUS_LIST}`;

/**
 * 督办事项: the one closed-loop unit of work. Its deadline lives in `deadlines` (subject_type
 * 'item'), so that calendar changes recompute it; `version` guards every edit (a stale one is a 409).
 */
export const supervisedItems = pgTable(
  'supervised_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    source: text('source').notNull(),
    sourceRef: text('source_ref').notNull().default(''),
    category: text('category'),
    /** The campaign measure this item breaks down (任务分解), when its source is `campaign_measure`. */
    measureId: uuid('measure_id'),
    /** The machine key of what the item came from, when the human-readable `source_ref` is not unique (e.g. orglife:<meeting>:<list>:<n>). */
    originKey: text('origin_key'),
    /** The member whose personal self-check list the item came from: its text is personal (domain/policies/item.ts). */
    personalOf: uuid('personal_of'),
    leadDepartmentId: uuid('lead_department_id'),
    cooperatingDepartmentIds: jsonb('cooperating_department_ids').notNull().default([]),
    ownerPersonId: uuid('owner_person_id').notNull(),
    leaderPersonId: uuid('leader_person_id'),
    backupPersonId: uuid('backup_person_id'),
    cadence: text('cadence').notNull().default('none'),
    /** 紧急/重要/一般: decides the automatic reminders. */
    urgency: text('urgency').notNull().default('normal'),
    status: text('status').notNull(),
    result: text('result'),
    assignedOn: text('assigned_on').notNull(),
    closedOn: text('closed_on'),
    lastReportOn: text('last_report_on'),
    /**
     * Copies of the deadline's due date and provisional flag (the `deadlines` row stays the source),
     * so that the ledger filters and orders by one index; written wherever the deadline changes.
     */
    due: text('due').notNull().default(''),
    provisional: boolean('provisional').notNull().default(false),
    /** Copies too (received date, half-time date), so the reminder sweep never joins `deadlines`. */
    receivedOn: text('received_on').notNull().default(''),
    halfDue: text('half_due'),
    returnedCount: integer('returned_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The search (issue 19): trigram indexes serve ILIKE '%word%' (pg_trgm, created by the migration).
    index('items_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('items_content_trgm_idx').using('gin', sql`${t.content} gin_trgm_ops`),
    index('items_unit_status_idx').on(t.unitId, t.status),
    index('items_unit_measure_idx').on(t.unitId, t.measureId),
    index('items_unit_owner_idx').on(t.unitId, t.ownerPersonId),
    index('items_unit_dept_idx').on(t.unitId, t.leadDepartmentId),
    index('items_unit_due_idx').on(t.unitId, t.due, t.id),
    index('items_unit_dept_due_idx').on(t.unitId, t.leadDepartmentId, t.due, t.id),
    // Open items only: the colour filters (red = open and due before today) and the sweep are range scans here.
    index('items_open_due_idx').on(t.unitId, t.due, t.id).where(OPEN_STATUS_SQL),
    index('items_open_dept_due_idx').on(t.unitId, t.leadDepartmentId, t.due, t.id).where(OPEN_STATUS_SQL),
  ],
);

/** Progress reports (进展报告); an idempotency key makes a report sent twice be stored once. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    itemId: uuid('item_id').notNull(),
    authorPersonId: uuid('author_person_id'),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    reportedOn: text('reported_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('progress_reports_key_uq').on(t.unitId, t.itemId, t.idempotencyKey),
    index('progress_reports_item_idx').on(t.unitId, t.itemId),
  ],
);

/** Extension requests (特殊情况延期): requested by the owner, decided by the unit's approver. */
export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    itemId: uuid('item_id').notNull(),
    extraDays: integer('extra_days').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('extension_requests_item_idx').on(t.unitId, t.itemId)],
);

/** 收文登记: an incoming document, which becomes a supervised item with the policy's deadline. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    docNo: text('doc_no').notNull(),
    issuer: text('issuer').notNull(),
    title: text('title').notNull(),
    receivedOn: text('received_on').notNull(),
    urgency: text('urgency').notNull(),
    explicitDue: text('explicit_due'),
    handlingDepartmentId: uuid('handling_department_id').notNull(),
    leaderPersonId: uuid('leader_person_id'),
    instructions: text('instructions').notNull().default(''),
    notClassified: boolean('not_classified').notNull(),
    itemId: uuid('item_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('documents_unit_no_uq').on(t.unitId, t.docNo),
    index('documents_unit_received_idx').on(t.unitId, t.receivedOn),
  ],
);

/**
 * 节点 (milestones) of an item, each with its own date; the item's current due date is the
 * earliest open milestone's (never later than the item's deadline). Done, never deleted.
 */
export const itemMilestones = pgTable(
  'item_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    itemId: uuid('item_id').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    due: text('due').notNull(),
    doneOn: text('done_on'),
    doneNote: text('done_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('item_milestones_seq_uq').on(t.unitId, t.itemId, t.seq)],
);
