/**
 * 先进典型, publicity and good practice (issue 19; policies in domain/policies/practice, recognition, article):
 * practices extracted from the record, nominations and their review, honours received, and articles. Every row
 * carries its unit; edits are at a version; nothing is deleted (withdrawn with a reason).
 */
import { pgTable, uuid, text, timestamp, integer, index } from 'drizzle-orm/pg-core';

const audited = () => ({
  withdrawnReason: text('withdrawn_reason'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** 经验做法: what was wrong, what was done, what came of it and the steps another department can reuse. */
export const goodPractices = pgTable(
  'good_practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    /** item | activity | report (a progress report), and its id: where the practice was extracted from. */
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    action: text('action').notNull(),
    result: text('result').notNull(),
    steps: text('steps').notNull().default(''),
    tags: text('tags').array().notNull().default([]),
    departmentId: uuid('department_id'),
    status: text('status').notNull().default('draft'),
    /** Shanghai date of publication. */
    publishedOn: text('published_on'),
    ...audited(),
  },
  (t) => [
    index('good_practices_unit_status_idx').on(t.unitId, t.status),
    index('good_practices_source_idx').on(t.unitId, t.sourceKind, t.sourceId),
  ],
);

/** 先进典型推荐: a person, a department or a practice, with the facts; the leading group's decision and reason. */
export const nominations = pgTable(
  'nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    nomineeKind: text('nominee_kind').notNull(),
    nomineeId: uuid('nominee_id').notNull(),
    facts: text('facts').notNull(),
    status: text('status').notNull().default('submitted'),
    decisionReason: text('decision_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...audited(),
  },
  (t) => [index('nominations_unit_idx').on(t.unitId, t.createdAt)],
);

/** 获评荣誉: an honour a person or a department received, its level, and the nomination it followed if any. */
export const honours = pgTable(
  'honours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    holderKind: text('holder_kind').notNull(),
    holderId: uuid('holder_id').notNull(),
    title: text('title').notNull(),
    level: text('level').notNull(),
    awardedOn: text('awarded_on').notNull(),
    issuer: text('issuer').notNull(),
    nominationId: uuid('nomination_id'),
    ...audited(),
  },
  (t) => [index('honours_unit_date_idx').on(t.unitId, t.awardedOn)],
);

/**
 * 宣传稿件: written by the office (created_by), approved by a reviewer who did not write it; its photos are stored
 * files attached to it (stored_files, subject 'article').
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** practice | nomination | campaign, and its id; null: about the unit's work in general. */
    subjectKind: text('subject_kind'),
    subjectId: uuid('subject_id'),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    reviewedBy: uuid('reviewed_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Shanghai date of publication: the news page orders by it and the campaign report counts by it. */
    publishedOn: text('published_on'),
    ...audited(),
  },
  (t) => [index('articles_unit_published_idx').on(t.unitId, t.status, t.publishedOn)],
);
