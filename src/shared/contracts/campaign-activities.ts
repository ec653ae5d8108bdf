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

export const ZActivityBody = z.object({
  campaignId: z.uuid().nullable().default(null),
  type: zActivityType,
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
