/**
 * 议事决策 (issue 18): meetings that decide (党组会议, 局长办公会议), their agenda items (议题), positions in
 * speaking order (一把手末位表态), decisions (议定事项, each a supervised item) and the minutes (会议纪要).
 * The rules are domain/decision-rules; who may do what is domain/policies/decision-meeting.
 */
import { z } from 'zod';
import { ITEM_CATEGORIES, MEETING_KINDS, OUTCOMES, POSITIONS } from '../../domain/decision-rules.js';
import { DECISION_MEETING_CAN_KEYS } from '../../domain/policies/decision-meeting.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zInt, zVersion } from './common.js';

export const DECISION_MEETING_STATUSES = ['preparing', 'in_session', 'closed', 'withdrawn'] as const;
export const AGENDA_ITEM_CAN_KEYS = ['read', 'edit', 'withdraw', 'recordPosition', 'decide'] as const;

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min > 0 ? `请填写${label}` : undefined)
    .max(max, `${label}不能超过 ${max} 字`);
const zPersonId = (what: string) => z.uuid({ message: `${what}编号格式不正确` });
const zPeople = (what: string, max = 60) => z.array(zPersonId(what)).max(max, `${what}最多 ${max} 人`);
const zHhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间应为“时:分”，如 09:00');
const zReason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不能超过 200 字');

// ---- Meetings ----

/**
 * A new meeting. Left out: `chairPersonId` = the unit's 党组书记; `memberIds` = the leadership (党组会: those of
 * them who are Party members); `title` = “2026年第N次党组会议”. Without `planEntryId` (the annual plan's entry
 * it fulfils) an `unplannedReason` is required.
 */
export const ZMeetingBody = z.object({
  kind: z.enum(MEETING_KINDS, { message: '请选择会议类型' }),
  /** The name of a kind the unit adds (kind 'other'). */
  kindName: text('会议名称', 0, 40).nullable().default(null),
  title: text('会议名称', 2, 100).optional(),
  heldOn: zIsoDate,
  startsAt: zHhMm.nullable().default(null),
  place: text('会议地点', 0, 100).default(''),
  chairPersonId: zPersonId('主持人').optional(),
  recorderPersonId: zPersonId('记录人').nullable().default(null),
  memberIds: zPeople('参会成员', 40).optional(),
  byCirculation: z.boolean().default(false),
  planEntryId: z.uuid({ message: '计划编号格式不正确' }).nullable().default(null),
  unplannedReason: text('计划外召开的理由', 0, 300).nullable().default(null),
});
export const ZMeetingEdit = ZMeetingBody.omit({ kind: true }).extend({
  title: text('会议名称', 2, 100),
  version: zVersion,
});
export const ZMeetingWithdraw = z.object({ reason: zReason, version: zVersion });

/** Held: who attended (members only), who was absent and why. */
export const ZMeetingOpen = z.object({
  presentIds: zPeople('出席成员', 40).min(1, '请选择出席的成员'),
  absences: z
    .array(z.object({ personId: zPersonId('请假成员'), reason: text('请假事由', 1, 100) }))
    .max(40)
    .default([]),
  startsAt: zHhMm.nullable().default(null),
  version: zVersion,
});
export const ZMeetingClose = z.object({
  durationMinutes: zInt(1, 24 * 60, '会议时长应为 1–1440 分钟'),
  version: zVersion,
});

