import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byTitle, closedRate, complianceRate, heatMatrix, isRedUnit } from './unit-figures.js';

describe('unit figures', () => {
  it('a rate is null when nothing is decided, else between 0 and 100', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
        const [met, decided] = [Math.min(a, b), Math.max(a, b)];
        const r = complianceRate(met, decided);
        if (decided === 0) expect(r).toBeNull();
        else {
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(100);
          expect(r === 100).toBe(met === decided);
        }
        expect(closedRate(met, decided)).toEqual(r);
      }),
    );
  });

  it('red is exactly having an overdue item', () => {
    fc.assert(
      fc.property(fc.nat(), (overdue) => {
        expect(isRedUnit({ overdue })).toBe(overdue > 0);
      }),
    );
  });

  it('merging by title keeps the totals and the titles', () => {
    const rule = fc.record({ title: fc.constantFrom('走访', '谈心', '学习'), met: fc.nat(20), decided: fc.nat(20) });
    fc.assert(
      fc.property(fc.array(rule), (rules) => {
        const merged = byTitle(rules);
        expect(new Set(merged.map((m) => m.title))).toEqual(new Set(rules.map((r) => r.title)));
        const sum = (xs: { met: number; decided: number }[]) => xs.reduce((n, x) => n + x.met * 1000 + x.decided, 0);
        expect(sum(merged)).toBe(sum(rules));
      }),
    );
  });

  it('the heat map has one column per title and grey where a unit lacks the rule or a decided cell', () => {
    const cell = fc.record({
      unitId: fc.constantFrom('u1', 'u2', 'u3'),
      ruleTitle: fc.constantFrom('走访', '谈心', '学习'),
      met: fc.nat(5),
      decided: fc.nat(5),
    });
    fc.assert(
      fc.property(fc.uniqueArray(cell, { selector: (c) => `${c.unitId}/${c.ruleTitle}` }), (cells) => {
        const units = ['u1', 'u2', 'u3', 'u4'];
        const m = heatMatrix(units, cells);
        expect(m.rules.length).toBe(new Set(cells.map((c) => c.ruleTitle)).size);
        units.forEach((u, i) =>
          m.rules.forEach((r, j) => {
            const c = cells.find((x) => x.unitId === u && x.ruleTitle === r);
            expect(m.rows[i]![j]).toBe(c ? complianceRate(c.met, c.decided) : null);
          }),
        );
        expect(m.rows[3]!.every((v) => v === null)).toBe(true);
      }),
    );
  });
});
