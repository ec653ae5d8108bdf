/** Contracts of 考核指标 (measure 9): indicators, their values per period with evidence, reported values and review. */
import { z } from 'zod';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_OWNER_KINDS,
  INDICATOR_PERIOD_KINDS,
  INDICATOR_SOURCES,
} from '../../domain/indicators.js';
import { INDICATOR_CAN_KEYS, INDICATORS_CAN_KEYS } from '../../domain/policies/assessment-indicator.js';
import { ZPageQuery, zCan, zVersion } from './common.js';

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`)
    .regex(/^[^\p{Cc}]*$/u, `${label}含有不可见字符`);
const zAmount = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .finite(`${label}应为数字`)
    .min(-1e11, `${label}超出范围`)
    .max(1e11, `${label}超出范围`);
const zPeriodKey = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}|-Q[1-4])?$/, '考核期应如 2026、2026-Q3 或 2026-09');
const zReason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不能超过 200 字');

export const ZIndicatorBody = z.object({
  ownerKind: z.enum(INDICATOR_OWNER_KINDS, { message: '请选择指标对象（科室或个人）' }),
  ownerId: z.uuid({ message: '请选择科室或人员' }),
  measureId: z.uuid({ message: '措施编号格式不正确' }).nullable().default(null),
  title: text('指标名称', 2, 100),
  unitLabel: text('计量单位', 1, 10),
  target: zAmount('目标值'),
  direction: z.enum(INDICATOR_DIRECTIONS, { message: '请选择目标方向' }),
  periodKind: z.enum(INDICATOR_PERIOD_KINDS, { message: '请选择考核周期' }),
  source: z.enum(INDICATOR_SOURCES, { message: '请选择数据来源' }),
});
export const ZIndicatorEdit = ZIndicatorBody.pick({
  measureId: true,
  title: true,
  unitLabel: true,
  target: true,
  direction: true,
}).extend({ version: zVersion });
export const ZIndicatorWithdraw = z.object({ reason: zReason, version: zVersion });

export const ZIndicatorQuery = ZPageQuery.extend({
  ownerKind: z.enum(INDICATOR_OWNER_KINDS).optional(),
  /** A department: its own indicators and those of its people. */
  departmentId: z.uuid({ message: '科室编号格式不正确' }).optional(),
  personId: z.uuid({ message: '人员编号格式不正确' }).optional(),
  source: z.enum(INDICATOR_SOURCES).optional(),
  q: z.string().trim().max(50).optional(),
  withdrawn: z.enum(['true', 'false']).optional(),
});

export const ZIndicatorReportBody = z.object({
  periodKey: zPeriodKey,
  value: zAmount('填报值'),
  evidence: text('佐证说明', 2, 2000),
});
export const ZIndicatorReviewBody = z
  .object({
    decision: z.enum(['accept', 'return'], { message: '请选择通过或退回' }),
    reason: z.string().trim().max(200, '原因不能超过 200 字').nullable().default(null),
    version: zVersion,
  })
  .refine((b) => b.decision === 'accept' || (b.reason ?? '').length >= 2, {
    message: '退回须说明原因（至少2个字）',
    path: ['reason'],
  });
export const ZIndicatorReportParams = z.object({
  id: z.uuid({ message: '编号格式不正确' }),
  reportId: z.uuid({ message: '编号格式不正确' }),
});

const ZEvidence = z.object({
  kind: z.enum(['item', 'rule', 'finding', 'report']),
  id: z.string(),
  title: z.string(),
  note: z.string(),
});
export const ZIndicatorPeriodValue = z.object({
  periodKey: z.string(),
  periodLabel: z.string(),
  value: z.number().nullable(),
  missing: z.string().nullable(),
  status: z.enum(['met', 'near', 'missed', 'none']),
});
export const ZIndicator = z.object({
  id: z.uuid(),
  ownerKind: z.enum(INDICATOR_OWNER_KINDS),
  ownerId: z.uuid(),
  ownerName: z.string(),
  departmentName: z.string().nullable(),
  measureId: z.uuid().nullable(),
  measureLabel: z.string().nullable(),
  title: z.string(),
  unitLabel: z.string(),
  target: z.number(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  periodKind: z.enum(INDICATOR_PERIOD_KINDS),
  source: z.enum(INDICATOR_SOURCES),
  sourceLabel: z.string(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  /** The current period and the three before it, oldest first; the last is the current one. */
  trend: z.array(ZIndicatorPeriodValue),
  trendLabel: z.string().nullable(),
  can: zCan(INDICATOR_CAN_KEYS),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZIndicatorReport = z.object({
  id: z.uuid(),
  periodKey: z.string(),
  value: z.number(),
  evidence: z.string(),
  status: z.enum(['submitted', 'accepted', 'returned']),
  reviewReason: z.string().nullable(),
  reportedByName: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  can: z.object({ review: z.boolean() }),
});
export const ZIndicatorDetail = ZIndicator.extend({
  periods: z.array(ZIndicatorPeriodValue.extend({ evidence: z.array(ZEvidence) })),
  reports: z.array(ZIndicatorReport),
});
export type TIndicatorDetail = z.infer<typeof ZIndicatorDetail>;

export const ZIndicatorPage = z.object({
  items: z.array(ZIndicator),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  can: zCan(INDICATORS_CAN_KEYS),
});
