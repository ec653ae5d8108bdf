/**
 * 纪律作风 (issue 17): the tables that several parts of the discipline module share. Leave (请销假) is
 * personal data; findings (问题线索: an on-duty check's 无故离岗, a 四风 check's finding, a meeting-discipline
 * threshold reached) are confidential to the discipline staff, the party secretary and the person concerned.
 * The parts' own tables (check plans and draws, 通报, admonitions, education plans…) live beside these.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** A unit's discipline settings; `domain/discipline-settings.ts` holds the defaults used while none is stored. */
export const disciplineSettings = pgTable('discipline_settings', {
  unitId: uuid('unit_id').primaryKey(),
  /** Measure 25: 每月不打招呼式检查 min–max 次. */
  checksPerMonthMin: integer('checks_per_month_min').notNull(),
  checksPerMonthMax: integer('checks_per_month_max').notNull(),
  /** How many departments one on-duty check visits. */
  departmentsPerCheck: integer('departments_per_check').notNull(),
  /** Leave longer than this many working days needs the 分管领导's approval after the head's. */
  leaveLeaderDays: integer('leave_leader_days').notNull(),
  /** Measure 25: 无故不参加 N 次 / 迟到、早退 N 次 within a period → 通报. */
  meetingAbsenceLimit: integer('meeting_absence_limit').notNull(),
  meetingLateLimit: integer('meeting_late_limit').notNull(),
  /** 'month' | 'quarter' | 'year': the period over which the meeting thresholds count. */
  meetingPeriod: text('meeting_period').notNull(),
  /** The 廉政提醒 goes out this many working days before a holiday. */
  holidayLeadDays: integer('holiday_lead_days').notNull(),
  /** A 函询's reply deadline in working days. */
  inquiryReplyDays: integer('inquiry_reply_days').notNull(),
  /** 会风会纪: the activity kinds whose attendance counts; null = every kind that records attendance. */
  meetingKinds: text('meeting_kinds').array(),
  /** The 发文字号's organ prefix of a 通报 (e.g. 县发改纪通); null = the default. */
  noticePrefix: text('notice_prefix'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * 请销假. Half days: a leave may start in the afternoon or end at noon. `halfDays` is the leave's length in
 * half working days by the unit's calendar (5 = 2.5 days), stored when requested. Status: pending (awaiting
 * the head, then — above `leaveLeaderDays` — the 分管领导), approved, rejected, withdrawn (by the person,
 * with a reason), returned (销假: `returnedOn` is the first day back at work). The reason is personal data.
 */
export const leaveRequests = pgTable(
  'leave_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The person's department when the leave was requested: its head approves. */
    departmentId: uuid('department_id'),
    kind: text('kind').notNull(),
    fromDate: text('from_date').notNull(),
    startsAfternoon: boolean('starts_afternoon').notNull().default(false),
    toDate: text('to_date').notNull(),
    endsAtNoon: boolean('ends_at_noon').notNull().default(false),
    halfDays: integer('half_days').notNull(),
    reason: text('reason').notNull().default(''),
    status: text('status').notNull(),
    headDecidedBy: uuid('head_decided_by'),
    headDecidedAt: timestamp('head_decided_at', { withTimezone: true }),
    leaderRequired: boolean('leader_required').notNull().default(false),
    /** Who may decide the step the leave awaits (the heads, then the 分管领导); empty once decided. */
    awaitingIds: uuid('awaiting_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** The first step went to the 分管领导 (or above): a head's own leave, so no second step follows. */
    headByLeader: boolean('head_by_leader').notNull().default(false),
    /** The 分管领导 who must approve (resolved when the head approves). */
    leaderPersonId: uuid('leader_person_id'),
    leaderDecidedBy: uuid('leader_decided_by'),
    leaderDecidedAt: timestamp('leader_decided_at', { withTimezone: true }),
    rejectedReason: text('rejected_reason'),
    withdrawnReason: text('withdrawn_reason'),
    returnedOn: text('returned_on'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('leave_requests_person_idx').on(t.unitId, t.personId, t.fromDate),
    index('leave_requests_status_idx').on(t.unitId, t.status),
  ],
);

/**
 * A finding (发现的问题): what an inspector observed about a person (or a department) that calls for an
 * explanation (说明) and may go into a 通报. `kind`: on_duty (在岗检查), sifeng (四风检查), meeting (会风会纪
 * threshold reached). `sourceType`/`sourceId`: the check, the 四风 check, or the attendance period. `observed`:
 * absent (无故离岗), late (迟到), meeting_threshold, or a 四风 category. Status: open (awaiting the
 * explanation), explained, confirmed, dismissed (with `dismissedReason`). `noticeId`: the issued 通报 that named it.
 * `dedupeKey` keeps one finding per person and period where a threshold could be crossed again.
 */
export const disciplineFindings = pgTable(
  'discipline_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    personId: uuid('person_id'),
    departmentId: uuid('department_id'),
    onDate: text('on_date').notNull(),
    observed: text('observed').notNull(),
    note: text('note').notNull().default(''),
    explanationRequestedAt: timestamp('explanation_requested_at', { withTimezone: true }),
    explanation: text('explanation'),
    explainedAt: timestamp('explained_at', { withTimezone: true }),
    status: text('status').notNull().default('open'),
    dismissedReason: text('dismissed_reason'),
    noticeId: uuid('notice_id'),
    dedupeKey: text('dedupe_key'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('discipline_findings_person_idx').on(t.unitId, t.personId, t.onDate),
    index('discipline_findings_source_idx').on(t.unitId, t.sourceType, t.sourceId),
    uniqueIndex('discipline_findings_dedupe_uq').on(t.unitId, t.dedupeKey),
  ],
);
