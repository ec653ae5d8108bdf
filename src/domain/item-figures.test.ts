import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toIsoDate, parseIsoDate } from './civil-date.js';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';
import {
  colourOf,
  dueSoonUntil,
  figuresOf,
  hasComeDue,
  isClosedLate,
  isClosedOnTime,
  isDueSoon,
  isOverdue,
  isReportMissing,
  onTimeRate,
  type FigureFacts,
} from './item-figures.js';
import { ITEM_STATUSES, type ItemStatus } from './supervision.js';

const calendar = new WorkdayCalendar(
  officialFromChineseDays(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData),
);
const TODAY = '2026-10-09'; // a Friday, before the 10-10 make-up working Saturday
const day = (offset: number) => toIsoDate(parseIsoDate(TODAY) + offset);

const arbItem: fc.Arbitrary<FigureFacts> = fc
  .record({
    status: fc.constantFrom(...(Object.keys(ITEM_STATUSES) as ItemStatus[])),
    due: fc.integer({ min: -20, max: 20 }).map(day),
    closedOffset: fc.integer({ min: -5, max: 5 }),
    cadence: fc.constantFrom('none' as const, 'weekly' as const, 'monthly' as const),
    lastReportOn: fc.option(fc.integer({ min: -40, max: 0 }).map(day)),
    assignedOn: fc.integer({ min: -60, max: -20 }).map(day),
  })
  .map(({ closedOffset, ...i }) => ({
    ...i,
    closedOn:
      i.status === 'closed' ? toIsoDate(Math.min(parseIsoDate(i.due) + closedOffset, parseIsoDate(TODAY))) : null,
  }));

describe('item figures', () => {
  it('counts an open item past its due date as 逾期, one due within 2 working days as 临期', () => {
    const open = {
      status: 'in_progress' as const,
      cadence: 'none' as const,
      lastReportOn: null,
      assignedOn: '2026-09-01',
    };
    const until = dueSoonUntil(TODAY, calendar);
    // Two working days after Fri 10-09: Sat 10-10 (调休上班) and Mon 10-12; Tue 10-13 is the third.
    expect(until).toBe('2026-10-12');
    expect(isOverdue({ ...open, due: '2026-10-08' }, TODAY)).toBe(true);
    expect(isOverdue({ ...open, due: TODAY }, TODAY)).toBe(false);
    expect(isDueSoon({ ...open, due: TODAY }, TODAY, until)).toBe(true);
    expect(isDueSoon({ ...open, due: '2026-10-12' }, TODAY, until)).toBe(true);
    expect(isDueSoon({ ...open, due: '2026-10-13' }, TODAY, until)).toBe(false);
    expect(isClosedLate({ status: 'closed', due: '2026-10-08', closedOn: TODAY })).toBe(true);
    expect(isClosedOnTime({ status: 'closed', due: TODAY, closedOn: TODAY })).toBe(true);
    expect(onTimeRate(2, 1, 0)).toBe(66.7);
    expect(onTimeRate(0, 0, 0)).toBeNull();
  });

  it('临期 until dueSoonUntil is exactly “at most N working days away”, on any day, N 0–5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 20 }), fc.nat(5), (t, d, n) => {
        const today = toIsoDate(parseIsoDate('2025-12-01') + t);
        const due = toIsoDate(parseIsoDate(today) + d);
        expect(due <= dueSoonUntil(today, calendar, n)).toBe(calendar.workingDaysBetween(today, due).days <= n);
      }),
    );
  });

  it('gives each item at most one outcome, and the colour follows the figures', () => {
    const until = dueSoonUntil(TODAY, calendar);
    fc.assert(
      fc.property(arbItem, (i) => {
        const outcomes = [isOverdue(i, TODAY), isClosedLate(i), isClosedOnTime(i)].filter(Boolean).length;
        expect(outcomes).toBeLessThanOrEqual(1);
        if (i.status === 'closed') expect(outcomes).toBe(1);
        if (i.status === 'withdrawn') expect([outcomes, hasComeDue(i, TODAY)]).toEqual([0, false]);
        expect(isOverdue(i, TODAY) && isDueSoon(i, TODAY, until)).toBe(false);
        const colour = colourOf(i, TODAY, calendar);
        expect(colour === 'red').toBe(isOverdue(i, TODAY));
        expect(colour === 'yellow').toBe(isDueSoon(i, TODAY, until) || isReportMissing(i, TODAY));
        expect(colour === 'none').toBe(i.status === 'closed' || i.status === 'withdrawn');
      }),
    );
  });

  it('sums a list into figures whose rate is on-time over decided, between 0 and 100', () => {
    const until = dueSoonUntil(TODAY, calendar);
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 25 }), (list) => {
        const f = figuresOf(list, TODAY, until);
        expect(f.overdue).toBe(list.filter((i) => isOverdue(i, TODAY)).length);
        expect(f.onTime + f.closedLate).toBe(list.filter((i) => i.status === 'closed').length);
        expect(f.overdue + f.closedLate).toBeLessThanOrEqual(f.comeDue);
        const decided = f.onTime + f.closedLate + f.overdue;
        if (decided === 0) expect(f.onTimeRate).toBeNull();
        else expect(f.onTimeRate).toBeCloseTo((100 * f.onTime) / decided, 1);
      }),
    );
  });
});
