import { z } from 'zod';
import { ADVICE_OUTCOMES, EXPERT_KINDS } from '../../domain/think-tank.js';
import { ADVICE_CAN_KEYS, TANK_RECORD_CAN_KEYS, THINK_TANK_CAN_KEYS } from '../../domain/policies/think-tank.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zVersion } from './common.js';
import { zLongText, zTags, zText } from './assessment-projects.js';

export const ZExpertBody = z.object({
  kind: z.enum(EXPERT_KINDS, { message: '请选择专家类别（单位内或单位外）' }),
  /** Inside: the person of the unit. */
  personId: z.uuid({ message: '人员编号格式不正确' }).nullable().default(null),
  /** Outside: the expert's name, organisation and contact. */
  name: zText('专家姓名', 1, 40).nullable().default(null),
  organisation: zText('工作单位', 0, 100).default(''),
  field: zText('专业领域', 0, 100).default(''),
  contact: zText('联系方式', 0, 100).default(''),
});
export const ZExpertEdit = ZExpertBody.omit({ kind: true }).extend({ version: zVersion });
export const ZExpertQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  withdrawn: z.enum(['include', 'only']).optional(),
});

export const ZExpert = z.object({
  id: z.uuid(),
  kind: z.enum(EXPERT_KINDS),
  kindLabel: z.string(),
  personId: z.uuid().nullable(),
  name: z.string(),
  organisation: z.string(),
  field: z.string(),
  /** Null unless the reader is the office (personal data). */
  contact: z.string().nullable(),
  adviceCount: z.number().int(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(TANK_RECORD_CAN_KEYS),
});
export type TExpert = z.infer<typeof ZExpert>;
export const ZExpertPage = z.object({
  items: z.array(ZExpert),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  can: zCan(THINK_TANK_CAN_KEYS),
});

export const ZAdviceBody = z.object({
  expertId: z.uuid({ message: '请选择专家' }),
  topic: zText('建议主题', 2, 100),
  content: zLongText('建议内容', 2, 5000),
  receivedOn: zIsoDate,
  tags: zTags,
});
export const ZAdviceEdit = ZAdviceBody.extend({ version: zVersion });
export const ZAdviceOutcomeBody = z.object({
  outcome: z.enum(ADVICE_OUTCOMES, { message: '请选择办理结果' }),
  reason: z.string().trim().max(500, '理由不能超过 500 字').nullable().default(null),
  decisionId: z.uuid({ message: '会议决定编号格式不正确' }).nullable().default(null),
  version: zVersion,
});
export const ZAdviceQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  outcome: z.enum(ADVICE_OUTCOMES, { message: '办理结果不正确' }).optional(),
  expertId: z.uuid({ message: '专家编号格式不正确' }).optional(),
  tag: z.string().trim().max(20).optional(),
  withdrawn: z.enum(['include', 'only']).optional(),
});

export const ZDecisionRef = z.object({
  id: z.uuid(),
  text: z.string(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  meetingKindLabel: z.string(),
  heldOn: z.string(),
  minutesNo: z.string().nullable(),
});
export type TDecisionRef = z.infer<typeof ZDecisionRef>;
export const ZDecisionChoiceQuery = z.object({ q: z.string().trim().max(100).optional() });

export const ZAdvice = z.object({
  id: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  topic: z.string(),
  content: z.string(),
  receivedOn: z.string(),
  tags: z.array(z.string()),
  outcome: z.enum(ADVICE_OUTCOMES),
  outcomeLabel: z.string(),
  outcomeReason: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  decision: ZDecisionRef.nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(ADVICE_CAN_KEYS),
});
export type TAdvice = z.infer<typeof ZAdvice>;
