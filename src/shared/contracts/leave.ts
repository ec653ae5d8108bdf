import { z } from 'zod';
import { LEAVE_KIND_KEYS, LEAVE_STATUSES, type LeaveStatus } from '../../domain/leave.js';
import { LEAVE_CAN_KEYS } from '../../domain/policies/leave.js';
import { zCan, ZPageQuery, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';

const zKind = z.enum(LEAVE_KIND_KEYS as [string, ...string[]], { message: '请选择请假类别' });
const zStatus = z.enum(Object.keys(LEAVE_STATUSES) as [LeaveStatus, ...LeaveStatus[]], { message: '状态不正确' });

export const ZLeaveSpan = z.object({
  fromDate: zIsoDate,
  startsAfternoon: z.boolean().default(false),
  toDate: zIsoDate,
  endsAtNoon: z.boolean().default(false),
});

/** A request: the reason is kept minimal (personal data) and may be left out. */
export const ZLeaveBody = ZLeaveSpan.extend({
  kind: zKind,
  reason: z
    .string()
    .trim()
    .max(100, '事由请简要填写（不超过100字）')
    .regex(/^[^\p{Cc}]*$/u, '事由含有不可见字符')
    .default(''),
});

export const ZLeaveDecision = z.object({ version: zVersion });
export const ZLeaveReject = ZLeaveDecision.extend({
  reason: z.string().trim().min(2, '请填写不批准的理由（至少2个字）').max(200),
});
export const ZLeaveWithdraw = ZLeaveDecision.extend({
  reason: z.string().trim().min(2, '请填写撤销原因（至少2个字）').max(200),
});
export const ZLeaveReturn = ZLeaveDecision.extend({ returnedOn: zIsoDate });

/** mine: my own; approve: awaiting my decision; unit: every leave I may see. */
export const ZLeaveQuery = ZPageQuery.extend({
  scope: z.enum(['mine', 'approve', 'unit']).default('mine'),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
  personId: z.uuid({ message: '人员编号格式不正确' }).optional(),
  status: zStatus.optional(),
});

/** `reason` is null for readers who may not see it (the person, the approvers and the discipline staff do). */
export const ZLeave = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  departmentName: z.string().nullable(),
  kind: z.string(),
  fromDate: z.string(),
  startsAfternoon: z.boolean(),
  toDate: z.string(),
  endsAtNoon: z.boolean(),
  halfDays: z.number().int(),
  reason: z.string().nullable(),
  status: zStatus,
  /** Which step a pending leave awaits. */
  step: z.enum(['head', 'leader']).nullable(),
  awaitingNames: z.array(z.string()),
  leaderRequired: z.boolean(),
  rejectedReason: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  returnedOn: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  can: zCan(LEAVE_CAN_KEYS),
});

/** The working-day count of a span before it is requested. */
export const ZLeaveLength = z.object({ halfDays: z.number().int(), leaderRequired: z.boolean() });
