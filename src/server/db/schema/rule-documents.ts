/**
 * Rule documents (制度) of a unit and their versions (issue 18): domain/rule-documents holds the rules. A document
 * is never deleted (withdrawn with a reason); a version is never edited — a version not yet in force may be
 * withdrawn with a reason. `version` on the document counts every change of it or of its versions (optimistic
 * locking of the whole history: a new version is checked against the versions as they were read).
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, index, jsonb } from 'drizzle-orm/pg-core';
import type { MeetingRules } from '../../../domain/decision-rules.js';

export const ruleDocuments = pgTable(
  'rule_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    /** domain/rule-documents RULE_DOCUMENT_KINDS. */
    kind: text('kind').notNull(),
    /** The unit's name for a rule of kind 'other' (e.g. 财务管理制度); null for the named kinds. */
    kindName: text('kind_name'),
    title: text('title').notNull(),
    /** The department whose 责任清单 this is (required for that kind, null otherwise). */
    departmentId: uuid('department_id'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('rule_documents_unit_kind_idx').on(t.unitId, t.kind, t.departmentId),
    // The search (issue 19): trigram index for ILIKE '%word%' (pg_trgm, created by the migration).
    index('rule_documents_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/**
 * A version: its text, the date it takes effect, a label (2026年修订) and, when a meeting adopted it, the agenda
 * item (`agenda_items.id`) of that meeting. `params` carries the 议事规则 parameters of a 党组议事规则 or
 * 局长办公会议事规则 version (domain/decision-rules MeetingRules), null for other kinds.
 */
export const ruleVersions = pgTable(
  'rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    documentId: uuid('document_id').notNull(),
    label: text('label').notNull(),
    text: text('text').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    adoptedByItemId: uuid('adopted_by_item_id'),
    params: jsonb('params').$type<MeetingRules>(),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('rule_versions_document_idx').on(t.unitId, t.documentId, t.effectiveFrom),
    index('rule_versions_text_trgm_idx').using('gin', sql`${t.text} gin_trgm_ops`),
  ],
);
