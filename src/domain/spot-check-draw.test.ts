import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawSpotChecks, type SpotCandidate } from './spot-check-draw.js';

const candidates = fc
  .array(
    fc.record({
      unitId: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5'),
      departmentId: fc.constantFrom('d1', 'd2', 'd3', null),
    }),
    { maxLength: 60 },
  )
  .map((xs) => xs.map((x, i): SpotCandidate => ({ id: `i${String(i).padStart(3, '0')}`, ...x })));
const seed = fc.stringMatching(/^[0-9a-f]{32}$/);
const count = <K>(xs: K[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<K, number>());

describe('the spot check draw', () => {
  it('replays: the same seed and candidates, in any order, give the same draw', () => {
    fc.assert(
      fc.property(candidates, seed, fc.integer({ min: 0, max: 30 }), (cs, s, n) => {
        const a = drawSpotChecks(cs, n, s);
        expect(drawSpotChecks([...cs].reverse(), n, s)).toEqual(a);
        expect(a.length).toBe(Math.min(n, cs.length));
        expect(new Set(a).size).toBe(a.length);
        for (const id of a) expect(cs.some((c) => c.id === id)).toBe(true);
      }),
    );
  });

  it('spreads across units, then departments: no stratum more than one ahead of another with candidates left', () => {
    fc.assert(
      fc.property(candidates, seed, fc.integer({ min: 1, max: 30 }), (cs, s, n) => {
        const drawn = new Set(drawSpotChecks(cs, n, s));
        const picked = cs.filter((c) => drawn.has(c.id));
        const left = cs.filter((c) => !drawn.has(c.id));
        const perUnit = count(picked.map((c) => c.unitId));
        const units = [...new Set(cs.map((c) => c.unitId))];
        for (const a of units)
          for (const b of units)
            if (left.some((c) => c.unitId === b))
              expect(perUnit.get(a) ?? 0).toBeLessThanOrEqual((perUnit.get(b) ?? 0) + 1);
        // The wording: no unit above ⌈N / units⌉ while another still has candidates.
        const cap = Math.ceil(drawn.size / Math.max(1, units.length));
        if ([...perUnit.values()].some((k) => k > cap))
          for (const u of units) if ((perUnit.get(u) ?? 0) < cap) expect(left.some((c) => c.unitId === u)).toBe(false);
        for (const u of units) {
          const mine = picked.filter((c) => c.unitId === u);
          const perDept = count(mine.map((c) => c.departmentId));
          const depts = [...new Set(cs.filter((c) => c.unitId === u).map((c) => c.departmentId))];
          for (const a of depts)
            for (const b of depts)
              if (left.some((c) => c.unitId === u && c.departmentId === b))
                expect(perDept.get(a) ?? 0).toBeLessThanOrEqual((perDept.get(b) ?? 0) + 1);
        }
      }),
    );
  });

  it('depends on the seed', () => {
    const cs = Array.from({ length: 40 }, (_, i) => ({ id: `i${i}`, unitId: `u${i % 4}`, departmentId: `d${i % 3}` }));
    const draws = new Set(['0', '1', '2', '3', '4'].map((d) => drawSpotChecks(cs, 5, d.repeat(32)).join()));
    expect(draws.size).toBeGreaterThan(1);
  });
});
