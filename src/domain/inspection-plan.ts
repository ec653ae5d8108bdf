/**
 * The upper level's year plan of inspections (督查检查计划, measures 35 and 39): 扎堆 — inspections crowding onto
 * one unit — is found before the plan is approved, with a suggestion to merge. Pure: the caller gives the plan
 * and the working-day calendar.
 *
 * The rules, each stated to the user in the words of CLUSTER_RULE_TEXT:
 *   密集 crowded   more than `maxWithinWindow` inspections of one unit start within `windowWorkingDays` working days
 *                  of each other (a window of that many working days, counted from the first one's start);
 *   同周 sameWeek  two different teams start at one unit in the same week (Monday to Sunday);
 *   年控/月控 quota more inspections of one unit in a year (month) than the unit's yearly (monthly) quota.
 * A merge suggestion names the inspections to combine into one (the earliest start, the teams together).
 */
import { parseIsoDate, toIsoDate, weekdayOf, type IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';

export interface PlannedInspection {
  id: string;
  subject: string;
  kind: 'comprehensive' | 'special';
  team: string;
  /** The first day at the inspected units. */
  startsOn: IsoDate;
  unitIds: readonly string[];
}

export interface ClusterSettings {
  maxWithinWindow: number;
  windowWorkingDays: number;
  yearQuota: number;
  monthQuota: number;
}
export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  maxWithinWindow: 1,
  windowWorkingDays: 10,
  yearQuota: 4,
  monthQuota: 1,
};

export type ClusterKind = 'crowded' | 'sameWeek' | 'yearQuota' | 'monthQuota';
export interface ClusterFlag {
  kind: ClusterKind;
  unitId: string;
  /** The inspections concerned, in start order. */
  inspectionIds: string[];
  /** For 密集 and 同周: merge these into one; for the quotas: the same list (drop or merge some of them). */
  mergeIds: string[];
  /** The year, the month (YYYY-MM), the week's Monday, or the window's first day. */
  period: string;
}

export const CLUSTER_RULE_TEXT = (s: ClusterSettings) =>
  `同一单位在${s.windowWorkingDays}个工作日内被督查检查超过${s.maxWithinWindow}次、同一周内有两个以上督查组进驻，` +
  `或全年超过${s.yearQuota}次、单月超过${s.monthQuota}次的，提示“扎堆”并建议合并。`;

/** The Monday of the week of `date`. */
export const weekOf = (date: IsoDate): IsoDate => {
  const d = parseIsoDate(date);
  return toIsoDate(d - ((weekdayOf(d) + 6) % 7));
};

/** Each unit's inspections in start order (ties by id, so the answer does not depend on the input's order). */
function byUnit(plan: readonly PlannedInspection[]): Map<string, PlannedInspection[]> {
  const out = new Map<string, PlannedInspection[]>();
  for (const i of plan) for (const u of new Set(i.unitIds)) out.set(u, [...(out.get(u) ?? []), i]);
  for (const list of out.values())
    list.sort((a, b) => (a.startsOn === b.startsOn ? (a.id < b.id ? -1 : 1) : a.startsOn < b.startsOn ? -1 : 1));
  return out;
}

/** Windows of more than `max` inspections starting within `days` working days of the window's first one. */
function crowded(list: PlannedInspection[], s: ClusterSettings, calendar: WorkdayCalendar): PlannedInspection[][] {
  const windows: PlannedInspection[][] = [];
  for (let i = 0; i < list.length; ) {
    const first = list[i]!;
    const inWindow = list
      .slice(i)
      .filter((x) => calendar.workingDaysBetween(first.startsOn, x.startsOn).days < s.windowWorkingDays);
    if (inWindow.length > s.maxWithinWindow) {
      windows.push(inWindow);
      i += inWindow.length;
    } else i++;
  }
  return windows;
}

const groupBy = <T>(xs: readonly T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

/** Every 扎堆 of the plan, by unit, then by kind and period. */
export function clusterFlags(
  plan: readonly PlannedInspection[],
  s: ClusterSettings,
  calendar: WorkdayCalendar,
): ClusterFlag[] {
  const flags: ClusterFlag[] = [];
  const ids = (xs: PlannedInspection[]) => xs.map((x) => x.id);
  for (const [unitId, list] of [...byUnit(plan)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const w of crowded(list, s, calendar))
      flags.push({ kind: 'crowded', unitId, inspectionIds: ids(w), mergeIds: ids(w), period: w[0]!.startsOn });
    for (const [week, xs] of groupBy(list, (x) => weekOf(x.startsOn)))
      if (new Set(xs.map((x) => x.team)).size > 1)
        flags.push({ kind: 'sameWeek', unitId, inspectionIds: ids(xs), mergeIds: ids(xs), period: week });
    for (const [year, xs] of groupBy(list, (x) => x.startsOn.slice(0, 4)))
      if (xs.length > s.yearQuota)
        flags.push({ kind: 'yearQuota', unitId, inspectionIds: ids(xs), mergeIds: ids(xs), period: year });
    for (const [month, xs] of groupBy(list, (x) => x.startsOn.slice(0, 7)))
      if (xs.length > s.monthQuota)
        flags.push({ kind: 'monthQuota', unitId, inspectionIds: ids(xs), mergeIds: ids(xs), period: month });
  }
  return flags;
}

/**
 * The plan with `ids` merged into one inspection: the earliest start, the subjects and teams joined, every unit
 * of them inspected once, kind 综合 when they differ. Ids not in the plan are ignored.
 */
export function mergeInspections(
  plan: readonly PlannedInspection[],
  ids: readonly string[],
  newId: string,
): PlannedInspection[] {
  const merged = plan.filter((i) => ids.includes(i.id));
  if (merged.length < 2) return [...plan];
  const first = [...merged].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1))[0]!;
  const one: PlannedInspection = {
    id: newId,
    subject: [...new Set(merged.map((i) => i.subject))].join('；'),
    kind: new Set(merged.map((i) => i.kind)).size > 1 ? 'comprehensive' : first.kind,
    team: [...new Set(merged.map((i) => i.team))].join('、'),
    startsOn: first.startsOn,
    unitIds: [...new Set(merged.flatMap((i) => i.unitIds))],
  };
  return [...plan.filter((i) => !ids.includes(i.id)), one];
}