export const ZMeetingQuery = ZPageQuery.extend({
  kind: z.enum(MEETING_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(DECISION_MEETING_STATUSES).optional(),
  /** Searches the title and the agenda items' titles the reader may read. */
  q: z.string().trim().max(50).optional(),
});

/** What a new meeting of a kind would get by default, and the plan entries it may fulfil. */
export const ZMeetingDefaultsQuery = z.object({ kind: z.enum(MEETING_KINDS), heldOn: zIsoDate });
const ZRef = z.object({ id: z.uuid(), name: z.string() });
export const ZMeetingDefaults = z.object({
  title: z.string(),
  sessionNo: z.number().int(),
  chair: ZRef.nullable(),
  members: z.array(ZRef),
  planEntries: z.array(z.object({ id: z.uuid(), title: z.string(), month: z.number().int(), subKind: z.string() })),
});

// ---- Agenda items ----

export const ZAgendaItemBody = z.object({
  title: text('议题名称', 2, 100),
  summary: text('议题说明', 0, 3000).default(''),
  proposerDepartmentId: z.uuid({ message: '提请科室编号格式不正确' }).nullable().default(null),
  reporterPersonId: zPersonId('汇报人').nullable().default(null),
  category: z.enum(ITEM_CATEGORIES, { message: '请选择议题类别' }).default('none'),
  /** 万元, where money is concerned. */
  amountWan: z
    .number({ message: '金额应为数字（万元）' })
    .min(0, '金额不能为负数')
    .max(1e11, '金额过大')
    .nullable()
    .default(null),
  materialsSentOn: zIsoDate.nullable().default(null),
  /** 列席: people of the unit, and others by name (党外人士, 村代表…). */
  attendeeIds: zPeople('列席人员', 30).default([]),
  attendeeOthers: text('其他列席人员', 0, 300).default(''),
  /** 回避: members with a conflict of interest. */
  recusedIds: zPeople('回避成员', 20).default([]),
  recusalNote: text('回避说明', 0, 300).default(''),
});
export const ZAgendaItemEdit = ZAgendaItemBody.extend({ version: zVersion });
export const ZAgendaItemWithdraw = z.object({ reason: zReason, version: zVersion });
/** The live items' ids in their new order; `version` is the meeting's. */
export const ZAgendaReorder = z.object({
  itemIds: z
    .array(z.uuid({ message: '议题编号格式不正确' }))
    .min(1)
    .max(50),
  version: zVersion,
});
export const ZItemParams = z.object({
  id: z.uuid({ message: '编号格式不正确' }),
  itemId: z.uuid({ message: '议题编号格式不正确' }),
});

/** One member's position on an item, recorded by the office in speaking order; never edited. */
export const ZPositionBody = z.object({
  personId: zPersonId('表态成员'),
  position: z.enum(POSITIONS, { message: '请选择表态（同意、不同意或缓议）' }),
  remark: text('表态意见', 0, 1000).default(''),
});

/** A 议定事项: becomes a supervised item (source `decision`). */
export const ZDecisionItemBody = z.object({
  text: text('议定事项', 2, 500),
  ownerPersonId: zPersonId('责任人'),
  leadDepartmentId: z.uuid({ message: '请选择牵头科室' }),
  leaderPersonId: zPersonId('分管领导').nullable().default(null),
  due: zIsoDate,
});
/**
 * The meeting's decision on an item. An adopted item needs at least one 议定事项 unless `noted` (知悉: the
 * meeting only takes note, e.g. a report), in which case it has none.
 */
export const ZDecideBody = z.object({
  outcome: z.enum(OUTCOMES, { message: '请选择结果（通过、不通过或缓议）' }),
  conclusion: text('会议结论', 2, 2000),
  noted: z.boolean().default(false),
  decisions: z.array(ZDecisionItemBody).max(20, '议定事项最多 20 条').default([]),
  version: zVersion,
});

// ---- Answers ----

export const ZMeetingSummary = z.object({
  id: z.uuid(),
  kind: z.enum(MEETING_KINDS),
  kindLabel: z.string(),
  sessionNo: z.number().int(),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  place: z.string(),
  chairName: z.string().nullable(),
  status: z.enum(DECISION_MEETING_STATUSES),
  statusLabel: z.string(),
  minutesNo: z.string().nullable(),
  itemCount: z.number().int(),
  planned: z.boolean(),
  version: z.number().int(),
  can: zCan(DECISION_MEETING_CAN_KEYS),
});
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;

export const ZPositionView = z.object({
  seq: z.number().int(),
  personId: z.uuid(),
  name: z.string(),
  isChair: z.boolean(),
  /** The 主要负责人 of the item, who states last (the 党组书记 when voting, else the chair). */
  isPrincipal: z.boolean(),
  position: z.enum(POSITIONS),
  positionLabel: z.string(),
  remark: z.string(),
  recordedAt: z.string(),
});

/** A 议定事项 with its supervised item's state, read from the item. */
export const ZDecisionView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  text: z.string(),
  itemId: z.uuid(),
  ownerName: z.string().nullable(),
  departmentName: z.string().nullable(),
  leaderName: z.string().nullable(),
  due: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  colour: z.enum(['green', 'yellow', 'red', 'none']),
  /** The last progress report, if any. */
  lastProgress: z.object({ text: z.string(), percent: z.number().int(), on: z.string() }).nullable(),
});

