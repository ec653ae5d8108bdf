import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Grant, Role } from '../roles.js';
import { indicatorPolicy, type IndicatorAccessFacts, type IndicatorActor } from './assessment-indicator.js';

const ROLES: Role[] = [
  'campaign_office',
  'party_secretary',
  'leadership_member',
  'department_head',
  'member',
  'system_admin',
  'discipline',
];
const arbActor: fc.Arbitrary<IndicatorActor> = fc
  .record({
    roles: fc.subarray(ROLES),
    headOf: fc.constantFrom('d1', 'd2'),
    person: fc.constantFrom('p1', 'p2', null),
    dept: fc.constantFrom('d1', 'd2', null),
    unit: fc.constantFrom('u1', 'u2'),
  })
  .map((a) => ({
    unitId: a.unit,
    personId: a.person,
    departmentId: a.dept,
    grants: a.roles.map(
      (role): Grant =>
        role === 'department_head'
          ? { role, scopeType: 'department', scopeId: a.headOf }
          : { role, scopeType: 'unit', scopeId: null },
    ),
  }));
const arbIndicator: fc.Arbitrary<IndicatorAccessFacts> = fc
  .record({
    ownerKind: fc.constantFrom('department' as const, 'person' as const),
    source: fc.constantFrom('reported', 'items_overdue'),
    withdrawn: fc.boolean(),
  })
  .map((i) => ({
    unitId: 'u1',
    ownerKind: i.ownerKind,
    ownerId: i.ownerKind === 'department' ? 'd1' : 'p1',
    ownerDepartmentId: 'd1',
    source: i.source,
    withdrawnReason: i.withdrawn ? '不再考核' : null,
  }));
const has = (a: IndicatorActor, role: Role, scope?: string) =>
  a.grants.some((g) => g.role === role && (scope === undefined || g.scopeId === scope));

describe('assessment indicator policy', () => {
  it('sees: the office, the leadership, the owner department’s head and members, the person; nobody else', () => {
    fc.assert(
      fc.property(arbActor, arbIndicator, (a, i) => {
        const can = indicatorPolicy(a, i);
        const office = has(a, 'campaign_office');
        const leader = has(a, 'party_secretary') || has(a, 'leadership_member');
        const head = has(a, 'department_head', 'd1');
        const own = i.ownerKind === 'person' ? a.personId === 'p1' : a.departmentId === 'd1';
        expect(can.see).toBe(a.unitId === 'u1' && (office || leader || head || own));
      }),
    );
  });
  it('only the office changes and reviews; reporting is for the office and the owner, of live reported indicators', () => {
    fc.assert(
      fc.property(arbActor, arbIndicator, (a, i) => {
        const can = indicatorPolicy(a, i);
        const live = can.see && i.withdrawnReason === null;
        const office = has(a, 'campaign_office');
        expect(can.edit).toBe(live && office);
        expect(can.withdraw).toBe(live && office);
        expect(can.review).toBe(live && office && i.source === 'reported');
        const owner = i.ownerKind === 'person' ? a.personId === 'p1' : has(a, 'department_head', 'd1');
        expect(can.report).toBe(live && i.source === 'reported' && (office || owner));
      }),
    );
  });
  it('a member of the department sees its indicators but does not report them', () => {
    const member: IndicatorActor = {
      unitId: 'u1',
      personId: 'p9',
      departmentId: 'd1',
      grants: [{ role: 'member', scopeType: 'unit', scopeId: null }],
    };
    const i: IndicatorAccessFacts = {
      unitId: 'u1',
      ownerKind: 'department',
      ownerId: 'd1',
      ownerDepartmentId: 'd1',
      source: 'reported',
      withdrawnReason: null,
    };
    expect(indicatorPolicy(member, i)).toMatchObject({ see: true, report: false });
    expect(indicatorPolicy(member, { ...i, ownerKind: 'person', ownerId: 'p1' }).see).toBe(false);
  });
});
