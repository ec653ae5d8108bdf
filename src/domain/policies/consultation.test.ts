import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAFT_KINDS, DRAFT_STATUSES } from '../consultation.js';
import type { Grant, Role } from '../roles.js';
import { consultationPolicy, consultationScope } from './consultation.js';

const draft = fc.record({
  unitId: fc.constantFrom('u1', 'u2'),
  departmentId: fc.constantFrom('d1', 'd2'),
  kind: fc.constantFrom(...DRAFT_KINDS),
  confidential: fc.boolean(),
  status: fc.constantFrom(...DRAFT_STATUSES),
  hasPublic: fc.boolean(),
  targetPersonIds: fc.subarray(['p1', 'p2']),
  targetDepartmentIds: fc.subarray(['d1', 'd2', 'd3']),
});
const actor = fc.record({
  personId: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: null }),
  roles: fc.subarray(['campaign_office', 'party_secretary', 'system_admin', 'member', 'discipline'] as Role[]),
  headOf: fc.subarray(['d1', 'd2', 'd3']),
});
const who = (a: { personId: string | null; roles: Role[]; headOf: string[] }) => ({
  unitId: 'u1',
  personId: a.personId,
  grants: [
    ...a.roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })),
    ...a.headOf.map((id): Grant => ({ role: 'department_head', scopeType: 'department', scopeId: id })),
  ],
});

describe('who may do what with a 征求意见稿', () => {
  it('the office and the drafting department’s heads manage; those consulted see it once it is out; nobody else', () => {
    fc.assert(
      fc.property(actor, draft, (a, d) => {
        const can = consultationPolicy(who(a), d);
        const inUnit = d.unitId === 'u1';
        const manages = inUnit && (a.roles.includes('campaign_office') || a.headOf.includes(d.departmentId));
        const out = d.status === 'consulting' || d.status === 'closed';
        const consulted =
          inUnit &&
          out &&
          ((!!a.personId && d.targetPersonIds.includes(a.personId)) ||
            a.headOf.some((x) => d.targetDepartmentIds.includes(x)));
        expect(can.see).toBe(manages || consulted);
        expect(can.manage).toBe(manages);
        expect(can.comment).toBe(consulted && d.status === 'consulting');
        // Every action needs sight; the answers, the 起草说明 and the records on behalf are the managers'.
        for (const [k, v] of Object.entries(can)) if (v) expect(can.see, k).toBe(true);
        for (const k of [
          'edit',
          'open',
          'openPublic',
          'recordOnBehalf',
          'answer',
          'close',
          'withdraw',
          'readNote',
        ] as const)
          if (can[k]) expect(manages, k).toBe(true);
      }),
    );
  });

  it('never opens to the public a draft 依法需要保密 or one that is not a 民生事项', () => {
    fc.assert(
      fc.property(actor, draft, (a, d) => {
        if (consultationPolicy(who(a), d).openPublic)
          expect([d.confidential, d.kind, d.hasPublic, d.status]).toEqual([false, 'livelihood', false, 'draft']);
      }),
    );
  });

  it('lists every draft for the office only', () => {
    fc.assert(
      fc.property(actor, (a) => {
        const s = consultationScope(who(a));
        expect(s.all).toBe(a.roles.includes('campaign_office'));
        expect(s.departmentIds).toEqual(a.headOf);
      }),
    );
  });
});
