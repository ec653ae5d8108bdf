import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import { unusedParams, type TemplateData } from './campaign-template.js';
import { cellStatus, countCompliance, periodsBetween, type ActivityFact, type Subject } from './compliance.js';
import { attendanceCompliance, fromAttendance } from './meeting-attendance.js';
import { evaluateRule, periodsByVersion, type StoredRule } from './rule-compliance.js';
import type { UnitFacts } from './rule-subjects.js';
import { XING_SHI_FENG } from './templates/xing-shi-feng.js';

const PEOPLE = ['p1', 'p2', 'p3'];
const OBJECTS = ['o1', 'o2', 'o3'];
const day = (n: number) => toIsoDate(parseIsoDate('2026-01-01') + n);
const activity: fc.Arbitrary<ActivityFact> = fc
  .record({
    id: fc.uuid(),
    kind: fc.constantFrom('visit_a', 'visit_b'),
    date: fc.integer({ min: 0, max: 364 }).map(day),
    people: fc.subarray(PEOPLE),
    absent: fc.subarray(PEOPLE),
    objectIds: fc.subarray([...OBJECTS, ...PEOPLE]),
  })
  .map(({ people, absent, ...a }) => ({
    ...a,
    title: '活动',
    participantIds: people.filter((p) => !absent.includes(p)),
    absentIds: absent,
    departmentId: null,
  }));
const quarters = periodsBetween('quarter', '2026-01-01', '2026-12-31');
const person = (p: string): Subject => ({ key: p, label: p, personIds: [p] });

describe('a rule counts only what the plan says', () => {
  it('counts only its kinds, and never a person recorded absent (participant required)', () => {
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 30 }), fc.boolean(), (acts, required) => {
        const rule = {
          kind: 'count' as const,
          activityKinds: ['visit_a'],
          period: 'quarter' as const,
          min: 1,
          max: null,
        };
        const cells = countCompliance(
          { ...rule, participantRequired: required },
          PEOPLE.map(person),
          acts,
          quarters,
          '2026-12-31',
        );
        for (const c of cells)
          for (const id of c.activityIds) {
            const a = acts.find((x) => x.id === id)!;
            expect(a.kind).toBe('visit_a');
            expect(a.absentIds).not.toContain(c.subjectKey);
            const took = a.participantIds.includes(c.subjectKey);
            expect(required ? took : took || a.objectIds.includes(c.subjectKey)).toBe(true);
          }
      }),
    );
  });

  it('counts distinct objects (“至少联系服务*家”): repeated visits to one enterprise count once', () => {
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 30 }), (acts) => {
        const rule = {
          kind: 'count' as const,
          activityKinds: ['visit_a', 'visit_b'],
          period: 'year' as const,
          min: 2,
          max: null,
        };
        const year = periodsBetween('year', '2026-01-01', '2026-12-31');
        const plain = countCompliance(rule, PEOPLE.map(person), acts, year, '2026-12-31');
        const distinct = countCompliance(
          { ...rule, distinctObjects: true },
          PEOPLE.map(person),
          acts,
          year,
          '2026-12-31',
        );
        distinct.forEach((c, i) => {
          const objects = new Set(c.activityIds.flatMap((id) => acts.find((a) => a.id === id)!.objectIds));
          expect(c.count).toBe(objects.size);
          expect(c.activityIds).toEqual(plain[i]!.activityIds);
        });
      }),
    );
  });

  it('evaluates each period with the version in force when it started', () => {
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 30 }), fc.integer({ min: 1, max: 363 }), (acts, d) => {
        const v1: StoredRule = {
          kind: 'count',
          activityKinds: ['visit_a'],
          period: 'quarter',
          min: 1,
          max: null,
          percent: 100,
        };
        const v2: StoredRule = { ...v1, activityKinds: ['visit_b'], min: 3 };
        const versions = [
          { from: null, rule: v1 },
          { from: day(d), rule: v2 },
        ];
        const facts: UnitFacts = {
          people: PEOPLE.map((id) => ({ id, name: id, status: 'in_service', isLeadership: true })),
          departments: [],
          objects: [],
          members: [],
        };
        const out = evaluateRule(
          versions,
          { kind: 'leadership' },
          { startsOn: '2026-01-01', endsOn: '2026-12-31' },
          facts,
          acts,
          '2026-12-31',
        );
        expect(out.periods.map((p) => p.key)).toEqual(quarters.map((p) => p.key));
        for (const c of out.cells) {
          const p = quarters.find((q) => q.key === c.periodKey)!;
          const v = p.start < day(d) ? v1 : v2;
          for (const id of c.activityIds) expect(acts.find((a) => a.id === id)!.kind).toBe(v.activityKinds[0]);
          expect(c.status).toBe(cellStatus(c.count, v.min, null, p, '2026-12-31'));
        }
        expect(
          periodsByVersion(versions, { startsOn: '2026-01-01', endsOn: '2026-12-31' }).flatMap((x) => x.periods),
        ).toHaveLength(4);
      }),
    );
  });

  it('counts an assignee only on days they were assigned, and asks them only when assigned at the period end', () => {
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 30 }), fc.integer({ min: 0, max: 364 }), (acts, cut) => {
        const s: Subject = {
          key: 'p1',
          label: 'p1',
          personIds: ['p1'],
          objectIds: ['o1'],
          assignments: [{ objectId: 'o1', from: null, to: day(cut) }],
        };
        const rule = {
          kind: 'count' as const,
          activityKinds: ['visit_a', 'visit_b'],
          period: 'quarter' as const,
          min: 1,
          max: null,
        };
        for (const c of countCompliance(rule, [s], acts, quarters, '2026-12-31')) {
          const p = quarters.find((q) => q.key === c.periodKey)!;
          expect(c.status === 'none').toBe(p.end > day(cut));
          for (const id of c.activityIds) expect(acts.find((a) => a.id === id)!.date <= day(cut)).toBe(true);
        }
      }),
    );
  });
});

