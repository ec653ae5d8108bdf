import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityFact } from './compliance.js';
import { evaluateRule, type StoredRule } from './rule-compliance.js';
import type { UnitFacts } from './rule-subjects.js';

const facts: UnitFacts = {
  people: [
    { id: 'p1', name: '甲', status: 'in_service', isLeadership: true },
    { id: 'p2', name: '乙', status: 'in_service', isLeadership: true },
    { id: 'p3', name: '丙', status: 'in_service', isLeadership: false },
  ],
  departments: [{ id: 'd1', name: '办公室', active: true }],
  objects: [],
  members: [],
};
const activity: fc.Arbitrary<ActivityFact> = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom('study', 'visit'),
  date: fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}-15`),
  participantIds: fc.subarray(['p1', 'p2', 'p3']),
  objectIds: fc.constant([]),
  departmentId: fc.constantFrom('d1', null),
});
const rule: fc.Arbitrary<StoredRule> = fc.record({
  kind: fc.constantFrom('count', 'coverage' as const),
  activityKinds: fc.constant(['study']),
  period: fc.constantFrom('month', 'quarter', 'year' as const),
  min: fc.integer({ min: 1, max: 3 }),
  max: fc.constant(null),
  percent: fc.integer({ min: 1, max: 100 }),
});

describe('one rule over a campaign', () => {
  it('has a cell per subject and period (count) or a coverage per period, and a summary that counts their statuses', () => {
    fc.assert(
      fc.property(rule, fc.array(activity, { maxLength: 20 }), (r, acts) => {
        const out = evaluateRule(
          r,
          { kind: 'leadership' },
          { startsOn: '2026-01-01', endsOn: '2026-12-31' },
          facts,
          acts,
          '2026-07-01',
        );
        expect(out.subjects.map((s) => s.key).sort()).toEqual(['p1', 'p2']);
        if (r.kind === 'count') {
          expect(out.coverage).toEqual([]);
          expect(out.cells.length).toBe(out.subjects.length * out.periods.length);
        } else {
          expect(out.cells).toEqual([]);
          expect(out.coverage.length).toBe(out.periods.length);
        }
        const statuses = [...out.cells, ...out.coverage].map((c) => c.status);
        expect(out.summary).toEqual({
          met: statuses.filter((s) => s === 'met').length,
          atRisk: statuses.filter((s) => s === 'at_risk').length,
          missed: statuses.filter((s) => s === 'missed').length,
          over: statuses.filter((s) => s === 'over').length,
          reached: 0,
        });
        // Only the rule's activity kinds count.
        const counted = out.cells.flatMap((c) => c.activityIds);
        expect(counted.every((id) => acts.find((a) => a.id === id)?.kind === 'study')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
