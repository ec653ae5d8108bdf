/**
 * When a notification may go out (issue 7): retries with exponential backoff and a cap, and the
 * quiet hours — outside working hours on working days (per the unit's calendar) only 紧急 goes now;
 * the rest is held until the start of the next working period and sent then as one digest. Pure.
 */
import { parseIsoDate, shanghaiDate, type IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';

export interface RetryPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
  maxAttempts: number;
}
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, factor: 2, capMs: 3_600_000, maxAttempts: 8 };

/**
 * After failed attempt number `attempt` (1-based): when to try again, or null to give up. `jitter`
 * in [0, 1) spreads retries of many messages (the caller derives it from the message's key).
 */
export function nextAttemptAt(
  attempt: number,
  nowMs: number,
  jitter = 0,
  p: RetryPolicy = DEFAULT_RETRY,
): number | null {
  if (attempt >= p.maxAttempts) return null;
  const delay = Math.min(p.capMs, p.baseMs * p.factor ** (attempt - 1));
  return nowMs + Math.round(delay * (1 + 0.2 * Math.min(Math.max(jitter, 0), 0.999)));
}

/** Working hours as minutes after midnight, Shanghai time (e.g. 08:30–17:30). */
export interface WorkingHours {
  startMin: number;
  endMin: number;
}
export const DEFAULT_HOURS: WorkingHours = { startMin: 8 * 60 + 30, endMin: 17 * 60 + 30 };

const instantOf = (date: IsoDate, minute: number) => (parseIsoDate(date) * 1440 + minute - 480) * 60_000;
const minuteOf = (nowMs: number) => Math.floor(((nowMs + 480 * 60_000) % 86_400_000) / 60_000);

/**
 * Send now, or hold until the start of the next working period. 紧急 (urgent) always goes now; so
 * does everything during working hours of a working day.
 */
export function releaseAt(
  urgency: 'urgent' | 'important' | 'normal',
  nowMs: number,
  calendar: WorkdayCalendar,
  hours: WorkingHours = DEFAULT_HOURS,
): number {
  if (urgency === 'urgent') return nowMs;
  const today = shanghaiDate(new Date(nowMs));
  const minute = minuteOf(nowMs);
  if (calendar.isWorkingDay(today)) {
    if (minute >= hours.startMin && minute < hours.endMin) return nowMs;
    if (minute < hours.startMin) return instantOf(today, hours.startMin);
  }
  return instantOf(calendar.nextWorkingDay(today).date, hours.startMin);
}

/** The start of the next working period strictly after now (a daily digest's time). */
export function nextWorkStart(nowMs: number, calendar: WorkdayCalendar, hours: WorkingHours = DEFAULT_HOURS): number {
  const today = shanghaiDate(new Date(nowMs));
  if (calendar.isWorkingDay(today) && minuteOf(nowMs) < hours.startMin) return instantOf(today, hours.startMin);
  return instantOf(calendar.nextWorkingDay(today).date, hours.startMin);
}
