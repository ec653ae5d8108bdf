import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grant, Role } from '../roles.js';
import { attentionPolicy, decidesAttentionOf, schemePolicy, scorecardVisible } from './assessment-scheme.js';

const scheme = fc.record({
  unitId: fc.constantFrom('u1', 'u2'),
  status: fc.constantFrom('draft' as const, 'confirmed' as const, 'withdrawn' as const),
  groupMemberIds: fc.subarray(['p1', 'p2']),
  groupLeadId: fc.constantFrom('p1', 'p3'),
});
const card = fc.record({
  subjectPersonId: fc.option(fc.constantFrom('p1', 'p4'), { nil: null }),
  subjectDepartmentId: fc.option(fc.constantFrom('d1', 'd2'), { nil: null }),
});
const actor = fc.record({
  personId: fc.option(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { nil: null }),
  roles: fc.subarray(['campaign_office', 'party_secretary', 'leadership_member', 'system_admin', 'member'] as Role[]),
  headOf: fc.subarray(['d1', 'd2']),
});
const who = (a: { personId: string | null; roles: Role[]; headOf: string[] }) => ({
  unitId: 'u1',
  personId: a.personId,
  grants: [
    ...a.roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })),
    ...a.headOf.map((id): Grant => ({ role: 'department_head', scopeType: 'department', scopeId: id })),
  ],
});

describe('who may see and do what with a scheme and its scorecards', () => {
  it('the office, the group and the leadership of its unit see it; only a draft changes; the 组长 alone confirms', () => {
    fc.assert(
      fc.property(actor, scheme, (a, s) => {
        const can = schemePolicy(who(a), s);
        const inGroup = !!a.personId && (s.groupLeadId === a.personId || s.groupMemberIds.includes(a.personId));
        const leader = a.roles.includes('party_secretary') || a.roles.includes('leadership_member');
        expect(can.see).toBe(s.unitId === 'u1' && (a.roles.includes('campaign_office') || leader || inGroup));
        if (s.status !== 'draft')
          expect([can.edit, can.compute, can.score, can.grade, can.confirm]).toEqual([
            false,
            false,
            false,
            false,
            false,
          ]);
        expect(can.confirm).toBe(s.unitId === 'u1' && s.status === 'draft' && a.personId === s.groupLeadId);
        expect(can.score).toBe(s.unitId === 'u1' && s.status === 'draft' && inGroup);
        if (can.withdraw) expect(a.roles).toContain('campaign_office');
      }),
    );
  });

  it('beyond its readers, a card is seen only once confirmed, by its subject or the subject department’s head', () => {
    fc.assert(
      fc.property(actor, scheme, card, (a, s, c) => {
        const visible = scorecardVisible(who(a), s, c);
        const own = !!a.personId && c.subjectPersonId === a.personId;
        const head = !!c.subjectDepartmentId && a.headOf.includes(c.subjectDepartmentId);
        const reader = schemePolicy(who(a), s).see;
        expect(visible).toBe(reader || (s.unitId === 'u1' && s.status === 'confirmed' && (own || head)));
      }),
    );
  });

  it('the attention list is the leadership’s, and no leader decides their own case', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom('p1', 'p2', 'p3', 'p4'), (a, person) => {
        const leader = a.roles.includes('party_secretary') || a.roles.includes('leadership_member');
        expect(attentionPolicy(who(a)).see).toBe(leader);
        expect(decidesAttentionOf(who(a), person)).toBe(leader && a.personId !== person);
      }),
    );
  });
});
