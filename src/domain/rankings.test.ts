import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';
import { rank, type RankedItem } from './rankings.js';

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

describe('rankings', () => {
  it('counts on-time closing, overdue (late or still open), working days to close and returns', () => {
    const rows = rank(
      [
        item('综合科', { closedOn: '2026-10-09' }),
        item('综合科', { closedOn: '2026-10-14', returnedCount: 1 }),
        item('综合科', { status: 'in_progress', closedOn: null }),
        item('社会救助股', { closedOn: '2026-10-13' }),
        // Weekly reports from 09-28: the first came 10-10 (a week missed), then 51 days of silence to 11-30 (7 more): 8 漏报.
        item('社会救助股', {
          status: 'in_progress',
          closedOn: null,
          due: '2026-12-31',
          cadence: 'weekly',
          reportDates: ['2026-10-10'],
        }),
      ],
      '2026-11-30',
      calendar,
    );
    expect(rows).toEqual([
      {
        group: '社会救助股',
        items: 2,
        closedOnTime: 1,
        overdue: 0,
        onTimeRate: 100,
        avgWorkingDaysToClose: 7,
        returns: 0,
        lapses: 8,
      },
      {
        group: '综合科',
        items: 3,
        closedOnTime: 1,
        overdue: 2,
        onTimeRate: 33.3,
        avgWorkingDaysToClose: 6,
        returns: 1,
        lapses: 0,
      },
    ]);
  });

  it('never reports more on-time or overdue items than items, and rates within 0–100', () => {
    const arb = fc.record({
      group: fc.constantFrom('甲', '乙'),
      status: fc.constantFrom('closed', 'in_progress', 'withdrawn'),
      due: fc.constantFrom('2026-10-09', '2026-10-13', '2026-12-01'),
      receivedOn: fc.constant('2026-09-28'),
      closedOn: fc.constantFrom('2026-10-09', '2026-10-13', '2026-10-20'),
      returnedCount: fc.nat(3),
      cadence: fc.constantFrom('none' as const, 'weekly' as const, 'monthly' as const),
      assignedOn: fc.constant('2026-09-28'),
      reportDates: fc.constant([]),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), (items) => {
        for (const r of rank(items, '2026-11-30', calendar)) {
          expect(r.closedOnTime + r.overdue).toBeLessThanOrEqual(r.items);
          expect(r.lapses).toBeGreaterThanOrEqual(0);
          if (r.onTimeRate !== null) expect(r.onTimeRate).toBeGreaterThanOrEqual(0);
          if (r.onTimeRate !== null) expect(r.onTimeRate).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
