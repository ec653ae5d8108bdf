import { z } from 'zod';
import { ADMONITION_CAN_KEYS } from '../../domain/policies/admonition.js';
import { ADMONITION_KINDS, ADMONITION_STATUSES } from '../../domain/admonitions.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zVersion } from './common.js';

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min > 0 ? `请填写${label}` : undefined)
    .max(max, `${label}不能超过 ${max} 字`);

export const ZAdmonitionBody = z.object({
  kind: z.enum(ADMONITION_KINDS, { message: '请选择类型（提醒谈话、诫勉或函询）' }),
  personId: z.uuid({ message: '请选择当事人' }),
  conductedBy: z.array(z.uuid({ message: '谈话（函询）人编号格式不正确' })).max(10, '谈话（函询）人最多 10 人'),
  reason: text('苗头性、倾向性问题', 2, 500),
  onDate: zIsoDate,
  content: text('谈话（函询）内容', 0, 5000).default(''),
});
export const ZAdmonitionEdit = ZAdmonitionBody.omit({ kind: true, personId: true }).extend({ version: zVersion });
export const ZAdmonitionVersion = z.object({ version: zVersion });
export const ZAdmonitionFollowUp = z.object({ followUp: text('跟踪了解情况', 2, 2000), version: zVersion });
export const ZAdmonitionAnswer = z.object({ answer: text('答复内容', 2, 5000), version: zVersion });
export const ZAdmonitionWithdraw = z.object({
  reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(200),
  version: zVersion,
});

export const ZAdmonitionQuery = ZPageQuery.extend({
  kind: z.enum(ADMONITION_KINDS).optional(),
  personId: z.uuid({ message: '人员编号格式不正确' }).optional(),
});

export const ZAdmonition = z.object({
  id: z.uuid(),
  kind: z.enum(ADMONITION_KINDS),
  kindLabel: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  conductedBy: z.array(z.object({ id: z.uuid(), name: z.string() })),
  reason: z.string(),
  onDate: z.string(),
  content: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answeredLate: z.boolean(),
  followUp: z.string(),
  status: z.enum(ADMONITION_STATUSES),
  statusLabel: z.string(),
  deliveredOn: z.string().nullable(),
  replyDue: z.string().nullable(),
  overdue: z.boolean(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  files: z.array(z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() })),
  can: zCan(ADMONITION_CAN_KEYS),
});
export type TAdmonition = z.infer<typeof ZAdmonition>;

/** The 廉政档案 of one cadre: what the reader may read of each record kind. */
export const ZIntegrityFile = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), departmentName: z.string().nullable() }),
  leave: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      fromDate: z.string(),
      toDate: z.string(),
      halfDays: z.number().int(),
      status: z.string(),
    }),
  ),
  findings: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      observed: z.string(),
      onDate: z.string(),
      status: z.string(),
      note: z.string(),
    }),
  ),
  talks: z.array(z.object({ id: z.uuid(), kind: z.string(), heldOn: z.string(), withName: z.string() })),
  admonitions: z.array(ZAdmonition),
  education: z.array(z.object({ id: z.uuid(), type: z.string(), title: z.string(), heldOn: z.string() })),
});
