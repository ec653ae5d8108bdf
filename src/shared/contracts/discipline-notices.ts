import { z } from 'zod';
import { zCan, zInt, zName, ZPageQuery, zVersion } from './common.js';

export const NOTICE_KINDS = ['inspection', 'meeting', 'sifeng'] as const;
export const NOTICE_STATUSES = ['draft', 'approved', 'issued', 'withdrawn'] as const;
export const MEETING_PERIODS = ['month', 'quarter', 'year'] as const;

/** Discipline settings (纪律作风设置): measure 25's numbers and the module's working rules. */
export const ZDisciplineSettingsFields = z.object({
  checksPerMonthMin: zInt(0, 31, '每月检查次数下限应为 0–31 的整数'),
  checksPerMonthMax: zInt(1, 31, '每月检查次数上限应为 1–31 的整数'),
  departmentsPerCheck: zInt(1, 50, '每次检查的科室数应为 1–50 的整数'),
  leaveLeaderDays: zInt(0, 365, '需分管领导审批的请假天数应为 0–365 的整数'),
  meetingAbsenceLimit: zInt(1, 100, '无故缺席通报次数应为 1–100 的整数'),
  meetingLateLimit: zInt(1, 100, '迟到早退通报次数应为 1–100 的整数'),
  meetingPeriod: z.enum(MEETING_PERIODS, { message: '统计周期应为每月、每季度或每年' }),
  holidayLeadDays: zInt(0, 30, '节前提醒提前的工作日数应为 0–30 的整数'),
  inquiryReplyDays: zInt(1, 60, '函询答复期限应为 1–60 个工作日'),
  /** null: every activity kind that records attendance. */
  meetingKinds: z.array(z.string().trim().min(1).max(40)).max(50).nullable(),
  /** null: the default prefix. */
  noticePrefix: zName('发文字号前缀', 20).nullable(),
});
export const ZDisciplineSettingsBody = ZDisciplineSettingsFields.extend({ version: zInt(0, 2_147_483_647) });
export const ZDisciplineSettingsView = ZDisciplineSettingsFields.extend({
  version: z.number().int(),
  /** The kinds that record attendance, to choose from, and those counted now. */
  attendanceKinds: z.array(z.object({ code: z.string(), label: z.string() })),
  watchedKinds: z.array(z.string()),
  defaultNoticePrefix: z.string(),
  can: zCan(['see', 'edit'] as const),
});

const zParagraphs = z
  .array(z.string().trim().min(1, '段落不能为空').max(2000, '一段不能超过2000字'))
  .min(1, '正文不能为空')
  .max(200);
const zTitle = z.string().trim().min(2, '请填写标题').max(100, '标题不能超过100字');

export const ZNoticeDraftBody = z.object({
  kind: z.enum(NOTICE_KINDS, { message: '请选择通报类别' }),
  title: zTitle.optional(),
  findingIds: z
    .array(z.uuid({ message: '所选问题不存在' }))
    .min(1, '请至少选择一条问题')
    .max(100),
});
export const ZNoticeEditBody = z.object({ title: zTitle, paragraphs: zParagraphs, version: zVersion });
export const ZNoticeVersionBody = z.object({ version: zVersion });
export const ZNoticeWithdrawBody = z.object({
  reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(200),
  version: zVersion,
});
export const ZNoticeQuery = ZPageQuery.extend({ status: z.enum(NOTICE_STATUSES).optional() });

export const ZNoticeCan = zCan(['see', 'edit', 'approve', 'issue', 'withdraw', 'download'] as const);
export const ZNoticeFinding = z.object({
  id: z.uuid(),
  personName: z.string().nullable(),
  departmentName: z.string().nullable(),
  onDate: z.string(),
  observed: z.string(),
  observedLabel: z.string(),
  // The inspector's note, the 说明 and the state: for the discipline staff and the approvers only.
  note: z.string().optional(),
  explanation: z.string().nullable().optional(),
  status: z.string().optional(),
});
export const ZNoticeSummary = z.object({
  id: z.uuid(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  status: z.enum(NOTICE_STATUSES),
  docNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodKey: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  can: ZNoticeCan,
});
export const ZNotice = ZNoticeSummary.extend({
  paragraphs: z.array(z.string()),
  withdrawnReason: z.string().nullable(),
  findings: z.array(ZNoticeFinding),
});
export const ZCandidateQuery = ZPageQuery;

export const ZMeetingCrossing = z.object({
  findingId: z.uuid(),
  personName: z.string().nullable(),
  departmentName: z.string().nullable(),
  periodKey: z.string(),
  onDate: z.string(),
  facts: z.string(),
  status: z.string(),
  notices: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(NOTICE_STATUSES) })),
});
export const ZMeetingDisciplineView = z.object({
  period: z.enum(MEETING_PERIODS),
  absenceLimit: z.number().int(),
  lateLimit: z.number().int(),
  watchedKinds: z.array(z.object({ code: z.string(), label: z.string() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZMeetingCrossing),
});
