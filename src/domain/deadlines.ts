import { parseIsoDate, shanghaiDate, type IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';

/**
 * Deadline policies of measure 26: "有时限要求的，按照要求办结反馈；没有时限要求的，7个工作日内办结
 * 反馈，特殊情况不超过15个工作日；紧急情况随到随办". A policy is stored with every deadline, so that a
 * recomputation after a calendar change is reproducible.
 */
export type DeadlinePolicy =
  | { kind: 'explicit'; due: IsoDate } // 有时限要求: the document's own date
  | { kind: 'same_day' } // 紧急: due the day of receipt
  | { kind: 'working_days'; days: number; extendedBy?: number }; // 重要/一般, plus an approved extension

export type Urgency = 'urgent' | 'important' | 'normal';
export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '紧急', important: '重要', normal: '一般' };

/** A unit's deadline settings (per unit; these are the defaults of the plan). */
export interface DeadlineSettings {
  urgentSameDay: boolean;
  importantDays: number;
  normalDays: number;
  /** 特殊情况: the total may not exceed this many working days from receipt. */
  extensionCapDays: number;
  /** Who approves extensions; null: the party secretary or the item's responsible leader. */
  extensionApproverPersonId: string | null;
}
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  urgentSameDay: true,
  importantDays: 7,
  normalDays: 7,
  extensionCapDays: 15,
  extensionApproverPersonId: null,
};

/** The policy for a document: its explicit date if it has one, else by urgency and the unit's settings. */
export function policyFor(urgency: Urgency, explicitDue: IsoDate | null, s: DeadlineSettings): DeadlinePolicy {
  if (explicitDue) return { kind: 'explicit', due: explicitDue };
  if (urgency === 'urgent' && s.urgentSameDay) return { kind: 'same_day' };
  return {
    kind: 'working_days',
    days: urgency === 'important' ? s.importantDays : urgency === 'urgent' ? 1 : s.normalDays,
  };
}

export interface ComputedDeadline {
  due: IsoDate;
  provisional: boolean;
  policy: DeadlinePolicy;
  /** Working-day policies: the day half of the working days have passed (rounded up); else null. */
  halfway?: IsoDate | null;
}

/**
 * The due date (end of that day, Asia/Shanghai) of something received at `receivedAt` (an instant
 * or a Shanghai civil date). Explicit and same-day deadlines are never provisional.
 */
export function computeDeadline(
  policy: DeadlinePolicy,
  receivedAt: Date | IsoDate,
  calendar: WorkdayCalendar,
): ComputedDeadline {
  const received = typeof receivedAt === 'string' ? receivedAt : shanghaiDate(receivedAt);
  parseIsoDate(received);
  switch (policy.kind) {
    case 'explicit':
      parseIsoDate(policy.due);
      return { due: policy.due, provisional: false, policy };
    case 'same_day':
      return { due: received, provisional: false, policy };
    case 'working_days': {
      const total = policy.days + (policy.extendedBy ?? 0);
      const r = calendar.addWorkingDays(received, total);
      return {
        due: r.date,
        provisional: r.provisional,
        policy,
        halfway: calendar.addWorkingDays(received, Math.ceil(total / 2)).date,
      };
    }
  }
}

export class ExtensionError extends Error {}

/**
 * Extends a working-day deadline (特殊情况) by `extraDays`. The total from receipt may not exceed
 * the cap (15 working days by default); explicit and same-day deadlines cannot be extended this way.
 */
export function extendPolicy(policy: DeadlinePolicy, extraDays: number, capDays: number): DeadlinePolicy {
  if (policy.kind !== 'working_days') throw new ExtensionError('只有按工作日计算的期限可以申请延期');
  if (!Number.isInteger(extraDays) || extraDays < 1) throw new ExtensionError('延期天数应为正整数');
  const total = policy.days + (policy.extendedBy ?? 0) + extraDays;
  if (total > capDays)
    throw new ExtensionError(`特殊情况办理时限自收文起不得超过${capDays}个工作日（申请后共${total}个）`);
  return { ...policy, extendedBy: (policy.extendedBy ?? 0) + extraDays };
}

/** Could any extension still be granted (extendPolicy with one more day would pass)? The page offers 申请延期 only then. */
export function canExtend(policy: DeadlinePolicy, capDays: number): boolean {
  return policy.kind === 'working_days' && policy.days + (policy.extendedBy ?? 0) + 1 <= capDays;
}