describe('meeting discipline (会风会纪)', () => {
  const status = fc.constantFrom('present', 'late', 'left_early', 'excused', 'unexcused' as const);
  it('flags exactly whoever reaches the unexcused-absence or late/early threshold; participants are those present', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ d: fc.integer({ min: 0, max: 30 }), marks: fc.array(status, { minLength: 3, maxLength: 3 }) }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        (meetings, absenceLimit, lateLimit) => {
          const acts: ActivityFact[] = meetings.map((m, i) => {
            const attendance = m.marks.map((s, j) => ({ personId: PEOPLE[j]!, status: s }));
            return {
              id: `m${i}`,
              kind: 'staff_meeting',
              title: '干部职工会',
              date: day(m.d),
              objectIds: [],
              departmentId: null,
              attendance,
              ...fromAttendance(attendance),
            };
          });
          const month = periodsBetween('month', '2026-01-01', '2026-01-31');
          const cells = attendanceCompliance(
            { kind: 'attendance', activityKinds: ['staff_meeting'], period: 'month', absenceLimit, lateLimit },
            PEOPLE.map(person),
            acts,
            month,
          );
          PEOPLE.forEach((p, j) => {
            const marks = meetings.map((m) => m.marks[j]);
            const absent = marks.filter((s) => s === 'unexcused').length;
            const late = marks.filter((s) => s === 'late' || s === 'left_early').length;
            const cell = cells.find((c) => c.subjectKey === p)!;
            expect(cell.status).toBe(absent >= absenceLimit || late >= lateLimit ? 'reached' : 'not_reached');
            expect(cell.count).toBe(absent + late);
            expect(cell.explanation).toContain(`无故缺席 ${absent} 次`);
          });
          for (const a of acts)
            for (const p of a.participantIds)
              expect(['present', 'late', 'left_early']).toContain(a.attendance!.find((x) => x.personId === p)!.status);
        },
      ),
    );
  });
});

describe('template parameters', () => {
  it('are each counted by a rule or marked descriptive with what uses them', () => {
    expect(unusedParams(XING_SHI_FENG)).toEqual([]);
    for (const [, why] of Object.entries(XING_SHI_FENG.descriptiveParams ?? {})) expect(why.length).toBeGreaterThan(4);
  });
  it('report a number shown but never used', () => {
    const t: TemplateData = {
      ...XING_SHI_FENG,
      rules: XING_SHI_FENG.rules!.filter((r) => r.lateParam !== 'lateNoticeCount'),
    };
    expect(unusedParams(t)).toEqual(['absenceNoticeCount', 'lateNoticeCount']);
  });
});
