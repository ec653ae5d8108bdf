/**
 * 考核指标 (measure 9): periods, progress against a target and the checks an indicator must pass. Pure: the
 * caller gives today's Shanghai date.
 *
 * Period keys are those of the compliance matrix (domain/compliance periodsBetween): '2026-09' (a month),
 * '2026-Q3' (a quarter), '2026' (a year); a period runs from its first to its last civil day, inclusive.
 */
import { parseIsoDate, toIsoDate, type IsoDate } from './civil-date.js';

export const INDICATOR_OWNER_KINDS = ['department', 'person'] as const;
export type IndicatorOwnerKind = (typeof INDICATOR_OWNER_KINDS)[number];
export const OWNER_KIND_LABELS: Record<IndicatorOwnerKind, string> = { department: '科室', person: '个人' };

export const INDICATOR_DIRECTIONS = ['at_least', 'at_most'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<IndicatorDirection, string> = { at_least: '不低于', at_most: '不高于' };

export const INDICATOR_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type IndicatorPeriodKind = (typeof INDICATOR_PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<IndicatorPeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' };

/**
 * Where a value comes from. Computed sources have one natural unit and direction (more overdue items are never a
 * goal); `reported` is entered with evidence and reviewed by the office.
 */
export const INDICATOR_SOURCES = [
  'items_on_time_rate',
  'items_overdue',
  'items_report_missing',
  'obligations_met_rate',
  'discipline_findings',
  'reported',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
export type ComputedSource = Exclude<IndicatorSource, 'reported'>;
export const SOURCE_LABELS: Record<IndicatorSource, string> = {
  items_on_time_rate: '按时办结率（督办事项）',
  items_overdue: '逾期件数（含逾期办结）',
  items_report_missing: '漏报次数（督办事项）',
  obligations_met_rate: '规定动作达标率',
  discipline_findings: '通报问题件数（仅已印发通报）',
  reported: '填报值（附佐证，经审核）',
};
export const NATURAL: Record<ComputedSource, { unit: string; direction: IndicatorDirection }> = {
  items_on_time_rate: { unit: '%', direction: 'at_least' },
  items_overdue: { unit: '件', direction: 'at_most' },
  items_report_missing: { unit: '次', direction: 'at_most' },
  obligations_met_rate: { unit: '%', direction: 'at_least' },
  discipline_findings: { unit: '件', direction: 'at_most' },
};
export const isComputed = (s: IndicatorSource): s is ComputedSource => s !== 'reported';

export interface PeriodRange {
  key: string;
  kind: IndicatorPeriodKind;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) =>
  toIsoDate(parseIsoDate(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`) - 1);

/** The period a key names, or null when the key is not a month, quarter or year of 2000–2100. */
/** A period key as users read it (2026年第4季度), or the key itself when it is not one. */
export const periodLabel = (key: string) => periodRange(key)?.label ?? key;

export function periodRange(key: string): PeriodRange | null {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 2000 || y > 2100) return null;
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { key, kind: 'month', label: `${y}年${month}月`, start: `${y}-${m[2]}-01`, end: lastDay(y, month) };
  }
  if (m[3]) {
    const q = Number(m[3]);
    const first = (q - 1) * 3 + 1;
    return {
      key,
      kind: 'quarter',
      label: `${y}年第${q}季度`,
      start: `${y}-${pad(first)}-01`,
      end: lastDay(y, first + 2),
    };
  }
  return { key, kind: 'year', label: `${y}年`, start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The key of the period of `kind` that holds `date` (a Shanghai civil date). */
export function periodKeyOf(kind: IndicatorPeriodKind, date: IsoDate): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (kind === 'month') return `${y}-${pad(m)}`;
  if (kind === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return String(y);
}

/** The `n` periods of the kind of `key` ending with it, oldest first. */
export function lastPeriods(key: string, n: number): string[] {
  const p = periodRange(key);
  if (!p) return [];
  const out = [key];
  let start = p.start;
  while (out.length < n) {
    const prev = periodRange(periodKeyOf(p.kind, toIsoDate(parseIsoDate(start) - 1)));
    if (!prev) break;
    out.unshift(prev.key);
    start = prev.start;
  }
  return out;
}

/**
 * Progress against the target: 达标 when the value reaches it in the indicator's direction; 接近 when it misses
 * by no more than 10 % of the target (at least: value ≥ 0.9 × target; at most: value ≤ 1.1 × target); 未达标
 * otherwise; 无数据 when there is no value. Colours as the web colours items (green, orange, red, grey).
 */
export type ProgressStatus = 'met' | 'near' | 'missed' | 'none';
export const PROGRESS_LABELS: Record<ProgressStatus, string> = {
  met: '达标',
  near: '接近',
  missed: '未达标',
  none: '无数据',
};
export const PROGRESS_COLOURS: Record<ProgressStatus, string> = {
  met: 'green',
  near: 'orange',
  missed: 'red',
  none: 'default',
};
export function progressStatus(value: number | null, target: number, direction: IndicatorDirection): ProgressStatus {
  if (value === null) return 'none';
  const gap = direction === 'at_least' ? target - value : value - target;
  if (gap <= 0) return 'met';
  const near = gap <= Math.abs(target) / 10;
  return near ? 'near' : 'missed';
}

/**
 * The trend over consecutive periods (oldest first), read in the indicator's direction: 向好 when the last value
 * is better than the first one that has a value, 变差 when worse, 持平 when equal; null with fewer than two values.
 */
export type Trend = 'better' | 'worse' | 'flat';
export const TREND_LABELS: Record<Trend, string> = { better: '向好', worse: '变差', flat: '持平' };
export function trendOf(values: readonly (number | null)[], direction: IndicatorDirection): Trend | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const delta = known.at(-1)! - known[0]!;
  if (delta === 0) return 'flat';
  return delta > 0 === (direction === 'at_least') ? 'better' : 'worse';
}

export interface IndicatorFacts {
  source: IndicatorSource;
  unitLabel: string;
  target: number;
  direction: IndicatorDirection;
  ownerKind: IndicatorOwnerKind;
}

/** Why an indicator cannot be saved, in Chinese, or null. */
export function indicatorProblem(i: IndicatorFacts): string | null {
  if (!Number.isFinite(i.target)) return '目标值应为数字';
  if (isComputed(i.source)) {
    const natural = NATURAL[i.source];
    if (i.unitLabel !== natural.unit) return `“${SOURCE_LABELS[i.source]}”的计量单位只能是“${natural.unit}”`;
    if (i.direction !== natural.direction)
      return `“${SOURCE_LABELS[i.source]}”的目标方向只能是“${DIRECTION_LABELS[natural.direction]}”`;
    if (natural.unit !== '%' && !Number.isInteger(i.target)) return '件数、次数的目标值应为整数';
  }
  if (i.unitLabel === '%' && (i.target < 0 || i.target > 100)) return '百分比目标值应在 0 至 100 之间';
  if (i.target < 0) return '目标值不能为负数';
  return null;
}

/** Is `key` a period of `kind`? (A quarterly indicator takes quarterly keys only.) */
export const isPeriodOf = (kind: IndicatorPeriodKind, key: string) => periodRange(key)?.kind === kind;
