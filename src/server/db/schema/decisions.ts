/**
 * 议事决策 (issue 18): meetings that decide (党组会议, 局长办公会议, kinds the unit adds), their agenda items
 * (议题, 三重一大), the positions stated in speaking order (一把手末位表态) and the decisions (议定事项), each of
 * which becomes a supervised item (source `decision`). The rules live in `domain/decision-rules.ts`.
 * Rule documents, consultations and the annual plan have their own files beside this one.
 */
import { pgTable, uuid, text, timestamp, integer, boolean, index, uniqueIndex, numeric } from 'drizzle-orm/pg-core';

/**
 * A meeting. `memberIds` are those who should attend (应到: the 党组成员 or the 局长办公会 members, kept at
 * the time of the meeting); `presentIds` who did (实到), recorded when it is held. Status: preparing →
 * in_session (held: attendance recorded, positions and decisions being recorded) → closed (minutes final);
 * withdrawn with a reason (never deleted).
 */
export const decisionMeetings = pgTable(
  'decision_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    /** domain/decision-rules MEETING_KINDS. */
    kind: text('kind').notNull(),
    /** The name of a kind the unit adds (kind 'other'). */
    kindName: text('kind_name'),
    /** 第N次 of its kind in its year, given when it is created. */
    sessionNo: integer('session_no').notNull(),
    title: text('title').notNull(),
    heldOn: text('held_on').notNull(),
    startsAt: text('starts_at'),
    place: text('place').notNull().default(''),
    /** 主要负责人: chairs the meeting and states a position last. */
    chairPersonId: uuid('chair_person_id').notNull(),
    /** 记录人. */
    recorderPersonId: uuid('recorder_person_id'),
    memberIds: uuid('member_ids').array().notNull(),
    presentIds: uuid('present_ids').array().notNull().default([]),
    /** Members absent, with the reason (请假/公出…): [{ personId, reason }]. */
    absences: text('absences').notNull().default('[]'),
    /** Decided by circulation (传签) rather than in session: never allowed for 三重一大. */
    byCirculation: boolean('by_circulation').notNull().default(false),
    status: text('status').notNull(),
    /** 纪要 number, given when the minutes are closed: e.g. 〔2026〕5号. */
    minutesNo: text('minutes_no'),
    /** The annual plan entry this meeting fulfils; null = unplanned, then `unplannedReason` is required. */
    planEntryId: uuid('plan_entry_id'),
    unplannedReason: text('unplanned_reason'),
    /** Minutes actually spent, recorded when held (减负: meeting length). */
    durationMinutes: integer('duration_minutes'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('decision_meetings_unit_held_idx').on(t.unitId, t.heldOn),
    index('decision_meetings_unit_kind_idx').on(t.unitId, t.kind, t.heldOn),
  ],
);

/**
 * 议题. `category` is domain/decision-rules ITEM_CATEGORIES ('none' or a 三重一大 kind); `amountWan` the sum
 * in 万元 where money is concerned. 列席 per item: people of the unit (`attendeeIds`) and others named in
 * `attendeeOthers` (党外人士, 村代表…). `recusedIds` 回避. `outcome` null until decided.
 * `followUpOf` marks the opening item that reports on the previous meeting's decisions.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    proposerDepartmentId: uuid('proposer_department_id'),
    reporterPersonId: uuid('reporter_person_id'),
    category: text('category').notNull().default('none'),
    amountWan: numeric('amount_wan', { precision: 14, scale: 2, mode: 'number' }),
    materialsSentOn: text('materials_sent_on'),
    attendeeIds: uuid('attendee_ids').array().notNull().default([]),
    attendeeOthers: text('attendee_others').notNull().default(''),
    recusedIds: uuid('recused_ids').array().notNull().default([]),
    recusalNote: text('recusal_note').notNull().default(''),
    followUpOf: uuid('follow_up_of'),
    outcome: text('outcome'),
    /** The meeting's conclusion on the item, in the words of the minutes. */
    conclusion: text('conclusion').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.unitId, t.meetingId, t.seq),
    uniqueIndex('agenda_items_meeting_seq_uq').on(t.meetingId, t.seq),
  ],
);

/** A member's position on an item, in speaking order (`seq` 1, 2, …): never reordered or rewritten. */
export const agendaPositions = pgTable(
  'agenda_positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    personId: uuid('person_id').notNull(),
    seq: integer('seq').notNull(),
    /** domain/decision-rules POSITIONS. */
    position: text('position').notNull(),
    remark: text('remark').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('agenda_positions_person_uq').on(t.agendaItemId, t.personId),
    uniqueIndex('agenda_positions_seq_uq').on(t.agendaItemId, t.seq),
  ],
);

/** 议定事项: what an adopted item charges someone to do; `itemId` is its supervised item (source `decision`). */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    itemId: uuid('item_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.unitId, t.meetingId, t.seq),
    uniqueIndex('meeting_decisions_item_uq').on(t.itemId),
  ],
);

/**
 * The year's plan of documents and meetings (measure 38, 减负): one row per planned document (发文) or meeting.
 * A meeting of `decision_meetings` names the entry it fulfils (`plan_entry_id`); the plan's own module holds
 * the 发文 register, the 减负 settings and the comparison of plan and actual.
 */
export const planEntries = pgTable(
  'plan_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    /** 'document' | 'meeting'. */
    kind: text('kind').notNull(),
    /** For a meeting: domain/decision-rules MEETING_KINDS or an activity kind key; for a document: its 文种. */
    subKind: text('sub_kind').notNull().default(''),
    title: text('title').notNull(),
    month: integer('month').notNull(),
    organiserDepartmentId: uuid('organiser_department_id'),
    /** Planned length of a meeting, in minutes. */
    durationMinutes: integer('duration_minutes'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('plan_entries_unit_year_idx').on(t.unitId, t.year, t.kind, t.month)],
);
