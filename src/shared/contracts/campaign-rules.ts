/** Contracts of a campaign's obligation rules (义务规则): whom they ask, what they count, their versions and compliance. */
import { z } from 'zod';
import { zName } from './common.js';
import { zIsoDate } from './calendar.js';
import { zKindCode, zObjectKind } from './campaign-activities.js';

const zPeriod = z.enum(['week', 'month', 'quarter', 'year', 'campaign'], { message: '周期不正确' });
/** Who a rule asks: named people, the leadership, a group, each department, each assignee of an object kind, each object, or the unit. */
export const ZRuleSubject = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('people'), personIds: z.array(z.uuid()).min(1, '请选择人员').max(200) }),
    z.object({ kind: z.literal('leadership') }),
    z.object({ kind: z.literal('group'), groupId: z.uuid() }),
    z.object({ kind: z.literal('each_department') }),
    z.object({ kind: z.literal('object_assignees'), objectKind: zObjectKind }),
    z.object({ kind: z.literal('objects'), objectKind: zObjectKind }),
    z.object({ kind: z.literal('in_service') }),
    z.object({ kind: z.literal('party_members') }),
    z.object({ kind: z.literal('unit') }),
  ],
  { message: '请选择规则对象' },
);
export const ZRuleBody = z.object({
  measureNo: z.number().int().min(1).max(200).nullable().default(null),
  title: zName('规则名称', 100),
  subject: ZRuleSubject,
  activityKinds: z.array(zKindCode).min(1, '请选择计入的活动类别').max(20),
  period: zPeriod,
  kind: z.enum(['count', 'coverage', 'attendance'], { message: '规则类型不正确' }).default('count'),
  min: z.number().int().min(0).max(1000).default(1),
  max: z.number().int().min(1).max(1000).nullable().default(null),
  percent: z.number().min(1).max(100).default(100),
  /** The person must have taken part (not absent); false also counts activities that concerned them. */
  participantRequired: z.boolean().default(true),
  /** Count distinct objects (“至少联系服务*家”) rather than activities. */
  distinctObjects: z.boolean().default(false),
  absenceLimit: z.number().int().min(1).max(100).default(1),
  lateLimit: z.number().int().min(1).max(100).default(3),
});
/** A new version of a rule, in force from `effectiveFrom` (periods begun before it keep the old one). */
export const ZRuleVersionBody = ZRuleBody.omit({ subject: true, measureNo: true }).extend({
  effectiveFrom: zIsoDate,
});
export const ZRule = ZRuleBody.extend({
  id: z.uuid(),
  paramKey: z.string().nullable(),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
  /** When the version shown took effect (null: from the campaign's start) and how many versions there are. */
  effectiveFrom: zIsoDate.nullable(),
  versions: z.number().int(),
  activityKindLabels: z.array(z.string()),
  can: z.object({ edit: z.boolean(), withdraw: z.boolean() }),
});

const zStatus = z.enum(['met', 'at_risk', 'missed', 'over', 'open', 'not_started', 'none', 'reached', 'not_reached']);
const zCounted = z.array(z.object({ id: z.string(), title: z.string(), date: z.string() }));
export const ZCompliance = z.object({
  rule: ZRule,
  periods: z.array(z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() })),
  subjects: z.array(z.object({ key: z.string(), label: z.string() })),
  cells: z.array(
    z.object({
      subjectKey: z.string(),
      periodKey: z.string(),
      count: z.number().int(),
      status: zStatus,
      activityIds: z.array(z.string()),
      counted: zCounted,
      explanation: z.string().nullable(),
    }),
  ),
  coverage: z.array(
    z.object({
      periodKey: z.string(),
      covered: z.number().int(),
      total: z.number().int(),
      percent: z.number(),
      status: zStatus,
      uncovered: z.array(z.string()),
      counted: zCounted,
      explanation: z.string().nullable(),
    }),
  ),
  summary: z.object({
    met: z.number().int(),
    atRisk: z.number().int(),
    missed: z.number().int(),
    over: z.number().int(),
    reached: z.number().int(),
  }),
});
