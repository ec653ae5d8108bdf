import { parseIsoDate, toIsoDate, type IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';
import { isOpenStatus, reportMissing, type ItemStatus, type ReportCadence } from './supervision.js';

/**
 * One meaning of each figure about supervised items, on `today` (a Shanghai date). The ledger's
 * filters (SQL), the campaign overview, the rankings, the reports and the workbench all count with
 * these definitions, so the same question gets the same number everywhere:
 *
 *   逾期 overdue       open (待签收/办理中/待复核) and today is after its due date;
 *   逾期办结 closedLate closed, on a date after its due date;
 *   按时办结 onTime     closed, on or before its due date;
 *   临期 dueSoon       open, not overdue, and due within N working days (N = DUE_SOON_WORKING_DAYS);
 *   漏报 reportMissing  open, not overdue, and a progress report of its cadence is missing today;
 *   到期 hasComeDue     not withdrawn and its due date has arrived (due ≤ today);
 *   已决 decided        按时办结 + 逾期办结 + 逾期 (its outcome is known: closed, or already late);
 *   按时办结率           按时办结 ÷ (按时办结 + 逾期办结 + 逾期) among the items counted, one decimal, none when 0 are decided.
 * Withdrawn items count in none of them.
 */
export const DUE_SOON_WORKING_DAYS = 2;

export interface FigureFacts {
  status: ItemStatus;
  due: IsoDate;
  closedOn: IsoDate | null;
  cadence: ReportCadence;
  lastReportOn: IsoDate | null;
  assignedOn: IsoDate;
}

export const FIGURES = ['overdue', 'closedLate', 'onTime', 'dueSoon', 'reportMissing'] as const;
export type Figure = (typeof FIGURES)[number];
export const FIGURE_LABELS: Record<Figure, string> = {
  overdue: '逾期未办结',
  closedLate: '逾期办结',
  onTime: '按时办结',
  dueSoon: '临期',
  reportMissing: '漏报进展',
};

/**
 * The last date still "due within n working days" of `today`: the day before the (n+1)-th working day
 * after today, so a due date on the weekend after the n-th working day is still 临期 (as
 * workingDaysBetween(today, due) ≤ n says), and the SQL can compare dates.
 */
export function dueSoonUntil(today: IsoDate, calendar: WorkdayCalendar, n = DUE_SOON_WORKING_DAYS): IsoDate {
  return toIsoDate(parseIsoDate(calendar.addWorkingDays(today, n + 1).date) - 1);
}

export const isOverdue = (i: Pick<FigureFacts, 'status' | 'due'>, today: IsoDate) =>
  isOpenStatus(i.status) && i.due < today;
export const isClosedLate = (i: Pick<FigureFacts, 'status' | 'due' | 'closedOn'>) =>
  i.status === 'closed' && i.closedOn !== null && i.closedOn > i.due;
export const isClosedOnTime = (i: Pick<FigureFacts, 'status' | 'due' | 'closedOn'>) =>
  i.status === 'closed' && i.closedOn !== null && i.closedOn <= i.due;
/** `soonUntil` is dueSoonUntil(today, calendar): computed once per list, not per item. */
export const isDueSoon = (i: Pick<FigureFacts, 'status' | 'due'>, today: IsoDate, soonUntil: IsoDate) =>
  isOpenStatus(i.status) && i.due >= today && i.due <= soonUntil;
export const isReportMissing = (i: FigureFacts, today: IsoDate) =>
  isOpenStatus(i.status) && i.due >= today && reportMissing(i, today);
export const hasComeDue = (i: Pick<FigureFacts, 'status' | 'due'>, today: IsoDate) =>
  i.status !== 'withdrawn' && i.due <= today;

export function isFigure(f: Figure, i: FigureFacts, today: IsoDate, soonUntil: IsoDate): boolean {
  switch (f) {
    case 'overdue':
      return isOverdue(i, today);
    case 'closedLate':
      return isClosedLate(i);
    case 'onTime':
      return isClosedOnTime(i);
    case 'dueSoon':
      return isDueSoon(i, today, soonUntil);
    case 'reportMissing':
      return isReportMissing(i, today);
  }
}

/** 按时办结率 in percent with one decimal, or null when nothing is decided. */
export function onTimeRate(onTime: number, closedLate: number, overdue: number): number | null {
  const decided = onTime + closedLate + overdue;
  return decided ? Math.round((onTime / decided) * 1000) / 10 : null;
}

export interface ItemFigures {
  overdue: number;
  closedLate: number;
  onTime: number;
  dueSoon: number;
  reportMissing: number;
  /** 到期: not withdrawn, due ≤ today. */
  comeDue: number;
  onTimeRate: number | null;
}

/** The figures of a set of items (whatever the caller chose: a campaign's, a department's, a period's). */
export function figuresOf(items: readonly FigureFacts[], today: IsoDate, soonUntil: IsoDate): ItemFigures {
  const count = (f: Figure) => items.filter((i) => isFigure(f, i, today, soonUntil)).length;
  const [overdue, closedLate, onTime] = [count('overdue'), count('closedLate'), count('onTime')];
  return {
    overdue,
    closedLate,
    onTime,
    dueSoon: count('dueSoon'),
    reportMissing: count('reportMissing'),
    comeDue: items.filter((i) => hasComeDue(i, today)).length,
    onTimeRate: onTimeRate(onTime, closedLate, overdue),
  };
}

export type Colour = 'green' | 'yellow' | 'red' | 'none';
export const COLOUR_LABELS: Record<Colour, string> = { green: '正常', yellow: '临期', red: '逾期', none: '—' };

/**
 * The colour (三色) of an item on `today`: red when 逾期; yellow when 临期 or 漏报 (a report of its
 * cadence is missing); green otherwise. Closed and withdrawn items have no colour.
 */
export function colourOf(
  item: Omit<FigureFacts, 'closedOn'>,
  today: IsoDate,
  calendar: WorkdayCalendar,
  yellowDays = DUE_SOON_WORKING_DAYS,
): Colour {
  if (!isOpenStatus(item.status)) return 'none';
  if (isOverdue(item, today)) return 'red';
  const facts = { ...item, closedOn: null };
  if (isDueSoon(item, today, dueSoonUntil(today, calendar, yellowDays)) || isReportMissing(facts, today))
    return 'yellow';
  return 'green';
}
