import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  officialFromChineseDays,
  workingDaysBetween,
  WorkdayCalendar,
  type ChineseDaysData,
} from './workdays.js';
import { parseIsoDate, toIsoDate, shanghaiDate, endOfShanghaiDay } from './civil-date.js';

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const calendar = new WorkdayCalendar(officialFromChineseDays(data));
const add = (d: string, n: number) => calendar.addWorkingDays(d, n).date;

describe('the 2025 and 2026 official schedules', () => {
  it('knows every make-up working day (调休上班), all weekend days', () => {
    for (const d of [
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]) {
      const info = calendar.dayInfo(d);
      expect([d, info.working, info.kind, info.name]).toEqual([d, true, 'makeup', '调休上班']);
      expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });

  it('knows the holidays, including weekdays off', () => {
    expect(calendar.dayInfo('2026-10-08')).toMatchObject({ working: true, kind: 'workday' });
    expect(calendar.dayInfo('2025-10-08')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' });
    expect(calendar.dayInfo('2026-02-23')).toMatchObject({ working: false, name: '春节' });
    expect(calendar.dayInfo('2026-09-25')).toMatchObject({ working: false, name: '中秋' });
    expect(calendar.dayInfo('2026-06-19')).toMatchObject({ working: false, name: '端午' });
    expect(calendar.dayInfo('2026-11-28')).toMatchObject({ working: false, kind: 'weekend', name: '周末' });
  });

  it('counts 7 working days from Monday 2026-09-28 to 2026-10-13 (across National Day and a make-up Saturday)', () => {
    expect(calendar.addWorkingDays('2026-09-28', 7)).toEqual({ date: '2026-10-13', provisional: false });
    expect(add('2026-09-28', 5)).toBe('2026-10-10');
  });

  it('counts from an off day: day 1 is the first working day after it', () => {
    expect(add('2026-10-03', 1)).toBe('2026-10-08');
    expect(add('2026-02-14', 1)).toBe('2026-02-24');
    expect(add('2025-01-25', 1)).toBe('2025-01-26');
    expect(calendar.nextWorkingDay('2026-12-31')).toEqual({ date: '2027-01-01', provisional: true });
  });

  it('crosses the year boundary: 2025 → 2026 is certain, 2026 → 2027 is provisional', () => {
    expect(calendar.addWorkingDays('2025-12-29', 5)).toEqual({ date: '2026-01-06', provisional: false });
    expect(calendar.addWorkingDays('2026-12-28', 7)).toEqual({ date: '2027-01-06', provisional: true });
    expect(calendar.addWorkingDays('2026-12-21', 7)).toEqual({ date: '2026-12-30', provisional: false });
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-04')).toEqual({ days: 3, provisional: true });
    expect(calendar.dayInfo('2027-01-01')).toMatchObject({ working: true, provisional: true });
  });

  it('counts (from, to] between two days, negative backwards', () => {
    expect(calendar.workingDaysBetween('2026-09-28', '2026-10-13')).toEqual({ days: 7, provisional: false });
    expect(calendar.workingDaysBetween('2026-10-13', '2026-09-28').days).toBe(-7);
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-07').days).toBe(0);
  });

  it('lists the loaded years 2004–2026', () => {
    expect(calendar.loadedYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });
});

describe('the free functions', () => {
  it('answer as the calendar does', () => {
    expect(addWorkingDays('2026-09-28', 7, calendar)).toEqual({ date: '2026-10-13', provisional: false });
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true);
    expect(nextWorkingDay('2026-09-30', calendar).date).toBe('2026-10-08');
    expect(workingDaysBetween('2026-09-28', '2026-10-13', calendar).days).toBe(7);
  });
});

describe('overrides and missing years', () => {
  it('applies a unit override on top of the official schedule', () => {
    const local = new WorkdayCalendar({
      ...officialFromChineseDays(data),
      overrides: [
        ['2026-10-12', { working: false, reason: '县庆放假' }],
        ['2026-10-11', { working: true, reason: '防汛值班' }],
      ],
    });
    expect(local.dayInfo('2026-10-12')).toMatchObject({ working: false, kind: 'override_off', name: '县庆放假' });
    expect(local.addWorkingDays('2026-09-28', 7).date).toBe('2026-10-13');
    expect(local.addWorkingDays('2026-09-28', 6).date).toBe('2026-10-11');
  });

  it('treats a year without a schedule as Monday–Friday, provisionally', () => {
    const empty = new WorkdayCalendar({ years: [], official: [] });
    expect(empty.addWorkingDays('2026-09-28', 7)).toEqual({ date: '2026-10-07', provisional: true });
    expect(empty.addWorkingDays('2026-09-28', 0)).toEqual({ date: '2026-09-28', provisional: false });
  });

  it('refuses impossible dates and counts out of range', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '', '2026-1-1', 'abc'])
      expect(() => calendar.addWorkingDays(bad, 1)).toThrow();
    for (const n of [-1, 3651, 1.5, Number.NaN])
      expect(() => calendar.addWorkingDays('2026-01-05', n)).toThrow(RangeError);
  });

  it('walks correctly beyond the indexed span', () => {
    expect(add('2100-12-30', 3)).toBe('2101-01-04');
    expect(calendar.workingDaysBetween('1989-12-29', '1990-01-02').days).toBe(2);
  });
});

describe('properties', () => {
  const arbDate = fc.integer({ min: parseIsoDate('2004-01-01'), max: parseIsoDate('2027-12-31') }).map(toIsoDate);
  const arbN = fc.integer({ min: 1, max: 400 });

  it('addWorkingDays lands on a working day', () => {
    fc.assert(fc.property(arbDate, arbN, (d, n) => calendar.isWorkingDay(add(d, n))));
  });

  it('grows with N', () => {
    fc.assert(fc.property(arbDate, arbN, (d, n) => add(d, n) < add(d, n + 1)));
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
    fc.assert(
      fc.property(
        arbDate,
        fc.integer({ min: 0, max: 3650 }),
        (d, n) => calendar.workingDaysBetween(d, add(d, n)).days === n,
      ),
    );
  });

  it('agrees with a day-by-day count', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 60 }), (d, n) => {
        let day = parseIsoDate(d);
        for (let left = n; left > 0; ) if (calendar.isWorkingDay(toIsoDate(++day))) left--;
        return add(d, n) === toIsoDate(day);
      }),
    );
  });
});

describe('civil dates in Asia/Shanghai', () => {
  it(`gives the Shanghai date of an instant whatever TZ (${process.env.TZ ?? 'unset'})`, () => {
    expect(shanghaiDate(new Date('2026-09-27T16:30:00Z'))).toBe('2026-09-28');
    expect(shanghaiDate(new Date('2026-09-28T15:59:59Z'))).toBe('2026-09-28');
    expect(endOfShanghaiDay('2026-10-13').toISOString()).toBe('2026-10-13T16:00:00.000Z');
  });

  it('really runs under the time zone the project sets', () => {
    const offset = new Date('2026-07-01T00:00:00Z').getTimezoneOffset();
    expect(offset).toBe({ 'Asia/Shanghai': -480, 'America/Los_Angeles': 420 }[process.env.TZ ?? ''] ?? offset);
    expect(process.env.TZ).toMatch(/^(Asia\/Shanghai|America\/Los_Angeles)$/);
  });
});
