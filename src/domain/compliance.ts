import { parseIsoDate, toIsoDate, weekdayOf, type IsoDate } from './civil-date.js';
import { explainCount, explainCoverage, NO_WORDS, type Words } from './compliance-explain.js';
import { countedOf, matchesBySubject } from './compliance-match.js';

/**
 * Periodic obligations (“每季度…*次以上”), computed from what happened (activities), never typed in.
 * A count rule asks each subject (a person, a pair, a department, a village…) for at least `min`
 * (and at most `max`) matching activities in every period; a coverage rule asks that at least
 * `percent` of the subjects have one in the period (全覆盖 is 100; “模范科室达到**%以上” is a ratio).
 */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year' | 'campaign';
export const PERIOD_LABELS: Record<PeriodKind, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  year: '每年',
  campaign: '活动期间',
};

export interface Period {
  key: string;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/**
 * An object assignment (联系对象的分工) in force from `from` to `to` (inclusive; null = open).
 * Semantics, for a subject asked about its own objects (`object_assignees`): in a period, the person
 * is a subject when assigned to one of the objects at the end of the period (or on `today` while the
 * period runs); an activity counts for them when they took part (not absent), it concerned one of
 * their objects, and they were assigned to that object on the activity's date. A past period
 * therefore counts the assignment of its time, not today's.
 */
export interface Assignment {
  objectId: string;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface Subject {
  key: string;
  label: string;
  /** An activity counts for the subject when one of these people took part … */
  personIds?: readonly string[];
  /** … and it concerned one of these objects (villages, enterprises) … */
  objectIds?: readonly string[];
  /** … on a day the person was assigned to that object (see Assignment) … */
  assignments?: readonly Assignment[];
  /** … and it was held by this department (each condition given must hold). */
  departmentId?: string;
  /** The whole unit: every activity of the rule's kinds counts. */
  everyone?: boolean;
  /** Asked only in periods that start before this day (an object deactivated on it). */
  askedBefore?: IsoDate;
}

export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'excused' | 'unexcused';

export interface ActivityFact {
  id: string;
  /** The activity's kind (activity-kinds.ts): rules count kinds. */
  kind: string;
  title?: string;
  date: IsoDate;
  participantIds: readonly string[];
  /** Recorded absent: never counted as taking part. */
  absentIds?: readonly string[];
  objectIds: readonly string[];
  departmentId: string | null;
  /** Per-person attendance of a meeting whose kind records it. */
  attendance?: readonly { personId: string; status: AttendanceStatus }[];
}

/** How an activity must relate to a person subject, and what is counted. */
export interface MatchOptions {
  activityKinds: readonly string[];
  /** true (the default): the person must have taken part; false: also counts when the activity concerned them (谈心谈话, 政治家访). */
  participantRequired?: boolean;
  /** Count distinct objects (“至少联系服务*家”) rather than activities. */
  distinctObjects?: boolean;
}
export interface CountRule extends MatchOptions {
  kind: 'count';
  period: PeriodKind;
  min: number;
  max: number | null;
}
export interface CoverageRule extends MatchOptions {
  kind: 'coverage';
  period: PeriodKind;
  percent: number;
}
/** 会风会纪: each person flagged when reaching `absenceLimit` absences without leave or `lateLimit` lates/early leavings. */
export interface AttendanceRule {
  kind: 'attendance';
  activityKinds: readonly string[];
  period: PeriodKind;
  absenceLimit: number;
  lateLimit: number;
}
export type ObligationRule = CountRule | CoverageRule | AttendanceRule;

/**
 * met · at risk (over two thirds of the period gone, still short) · missed · over the maximum · in
 * progress · not yet started · not applicable (not assigned then) · attendance: notice due or not.
 */
export type CellStatus =
  | 'met'
  | 'at_risk'
  | 'missed'
  | 'over'
  | 'open'
  | 'not_started'
  | 'none'
  | 'reached'
  | 'not_reached';
export const CELL_STATUS_LABELS: Record<CellStatus, string> = {
  met: '已达标',
  at_risk: '有风险',
  missed: '未达标',
  over: '超上限',
  open: '进行中',
  not_started: '未开始',
  none: '不适用',
  reached: '达到通报标准',
  not_reached: '未达到',
};

export interface CountedActivity {
  id: string;
  title: string;
  date: IsoDate;
}
export interface Cell {
  subjectKey: string;
  periodKey: string;
  count: number;
  status: CellStatus;
  activityIds: string[];
  /** The activities behind the count, by date. */
  counted: CountedActivity[];
  /** What is missing (or why something did not count), in words; null when there is nothing to say. */
  explanation: string | null;
}
export interface CoverageCell {
  periodKey: string;
  covered: number;
  total: number;
  percent: number;
  status: CellStatus;
  uncovered: string[];
  counted: CountedActivity[];
  explanation: string | null;
}

export type RuleProblem = string | null;

/** Why a rule cannot be used, in Chinese, or null. */
export function checkRule(r: ObligationRule): RuleProblem {
  if (r.activityKinds.length === 0) return '请选择计入的活动类别';
  if (!(r.period in PERIOD_LABELS)) return '周期不正确';
  if (r.kind === 'count') {
    if (!Number.isInteger(r.min) || r.min < 0) return '最少次数应为非负整数';
    if (r.max !== null && (!Number.isInteger(r.max) || r.max < 1)) return '最多次数应为正整数';
    if (r.max !== null && r.min > r.max) return '最少次数不能大于最多次数';
    if (r.min === 0 && r.max === null) return '请设置最少次数或最多次数';
  } else if (r.kind === 'coverage') {
    if (!(r.percent > 0 && r.percent <= 100)) return '覆盖比例应在 1–100 之间';
  } else if (![r.absenceLimit, r.lateLimit].every((n) => Number.isInteger(n) && n >= 1))
    return '通报标准的次数应为正整数';
  return null;
}

/** The periods of `kind` that overlap [from, to], clipped to it, in order. */
// The same spans recur (every unit's campaign runs the same dates; each rule asks for them): computed once each.
const periodsCache = new Map<string, readonly Period[]>();

export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
  const key = `${kind} ${from} ${to}`;
  let cached = periodsCache.get(key);
  if (!cached) {
    if (periodsCache.size >= 512) periodsCache.clear();
    cached = Object.freeze(computePeriods(kind, from, to).map((p) => Object.freeze(p)));
    periodsCache.set(key, cached);
  }
  return [...cached];
}

function computePeriods(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
  const first = parseIsoDate(from);
  const last = parseIsoDate(to);
  if (last < first) return [];
  if (kind === 'campaign') return [{ key: 'campaign', label: '活动期间', start: from, end: to }];
  const out: Period[] = [];
  let start = startOf(kind, first);
  while (start <= last) {
    const next = startOf(kind, nextStart(kind, start));
    const p = { start: Math.max(start, first), end: Math.min(next - 1, last) };
    out.push({
      key: keyOf(kind, start),
      label: labelOf(kind, start, next - 1),
      start: toIsoDate(p.start),
      end: toIsoDate(p.end),
    });
    start = next;
  }
  return out;
}

function ymd(day: number) {
  const [y, m, d] = toIsoDate(day).split('-').map(Number) as [number, number, number];
  return { y, m, d };
}
const dayOf = (y: number, m: number, d = 1) =>
  parseIsoDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

function startOf(kind: Exclude<PeriodKind, 'campaign'>, day: number): number {
  const { y, m } = ymd(day);
  if (kind === 'week') return day - ((weekdayOf(day) + 6) % 7); // Monday
  if (kind === 'month') return dayOf(y, m);
  if (kind === 'quarter') return dayOf(y, m - ((m - 1) % 3));
  return dayOf(y, 1);
}
function nextStart(kind: Exclude<PeriodKind, 'campaign'>, start: number): number {
  const { y, m } = ymd(start);
  if (kind === 'week') return start + 7;
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const n = m - 1 + months;
  return dayOf(y + Math.floor(n / 12), (n % 12) + 1);
}
function keyOf(kind: Exclude<PeriodKind, 'campaign'>, start: number): string {
  const { y, m } = ymd(start);
  if (kind === 'week') return `W${toIsoDate(start)}`;
  if (kind === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  if (kind === 'quarter') return `${y}-Q${(m + 2) / 3}`;
  return String(y);
}
function labelOf(kind: Exclude<PeriodKind, 'campaign'>, start: number, end: number): string {
  const { y, m, d } = ymd(start);
  if (kind === 'week') {
    const e = ymd(end);
    return `${m}月${d}日–${e.m}月${e.d}日`;
  }
  if (kind === 'month') return `${y}年${m}月`;
  if (kind === 'quarter') return `${y}年第${(m + 2) / 3}季度`;
  return `${y}年`;
}

/** A count's status in a period, on `today`. */
export function cellStatus(count: number, min: number, max: number | null, period: Period, today: IsoDate): CellStatus {
  if (today < period.start)
    return count > 0 ? (max !== null && count > max ? 'over' : count >= min ? 'met' : 'not_started') : 'not_started';
  if (max !== null && count > max) return 'over';
  if (count >= min) return 'met';
  if (today > period.end) return 'missed';
  const length = parseIsoDate(period.end) - parseIsoDate(period.start) + 1;
  const gone = parseIsoDate(today) - parseIsoDate(period.start) + 1;
  return gone * 3 > length * 2 ? 'at_risk' : 'open';
}

/** A count rule's cells: every subject × every period, with the activities behind each and what is missing. */
export function countCompliance(
  rule: CountRule,
  subjects: readonly Subject[],
  activities: readonly ActivityFact[],
  periods: readonly Period[],
  today: IsoDate,
  words: Words = NO_WORDS,
): Cell[] {
  const matched = matchesBySubject(rule, subjects, activities, periods, today);
  return subjects.flatMap((s, i) =>
    periods.map((p, j) => {
      const m = matched[i]![j]!;
      const count = rule.distinctObjects ? m.objects.length : m.counted.length;
      const status = m.applies ? cellStatus(count, rule.min, rule.max, p, today) : 'none';
      return {
        subjectKey: s.key,
        periodKey: p.key,
        count,
        status,
        activityIds: m.counted.map((a) => a.id),
        counted: m.counted.map(countedOf),
        explanation: explainCount({ rule, subject: s, period: p, count, status, match: m, words }),
      };
    }),
  );
}

/** A coverage rule per period: how many subjects have at least one matching activity, against the target. */
export function coverageCompliance(
  rule: CoverageRule,
  subjects: readonly Subject[],
  activities: readonly ActivityFact[],
  periods: readonly Period[],
  today: IsoDate,
): CoverageCell[] {
  // Nothing to cover (no enterprise registered yet) is not "100% covered": no cells, nothing met.
  if (subjects.length === 0) return [];
  const matched = matchesBySubject(rule, subjects, activities, periods, today);
  return periods.map((p, j) => {
    // Only the subjects asked in the period (not an object deactivated before it started).
    const asked = subjects.map((_, i) => i).filter((i) => matched[i]![j]!.applies);
    const covered = asked.filter((i) => matched[i]![j]!.counted.length > 0).map((i) => subjects[i]!);
    const uncovered = asked.filter((i) => matched[i]![j]!.counted.length === 0).map((i) => subjects[i]!);
    const total = asked.length;
    const percent = total ? Math.round((covered.length / total) * 1000) / 10 : 0;
    const needed = Math.ceil((rule.percent / 100) * total - 1e-9);
    const status = total ? cellStatus(covered.length, needed, null, p, today) : 'none';
    const seen = new Map(asked.flatMap((i) => matched[i]![j]!.counted).map((a) => [a.id, a]));
    return {
      periodKey: p.key,
      covered: covered.length,
      total,
      percent,
      status,
      uncovered: uncovered.map((s) => s.key),
      counted: [...seen.values()].map(countedOf).sort((a, b) => a.date.localeCompare(b.date)),
      explanation: explainCoverage(p, status, covered.length, needed, total, uncovered),
    };
  });
}
