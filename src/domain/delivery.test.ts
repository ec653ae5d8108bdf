import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from './civil-date.js';
import { DEFAULT_HOURS, DEFAULT_RETRY, nextAttemptAt, nextWorkStart, releaseAt } from './delivery.js';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';

const calendar = new WorkdayCalendar(
  officialFromChineseDays(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData),
);
const at = (s: string) => new Date(s).getTime();
const minuteOf = (ms: number) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(new Date(ms))
      .split(':')
      .reduce((h, m) => String(Number(h) * 60 + Number(m))),
  );

describe('retries', () => {
  it('back off exponentially up to the cap, then give up after the last attempt', () => {
    expect(nextAttemptAt(1, 0)).toBe(30_000);
    expect(nextAttemptAt(2, 0)).toBe(60_000);
    expect(nextAttemptAt(7, 0)).toBe(1_920_000);
    expect(nextAttemptAt(8, 0)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, j) => {
        const a = nextAttemptAt(n, 0, j)!;
        expect(a).toBeGreaterThanOrEqual(Math.min(DEFAULT_RETRY.capMs, 30_000 * 2 ** (n - 1)));
        expect(a).toBeLessThanOrEqual(Math.min(DEFAULT_RETRY.capMs, 30_000 * 2 ** (n - 1)) * 1.2);
        if (n < 7) expect(nextAttemptAt(n + 1, 0, j)!).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});

describe('quiet hours', () => {
  it('send during working hours, hold the evening until the next working morning, skip holidays and use make-up days', () => {
    expect(releaseAt('normal', at('2026-11-30T10:00:00+08:00'), calendar)).toBe(at('2026-11-30T10:00:00+08:00'));
    expect(releaseAt('normal', at('2026-11-30T20:00:00+08:00'), calendar)).toBe(at('2026-12-01T08:30:00+08:00'));
    expect(releaseAt('normal', at('2026-12-01T07:00:00+08:00'), calendar)).toBe(at('2026-12-01T08:30:00+08:00'));
    expect(releaseAt('important', at('2026-12-04T18:00:00+08:00'), calendar)).toBe(at('2026-12-07T08:30:00+08:00')); // Friday evening → Monday
    expect(releaseAt('urgent', at('2026-12-05T23:00:00+08:00'), calendar)).toBe(at('2026-12-05T23:00:00+08:00'));
    // 2026 National Day: 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 are make-up working days.
    expect(shanghaiDate(new Date(releaseAt('normal', at('2026-09-30T19:00:00+08:00'), calendar)))).toBe('2026-10-08');
  });

  it('never release a non-urgent notice outside working hours of a working day, nor earlier than asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2026-01-01T00:00:00+08:00'), max: at('2026-12-31T00:00:00+08:00') }), (now) => {
        const r = releaseAt('normal', now, calendar);
        expect(r).toBeGreaterThanOrEqual(now);
        expect(calendar.isWorkingDay(shanghaiDate(new Date(r)))).toBe(true);
        const m = minuteOf(r);
        expect(m >= DEFAULT_HOURS.startMin && m < DEFAULT_HOURS.endMin).toBe(true);
        expect(r - now).toBeLessThan(12 * 86_400_000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('daily digests', () => {
  it('go at the start of the next working period, never the one already begun', () => {
    expect(nextWorkStart(at('2026-11-30T10:00:00+08:00'), calendar)).toBe(at('2026-12-01T08:30:00+08:00'));
    expect(nextWorkStart(at('2026-11-30T07:00:00+08:00'), calendar)).toBe(at('2026-11-30T08:30:00+08:00'));
    expect(nextWorkStart(at('2026-12-04T16:00:00+08:00'), calendar)).toBe(at('2026-12-07T08:30:00+08:00'));
    fc.assert(
      fc.property(fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-20T00:00:00Z') }), (now) => {
        const next = nextWorkStart(now, calendar);
        expect(next).toBeGreaterThan(now);
        expect(calendar.isWorkingDay(shanghaiDate(new Date(next)))).toBe(true);
        expect(minuteOf(next)).toBe(DEFAULT_HOURS.startMin);
      }),
    );
  });
});
