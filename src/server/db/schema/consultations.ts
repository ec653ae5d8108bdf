/**
 * 征求意见稿 (issue 18, measure 21 以文辅政): a draft opened for comment to named departments, people and contact
 * objects and, for 民生 documents, to the public through an opinion form made for it (the opinions module keeps
 * every guarantee of anonymity: the public's comments are that form's anonymous responses, read from there).
 * Each comment is answered 采纳 / 部分采纳 / 不采纳; the 起草说明 is generated from these rows
 * (domain/consultation.ts).
 */
import { pgTable, uuid, text, timestamp, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A draft. Status: draft → consulting → closed; withdrawn with a reason (never deleted). `confidential`
 * (依法需要保密) keeps it from the public; `publicFormId` is the opinion form made for it when opened to the public.
 */
export const consultationDrafts = pgTable(
  'consultation_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    /** domain/consultation DRAFT_KINDS: policy, normative, livelihood. */
    kind: text('kind').notNull(),
    /** The drafting department (起草科室): its heads manage the draft with the office. */
    departmentId: uuid('department_id').notNull(),
    body: text('body').notNull(),
    confidential: boolean('confidential').notNull().default(false),
    status: text('status').notNull(),
    /** The consultation's window (Asia/Shanghai dates): opened on, comments due by (working days, unit calendar). */
    openedOn: text('opened_on'),
    dueOn: text('due_on'),
    closedOn: text('closed_on'),
    publicFormId: uuid('public_form_id'),
    publicDistributionId: uuid('public_distribution_id'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consultation_drafts_unit_idx').on(t.unitId, t.createdAt)],
);

/** Whom a draft is sent to: a department (its heads answer), a person, or a contact object (its words recorded by the drafter). */
export const consultationTargets = pgTable(
  'consultation_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    draftId: uuid('draft_id').notNull(),
    /** department | person | contact_object */
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
    /** The name at the time it was consulted (the 起草说明 names it so even after a rename). */
    name: text('name').notNull(),
    notifiedOn: text('notified_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('consultation_targets_uq').on(t.unitId, t.draftId, t.kind, t.refId),
    index('consultation_targets_ref_idx').on(t.unitId, t.refId),
  ],
);

/**
 * A comment from a named source: written in Zuofeng by the consulted person (or a head of the consulted
 * department), or recorded by the drafter on behalf of a contact object (`recordedBy`, and `speaker` naming who
 * said it there). The public's comments are not here: they are the anonymous responses of the draft's form.
 */
export const consultationComments = pgTable(
  'consultation_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    draftId: uuid('draft_id').notNull(),
    targetId: uuid('target_id').notNull(),
    authorPersonId: uuid('author_person_id'),
    recordedByPersonId: uuid('recorded_by_person_id'),
    speaker: text('speaker').notNull().default(''),
    body: text('body').notNull(),
    receivedOn: text('received_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consultation_comments_draft_idx').on(t.unitId, t.draftId)],
);

/**
 * The drafter's answer to one comment (a named comment's id, or a public response's id): 采纳 / 部分采纳 /
 * 不采纳, with the reason (required unless adopted). Changed only at the version read.
 */
export const consultationAnswers = pgTable(
  'consultation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    draftId: uuid('draft_id').notNull(),
    commentId: uuid('comment_id').notNull(),
    /** named | public */
    source: text('source').notNull(),
    verdict: text('verdict').notNull(),
    reason: text('reason').notNull().default(''),
    answeredByPersonId: uuid('answered_by_person_id'),
    answeredOn: text('answered_on').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('consultation_answers_uq').on(t.unitId, t.draftId, t.commentId)],
);
