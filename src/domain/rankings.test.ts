import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';
import { compareOutcomes, rank, type RankedItem } from './rankings.js';

const calendar = new WorkdayCalendar(
  officialFromChineseDays(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData),
);
const item = (group: string, over: Partial<RankedItem>): RankedItem => ({
  group,
  status: 'closed',
  due: '2026-10-13',
  receivedOn: '2026-09-28',
  closedOn: '2026-10-13',
  returnedCount: 0,
  cadence: 'none',
  assignedOn: '2026-09-28',
  reportDates: [],
  ...over,
});
const TODAY = '2026-11-30';

describe('rankings', () => {
  it('counts on-time closing, overdue (late or still open), working days to close, returns and lapses', () => {
    const rows = rank(
      [
        item('综合科', { closedOn: '2026-10-09' }),
        item('综合科', { closedOn: '2026-10-14', returnedCount: 1 }),
        item('综合科', { status: 'in_progress', closedOn: null }),
        item('社会救助股', { closedOn: '2026-10-13' }),
        // Not due until 12-31: not counted as 到期, but its 8 missed weekly reports (10-10, then 51 silent days) are 漏报.
        item('社会救助股', {
          status: 'in_progress',
          closedOn: null,
          due: '2026-12-31',
          cadence: 'weekly',
          reportDates: ['2026-10-10'],
        }),
      ],
      TODAY,
      calendar,
    );
    expect(rows).toEqual([
      {
        group: '社会救助股',
        rank: 1,
        items: 2,
        comeDue: 1,
        closedOnTime: 1,
        overdue: 0,
        closedLate: 0,
        overdueOpen: 0,
        onTimeRate: 100,
        avgWorkingDaysToClose: 7,
        returns: 0,
        lapses: 8,
      },
      {
        group: '综合科',
        rank: 2,
        items: 3,
        comeDue: 3,
        closedOnTime: 1,
        overdue: 2,
        closedLate: 1,
        overdueOpen: 1,
        onTimeRate: 33.3,
        avgWorkingDaysToClose: 6,
        returns: 1,
        lapses: 0,
      },
    ]);
  });

  it('does not rank a group with nothing due above one with an overdue item: it is listed last, unranked', () => {
    const rows = rank(
      [
        item('甲', { status: 'in_progress', closedOn: null, due: '2026-11-20' }),
        item('乙', { status: 'in_progress', closedOn: null, due: '2026-12-20' }),
        item('丙', { due: '2026-11-20', closedOn: '2026-11-19' }),
      ],
      TODAY,
      calendar,
    );
    expect(rows.map((r) => [r.group, r.rank, r.onTimeRate])).toEqual([
      ['丙', 1, 100],
      ['甲', 2, 0],
      ['乙', null, null],
    ]);
  });

  it('gives tied groups the same rank and skips the next (1, 1, 3)', () => {
    const rows = rank([item('甲', {}), item('乙', {}), item('丙', { closedOn: '2026-10-20' })], TODAY, calendar);
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

const arbItem = fc.record({
  group: fc.constantFrom('甲', '乙', '丙', '丁'),
  status: fc.constantFrom('closed' as const, 'in_progress' as const, 'assigned' as const, 'withdrawn' as const),
  due: fc.constantFrom('2026-10-09', '2026-10-13', '2026-11-30', '2026-12-01', '2026-12-20'),
  receivedOn: fc.constant('2026-09-28'),
  closedOn: fc.constantFrom('2026-10-09', '2026-10-13', '2026-10-20', '2026-11-30'),
  returnedCount: fc.nat(3),
  cadence: fc.constantFrom('none' as const, 'weekly' as const, 'monthly' as const),
  assignedOn: fc.constant('2026-09-28'),
  reportDates: fc.constantFrom([], ['2026-10-20'], ['2026-10-05', '2026-11-10']),
});
const items = fc
  .array(arbItem, { maxLength: 30 })
  .map((list) => list.map((i) => (i.status === 'closed' ? i : { ...i, closedOn: null })));

describe('rankings (properties)', () => {
  it('are best first by the stated formula, ties share a rank, the unranked come last', () => {
    fc.assert(
      fc.property(items, (list) => {
        const rows = rank(list, TODAY, calendar);
        const ranked = rows.filter((r) => r.rank !== null);
        expect(rows.slice(0, ranked.length)).toEqual(ranked);
        for (const r of rows.slice(ranked.length)) expect(r.onTimeRate).toBeNull();
        ranked.forEach((r, i) => {
          // The rank is 1 + how many are strictly better; equal outcomes, equal rank.
          expect(r.rank).toBe(1 + ranked.filter((o) => compareOutcomes(o, r) < 0).length);
          const next = ranked[i + 1];
          if (!next) return;
          expect(compareOutcomes(r, next)).toBeLessThanOrEqual(0);
          expect(r.onTimeRate!).toBeGreaterThanOrEqual(next.onTimeRate!);
          if (compareOutcomes(r, next) === 0) expect(next.rank).toBe(r.rank);
          else expect(next.rank).toBe(i + 2);
        });
      }),
    );
  });

  it('never puts a group with a lower on-time rate before one with a higher rate', () => {
    fc.assert(
      fc.property(items, (list) => {
        const rows = rank(list, TODAY, calendar);
        rows.forEach((a, i) =>
          rows.slice(i + 1).forEach((b) => {
            if (a.onTimeRate !== null && b.onTimeRate !== null)
              expect(a.onTimeRate).toBeGreaterThanOrEqual(b.onTimeRate);
            if (a.onTimeRate === 0 && a.overdue > 0 && b.onTimeRate !== null) expect(b.onTimeRate).toBe(0);
          }),
        );
      }),
    );
  });

  it('counts only items whose due date has come, and never more outcomes than such items', () => {
    fc.assert(
      fc.property(items, (list) => {
        for (const r of rank(list, TODAY, calendar)) {
          const mine = list.filter((i) => i.group === r.group && i.status !== 'withdrawn');
          expect(r.items).toBe(mine.length);
          expect(r.comeDue).toBe(mine.filter((i) => i.due <= TODAY).length);
          expect(r.closedOnTime + r.overdue).toBeLessThanOrEqual(r.comeDue);
          expect(r.overdue).toBe(r.closedLate + r.overdueOpen);
          if (r.onTimeRate !== null) expect(r.onTimeRate).toBeGreaterThanOrEqual(0);
          if (r.onTimeRate !== null) expect(r.onTimeRate).toBeLessThanOrEqual(100);
          expect(r.rank === null).toBe(r.closedOnTime + r.overdue === 0);
        }
      }),
    );
  });
});
