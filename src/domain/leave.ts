/**
 * 请销假 (issue 17): the rules of a leave request. Pure: the calendar and today are arguments.
 *
 * Conventions: dates are Asia/Shanghai civil dates 'YYYY-MM-DD', both ends inclusive; a leave may start in
 * the afternoon (`startsAfternoon`) or end at noon (`endsAtNoon`). Lengths are in half working days by the
 * unit's calendar (5 = 2.5 days). On the time line a day d has two halves, 2d (morning) and 2d+1
 * (afternoon); a leave is the half-open span [start, end) of halves, so a leave ending at noon and another
 * starting that afternoon touch without overlapping.
 */
import { parseIsoDate, type IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';

export const LEAVE_KINDS = {
  annual: '年休假',
  personal: '事假',
  sick: '病假',
  marriage: '婚假',
  maternity: '产假',
  paternity: '陪产假',
  bereavement: '丧假',
  family_visit: '探亲假',
  other: '其他',
} as const;
export type LeaveKind = keyof typeof LEAVE_KINDS;
export const LEAVE_KIND_KEYS = Object.keys(LEAVE_KINDS) as LeaveKind[];

export const LEAVE_STATUSES = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  withdrawn: '已撤销',
  returned: '已销假',
} as const;
export type LeaveStatus = keyof typeof LEAVE_STATUSES;

export interface LeaveSpan {
  fromDate: IsoDate;
  startsAfternoon: boolean;
  toDate: IsoDate;
  endsAtNoon: boolean;
}

/** Why a leave cannot be requested as asked, in words for the user. */
export class LeaveError extends Error {}

/** The longest span one request covers, in calendar days (a year, a leap day included). */
export const MAX_LEAVE_SPAN_DAYS = 366;
/** How far back a request may start: leave is asked ahead or recorded soon after, not years later. */
export const MAX_LEAVE_BACK_DAYS = 366;

/** Bounds of a span against `today` (Asia/Shanghai), whatever the calendar says: else a LeaveError. */
export function checkLeaveBounds(s: Pick<LeaveSpan, 'fromDate' | 'toDate'>, today: IsoDate): void {
  const from = parseIsoDate(s.fromDate);
  if (parseIsoDate(s.toDate) - from + 1 > MAX_LEAVE_SPAN_DAYS)
    throw new LeaveError(`一次请假不能超过${MAX_LEAVE_SPAN_DAYS}天，请分段申请`);
  if (parseIsoDate(today) - from > MAX_LEAVE_BACK_DAYS) throw new LeaveError('开始日期不能早于一年前');
}

/** The span's halves on the time line: [start, end). */
export function halvesOf(s: LeaveSpan): { start: number; end: number } {
  return {
    start: parseIsoDate(s.fromDate) * 2 + (s.startsAfternoon ? 1 : 0),
    end: parseIsoDate(s.toDate) * 2 + (s.endsAtNoon ? 1 : 2),
  };
}

/** What is wrong with the span itself (whatever the calendar), or null. */
export function spanProblem(s: LeaveSpan): string | null {
  if (s.toDate < s.fromDate) return '结束日期不能早于开始日期';
  const { start, end } = halvesOf(s);
  if (end <= start) return '同一天下午开始、上午结束的请假没有时长，请调整半天选项';
  return null;
}

/**
 * The length in half working days: two halves per working day of [from, to], less the morning of a working
 * first day when the leave starts in the afternoon and the afternoon of a working last day when it ends at
 * noon. Off days count nothing (an afternoon start on a Sunday changes nothing).
 */
export function leaveHalfDays(calendar: WorkdayCalendar, s: LeaveSpan): number {
  const problem = spanProblem(s);
  if (problem) throw new LeaveError(problem);
  const working = calendar.workingDaysBetween(s.fromDate, s.toDate).days + (calendar.isWorkingDay(s.fromDate) ? 1 : 0);
  let halves = working * 2;
  if (s.startsAfternoon && calendar.isWorkingDay(s.fromDate)) halves--;
  if (s.endsAtNoon && calendar.isWorkingDay(s.toDate)) halves--;
  return halves;
}

