import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import {
  indicatorProblem,
  INDICATOR_PERIOD_KINDS,
  lastPeriods,
  periodKeyOf,
  periodRange,
  progressStatus,
  trendOf,
} from './indicators.js';

const arbDate = fc.integer({ min: parseIsoDate('2000-01-01'), max: parseIsoDate('2100-12-31') }).map(toIsoDate);
const arbKind = fc.constantFrom(...INDICATOR_PERIOD_KINDS);

describe('periods', () => {
  it('the period of a date holds it, has the kind asked, and its key names it', () => {
    fc.assert(
      fc.property(arbKind, arbDate, (kind, date) => {
        const key = periodKeyOf(kind, date);
        const p = periodRange(key)!;
        expect(p.kind).toBe(kind);
        expect(p.start <= date && date <= p.end).toBe(true);
        expect(periodKeyOf(kind, p.start)).toBe(key);
        expect(periodKeyOf(kind, p.end)).toBe(key);
      }),
    );
  });
  it('consecutive periods touch: the last n end where the next begins', () => {
    fc.assert(
      fc.property(arbKind, arbDate, fc.integer({ min: 1, max: 8 }), (kind, date, n) => {
        const keys = lastPeriods(periodKeyOf(kind, date), n);
        expect(keys.at(-1)).toBe(periodKeyOf(kind, date));
        for (let i = 1; i < keys.length; i++)
          expect(parseIsoDate(periodRange(keys[i]!)!.start)).toBe(parseIsoDate(periodRange(keys[i - 1]!)!.end) + 1);
      }),
    );
  });
  it('examples, and keys that name no period', () => {
    expect(periodRange('2026-Q3')).toMatchObject({ start: '2026-07-01', end: '2026-09-30', label: '2026年第3季度' });
    expect(periodRange('2028-02')).toMatchObject({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodRange('2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    for (const bad of ['2026-Q5', '2026-13', '2026-00', '26', '2026-Q', '1999', '2026-9', ' 2026'])
      expect(periodRange(bad)).toBeNull();
    expect(lastPeriods('2026-Q1', 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
  });
});

describe('progress against the target', () => {
  const arbValue = fc.double({ min: 0, max: 1000, noNaN: true });
  it('met is reaching the target in its direction; near is missing it by at most a tenth of it', () => {
    fc.assert(
      fc.property(arbValue, arbValue, fc.constantFrom('at_least' as const, 'at_most' as const), (v, t, d) => {
        const s = progressStatus(v, t, d);
        const gap = d === 'at_least' ? t - v : v - t;
        expect(s).toBe(gap <= 0 ? 'met' : gap <= t / 10 ? 'near' : 'missed');
      }),
    );
  });
  it('no value is 无数据', () => expect(progressStatus(null, 90, 'at_least')).toBe('none'));
  it('examples', () => {
    expect(progressStatus(85, 90, 'at_least')).toBe('near');
    expect(progressStatus(80, 90, 'at_least')).toBe('missed');
    expect(progressStatus(0, 0, 'at_most')).toBe('met');
    expect(progressStatus(1, 0, 'at_most')).toBe('missed');
  });
  it('the trend reads the direction and skips periods without a value', () => {
    expect(trendOf([80, null, 90], 'at_least')).toBe('better');
    expect(trendOf([3, 5], 'at_most')).toBe('worse');
    expect(trendOf([null, 4, 4], 'at_most')).toBe('flat');
    expect(trendOf([null, 4], 'at_most')).toBeNull();
  });
});

describe('what an indicator must be', () => {
  const ok = {
    source: 'reported' as const,
    unitLabel: '万元',
    target: 50,
    direction: 'at_least' as const,
    ownerKind: 'department' as const,
  };
  it('a percentage target lies within 0–100', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (t) => {
        const problem = indicatorProblem({ ...ok, unitLabel: '%', target: t });
        expect(problem === null).toBe(t >= 0 && t <= 100);
      }),
    );
  });
  it('a computed source takes only its natural unit and direction; counts are whole', () => {
    expect(indicatorProblem({ ...ok, source: 'items_on_time_rate', unitLabel: '%', target: 95 })).toBeNull();
    expect(indicatorProblem({ ...ok, source: 'items_on_time_rate', unitLabel: '件', target: 95 })).toContain('“%”');
    expect(indicatorProblem({ ...ok, source: 'items_overdue', unitLabel: '件', target: 1 })).toContain('不高于');
    expect(
      indicatorProblem({ ...ok, source: 'items_overdue', unitLabel: '件', target: 1.5, direction: 'at_most' }),
    ).toContain('整数');
    expect(
      indicatorProblem({ ...ok, source: 'items_overdue', unitLabel: '件', target: 0, direction: 'at_most' }),
    ).toBeNull();
    expect(indicatorProblem({ ...ok, target: -1 })).toContain('负数');
  });
});
