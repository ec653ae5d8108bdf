import { z } from 'zod';
import { zIsoDate } from './calendar.js';

export const ZUnavailabilityBody = z.object({
  personId: z.uuid({ message: '请选择人员' }),
  fromDate: zIsoDate,
  toDate: zIsoDate,
  reason: z.string().trim().min(2, '请填写原因（如出差、培训、病假）').max(100),
});
/** `reason` is null for readers who may not see it (personal data: the person, approvers and the discipline staff). */
export const ZUnavailability = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string().nullable(),
  active: z.boolean(),
  canWithdraw: z.boolean(),
});
