import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex, boolean } from 'drizzle-orm/pg-core';

/**
 * 专题组织生活会: the meeting and its preparation. The talk plan is stored when generated, so
 * that it stays what the branch agreed even when the roster changes later.
 */
export const orgLifeMeetings = pgTable(
  'org_life_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    campaignId: uuid('campaign_id'),
    formId: uuid('form_id'),
    title: text('title').notNull(),
    /** preparing → held. */
    status: text('status').notNull().default('preparing'),
    plannedOn: text('planned_on').notNull(),
    heldOn: text('held_on'),
    place: text('place').notNull().default(''),
    /** Attendance below this share of the members blocks holding the meeting. */
    minAttendancePct: integer('min_attendance_pct').notNull().default(80),
    leaderMax: integer('leader_max').notNull().default(3),
    committeeWithEachMember: boolean('committee_with_each_member').notNull().default(true),
    talkPlan: jsonb('talk_plan').notNull().default([]),
    attendance: jsonb('attendance').notNull().default([]),
    secretaryReport: text('secretary_report').notNull().default(''),
    selfCriticisms: jsonb('self_criticisms').notNull().default([]),
    criticisms: jsonb('criticisms').notNull().default([]),
    minutes: text('minutes').notNull().default(''),
    /** Held despite gaps in the preparation: { gaps, reason, by (name), byUserId }; null when it was ready. */
    holdOverride: jsonb('hold_override'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('org_life_meetings_unit_idx').on(t.unitId, t.plannedOn)],
);

/** 会前学习: 支委会, 支部党员大会 or 集中研讨, with materials and who signed in. */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: text('held_on').notNull(),
    materials: jsonb('materials').notNull().default([]),
    notes: text('notes').notNull().default(''),
    signedIn: jsonb('signed_in').notNull().default([]),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('study_sessions_meeting_idx').on(t.unitId, t.meetingId)],
);

/** 研讨发言: one statement per person and session, written by that person. */
export const studyStatements = pgTable(
  'study_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    personId: uuid('person_id').notNull(),
    text: text('text').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('study_statements_uq').on(t.sessionId, t.personId)],
);

/**
 * An opinion item: one answered text question of an anonymous response. Identical texts of one
 * form are one item with a repeat count (duplicate detection); nothing here points to the response.
 */
export const opinionItems = pgTable(
  'opinion_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    formId: uuid('form_id').notNull(),
    questionId: text('question_id').notNull(),
    categoryNo: integer('category_no'),
    text: text('text').notNull(),
    textHash: text('text_hash').notNull(),
    audience: text('audience').notNull(),
    repeats: integer('repeats').notNull().default(1),
    /** branch | leadership | department | person, once classified. */
    targetKind: text('target_kind'),
    targetDepartmentId: uuid('target_department_id'),
    targetPersonId: uuid('target_person_id'),
    /** new → adopted | not_adopted | merged. */
    status: text('status').notNull().default('new'),
    mergedIntoId: uuid('merged_into_id'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('opinion_items_text_uq').on(t.formId, t.textHash),
    index('opinion_items_form_idx').on(t.unitId, t.formId, t.status),
    index('opinion_items_person_idx').on(t.unitId, t.targetPersonId),
  ],
);

/** 问题自查清单: the branch's (no person) or a member's, per category; draft → submitted → returned → approved. */
export const selfCheckLists = pgTable(
  'self_check_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    personId: uuid('person_id'),
    /** The person's id, or 'branch': one list per owner and meeting. */
    ownerKey: text('owner_key').notNull(),
    status: text('status').notNull().default('draft'),
    entries: jsonb('entries').notNull().default([]),
    returnComment: text('return_comment').notNull().default(''),
    submittedOn: text('submitted_on'),
    decidedBy: uuid('decided_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('self_check_lists_owner_uq').on(t.meetingId, t.ownerKey),
    index('self_check_lists_meeting_idx').on(t.unitId, t.meetingId),
  ],
);

/** 谈心谈话记录: who talked with whom, when, where, about what; voided with a reason, never deleted. */
export const talkRecords = pgTable(
  'talk_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    kind: text('kind').notNull(),
    aPersonId: uuid('a_person_id').notNull(),
    bPersonId: uuid('b_person_id').notNull(),
    heldOn: text('held_on').notNull(),
    place: text('place').notNull().default(''),
    topics: text('topics').notNull().default(''),
    problems: text('problems').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    voidedReason: text('voided_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('talk_records_meeting_idx').on(t.unitId, t.meetingId)],
);
