import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import {
  AssignmentError,
  effectiveDateProblem,
  findOverlap,
  holderOn,
  holdersOn,
  inOrder,
  overlaps,
  reassign,
  type Assignment,
} from './assignments.js';

const BASE = parseIsoDate('2026-01-01');
const arbDay = fc.integer({ min: 0, max: 400 });
const dateOf = (n: number) => toIsoDate(BASE + n);
const arbHolders = fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { maxLength: 3 });

/** A history built the only way the system builds one: a first assignment, then reassignments at later dates. */
const arbHistory = fc
  .record({
    first: arbHolders,
    steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 60 }), holders: arbHolders }), { maxLength: 6 }),
  })
  .map(({ first, steps }) => {
    let history: Assignment[] = first.map((holderId) => ({ holderId, from: null, to: null }));
    let day = 0;
    const changes: { date: string; holders: string[] }[] = [{ date: '', holders: first }];
    for (const step of steps) {
      day += step.gap;
      history = reassign(history, step.holders, dateOf(day)).history;
      changes.push({ date: dateOf(day), holders: step.holders });
    }
    return { history, changes };
  });

/** Who should hold the subject on a date, from the list of changes alone. */
const expectedOn = (changes: { date: string; holders: string[] }[], date: string) =>
  [...changes].reverse().find((c) => c.date <= date)!.holders;

describe('effective-dated assignments', () => {
  it('who holds on a date is the last change made on or before it', () => {
    fc.assert(
      fc.property(arbHistory, arbDay, ({ history, changes }, n) => {
        const date = dateOf(n);
        expect([...holdersOn(history, date)].sort()).toEqual([...expectedOn(changes, date)].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('reassigning from D keeps every earlier day as it was and gives D on to the new holders', () => {
    fc.assert(
      fc.property(arbHistory, fc.integer({ min: 1, max: 60 }), arbHolders, arbDay, ({ history }, gap, holders, n) => {
        const dayOf = (d: string | null, plus: number) => (d ? parseIsoDate(d) - BASE + plus : 0);
        const lastStart = Math.max(0, ...history.map((a) => Math.max(dayOf(a.from, 0), dayOf(a.to, 1))));
        const from = dateOf(lastStart + gap);
        const next = reassign(history, holders, from);
        const date = dateOf(n);
        const sorted = (ids: string[]) => [...ids].sort();
        if (date < from) expect(sorted(holdersOn(next.history, date))).toEqual(sorted(holdersOn(history, date)));
        else expect([...holdersOn(next.history, date)].sort()).toEqual([...holders].sort());
        // history kept: every earlier assignment is still there, only its open end closed at D−1
        expect(next.history.length).toBe(history.length + holders.length);
        for (const c of next.closed) expect(c.to).toBe(toIsoDate(parseIsoDate(from) - 1));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a reassignment that would overlap a recorded one, and changes nothing', () => {
    fc.assert(
      fc.property(arbHistory, arbDay, arbHolders, ({ history }, n, holders) => {
        const from = dateOf(n);
        const clash = history.some((a) => (a.from !== null && a.from >= from) || (a.to !== null && a.to >= from));
        const before = JSON.stringify(history);
        if (clash) expect(() => reassign(history, holders, from)).toThrow(AssignmentError);
        else expect(findOverlap(reassign(history, holders, from).history, false)).toBeNull();
        expect(JSON.stringify(history)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('a history built by reassignments never overlaps for one holder at a time', () => {
    fc.assert(
      fc.property(arbHistory, ({ history }) => {
        const singles = history.filter((a) => a.holderId === 'p1');
        expect(findOverlap(singles, true)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('overlap is symmetric and agrees with sharing a day', () => {
    const arbA = fc.record({
      holderId: fc.constant('p'),
      from: fc.option(arbDay.map(dateOf)),
      to: fc.option(arbDay.map(dateOf)),
    });
    fc.assert(
      fc.property(arbA, arbA, arbDay, (a, b, n) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        const d = dateOf(n);
        const both = holdersOn([a], d).length > 0 && holdersOn([b], d).length > 0;
        if (both) expect(overlaps(a, b)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('history in order: since-always first, then by start', () => {
    const h: Assignment[] = [
      { holderId: 'b', from: '2026-03-01', to: null },
      { holderId: 'a', from: null, to: '2026-02-28' },
    ];
    expect(inOrder(h).map((a) => a.holderId)).toEqual(['a', 'b']);
    expect(holderOn(h, '2026-02-28')).toBe('a');
    expect(holderOn(h, '2026-03-01')).toBe('b');
    expect(() => reassign(h, ['c'], '2026-03-01')).toThrow(/重叠/);
  });

  it('finds two overlapping holders of a one-holder subject', () => {
    const h: Assignment[] = [
      { holderId: 'a', from: null, to: '2026-03-05' },
      { holderId: 'b', from: '2026-03-01', to: null },
    ];
    expect(findOverlap(h, true)).not.toBeNull();
    expect(findOverlap(h, false)).toBeNull();
  });
});

describe('effective dates', () => {
  it('accepts dates from 2000 up to a year ahead of today, and refuses the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), (offset) => {
        const today = '2026-11-30';
        const from = toIsoDate(parseIsoDate(today) + offset);
        const ok = from >= '2000-01-01' && offset <= 366;
        expect(effectiveDateProblem(from, today) === null).toBe(ok);
      }),
    );
    expect(effectiveDateProblem('0000-01-01', '2026-11-30')).toMatch(/生效日期应在 2000-01-01 至 2027-12-01/);
  });
});
