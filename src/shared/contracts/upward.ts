import { z } from 'zod';
import { UPWARD_KIND_CODES, type TargetState } from '../../domain/upward.js';
import { ZPageQuery, zCan, zName, zVersion } from './common.js';

const TARGET_STATES = ['pending', 'registered', 'submitted', 'closed', 'withdrawn'] as const satisfies TargetState[];

/** The upper level asks the units below it for a report, or assigns them a task (上报, 上级交办). */
export const ZUpwardRequestBody = z.object({
  kind: z.enum(UPWARD_KIND_CODES, { message: '请选择类型' }),
  docNo: zName('文号', 60),
  title: zName('标题', 200),
  instructions: z.string().trim().max(2000, '要求不能超过2000个字').default(''),
  workingDays: z
    .number({ message: '请填写办理时限（工作日）' })
    .int('办理时限应为整数个工作日')
    .min(1, '办理时限至少1个工作日')
    .max(60, '办理时限不能超过60个工作日'),
  targetUnitIds: z
    .array(z.uuid({ message: '单位编号格式不正确' }))
    .min(1, '请选择至少一个下级单位')
    .max(1000, '一次最多下发1000个单位')
    .refine((ids) => new Set(ids).size === ids.length, '所选单位有重复'),
});

export const ZUpwardSummary = z.object({
  total: z.number().int(),
  done: z.number().int(),
  late: z.number().int(),
  pending: z.number().int(),
});

export const UPWARD_REQUEST_CAN_KEYS = ['chase', 'withdraw'] as const;
export const ZUpwardRequest = z.object({
  id: z.uuid(),
  kind: z.enum(UPWARD_KIND_CODES),
  kindLabel: z.string(),
  docNo: z.string(),
  title: z.string(),
  instructions: z.string(),
  issuedOn: z.string(),
  workingDays: z.number().int(),
  dueOn: z.string(),
  status: z.enum(['open', 'withdrawn']),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  summary: ZUpwardSummary,
  can: zCan(UPWARD_REQUEST_CAN_KEYS),
});
export type TUpwardRequest = z.infer<typeof ZUpwardRequest>;

export const ZUpwardRequestsQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  status: z.enum(['open', 'withdrawn']).optional(),
});

export const ZUpwardTarget = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  state: z.enum(TARGET_STATES),
  stateLabel: z.string(),
  late: z.boolean(),
  doneLate: z.boolean(),
  registeredAt: z.string().nullable(),
  itemStatus: z.string().nullable(),
  submittedAt: z.string().nullable(),
  fileName: z.string().nullable(),
  submissionNote: z.string(),
  chaseCount: z.number().int(),
  lastChasedAt: z.string().nullable(),
  can: zCan(['chase', 'download'] as const),
});
export type TUpwardTarget = z.infer<typeof ZUpwardTarget>;

export const ZUpwardTargetsQuery = ZPageQuery.extend({
  state: z.enum(['late', 'done', 'open']).optional(),
});

export const ZUpwardChaseBody = z.object({
  /** The targets to chase; none: every late one. */
  targetIds: z
    .array(z.uuid({ message: '编号格式不正确' }))
    .max(1000)
    .default([]),
  message: z.string().trim().min(2, '请填写催办内容').max(500, '催办内容不能超过500个字'),
});

export const ZUpwardWithdrawBody = z.object({
  reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(200),
  version: zVersion,
});

/** What the unit below sees of a request addressed to it (上级来文). */
export const ZIncoming = z.object({
  id: z.uuid(),
  fromUnitName: z.string(),
  kind: z.enum(UPWARD_KIND_CODES),
  kindLabel: z.string(),
  docNo: z.string(),
  title: z.string(),
  instructions: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  state: z.enum(TARGET_STATES),
  stateLabel: z.string(),
  late: z.boolean(),
  itemId: z.uuid().nullable(),
  itemStatus: z.string().nullable(),
  submittedAt: z.string().nullable(),
  fileName: z.string().nullable(),
  chaseCount: z.number().int(),
  version: z.number().int(),
  can: zCan(['register', 'submit'] as const),
});
export type TIncoming = z.infer<typeof ZIncoming>;

export const ZIncomingQuery = ZPageQuery.extend({ state: z.enum(['open', 'done']).optional() });

export const ZIncomingRegisterBody = z.object({
  handlingDepartmentId: z.uuid({ message: '请选择承办科室' }),
  ownerPersonId: z.uuid({ message: '请选择承办人' }),
  leaderPersonId: z.uuid().nullable().default(null),
  urgency: z.enum(['urgent', 'important', 'normal'], { message: '请选择紧急程度' }).default('important'),
  notClassified: z.literal(true, { message: '请确认该文件不涉及国家秘密（涉密文件不得录入本系统）' }),
  version: zVersion,
});

export const ZIncomingSubmitQuery = z.object({
  note: z.string().trim().max(200, '说明不能超过200个字').default(''),
});
