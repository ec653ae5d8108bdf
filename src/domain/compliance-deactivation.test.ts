/** A deactivated contact object keeps its past: it is asked, and its assignments count, until its deactivation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import type { ActivityFact } from './compliance.js';
import { evaluateRule, type StoredRule } from './rule-compliance.js';
import type { UnitFacts } from './rule-subjects.js';

const SPAN = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
const TODAY = '2026-12-06';
const visit = (id: string, date: string, objectIds = ['v1']): ActivityFact => ({
  id,
  kind: 'visit',
  title: '走访',
  date,
  participantIds: ['p1'],
  objectIds,
  departmentId: null,
});
const ACTS = [visit('a1', '2026-02-10'), visit('a2', '2026-05-10'), visit('a3', '2026-08-10')];
const count: StoredRule = { kind: 'count', activityKinds: ['visit'], period: 'quarter', min: 1, max: null, percent: 0 };
const coverage: StoredRule = { ...count, kind: 'coverage', percent: 100 };

function facts(deactivatedOn: string | null, assignments = [{ personId: 'p1', from: null, to: null }]): UnitFacts {
  return {
    people: [{ id: 'p1', name: '张三', status: 'in_service', isLeadership: true }],
    departments: [],
    objects: [
      {
        id: 'v1',
        name: '甲村',
        kind: 'village',
        active: !deactivatedOn,
        deactivatedOn,
        assigneeIds: ['p1'],
        assignments,
      },
      {
        id: 'v2',
        name: '乙村',
        kind: 'village',
        active: true,
        assigneeIds: [],
        assignments: [],
      },
    ],
    members: [],
  };
}
const statuses = (out: ReturnType<typeof evaluateRule>, key: string) =>
  out.cells.filter((c) => c.subjectKey === key).map((c) => `${c.periodKey}:${c.status}`);

describe('an object deactivated in November', () => {
  it('still has its Q1–Q3 cells as a village (and Q4, which started before it)', () => {
    const out = evaluateRule(count, { kind: 'objects', objectKind: 'village' }, SPAN, facts('2026-11-10'), ACTS, TODAY);
    expect(statuses(out, 'v1')).toEqual(['2026-Q1:met', '2026-Q2:met', '2026-Q3:met', '2026-Q4:at_risk']);
  });

  it('is not asked in periods that start on or after its deactivation', () => {
    const monthly = { ...count, period: 'month' as const };
    const out = evaluateRule(
      monthly,
      { kind: 'objects', objectKind: 'village' },
      SPAN,
      facts('2026-11-10'),
      ACTS,
      TODAY,
    );
    const cells = out.cells.filter((c) => c.subjectKey === 'v1');
    expect(cells.find((c) => c.periodKey === '2026-02')!.status).toBe('met');
    expect(cells.find((c) => c.periodKey === '2026-11')!.status).toBe('missed');
    expect(cells.find((c) => c.periodKey === '2026-12')!.status).toBe('none');
    expect(cells.find((c) => c.periodKey === '2026-12')!.explanation).toContain('已于2026-11-10停用');
  });

  it('keeps its assignee’s Q1–Q3 cells, and the assignee is not asked after it (even if the term was left open)', () => {
    const subject = { kind: 'object_assignees' as const, objectKind: 'village' as const };
    const out = evaluateRule(count, subject, SPAN, facts('2026-11-10'), ACTS, TODAY);
    expect(statuses(out, 'p1')).toEqual(['2026-Q1:met', '2026-Q2:met', '2026-Q3:met', '2026-Q4:none']);
  });

  it('leaves the coverage of the periods after it to the objects still active', () => {
    const monthly = { ...coverage, period: 'month' as const };
    const out = evaluateRule(
      monthly,
      { kind: 'objects', objectKind: 'village' },
      SPAN,
      facts('2026-11-10'),
      ACTS,
      TODAY,
    );
    const cell = (k: string) => out.coverage.find((c) => c.periodKey === k)!;
    expect([cell('2026-02').total, cell('2026-02').covered]).toEqual([2, 1]);
    expect([cell('2026-12').total, cell('2026-12').uncovered]).toEqual([1, ['v2']]);
  });

  it('changes nothing in the periods that start before the deactivation, whatever its date', () => {
    const day = (n: number) => toIsoDate(parseIsoDate('2026-01-02') + n);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 360 }), fc.constantFrom('objects', 'object_assignees'), (n, kind) => {
        const on = day(n);
        const subject = { kind, objectKind: 'village' } as const;
        const before = evaluateRule(count, subject, SPAN, facts(null), ACTS, on < TODAY ? on : TODAY);
        const after = evaluateRule(count, subject, SPAN, facts(on), ACTS, on < TODAY ? on : TODAY);
        const started = (k: string) => before.periods.find((p) => p.key === k)!.end < on;
        const past = (o: typeof before) => o.cells.filter((c) => started(c.periodKey));
        expect(past(after)).toEqual(past(before));
      }),
      { numRuns: 60 },
    );
  });
});
