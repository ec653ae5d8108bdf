/**
 * 节日期间 (measure 23): the holiday periods before which the 机关纪委 sends a 廉政提醒 and checks 四风 —
 * 元旦、春节、五一、中秋、国庆 — read from the unit's working-day calendar. A period is the run of consecutive
 * off days (weekend, holiday, the unit's own days off) that contains a day the official schedule names
 * after the holiday; when two holidays fall in one run (中秋 inside 国庆 in 2025) they make one period.
 * Pure: the calendar is an argument. A year whose official schedule is not loaded has no periods — the
 * dates of a holiday are published each autumn and are never guessed here.
 */
import { parseIsoDate, toIsoDate, yearOf, type IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';

export const HOLIDAYS = [
  { key: 'new_year', label: '元旦', names: ['元旦'] },
  { key: 'spring', label: '春节', names: ['春节'] },
  { key: 'labour', label: '五一', names: ['劳动节', '五一'] },
  { key: 'mid_autumn', label: '中秋', names: ['中秋', '中秋节'] },
  { key: 'national', label: '国庆', names: ['国庆', '国庆节'] },
] as const;
export type HolidayKey = (typeof HOLIDAYS)[number]['key'];

export interface HolidayPeriod {
  /** Stable across re-imports of the schedule: the year and the holidays, e.g. "2025:mid_autumn+national". */
  key: string;
  year: number;
  holidays: HolidayKey[];
  /** 元旦, or 中秋、国庆 for a shared run. */
  label: string;
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** The day the 廉政提醒 goes out: `leadDays` working days before `firstDay`. */
  reminderOn: IsoDate;
  /** The reminder's day was counted through a year whose schedule is not loaded. */
  provisional: boolean;
}

export type YearPeriods = { loaded: true; periods: HolidayPeriod[] } | { loaded: false; periods: [] };

const holidayOf = (name: string) => HOLIDAYS.find((h) => (h.names as readonly string[]).includes(name));

/**
 * The Nth working day before `date` (N ≥ 1); N = 0 is `date` itself. `provisional` when the walk
 * passes through a year whose schedule is not loaded.
 */
export function workingDaysBefore(calendar: WorkdayCalendar, date: IsoDate, n: number) {
  let day = parseIsoDate(date);
  let provisional = false;
  for (let left = n, guard = 0; left > 0 && guard < 4000; guard++) {
    day--;
    if (!calendar.isYearLoaded(yearOf(day))) provisional = true;
    if (calendar.isWorkingDay(toIsoDate(day))) left--;
  }
  return { date: toIsoDate(day), provisional };
}

/** The holiday periods of `year` in date order, or `loaded: false` when its schedule is missing. */
export function holidayPeriods(calendar: WorkdayCalendar, year: number, leadDays: number): YearPeriods {
  if (!calendar.isYearLoaded(year)) return { loaded: false, periods: [] };
  const first = parseIsoDate(`${year}-01-01`);
  const last = parseIsoDate(`${year}-12-31`);
  const off = (d: number) => !calendar.isWorkingDay(toIsoDate(d));
  const periods: HolidayPeriod[] = [];
  for (let d = first; d <= last; d++) {
    const info = calendar.dayInfo(toIsoDate(d));
    const h = info.kind === 'holiday' ? holidayOf(info.name) : undefined;
    if (!h || !off(d)) continue;
    let start = d;
    while (off(start - 1) && d - start < 60) start--;
    let end = d;
    while (off(end + 1) && end - d < 60) end++;
    // A run into next year (元旦 days off from 30 December) is next year's period.
    if (end > last) break;
    const keys = new Set<HolidayKey>();
    for (let x = start; x <= end; x++) {
      const i = calendar.dayInfo(toIsoDate(x));
      const hx = i.kind === 'holiday' ? holidayOf(i.name) : undefined;
      if (hx) keys.add(hx.key);
    }
    const holidays = HOLIDAYS.filter((x) => keys.has(x.key));
    const reminder = workingDaysBefore(calendar, toIsoDate(start), leadDays);
    periods.push({
      key: `${year}:${holidays.map((x) => x.key).join('+')}`,
      year,
      holidays: holidays.map((x) => x.key),
      label: holidays.map((x) => x.label).join('、'),
      firstDay: toIsoDate(start),
      lastDay: toIsoDate(end),
      reminderOn: reminder.date,
      provisional: reminder.provisional,
    });
    d = end;
  }
  return { loaded: true, periods };
}

/** The 四风 points every 廉政提醒 names (measure 23). */
export const SIFENG_POINTS = [
  '严禁公车私用',
  '严禁公款吃喝',
  '严禁公款旅游',
  '严禁违规公务接待',
  '严禁违规收送礼品礼金',
  '严禁违规发放津贴补贴',
] as const;

/** The fixed text of the 廉政提醒 before a period: the holiday, its dates, the 四风 points. */
export function integrityReminderText(p: Pick<HolidayPeriod, 'label' | 'firstDay' | 'lastDay'>) {
  return {
    title: `${p.label}节前廉政提醒`,
    body:
      `${p.label}假期（${p.firstDay} 至 ${p.lastDay}）将至。请全体干部职工严守中央八项规定及其实施细则精神，` +
      `${SIFENG_POINTS.join('、')}，坚决防止“四风”问题反弹回潮，过一个廉洁、文明、祥和的节日。`,
  };
}
