import type { IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';
import { countLapses, type ItemStatus, type ReportCadence } from './supervision.js';
import { hasComeDue, isClosedLate, isClosedOnTime, isOverdue, onTimeRate } from './item-figures.js';

/** One item as the rankings see it. */
export interface RankedItem {
  group: string;
  status: ItemStatus;
  due: IsoDate;
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  returnedCount: number;
  cadence: ReportCadence;
  assignedOn: IsoDate;
  /** The dates of its progress reports (only needed when it has a cadence). */
  reportDates: readonly IsoDate[];
}

export interface RankingRow {
  group: string;
  /** 1-based; tied groups share it (1, 1, 3); null when the group has nothing decided (not ranked). */
  rank: number | null;
  /** The group's items due in the period (not withdrawn), whether or not their date has come. */
  items: number;
  /** 到期: of those, the ones whose due date has arrived (≤ today): only these are counted below. */
  comeDue: number;
  closedOnTime: number;
  /** 逾期办结 + 逾期未办结. */
  overdue: number;
  closedLate: number;
  overdueOpen: number;
  onTimeRate: number | null;
  avgWorkingDaysToClose: number | null;
  returns: number;
  /** Report periods missed (漏报, supervision.countLapses) by all the group's items in the period, due or not. */
  lapses: number;
}

/** The order, in the words the rankings page shows it. */
export const RANKING_RULE =
  '只计所选期间内截止日期已到（不晚于今天）的事项；按时办结率 = 按时办结 ÷（按时办结 + 逾期办结 + 逾期未办结）。' +
  '按按时办结率从高到低排序；相同时逾期件数（含逾期办结）少者在前；再相同时漏报次数（期间内全部事项）少者在前；三项都相同的名次并列。' +
  '尚无已办结或逾期事项的不排名，列在最后。';

/** Negative when `a` ranks before `b` (better), 0 when tied: rate ↓, overdue ↑, lapses ↑. */
export function compareOutcomes(a: RankingRow, b: RankingRow): number {
  return (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdue - b.overdue || a.lapses - b.lapses;
}

function rowOf(group: string, list: readonly RankedItem[], today: IsoDate, calendar: WorkdayCalendar): RankingRow {
  const due = list.filter((i) => hasComeDue(i, today));
  const closed = due.filter((i) => i.status === 'closed' && i.closedOn);
  const onTime = due.filter(isClosedOnTime).length;
  const closedLate = due.filter(isClosedLate).length;
  const overdueOpen = due.filter((i) => isOverdue(i, today)).length;
  const days = closed.map((i) => calendar.workingDaysBetween(i.receivedOn, i.closedOn!).days);
  return {
    group,
    rank: null,
    items: list.length,
    comeDue: due.length,
    closedOnTime: onTime,
    overdue: closedLate + overdueOpen,
    closedLate,
    overdueOpen,
    onTimeRate: onTimeRate(onTime, closedLate, overdueOpen),
    avgWorkingDaysToClose: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    returns: due.reduce((n, i) => n + i.returnedCount, 0),
    lapses: list.reduce((n, i) => n + countLapses(i.cadence, i.assignedOn, i.reportDates, i.closedOn ?? today), 0),
  };
}

/**
 * “比一比、晒一晒”: per group (department or leader), the outcomes of its items due in the period
 * whose due date has come (see RANKING_RULE), ranked best first. Withdrawn items count nowhere.
 * Activity (how many reports, logins …) never enters the order: only 按时办结率, 逾期 and 漏报.
 */
export function rank(items: readonly RankedItem[], today: IsoDate, calendar: WorkdayCalendar): RankingRow[] {
  const groups = new Map<string, RankedItem[]>();
  for (const i of items) if (i.status !== 'withdrawn') groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
  const rows = [...groups].map(([group, list]) => rowOf(group, list, today, calendar));
  const ranked = rows.filter((r) => r.onTimeRate !== null);
  for (const r of ranked) r.rank = 1 + ranked.filter((o) => compareOutcomes(o, r) < 0).length;
  const byName = (a: RankingRow, b: RankingRow) => a.group.localeCompare(b.group, 'zh');
  return [
    ...ranked.sort((a, b) => a.rank! - b.rank! || byName(a, b)),
    ...rows.filter((r) => r.onTimeRate === null).sort(byName),
  ];
}
