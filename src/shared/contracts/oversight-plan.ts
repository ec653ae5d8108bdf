import { z } from 'zod';
import { INSPECTION_KINDS, INSPECTION_STATUSES, PLAN_STATUSES } from '../../domain/inspection-plan-text.js';
import { OVERSIGHT_CAN_KEYS } from '../../domain/policies/oversight.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zInt, zVersion } from './common.js';

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`)
    .regex(/^[^\p{Cc}]*$/u, `${label}含有不可见字符`);
const zYear = z.coerce.number().int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确');
const zReason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不能超过 200 字');

export const ZPlanYearParams = z.object({ year: zYear });
export const ZPlanCreate = z.object({ year: zYear });

export const ZClusterSettings = z.object({
  maxWithinWindow: zInt(1, 20, '时段内次数上限应为 1 至 20'),
  windowWorkingDays: zInt(1, 60, '时段应为 1 至 60 个工作日'),
  yearQuota: zInt(1, 50, '年控次数应为 1 至 50'),
  monthQuota: zInt(1, 20, '月控次数应为 1 至 20'),
});
export const ZPlanSettingsBody = ZClusterSettings.extend({ version: zVersion });

export const ZInspectionBody = z.object({
  subject: text('督查检查事项', 2, 200),
  kind: z.enum(INSPECTION_KINDS, { message: '请选择类别（综合或专项）' }),
  team: text('督查组', 2, 60),
  startsOn: zIsoDate,
  unitIds: z
    .array(z.uuid({ message: '单位编号格式不正确' }), { message: '请选择被检查单位' })
    .min(1, '请至少选择一个被检查单位')
    .max(200, '被检查单位不能超过 200 个'),
  /** Only for an inspection recorded against an approved plan without having been planned. */
  unplannedReason: zReason.nullable().default(null),
});
export const ZInspectionEdit = ZInspectionBody.omit({ unplannedReason: true }).extend({ version: zVersion });
export const ZInspectionWithdraw = z.object({ reason: zReason, version: zVersion });
export const ZInspectionHappened = z
  .object({
    from: zIsoDate,
    to: zIsoDate,
    summary: text('开展情况', 2, 500),
    version: zVersion,
  })
  .refine((b) => b.from <= b.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export const ZPlanMerge = z.object({
  inspectionIds: z
    .array(z.uuid({ message: '督查检查编号格式不正确' }))
    .min(2, '请至少选择两项督查检查合并')
    .max(50, '一次最多合并 50 项'),
});
export const ZPlanApprove = z.object({
  version: zVersion,
  /** Why each remaining 扎堆 flag is kept (by its key). */
  keep: z
    .array(z.object({ key: z.string().trim().min(1).max(200), reason: zReason }))
    .max(500)
    .default([]),
});
export const ZInspectionQuery = ZPageQuery.extend({ status: z.enum(INSPECTION_STATUSES).optional() });

export const ZInspection = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  subject: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  kindLabel: z.string(),
  team: z.string(),
  startsOn: z.string(),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  status: z.enum(INSPECTION_STATUSES),
  statusLabel: z.string(),
  mergedInto: z.uuid().nullable(),
  withdrawnReason: z.string().nullable(),
  unplannedReason: z.string().nullable(),
  happenedFrom: z.string().nullable(),
  happenedTo: z.string().nullable(),
  happenedSummary: z.string().nullable(),
  version: z.number().int(),
});
export type TInspection = z.infer<typeof ZInspection>;

export const ZClusterFlagView = z.object({
  key: z.string(),
  kind: z.enum(['crowded', 'sameWeek', 'yearQuota', 'monthQuota']),
  kindLabel: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  inspectionIds: z.array(z.uuid()),
  mergeIds: z.array(z.uuid()),
  period: z.string(),
  text: z.string(),
  /** The reason recorded for keeping it at approval, if any. */
  keptReason: z.string().nullable(),
});
export type TClusterFlag = z.infer<typeof ZClusterFlagView>;

export const ZPlan = z.object({
  id: z.uuid(),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  statusLabel: z.string(),
  settings: ZClusterSettings,
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  version: z.number().int(),
});
export const ZPlanView = z.object({
  year: z.number().int(),
  plan: ZPlan.nullable(),
  flags: z.array(ZClusterFlagView),
  ruleText: z.string(),
  can: zCan(OVERSIGHT_CAN_KEYS),
});
export type TPlanView = z.infer<typeof ZPlanView>;
