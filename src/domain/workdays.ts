import { parseIsoDate, toIsoDate, weekdayOf, yearOf, type IsoDate } from './civil-date.js';

/**
 * The working-day calendar of China: Monday–Friday work, Saturday and Sunday off, except the
 * days of the official schedule (statutory holidays off, make-up days 调休上班 on) and a unit's
 * own overrides. A year whose official schedule is not loaded follows Monday–Friday, and every
 * answer that touches such a year is `provisional`.
 *
 * Counting convention (measure 26 of the plan): the working day after receipt is day 1 (received on
 * an off day, day 1 is the first working day after it); "within N working days" ends at the end of
 * day N. From Monday 2026-09-28, 7 working days end on 2026-10-13.
 */

export interface DayRule {
  working: boolean;
  /** Holiday name for an off day (元旦, 国庆节…), or the holiday a make-up day serves. */
  name: string;
}
export interface CalendarSource {
  /** Years whose official schedule is loaded. */
  years: Iterable<number>;
  /** Days of the official schedules that differ from Monday–Friday (and named weekend holidays). */
  official: Iterable<[IsoDate, DayRule]>;
  /** A unit's own arrangements, applied last. */
  overrides?: Iterable<[IsoDate, { working: boolean; reason: string }]>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup' | 'override_working' | 'override_off';
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** 周末, the holiday's name, 调休上班, or the override's reason. */
  name: string;
  provisional: boolean;
}

/** The span indexed for O(log n) answers; outside it, answers walk day by day. */
const SPAN_START = parseIsoDate('1990-01-01');
const SPAN_END = parseIsoDate('2100-12-31');

export const MAX_WORKING_DAYS = 3650;

export class WorkdayCalendar {
  private readonly years: Set<number>;
  private readonly official = new Map<number, DayRule>();
  private readonly overrides = new Map<number, { working: boolean; reason: string }>();
  /** cumulative[i] = working days in [SPAN_START, SPAN_START + i]. */
  private readonly cumulative: Int32Array;

  constructor(source: CalendarSource) {
    this.years = new Set(source.years);
    for (const [d, r] of source.official) this.official.set(parseIsoDate(d), r);
    for (const [d, o] of source.overrides ?? []) this.overrides.set(parseIsoDate(d), o);
    this.cumulative = new Int32Array(SPAN_END - SPAN_START + 1);
    let count = 0;
    for (let i = 0; i < this.cumulative.length; i++) {
      if (this.workingDay(SPAN_START + i)) count++;
      this.cumulative[i] = count;
    }
  }

  /** The loaded years, ascending. */
  loadedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isYearLoaded(year: number): boolean {
    return this.years.has(year);
  }

  private workingDay(day: number): boolean {
    const o = this.overrides.get(day);
    if (o) return o.working;
    const r = this.official.get(day);
    if (r) return r.working;
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  }

  private isWorking(day: number): boolean {
    if (day >= SPAN_START && day <= SPAN_END) {
      const i = day - SPAN_START;
      return this.cumulative[i]! - (i > 0 ? this.cumulative[i - 1]! : 0) === 1;
    }
    return this.workingDay(day);
  }

  /** True when every day of (fromDay, toDay] lies in a loaded year. */
  private covered(fromDay: number, toDay: number): boolean {
    const a = Math.min(fromDay, toDay) + 1;
    const b = Math.max(fromDay, toDay);
    for (let y = yearOf(a), last = yearOf(b); y <= last; y++) if (!this.years.has(y)) return false;
    return true;
  }

  /** What a day is: working or off, why, and whether its year's schedule is still missing. */
  dayInfo(date: IsoDate): DayInfo {
    const day = parseIsoDate(date);
    const provisional = !this.years.has(yearOf(day));
    const o = this.overrides.get(day);
    if (o)
      return {
        date,
        working: o.working,
        kind: o.working ? 'override_working' : 'override_off',
        name: o.reason,
        provisional,
      };
    const r = this.official.get(day);
    if (r)
      return {
        date,
        working: r.working,
        kind: r.working ? 'makeup' : 'holiday',
        name: r.working ? '调休上班' : r.name,
        provisional,
      };
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', name: weekend ? '周末' : '', provisional };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(parseIsoDate(date));
  }

