import { z } from 'zod';
import { parseIsoDate } from '../../domain/civil-date.js';
import { MAX_WORKING_DAYS } from '../../domain/workdays.js';
import { ZPageQuery } from './common.js';

/** 'YYYY-MM-DD' that exists; the message names the problem (2026-02-30 不存在). */
export const zIsoDate = z.string().superRefine((s, ctx) => {
  try {
    parseIsoDate(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
  }
});

export const ZDayInfo = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup', 'override_working', 'override_off']),
  name: z.string(),
  provisional: z.boolean(),
  overrideId: z.uuid().nullable(),
});
export type TDayInfo = z.infer<typeof ZDayInfo>;

export const ZDaysQuery = z.object({ from: zIsoDate, to: zIsoDate });
export const ZAddQuery = z.object({
  date: zIsoDate,
  n: z.coerce
    .number({ message: '工作日数应为整数' })
    .int('工作日数应为整数')
    .min(0, '工作日数不能小于0')
    .max(MAX_WORKING_DAYS, `工作日数不能超过${MAX_WORKING_DAYS}`),
});
export const ZIsQuery = z.object({ date: zIsoDate });
export const ZBetweenQuery = z.object({ from: zIsoDate, to: zIsoDate });
export const ZDateResult = z.object({ date: z.string(), provisional: z.boolean() });
export const ZBetweenResult = z.object({ days: z.number().int(), provisional: z.boolean() });

export const ZCoverage = z.object({
  years: z.array(z.number().int()),
  builtinYears: z.array(z.number().int()),
  imported: z.array(
    z.object({ year: z.number().int(), importedAt: z.string(), importedBy: z.string(), source: z.string() }),
  ),
  nextYear: z.number().int(),
  nextYearMissing: z.boolean(),
});

const ZDayState = z.object({ working: z.boolean(), name: z.string() });
export const ZScheduleImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(['previewed', 'applied']),
  years: z.array(z.number().int()),
  changes: z.array(
    z.object({ date: z.string(), before: ZDayState.extend({ provisional: z.boolean() }), after: ZDayState }),
  ),
  appliedAt: z.string().nullable(),
});
export const ZRecomputed = z.object({ checked: z.number().int(), changed: z.number().int() });

export const ZOverride = z.object({
  id: z.uuid(),
  date: z.string(),
  working: z.boolean(),
  reason: z.string(),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
});
export const ZOverrideBody = z.object({
  date: zIsoDate,
  working: z.boolean({ message: '请选择上班或休息' }),
  reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(100),
});
export const ZOverridesQuery = ZPageQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  all: z.enum(['true', 'false']).optional(),
});

export const ZDeadlineSettings = z.object({
  urgentSameDay: z.boolean(),
  importantDays: z.number().int().min(1, '至少1个工作日').max(60),
  normalDays: z.number().int().min(1, '至少1个工作日').max(60),
  extensionCapDays: z.number().int().min(1).max(120),
  extensionApproverPersonId: z.uuid().nullable().default(null),
});

export const ZComputeBody = z.object({
  urgency: z.enum(['urgent', 'important', 'normal'], { message: '紧急程度应为紧急、重要或一般' }),
  explicitDue: zIsoDate.nullable().default(null),
  receivedOn: zIsoDate,
});
export const ZDeadlinePolicy = z.union([
  z.object({ kind: z.literal('explicit'), due: z.string() }),
  z.object({ kind: z.literal('same_day') }),
  z.object({ kind: z.literal('working_days'), days: z.number().int(), extendedBy: z.number().int().optional() }),
]);
export const ZComputedDeadline = z.object({ due: z.string(), provisional: z.boolean(), policy: ZDeadlinePolicy });

export const ZDeadline = z.object({
  id: z.uuid(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  policy: ZDeadlinePolicy,
  due: z.string(),
  provisional: z.boolean(),
  status: z.string(),
});
export const ZDeadlinesQuery = ZPageQuery.extend({
  status: z.enum(['open', 'closed']).optional(),
  provisional: z.enum(['true', 'false']).optional(),
});
