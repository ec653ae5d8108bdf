import { z } from 'zod';
import { CHECK_CAN_KEYS } from '../../domain/policies/check.js';
import { FINDING_CAN_KEYS } from '../../domain/policies/finding.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zVersion } from './common.js';
import { zText, zUuid } from './orglife-fields.js';

/** 在岗检查 and the findings (问题与说明) of the discipline module, as the web and the server exchange them. */
export const OBSERVATION_STATUSES = ['on_duty', 'on_leave', 'business_trip', 'absent', 'late'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
export const OBSERVATION_LABELS: Record<ObservationStatus, string> = {
  on_duty: '在岗',
  on_leave: '请假（有记录）',
  business_trip: '公出',
  absent: '无故离岗',
  late: '迟到',
};

export const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const ZPlanBody = z.object({ month: zMonth });

const ZDept = z.object({ id: z.string(), name: z.string() });
export const ZCheckSummary = z.object({
  id: z.uuid(),
  ordinal: z.number().int(),
  departments: z.array(ZDept),
  status: z.string(),
  checkedOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(CHECK_CAN_KEYS),
});
export const ZCheckPlan = z.object({
  id: z.uuid(),
  month: z.string(),
  plannedCount: z.number().int(),
  seed: z.string(),
  createdAt: z.string(),
  checks: z.array(ZCheckSummary),
});
export const ZReplay = z.object({
  matches: z.boolean(),
  stored: z.array(z.array(z.string())),
  recomputed: z.array(z.array(z.string())),
  /** The stored inputs' history equals the year's earlier carried-out checks as the database holds them now. */
  historyMatches: z.boolean(),
  /** This plan's withdrawn checks, with the reasons given. */
  withdrawn: z.array(z.object({ ordinal: z.number().int(), reason: z.string() })),
  gapBound: z.number().int(),
});

export const ZCheckQuery = z.object({ on: zIsoDate.optional() });
export const ZCheckRow = z.object({
  personId: z.uuid(),
  name: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  /** The recorded status, or (before recording) the one prefilled from leave and absence records. */
  status: z.enum(OBSERVATION_STATUSES),
  note: z.string(),
  prefilled: z.boolean(),
});
export const ZCheckView = ZCheckSummary.extend({
  planId: z.uuid(),
  month: z.string(),
  inspectorIds: z.array(z.string()),
  rows: z.array(ZCheckRow),
});

export const ZRecordBody = z.object({
  checkedOn: zIsoDate,
  inspectorIds: z.array(zUuid('检查人')).max(10, '检查人不能超过10人').default([]),
  observations: z
    .array(
      z.object({
        personId: zUuid('人员'),
        status: z.enum(OBSERVATION_STATUSES, { message: '检查情况不正确' }),
        note: zText('备注', 200),
      }),
    )
    .min(1, '请至少记录一人的在岗情况')
    .max(500),
  version: zVersion,
});

export const FINDING_STATUSES = ['open', 'explained', 'confirmed', 'dismissed'] as const;
export const ZFindingsQuery = ZPageQuery.extend({
  status: z.enum(FINDING_STATUSES).optional(),
  kind: z.enum(['on_duty', 'sifeng', 'meeting']).optional(),
  personId: z.uuid({ message: '人员编号格式不正确' }).optional(),
  month: zMonth.optional(),
});
export const ZFinding = z.object({
  id: z.uuid(),
  kind: z.string(),
  sourceType: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  departmentName: z.string().nullable(),
  onDate: z.string(),
  observed: z.string(),
  note: z.string(),
  status: z.enum(FINDING_STATUSES),
  explanationRequestedAt: z.string().nullable(),
  explanation: z.string().nullable(),
  explainedAt: z.string().nullable(),
  dismissedReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(FINDING_CAN_KEYS),
});
export const ZVersionBody = z.object({ version: zVersion });
export const ZExplainBody = z.object({
  explanation: z.string().trim().min(2, '请填写说明（至少2个字）').max(2000, '说明不能超过2000个字'),
  version: zVersion,
});
export const ZDismissBody = z.object({
  reason: z.string().trim().min(2, '请填写不予认定的理由（至少2个字）').max(200),
  version: zVersion,
});