  /**
   * Day N after `date` (N ≥ 1: the Nth working day strictly after it; N = 0: `date` itself).
   * `provisional` when any day counted lies in a year whose schedule is not loaded.
   */
  addWorkingDays(date: IsoDate, n: number): { date: IsoDate; provisional: boolean } {
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS)
      throw new RangeError(`工作日数应为 0 到 ${MAX_WORKING_DAYS} 之间的整数`);
    const start = parseIsoDate(date);
    const due = n === 0 ? start : this.nthAfter(start, n);
    return { date: toIsoDate(due), provisional: n > 0 && !this.covered(start, due) };
  }

  private nthAfter(start: number, n: number): number {
    const i = start - SPAN_START;
    if (i >= 0 && start + n * 2 + 30 < SPAN_END) {
      const target = this.cumulative[i]! + n;
      let lo = i + 1;
      let hi = this.cumulative.length - 1;
      if (this.cumulative[hi]! >= target) {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.cumulative[mid]! >= target) hi = mid;
          else lo = mid + 1;
        }
        return SPAN_START + lo;
      }
    }
    let day = start;
    for (let left = n; left > 0; ) if (this.isWorking(++day)) left--;
    return day;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): { date: IsoDate; provisional: boolean } {
    return this.addWorkingDays(date, 1);
  }

  /**
   * Working days in (from, to]: so that workingDaysBetween(d, addWorkingDays(d, n)) = n. Negative
   * when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): { days: number; provisional: boolean } {
    const a = parseIsoDate(from);
    const b = parseIsoDate(to);
    if (a > b) {
      const r = this.workingDaysBetween(to, from);
      return { days: -r.days, provisional: r.provisional };
    }
    return { days: this.countWorking(b) - this.countWorking(a), provisional: a !== b && !this.covered(a, b) };
  }

  /** Working days from a fixed origin up to and including `day` (differences are what matter). */
  private countWorking(day: number): number {
    if (day >= SPAN_START && day <= SPAN_END) return this.cumulative[day - SPAN_START]!;
    let count = 0;
    if (day > SPAN_END) {
      count = this.cumulative[this.cumulative.length - 1]!;
      for (let d = SPAN_END + 1; d <= day; d++) if (this.workingDay(d)) count++;
      return count;
    }
    for (let d = day + 1; d < SPAN_START; d++) if (this.workingDay(d)) count--;
    return count;
  }
}

/** The shape of chinese-days' data file: date → "English,中文名,天数". */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The official schedules shipped by chinese-days, as a calendar source (data only, not its functions). */
export function officialFromChineseDays(data: ChineseDaysData): Pick<CalendarSource, 'years' | 'official'> {
  const official: [IsoDate, DayRule][] = [];
  const years = new Set<number>();
  const nameOf = (v: string) => v.split(',')[1] ?? v;
  for (const [date, v] of Object.entries(data.holidays)) {
    official.push([date, { working: false, name: nameOf(v) }]);
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, v] of Object.entries(data.workdays)) official.push([date, { working: true, name: nameOf(v) }]);
  return { years, official };
}

/*
 * The same answers as free functions, calendar last (as in computeDeadline). Conventions as above:
 * day 1 is the first working day after `date`; between counts (from, to].
 */

/** Is `date` a working day in `calendar` (official schedule, then the unit's overrides)? */
export const isWorkingDay = (date: IsoDate, calendar: WorkdayCalendar) => calendar.isWorkingDay(date);

/** The Nth working day after `date` (N = 0: `date` itself), provisional when it touches a year not loaded. */
export const addWorkingDays = (date: IsoDate, n: number, calendar: WorkdayCalendar) => calendar.addWorkingDays(date, n);

/** Working days in (from, to]; negative when `to` is before `from`. */
export const workingDaysBetween = (from: IsoDate, to: IsoDate, calendar: WorkdayCalendar) =>
  calendar.workingDaysBetween(from, to);

/** The first working day strictly after `date`. */
export const nextWorkingDay = (date: IsoDate, calendar: WorkdayCalendar) => calendar.nextWorkingDay(date);
