import { parseIsoDate, toIsoDate, weekdayOf, type IsoDate } from './civil-date.js';

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

export interface Subject {
  key: string;
  label: string;
  /** An activity counts for the subject when one of these people took part … */
  personIds?: readonly string[];
  /** … and it concerned one of these objects (villages, enterprises) … */
  objectIds?: readonly string[];
  /** … and it was held by this department (each condition given must hold). */
  departmentId?: string;
  /** The whole unit: every activity of the rule's types counts. */
  everyone?: boolean;
}

export interface ActivityFact {
  id: string;
  type: string;
  date: IsoDate;
  participantIds: readonly string[];
  objectIds: readonly string[];
  departmentId: string | null;
}

export interface CountRule {
  kind: 'count';
  activityTypes: readonly string[];
  period: PeriodKind;
  min: number;
  max: number | null;
}
export interface CoverageRule {
  kind: 'coverage';
  activityTypes: readonly string[];
  period: PeriodKind;
  percent: number;
}
export type ObligationRule = CountRule | CoverageRule;

/** met · at risk (over two thirds of the period gone, still short) · missed · over the maximum · in progress · not yet started */
export type CellStatus = 'met' | 'at_risk' | 'missed' | 'over' | 'open' | 'not_started';
export const CELL_STATUS_LABELS: Record<CellStatus, string> = {
  met: '已达标',
  at_risk: '有风险',
  missed: '未达标',
  over: '超上限',
  open: '进行中',
  not_started: '未开始',
};

export interface Cell {
  subjectKey: string;
  periodKey: string;
  count: number;
  status: CellStatus;
  activityIds: string[];
}
export interface CoverageCell {
  periodKey: string;
  covered: number;
  total: number;
  percent: number;
  status: CellStatus;
  uncovered: string[];
}

export type RuleProblem = string | null;

/** Why a rule cannot be used, in Chinese, or null. */
export function checkRule(r: ObligationRule): RuleProblem {
  if (r.activityTypes.length === 0) return '请选择计入的活动类型';
  if (!(r.period in PERIOD_LABELS)) return '周期不正确';
  if (r.kind === 'count') {
    if (!Number.isInteger(r.min) || r.min < 0) return '最少次数应为非负整数';
    if (r.max !== null && (!Number.isInteger(r.max) || r.max < 1)) return '最多次数应为正整数';
    if (r.max !== null && r.min > r.max) return '最少次数不能大于最多次数';
    if (r.min === 0 && r.max === null) return '请设置最少次数或最多次数';
  } else if (!(r.percent > 0 && r.percent <= 100)) return '覆盖比例应在 1–100 之间';
  return null;
}

/** The periods of `kind` that overlap [from, to], clipped to it, in order. */
export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
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

/**
 * The activities that count for each subject, by period index. Activities are indexed once by
 * person, object and department, so the work grows with the matches, not subjects × activities.
 */
function matchesBySubject(
  types: readonly string[],
  subjects: readonly Subject[],
  activities: readonly ActivityFact[],
  periods: readonly Period[],
) {
  const wanted = new Set(types);
  const relevant = activities.filter(
    (a) => wanted.has(a.type) && a.date >= (periods[0]?.start ?? '') && a.date <= (periods.at(-1)?.end ?? ''),
  );
  const index = (keys: (a: ActivityFact) => readonly (string | null)[]) => {
    const m = new Map<string, ActivityFact[]>();
    for (const a of relevant) {
      for (const k of keys(a)) {
        if (!k) continue;
        const list = m.get(k);
        if (list) list.push(a);
        else m.set(k, [a]);
      }
    }
    return m;
  };
  const byPerson = index((a) => a.participantIds);
  const byObject = index((a) => a.objectIds);
  const byDepartment = index((a) => [a.departmentId]);
  const starts = periods.map((p) => p.start);
  const periodOf = (date: IsoDate) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= date) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return subjects.map((s) => {
    const pools: ActivityFact[][] = s.everyone ? [relevant] : [];
    if (s.personIds) pools.push(s.personIds.flatMap((p) => byPerson.get(p) ?? []));
    if (s.objectIds) pools.push(s.objectIds.flatMap((o) => byObject.get(o) ?? []));
    if (s.departmentId) pools.push(byDepartment.get(s.departmentId) ?? []);
    // The smallest pool, kept only where every other condition holds too; each activity once.
    const [smallest = [], ...others] = pools.sort((a, b) => a.length - b.length);
    const sets = others.map((p) => new Set(p));
    const seen = new Set<string>();
    const buckets: ActivityFact[][] = periods.map(() => []);
    for (const a of smallest) {
      if (seen.has(a.id) || !sets.every((set) => set.has(a))) continue;
      seen.add(a.id);
      buckets[periodOf(a.date)]!.push(a);
    }
    return buckets;
  });
}

/** A count rule's cells: every subject × every period, with the activities behind each. */
export function countCompliance(
  rule: CountRule,
  subjects: readonly Subject[],
  activities: readonly ActivityFact[],
  periods: readonly Period[],
  today: IsoDate,
): Cell[] {
  const matched = matchesBySubject(rule.activityTypes, subjects, activities, periods);
  return subjects.flatMap((s, i) =>
    periods.map((p, j) => {
      const list = matched[i]![j]!;
      return {
        subjectKey: s.key,
        periodKey: p.key,
        count: list.length,
        status: cellStatus(list.length, rule.min, rule.max, p, today),
        activityIds: list.map((a) => a.id),
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
  const matched = matchesBySubject(rule.activityTypes, subjects, activities, periods);
  return periods.map((p, j) => {
    const covered = subjects.filter((_, i) => matched[i]![j]!.length > 0);
    const total = subjects.length;
    const percent = total ? Math.round((covered.length / total) * 1000) / 10 : 100;
    const needed = Math.ceil((rule.percent / 100) * total - 1e-9);
    return {
      periodKey: p.key,
      covered: covered.length,
      total,
      percent,
      status: cellStatus(covered.length, needed, null, p, today),
      uncovered: subjects.filter((_, i) => matched[i]![j]!.length === 0).map((s) => s.key),
    };
  });
}
