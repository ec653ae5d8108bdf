import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawMonth, gapBound, mustNow, replayMatches, waits, type DrawInputs } from './check-draw.js';

const hex = fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const departments = (n: number) => Array.from({ length: n }, (_, i) => `d${String(i).padStart(2, '0')}`);

/** A year or more of monthly plans, each drawn from the history before it, as the service does. */
function simulate(n: number, k: number, min: number, max: number, months: number, seeds: string[]) {
  const departmentIds = departments(n);
  const history: string[][] = [];
  const plans: { inputs: DrawInputs; seed: string; checks: string[][] }[] = [];
  for (let m = 0; m < months; m++) {
    const inputs: DrawInputs = {
      month: `2026-${String((m % 12) + 1).padStart(2, '0')}`,
      departmentIds,
      history: history.map((c) => [...c]),
      checksPerMonthMin: min,
      checksPerMonthMax: max,
      departmentsPerCheck: k,
    };
    const seed = seeds[m % seeds.length]! + m.toString(16);
    const draw = drawMonth(inputs, seed);
    plans.push({ inputs, seed, checks: draw.checks });
    history.push(...draw.checks);
  }
  return { departmentIds, history, plans };
}

const settings = fc
  .record({
    n: fc.integer({ min: 1, max: 14 }),
    k: fc.integer({ min: 1, max: 5 }),
    min: fc.integer({ min: 0, max: 4 }),
    extra: fc.integer({ min: 0, max: 3 }),
    months: fc.integer({ min: 1, max: 30 }),
  })
  .map((s) => ({ ...s, max: Math.max(1, s.min + s.extra) }));

describe('the monthly on-duty check draw', () => {
  it('draws every department at least once in any 2⌈N/k⌉ consecutive checks', () => {
    fc.assert(
      fc.property(settings, fc.array(hex, { minLength: 1, maxLength: 4 }), (s, seeds) => {
        const { departmentIds, history } = simulate(s.n, s.k, s.min, s.max, s.months, seeds);
        const bound = gapBound(s.n, s.k);
        // The bound in checks: a department's longest run of checks without it is below G.
        for (const d of departmentIds) {
          let run = 0;
          for (const check of history) {
            run = check.includes(d) ? 0 : run + 1;
            expect(run, `${d} waited ${run} checks, bound ${bound}`).toBeLessThan(bound);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('plans between min and max checks a month, each visiting k distinct departments of the unit', () => {
    fc.assert(
      fc.property(settings, hex, (s, seed) => {
        const { departmentIds, plans } = simulate(s.n, s.k, s.min, s.max, s.months, [seed]);
        for (const p of plans) {
          expect(p.checks.length).toBeGreaterThanOrEqual(s.min);
          expect(p.checks.length).toBeLessThanOrEqual(s.max);
          for (const c of p.checks) {
            expect(new Set(c).size).toBe(Math.min(s.k, s.n));
            expect(c.every((d) => departmentIds.includes(d))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('replays a stored draw from its stored inputs and seed to the same result, and not from another seed', () => {
    fc.assert(
      fc.property(settings, hex, hex, (s, seed, other) => {
        const { plans } = simulate(s.n, s.k, s.min, Math.max(s.max, 2), Math.min(s.months, 6), [seed]);
        for (const p of plans) {
          const stored = JSON.parse(JSON.stringify({ inputs: p.inputs, checks: p.checks }));
          expect(drawMonth(stored.inputs, p.seed).checks).toEqual(p.checks);
          expect(replayMatches(stored.inputs, p.seed, stored.checks)).toBe(true);
        }
        // A changed draw is detected.
        const p = plans.find((x) => x.checks.length > 0 && s.n > s.k);
        if (p) {
          const tampered = p.checks.map((c) => [...c]);
          tampered[0] = departments(s.n)
            .filter((d) => !p.checks[0]!.includes(d))
            .slice(0, s.k);
          expect(replayMatches(p.inputs, p.seed, tampered)).toBe(false);
        }
        // Another seed gives another draw of the same inputs somewhere along the year (not replayable with it).
        if (other !== seed && s.n > s.k) {
          const differs = plans.some((x) => !replayMatches(x.inputs, other, x.checks));
          if (plans.some((x) => x.checks.length > 0)) expect(differs || plans.length < 2).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is random: different seeds give different draws of a large unit', () => {
    const inputs: DrawInputs = {
      month: '2026-12',
      departmentIds: departments(12),
      history: [],
      checksPerMonthMin: 3,
      checksPerMonthMax: 3,
      departmentsPerCheck: 2,
    };
    const draws = new Set(
      ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map((s) => JSON.stringify(drawMonth(inputs, s.repeat(16)).checks)),
    );
    expect(draws.size).toBeGreaterThan(3);
  });

  it('raises the chance of departments that have waited: a long-waiting one is drawn far more often', () => {
    const ids = departments(6);
    // d00 was drawn in every one of the last checks, d05 never.
    const history = Array.from({ length: 2 }, () => ['d00', 'd01']);
    let d05 = 0;
    let d00 = 0;
    for (let i = 0; i < 400; i++) {
      const [first] = drawMonth(
        {
          month: '2026-03',
          departmentIds: ids,
          history,
          checksPerMonthMin: 1,
          checksPerMonthMax: 1,
          departmentsPerCheck: 1,
        },
        `${i.toString(16).padStart(4, '0')}${'ab'.repeat(14)}`,
      ).checks;
      if (first![0] === 'd05') d05++;
      if (first![0] === 'd00') d00++;
    }
    expect(d05).toBeGreaterThan(2 * d00);
  });

  it('takes first those that must go now for the bound to stay reachable', () => {
    // G = 2⌈4/1⌉ = 8: a department that has waited 7 checks must be drawn now.
    expect(mustNow([7, 0, 1, 2], 1, gapBound(4, 1))).toBe(1);
    expect(mustNow([0, 0, 0, 0], 1, gapBound(4, 1))).toBe(0);
    expect(waits(['a', 'b', 'c'], [['a'], ['b']])).toEqual(
      new Map([
        ['a', 1],
        ['b', 0],
        ['c', 2],
      ]),
    );
  });
});