/** The length of a requested leave, refused when it covers no working time at all. */
export function requestedHalfDays(calendar: WorkdayCalendar, s: LeaveSpan): number {
  const n = leaveHalfDays(calendar, s);
  if (n <= 0) throw new LeaveError('所选期间均为非工作日，无需请假');
  return n;
}

/** "2.5 天" for 5 halves. */
export const formatHalfDays = (halves: number) => `${halves / 2} 天`;

/** A leave as the overlap check sees it: a returned leave ends on its `returnedOn` (the first day back). */
export interface ActiveLeave extends LeaveSpan {
  status: LeaveStatus;
  returnedOn?: IsoDate | null;
}

/** Does the leave still hold time of the person (pending, approved, or returned up to its return)? */
export function effectiveHalves(l: ActiveLeave): { start: number; end: number } | null {
  if (l.status === 'rejected' || l.status === 'withdrawn') return null;
  const h = halvesOf(l);
  if (l.status === 'returned' && l.returnedOn) h.end = Math.min(h.end, parseIsoDate(l.returnedOn) * 2);
  return h.end > h.start ? h : null;
}

/** Do two leaves of one person claim a common half day? Symmetric; touching halves do not overlap. */
export function leavesOverlap(a: ActiveLeave, b: ActiveLeave): boolean {
  const x = effectiveHalves(a);
  const y = effectiveHalves(b);
  return !!x && !!y && x.start < y.end && y.start < x.end;
}

/** Must the 分管领导 approve after the head? Above the unit's threshold of working days (in halves: 2 per day). */
export const needsLeaderApproval = (halfDays: number, leaderDays: number) => halfDays > leaderDays * 2;

/** Is the leave away on `day` (its start through the day before its return, or its last day)? */
export function awayOn(l: Pick<ActiveLeave, 'status' | 'fromDate' | 'toDate' | 'returnedOn'>, day: IsoDate): boolean {
  if (l.status !== 'approved' && l.status !== 'returned') return false;
  if (day < l.fromDate || day > l.toDate) return false;
  return !l.returnedOn || day < l.returnedOn;
}

/** The steps of the approval: the head's (步骤一), then, above the threshold, the 分管领导's. */
export type LeaveStep = 'head' | 'leader';

export interface LeaveState {
  status: LeaveStatus;
  fromDate: IsoDate;
  /** Someone has made the first (head's) decision. */
  headDecided: boolean;
  leaderRequired: boolean;
}

/** Which step a pending leave awaits; null when it awaits nobody. */
export function pendingStep(l: LeaveState): LeaveStep | null {
  if (l.status !== 'pending') return null;
  return l.headDecided ? 'leader' : 'head';
}

/**
 * After an approval at `step`: still pending (awaiting the 分管领导) or approved. `leaderDone`: the head step
 * was decided by the 分管领导 (a head's own leave), so the second step is already done.
 */
export function afterApproval(l: LeaveState, step: LeaveStep, leaderDone: boolean): LeaveStatus {
  return step === 'head' && l.leaderRequired && !leaderDone ? 'pending' : 'approved';
}

/** May the person withdraw it: while pending, or approved and not started (`today` before its first day). */
export const mayWithdrawLeave = (l: Pick<LeaveState, 'status' | 'fromDate'>, today: IsoDate) =>
  l.status === 'pending' || (l.status === 'approved' && today < l.fromDate);

/** May the person close it (销假): approved and started. */
export const mayReturnFromLeave = (l: Pick<LeaveState, 'status' | 'fromDate'>, today: IsoDate) =>
  l.status === 'approved' && today >= l.fromDate;

/** What is wrong with a return date (the first day back at work), or null. */
export function returnDateProblem(l: Pick<LeaveState, 'fromDate'>, returnedOn: IsoDate, today: IsoDate): string | null {
  if (returnedOn < l.fromDate) return '销假日期不能早于请假开始日期';
  if (returnedOn > today) return '销假日期不能晚于今天';
  return null;
}
