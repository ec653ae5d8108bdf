import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex, boolean } from 'drizzle-orm/pg-core';

/** 问题征求意见表: questions (free text per category, choice, rating), open between two dates. */
export const opinionForms = pgTable(
  'opinion_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    campaignId: uuid('campaign_id'),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    questions: jsonb('questions').notNull(),
    /** draft → open → closed; anonymity is fixed when collection starts. */
    status: text('status').notNull(),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('opinion_forms_unit_idx').on(t.unitId)],
);

/** A distribution of a form to an audience: a public link, or a batch of single-use codes. */
export const opinionDistributions = pgTable(
  'opinion_distributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    formId: uuid('form_id').notNull(),
    audience: text('audience').notNull(),
    label: text('label').notNull(),
    /** The public link's secret part. */
    token: text('token').notNull(),
    mode: text('mode').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('opinion_distributions_token_uq').on(t.token)],
);

/**
 * Single-use codes, kept apart from the responses: only a keyed hash of the code (HMAC with a key
 * outside the database, so the printed slips cannot be matched to rows) and whether it was used (no
 * time, no response id). Rows are inserted in the order of their hashes, not of the slips.
 * `keyed` is false only for codes issued before keyed hashes, until the start-up upgrade rehashes them.
 */
export const opinionCodes = pgTable(
  'opinion_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    distributionId: uuid('distribution_id').notNull(),
    codeHash: text('code_hash').notNull(),
    used: boolean('used').notNull().default(false),
    keyed: boolean('keyed').notNull().default(true),
  },
  (t) => [uniqueIndex('opinion_codes_hash_uq').on(t.distributionId, t.codeHash)],
);

/**
 * An anonymous response: the answers and the day it came in (no time, no address, no user agent,
 * no code); its id is random, not ordered by time.
 */
export const opinionResponses = pgTable(
  'opinion_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    formId: uuid('form_id').notNull(),
    audience: text('audience').notNull(),
    answers: jsonb('answers').notNull(),
    submittedOn: text('submitted_on').notNull(),
  },
  (t) => [index('opinion_responses_form_idx').on(t.unitId, t.formId)],
);

/**
 * Submissions waiting to become responses (docs/ANONYMITY.md): the answers sealed with a key outside
 * the database and padded to one size, so a pending row (live, dead, in the WAL or a backup) says
 * nothing of what it holds. They are written out as shuffled batches of at least k per form,
 * audience and day, and removed.
 */
export const opinionPending = pgTable(
  'opinion_pending',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    formId: uuid('form_id').notNull(),
    audience: text('audience').notNull(),
    day: text('day').notNull(),
    sealed: text('sealed').notNull(),
  },
  (t) => [index('opinion_pending_group_idx').on(t.unitId, t.formId, t.audience, t.day)],
);

/**
 * The ids of pending submissions already written out (docs/ANONYMITY.md): a sealed row copied back
 * into the pending store from the WAL or a backup is refused instead of being written out a second
 * time, alone. The ids are random and were already visible in the pending store; nothing new is told.
 */
export const opinionPendingSpent = pgTable(
  'opinion_pending_spent',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    formId: uuid('form_id').notNull(),
    audience: text('audience').notNull(),
    day: text('day').notNull(),
  },
  (t) => [index('opinion_pending_spent_group_idx').on(t.unitId, t.formId, t.audience, t.day)],
);
