import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import {
  clusterFlags,
  mergeInspections,
  weekOf,
  type ClusterSettings,
  type PlannedInspection,
} from './inspection-plan.js';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const calendar = new WorkdayCalendar(officialFromChineseDays(data));

const UNITS = ['u1', 'u2', 'u3', 'u4'];
const day0 = parseIsoDate('2026-01-05');
const inspection = fc.record({
  team: fc.constantFrom('第一督查组', '第二督查组', '第三督查组'),
  day: fc.integer({ min: 0, max: 360 }),
  unitIds: fc.subarray(UNITS, { minLength: 1 }),
  kind: fc.constantFrom<'comprehensive' | 'special'>('comprehensive', 'special'),
});
const plans = fc.array(inspection, { maxLength: 14 }).map((xs) =>
  xs.map(
    (x, i): PlannedInspection => ({
      id: `i${i}`,
      subject: `检查${i}`,
      kind: x.kind,
      team: x.team,
      startsOn: toIsoDate(day0 + x.day),
      unitIds: x.unitIds,
    }),
  ),
);
const settings = fc.record({
  maxWithinWindow: fc.integer({ min: 1, max: 3 }),
  windowWorkingDays: fc.integer({ min: 1, max: 20 }),
  yearQuota: fc.integer({ min: 1, max: 6 }),
  monthQuota: fc.integer({ min: 1, max: 3 }),
});

/** The rule by brute force: some unit has more than max inspections starting within the window of one of them. */
function crowdedSomewhere(plan: PlannedInspection[], s: ClusterSettings) {
  return UNITS.some((u) => {
    const xs = plan.filter((i) => i.unitIds.includes(u));
    return xs.some(
      (a) =>
        xs.filter(
          (b) =>
            b.startsOn >= a.startsOn && calendar.workingDaysBetween(a.startsOn, b.startsOn).days < s.windowWorkingDays,
        ).length > s.maxWithinWindow,
    );
  });
}

describe('扎堆 in the inspection plan', () => {
  it('flags 密集 exactly when some unit has more than N inspections within M working days', () => {
    fc.assert(
      fc.property(plans, settings, (plan, s) => {
        const flagged = clusterFlags(plan, s, calendar).some((f) => f.kind === 'crowded');
        expect(flagged).toBe(crowdedSomewhere(plan, s));
      }),
    );
  });

  it('every flag names only inspections of its unit, and 同周 only two or more teams in one week', () => {
    fc.assert(
      fc.property(plans, settings, (plan, s) => {
        for (const f of clusterFlags(plan, s, calendar)) {
          const xs = f.inspectionIds.map((id) => plan.find((i) => i.id === id)!);
          expect(xs.every((x) => x.unitIds.includes(f.unitId))).toBe(true);
          if (f.kind === 'sameWeek') {
            expect(new Set(xs.map((x) => weekOf(x.startsOn)))).toEqual(new Set([f.period]));
            expect(new Set(xs.map((x) => x.team)).size).toBeGreaterThan(1);
          }
          if (f.kind === 'yearQuota') expect(xs.length).toBeGreaterThan(s.yearQuota);
          if (f.kind === 'monthQuota') expect(xs.length).toBeGreaterThan(s.monthQuota);
        }
      }),
    );
  });

  it('merging a flagged group leaves fewer inspections, each unit still inspected, and that group no longer flagged', () => {
    fc.assert(
      fc.property(plans, settings, (plan, s) => {
        const flag = clusterFlags(plan, s, calendar).find((f) => f.kind === 'crowded' || f.kind === 'sameWeek');
        if (!flag) return;
        const after = mergeInspections(plan, flag.mergeIds, 'merged');
        expect(after.length).toBe(plan.length - flag.mergeIds.length + 1);
        const units = (p: PlannedInspection[]) => new Set(p.flatMap((i) => i.unitIds));
        expect(units(after)).toEqual(units(plan));
        const again = clusterFlags(after, s, calendar);
        expect(again.some((f) => f.kind === flag.kind && f.inspectionIds.join() === flag.inspectionIds.join())).toBe(
          false,
        );
      }),
    );
  });

  it('two inspections of one unit three working days apart by two teams in one week: 密集 and 同周, merged into one', () => {
    const at = (id: string, team: string, startsOn: string): PlannedInspection => ({
      id,
      subject: `${team}检查`,
      kind: 'special',
      team,
      startsOn,
      unitIds: ['u1'],
    });
    const plan = [
      at('a', '第一督查组', '2026-03-02'),
      at('b', '第二督查组', '2026-03-05'),
      at('c', '第一督查组', '2026-06-01'),
    ];
    const s = { maxWithinWindow: 1, windowWorkingDays: 10, yearQuota: 4, monthQuota: 1 };
    const flags = clusterFlags(plan, s, calendar);
    expect(flags.map((f) => [f.kind, f.inspectionIds.join()])).toEqual([
      ['crowded', 'a,b'],
      ['sameWeek', 'a,b'],
      ['monthQuota', 'a,b'],
    ]);
    const merged = mergeInspections(plan, ['a', 'b'], 'ab');
    expect(merged.find((i) => i.id === 'ab')).toMatchObject({ startsOn: '2026-03-02', team: '第一督查组、第二督查组' });
    expect(clusterFlags(merged, s, calendar)).toEqual([]);
  });

  it('a plan spread out (one inspection per unit per quarter, one team) raises nothing', () => {
    const spread: PlannedInspection[] = [0, 91, 182, 273].map((d, i) => ({
      id: `q${i}`,
      subject: '季度督查',
      kind: 'comprehensive',
      team: '第一督查组',
      startsOn: toIsoDate(day0 + d),
      unitIds: ['u1', 'u2'],
    }));
    expect(
      clusterFlags(spread, { maxWithinWindow: 1, windowWorkingDays: 10, yearQuota: 4, monthQuota: 1 }, calendar),
    ).toEqual([]);
  });
});
