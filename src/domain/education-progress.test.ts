import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { educationProgress, HOME_VISIT, type PlannedSession } from './education-progress.js';

const ids = fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'), { maxLength: 6 });
const activity = fc.record({ participantIds: ids, absentIds: ids, objectIds: ids });
const session: fc.Arbitrary<PlannedSession> = fc.record({
  kind: fc.constantFrom('warning_education', 'party_law_study', HOME_VISIT),
  month: fc.integer({ min: 1, max: 12 }),
  cadreIds: ids,
  activities: fc.array(activity, { maxLength: 3 }),
});

describe('integrity education progress', () => {
  it('held ≤ planned, by month and in all; coverage names exactly the planned cadres not visited', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 20 }), (sessions) => {
        const p = educationProgress(sessions);
        expect(p.held.of).toBe(sessions.length);
        expect(p.held.value).toBeLessThanOrEqual(p.held.of);
        expect(p.months.reduce((n, m) => n + m.planned, 0)).toBe(sessions.length);
        expect(p.months.reduce((n, m) => n + m.held, 0)).toBe(p.held.value);
        for (const m of p.months) expect(m.held).toBeLessThanOrEqual(m.planned);
        const visits = sessions.filter((s) => s.kind === HOME_VISIT);
        const visited = new Set(visits.flatMap((s) => s.activities.flatMap((a) => a.objectIds)));
        for (const c of p.coverage.missingIds) expect(visited.has(c)).toBe(false);
        expect(p.coverage.value + p.coverage.missingIds.length).toBe(p.coverage.of);
        expect(p.attendance.value).toBeLessThanOrEqual(p.attendance.of);
      }),
    );
  });

  it('a plan of three sessions, one held with 8 of 10 present, one visit of two cadres of three', () => {
    const p = educationProgress([
      {
        kind: 'warning_education',
        month: 3,
        cadreIds: [],
        activities: [{ participantIds: Array(8).fill('x'), absentIds: ['a', 'b'], objectIds: [] }],
      },
      { kind: 'party_law_study', month: 6, cadreIds: [], activities: [] },
      {
        kind: HOME_VISIT,
        month: 6,
        cadreIds: ['c1', 'c2', 'c3'],
        activities: [{ participantIds: [], absentIds: [], objectIds: ['c1', 'c3'] }],
      },
    ]);
    expect(p.months).toEqual([
      { month: 3, planned: 1, held: 1 },
      { month: 6, planned: 2, held: 1 },
    ]);
    expect([p.held.value, p.held.of]).toEqual([2, 3]);
    expect([p.coverage.value, p.coverage.of, p.coverage.missingIds]).toEqual([2, 3, ['c2']]);
    expect([p.attendance.value, p.attendance.of]).toEqual([8, 10]);
  });
});
