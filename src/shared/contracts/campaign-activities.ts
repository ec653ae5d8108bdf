/** Contracts of the activity records (活动记录) and the contact objects (联系对象) they may concern. */
import { z } from 'zod';
import { zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';

export const ACTIVITY_TYPES = {
  study: '学习研讨',
  meeting: '会议',
  visit: '走访调研',
  inspection: '检查',
  education: '教育活动',
  deed: '实事好事',
  work_report: '工作汇报',
  home_visit: '政治家访',
  honour: '获评荣誉',
  other: '其他',
} as const;
export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const zActivityType = z.enum(Object.keys(ACTIVITY_TYPES) as [ActivityType, ...ActivityType[]], {
  message: '活动类型不正确',
});

export const OBJECT_KINDS = {
  village: '帮扶联系村',
  enterprise: '服务企业',
  county: '督查对象县（市）',
  other: '其他',
} as const;
export type ObjectKind = keyof typeof OBJECT_KINDS;
export const zObjectKind = z.enum(Object.keys(OBJECT_KINDS) as [ObjectKind, ...ObjectKind[]], {
  message: '对象类型不正确',
});

export const ZObjectBody = z.object({
  kind: zObjectKind,
  name: zName('名称', 60),
  assigneeIds: z.array(z.uuid()).max(20).default([]),
});
export const ZContactObject = z.object({
  id: z.uuid(),
  kind: zObjectKind,
  name: z.string(),
  assigneeIds: z.array(z.uuid()),
  assigneeNames: z.array(z.string()),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  /** What the reader may do with it (domain/policies/campaign.ts#contactObjectPolicy). */
  can: z.object({
    see: z.boolean(),
    edit: z.boolean(),
    deactivate: z.boolean(),
    reactivate: z.boolean(),
    reassign: z.boolean(),
  }),
});

/** 活动类别: the kind an activity is recorded as (templates' kinds, generic ones, and the unit's own). */
export const zKindCode = z
  .string({ message: '请选择活动类别' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, '类别代码应为 2–40 位小写字母、数字或下划线，以字母开头');
export const ZActivityKindBody = z.object({
  code: zKindCode,
  label: zName('类别名称', 30),
  type: zActivityType,
  scope: z.enum(['unit', 'branch'], { message: '请选择单位或党支部' }).default('unit'),
  attendance: z.boolean().default(false),
});
export const ZActivityKind = ZActivityKindBody.extend({
  /** Defined by a template or generic (cannot be withdrawn), or the unit's own. */
  builtIn: z.boolean(),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
  can: z.object({ withdraw: z.boolean() }),
});
export const ZActivityKindQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(200),
  withWithdrawn: z.enum(['true', 'false']).default('false'),
});

export const ATTENDANCE_STATUSES = {
  present: '出席',
  late: '迟到',
  left_early: '早退',
  excused: '请假',
  unexcused: '无故缺席',
} as const;
export type AttendanceStatusCode = keyof typeof ATTENDANCE_STATUSES;
const zAttendanceStatus = z.enum(
  Object.keys(ATTENDANCE_STATUSES) as [AttendanceStatusCode, ...AttendanceStatusCode[]],
  {
    message: '出勤情况不正确',
  },
);
export const zAttendance = z
  .array(z.object({ personId: z.uuid(), status: zAttendanceStatus }))
  .max(500)
  .default([]);

export const ZActivityBody = z.object({
  campaignId: z.uuid().nullable().default(null),
  type: zActivityType,
  /** The kind; without it, the generic kind of `type` (its code is the type). */
  kind: zKindCode.optional(),
  /** For a meeting kind that records attendance: participants and absentees follow from it. */
  attendance: zAttendance,
  title: zName('活动名称', 100),
  heldOn: zIsoDate,
  departmentId: z.uuid().nullable().default(null),
  participantIds: z.array(z.uuid()).max(500).default([]),
  absentIds: z.array(z.uuid()).max(500).default([]),
  objectIds: z.array(z.uuid()).max(200).default([]),
  measureNos: z.array(z.number().int().min(1).max(200)).max(50).default([]),
  minutes: z.string().trim().max(20_000).default(''),
  /** A discipline record (机关纪委 only): read in full by the discipline staff, its recorder and the people concerned. */
  confidential: z.boolean().optional(),
});
/** 更正: the record's fields as recorded anew (whatever the shared body carries), with why and at which version. */
export const ZActivityCorrectionBody = ZActivityBody.extend({
  reason: z.string().trim().min(2, '请填写更正原因（至少2个字）').max(200),
  version: zVersion,
});
export const ZActivity = ZActivityBody.extend({
  kind: z.string(),
  kindLabel: z.string(),
  confidential: z.boolean(),
  /** What the reader may do with it (domain/policies/activity.ts). */
  can: z.object({
    see: z.boolean(),
    readDetails: z.boolean(),
    correct: z.boolean(),
    withdraw: z.boolean(),
    attach: z.boolean(),
    rollCall: z.boolean(),
  }),
  id: z.uuid(),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  participantNames: z.array(z.string()),
  objectNames: z.array(z.string()),
  departmentName: z.string().nullable(),
  files: z.array(z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() })),
});
export const ZActivityQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  campaignId: z.uuid().optional(),
  type: zActivityType.optional(),
  personId: z.uuid().optional(),
  from: zIsoDate.optional(),
  to: zIsoDate.optional(),
  ids: z.string().max(4000).optional(),
});
