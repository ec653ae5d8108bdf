import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import { holidayPeriods, integrityReminderText, workingDaysBefore } from './holiday-periods.js';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const calendar = new WorkdayCalendar(officialFromChineseDays(data));

describe('the holiday periods of a year', () => {
  it('finds 2026: 元旦, 春节, 五一, 中秋, 国庆 with their runs of days off and reminder days', () => {
    const r = holidayPeriods(calendar, 2026, 3);
    expect(r.loaded).toBe(true);
    expect(r.periods.map((p) => [p.label, p.firstDay, p.lastDay, p.reminderOn])).toEqual([
      ['元旦', '2026-01-01', '2026-01-03', '2025-12-29'],
      // 春节 2026: Sunday 15 Feb to Monday 23 Feb; Saturday 14 Feb is a make-up working day (day 1 back).
      ['春节', '2026-02-15', '2026-02-23', '2026-02-12'],
      ['五一', '2026-05-01', '2026-05-05', '2026-04-28'],
      ['中秋', '2026-09-25', '2026-09-27', '2026-09-22'],
      ['国庆', '2026-10-01', '2026-10-07', '2026-09-28'],
    ]);
    expect(r.periods.map((p) => p.key)).toEqual([
      '2026:new_year',
      '2026:spring',
      '2026:labour',
      '2026:mid_autumn',
      '2026:national',
    ]);
  });

  it('makes one period of 中秋 inside 国庆 (2025)', () => {
    const p = holidayPeriods(calendar, 2025, 3).periods.find((x) => x.holidays.includes('national'))!;
    expect(p).toMatchObject({ label: '中秋、国庆', key: '2025:mid_autumn+national', firstDay: '2025-10-01' });
    expect(p.lastDay).toBe('2025-10-08');
  });

  it('invents nothing for a year whose schedule is not loaded', () => {
    expect(holidayPeriods(calendar, 2031, 3)).toEqual({ loaded: false, periods: [] });
  });

  it('reminder day: a working day, exactly N working days before the first day, never inside the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2005, max: 2026 }), fc.integer({ min: 1, max: 10 }), (year, lead) => {
        for (const p of holidayPeriods(calendar, year, lead).periods) {
          expect(calendar.isWorkingDay(p.reminderOn)).toBe(true);
          expect(p.reminderOn < p.firstDay).toBe(true);
          // Working days in (reminderOn, firstDay] are the N − 1 days after it (the first day is off).
          expect(calendar.workingDaysBetween(p.reminderOn, p.firstDay).days).toBe(lead - 1);
          for (let d = parseIsoDate(p.firstDay); d <= parseIsoDate(p.lastDay); d++)
            expect(calendar.isWorkingDay(toIsoDate(d))).toBe(false);
          expect(calendar.isWorkingDay(toIsoDate(parseIsoDate(p.firstDay) - 1))).toBe(true);
          expect(calendar.isWorkingDay(toIsoDate(parseIsoDate(p.lastDay) + 1))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('periods of a year are disjoint, in order, and their keys are unique', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2005, max: 2026 }), fc.integer({ min: 0, max: 30 }), (year, lead) => {
        const ps = holidayPeriods(calendar, year, lead).periods;
        for (let i = 1; i < ps.length; i++) expect(ps[i - 1]!.lastDay < ps[i]!.firstDay).toBe(true);
        expect(new Set(ps.map((p) => p.key)).size).toBe(ps.length);
        expect(ps.length).toBeGreaterThanOrEqual(4);
        for (const p of ps) expect(p.lastDay.slice(0, 4)).toBe(String(year));
      }),
      { numRuns: 40 },
    );
  });

  it('a unit day off next to a holiday lengthens its period (the reminder moves with it)', () => {
    const own = new WorkdayCalendar({
      ...officialFromChineseDays(data),
      overrides: [['2026-09-30', { working: false, reason: '本单位调整' }]],
    });
    const p = holidayPeriods(own, 2026, 3).periods.find((x) => x.key === '2026:national')!;
    expect([p.firstDay, p.reminderOn]).toEqual(['2026-09-30', '2026-09-24']);
  });

  it('counts back across into a year not loaded, and says so', () => {
    const r = workingDaysBefore(calendar, '2004-01-02', 5);
    expect(r.provisional).toBe(true);
    expect(workingDaysBefore(calendar, '2026-10-01', 0)).toEqual({ date: '2026-10-01', provisional: false });
  });

  it('the reminder text names the holiday, its dates and the 四风 points', () => {
    const t = integrityReminderText({ label: '国庆', firstDay: '2026-10-01', lastDay: '2026-10-07' });
    expect(t.title).toBe('国庆节前廉政提醒');
    for (const s of ['2026-10-01', '公车私用', '公款吃喝', '公款旅游', '公务接待', '礼品礼金', '津贴补贴'])
      expect(t.body).toContain(s);
  });
});