export const ZAgendaItemView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  title: z.string(),
  summary: z.string(),
  proposerDepartment: ZRef.nullable(),
  reporter: ZRef.nullable(),
  category: z.enum(ITEM_CATEGORIES),
  categoryLabel: z.string(),
  /** 三重一大. */
  major: z.boolean(),
  amountWan: z.number().nullable(),
  materialsSentOn: z.string().nullable(),
  /** The last day materials should reach the members (rules.materialsLeadDays working days before). */
  materialsDueBy: z.string().nullable(),
  /** Sent later than due, or not yet sent when due has passed. */
  materialsLate: z.boolean(),
  attendees: z.array(ZRef),
  attendeeOthers: z.string(),
  recused: z.array(ZRef),
  recusalNote: z.string(),
  /** The opening item that reports on the previous meeting's decisions. */
  followUpOf: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  followUp: z.array(ZDecisionView),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeLabel: z.string().nullable(),
  conclusion: z.string(),
  decidedAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  /** Who states last on the item (principalOf); null before the session. */
  principalId: z.uuid().nullable(),
  positions: z.array(ZPositionView),
  /** Present, non-recused members who have not spoken yet (the chair among them until last). */
  waiting: z.array(ZRef),
  /** Who may state a position now (maySpeak). */
  maySpeakIds: z.array(z.uuid()),
  decisions: z.array(ZDecisionView),
  version: z.number().int(),
  can: zCan(AGENDA_ITEM_CAN_KEYS),
});
export type TAgendaItemView = z.infer<typeof ZAgendaItemView>;

export const ZMeeting = ZMeetingSummary.extend({
  kindName: z.string().nullable(),
  chair: ZRef,
  recorder: ZRef.nullable(),
  members: z.array(ZRef),
  presentIds: z.array(z.uuid()),
  absences: z.array(z.object({ personId: z.uuid(), name: z.string(), reason: z.string() })),
  byCirculation: z.boolean(),
  planEntry: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  unplannedReason: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  withdrawnReason: z.string().nullable(),
  /** The 议事规则 in force; null → the page says “按系统默认议事规则”. */
  rulesSource: z.object({ title: z.string(), effectiveFrom: z.string() }).nullable(),
  rules: z.object({
    materialsLeadDays: z.number().int(),
    largeFundsFrom: z.number(),
  }),
  /** Items the reader may read, in order (withdrawn ones included, marked). */
  items: z.array(ZAgendaItemView),
  /** Items the reader may not read (left out). */
  omittedItems: z.number().int(),
});
export type TMeeting = z.infer<typeof ZMeeting>;

/** 会议纪要 as read on screen: what the .docx says. */
export const ZMinutes = z.object({
  meetingId: z.uuid(),
  heading: z.string(),
  /** Who issues the minutes (版记): the unit's office. */
  issuedBy: z.string(),
  minutesNo: z.string().nullable(),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  place: z.string(),
  chairName: z.string(),
  presentNames: z.array(z.string()),
  absences: z.array(z.object({ name: z.string(), reason: z.string() })),
  recorderName: z.string().nullable(),
  items: z.array(
    z.object({
      seq: z.number().int(),
      title: z.string(),
      /** The report on the previous meeting's decisions: `decisions` are those, with their state. */
      isFollowUp: z.boolean(),
      categoryLabel: z.string(),
      attendees: z.array(z.string()),
      recused: z.array(z.string()),
      positions: z.array(ZPositionView),
      outcomeLabel: z.string().nullable(),
      conclusion: z.string(),
      decisions: z.array(ZDecisionView),
    }),
  ),
  omittedItems: z.number().int(),
});
export type TMinutes = z.infer<typeof ZMinutes>;
