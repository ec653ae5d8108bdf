import type { IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';
import { countLapses, type ReportCadence } from './supervision.js';

/** One item as the rankings see it. */
export interface RankedItem {
  group: string;
  status: string;
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
  items: number;
  closedOnTime: number;
  overdue: number;
  onTimeRate: number | null;
  avgWorkingDaysToClose: number | null;
  returns: number;
  /** Report periods missed (漏报), see supervision.countLapses. */
  lapses: number;
}

/**
 * “比一比、晒一晒”: per group (department or leader), over the items due in a period — how many were
 * closed on time (closed on or before the due date), how many ran overdue (closed late, or open past
 * the due date on `today`), the on-time rate among those decided (closed, or overdue), the average
 * working days from receipt to closing, the returns after review, and the missed reports (漏报).
 * Sorted best first.
 */
export function rank(items: readonly RankedItem[], today: IsoDate, calendar: WorkdayCalendar): RankingRow[] {
  const groups = new Map<string, RankedItem[]>();
  for (const i of items) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
  const rows = [...groups].map(([group, list]) => {
    const closed = list.filter((i) => i.status === 'closed' && i.closedOn);
    const onTime = closed.filter((i) => i.closedOn! <= i.due).length;
    const overdue = list.filter(
      (i) =>
        (i.status === 'closed' && i.closedOn! > i.due) ||
        (i.status !== 'closed' && i.status !== 'withdrawn' && i.due < today),
    ).length;
    const decided = onTime + overdue;
    const days = closed.map((i) => calendar.workingDaysBetween(i.receivedOn, i.closedOn!).days);
    return {
      group,
      items: list.length,
      closedOnTime: onTime,
      overdue,
      onTimeRate: decided ? Math.round((onTime / decided) * 1000) / 10 : null,
      avgWorkingDaysToClose: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
      returns: list.reduce((n, i) => n + i.returnedCount, 0),
      lapses: list.reduce(
        (n, i) =>
          n + (i.status === 'withdrawn' ? 0 : countLapses(i.cadence, i.assignedOn, i.reportDates, i.closedOn ?? today)),
        0,
      ),
    };
  });
  return rows.sort(
    (a, b) =>
      (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdue - b.overdue || a.group.localeCompare(b.group, 'zh'),
  );
}
