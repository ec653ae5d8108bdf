import type { IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';

/** One item as the rankings see it. */
export interface RankedItem {
  group: string;
  status: string;
  due: IsoDate;
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  returnedCount: number;
}

export interface RankingRow {
  group: string;
  items: number;
  closedOnTime: number;
  overdue: number;
  onTimeRate: number | null;
  avgWorkingDaysToClose: number | null;
  returns: number;
}

/**
 * “比一比、晒一晒”: per group (department or leader), over the items due in a period — how many were
 * closed on time (closed on or before the due date), how many ran overdue (closed late, or open past
 * the due date on `today`), the on-time rate among those decided (closed, or overdue), the average
 * working days from receipt to closing, and the returns after review. Sorted best first.
 */
export function rank(items: readonly RankedItem[], today: IsoDate, calendar: WorkdayCalendar): RankingRow[] {
  const groups = new Map<string, RankedItem[]>();
  for (const i of items) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
  const rows = [...groups].map(([group, list]) => {
    const closed = list.filter((i) => i.status === 'closed' && i.closedOn);
    const onTime = closed.filter((i) => i.closedOn! <= i.due).length;
    const overdue = list.filter((i) => (i.status === 'closed' && i.closedOn! > i.due) || (i.status !== 'closed' && i.status !== 'withdrawn' && i.due < today)).length;
    const decided = onTime + overdue;
    const days = closed.map((i) => calendar.workingDaysBetween(i.receivedOn, i.closedOn!).days);
    return {
      group, items: list.length, closedOnTime: onTime, overdue,
      onTimeRate: decided ? Math.round((onTime / decided) * 1000) / 10 : null,
      avgWorkingDaysToClose: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
      returns: list.reduce((n, i) => n + i.returnedCount, 0),
    };
  });
  return rows.sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdue - b.overdue || a.group.localeCompare(b.group, 'zh'));
}
