import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.js';
import { findingPolicy, heardOut, type FindingStatus } from './finding.js';
import { isDisciplineStaff, isPartySecretary } from './who.js';

const ROLES: Role[] = [
  'member',
  'campaign_office',
  'party_secretary',
  'leadership_member',
  'discipline',
  'system_admin',
];
const actor = fc.subarray(ROLES).map((roles) => ({
  personId: 'p1',
  grants: roles.map((role) => ({ role, scopeType: 'unit' as const, scopeId: null })),
}));
const finding = fc.record({
  personId: fc.constantFrom<string | null>('p1', 'p2', null),
  status: fc.constantFrom<FindingStatus>('open', 'explained', 'confirmed', 'dismissed'),
  explanationRequestedAt: fc.constantFrom<Date | null>(null, new Date('2026-12-01T02:00:00Z')),
  explanation: fc.constantFrom<string | null>(null, '外出办事'),
});

describe('finding policy', () => {
  it('lets the discipline staff decide only others’ findings, and confirm only once the person had their say', () => {
    fc.assert(
      fc.property(actor, finding, (a, f) => {
        const can = findingPolicy(a, f);
        expect(can.see).toBe(isDisciplineStaff(a) || isPartySecretary(a) || f.personId === 'p1');
        const staffActs = can.requestExplanation || can.confirm || can.dismiss;
        // Never on a finding about oneself, and only the discipline staff.
        if (staffActs) expect(isDisciplineStaff(a) && f.personId !== 'p1').toBe(true);
        if (can.confirm) expect(heardOut(f) && (f.status === 'open' || f.status === 'explained')).toBe(true);
        if (isDisciplineStaff(a) && f.personId !== 'p1' && f.status === 'explained')
          expect(can.confirm).toBe(heardOut(f));
        // A department's finding has nobody to hear: it may be decided at once.
        if (f.personId === null && isDisciplineStaff(a) && f.status === 'open') expect(can.confirm).toBe(true);
        if (can.explain) expect(f.personId).toBe('p1');
      }),
    );
  });
});
