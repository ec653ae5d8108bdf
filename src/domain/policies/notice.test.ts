import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.js';
import { noticeListScope, noticePolicy, type NoticeStatus } from './notice.js';
import { isDisciplineLead, isDisciplineStaff } from './who.js';

const ROLES: Role[] = [
  'member',
  'campaign_office',
  'party_secretary',
  'leadership_member',
  'discipline',
  'system_admin',
  'audit_admin',
  'branch_secretary',
];
const actor = fc.subarray(ROLES).map((roles) => ({
  personId: 'p1',
  grants: roles.map((role) => ({ role, scopeType: 'unit' as const, scopeId: null })),
}));
const status = fc.constantFrom<NoticeStatus>('draft', 'approved', 'issued', 'withdrawn');
const drafter = fc.constantFrom<string | null>('p1', 'p2', null);

describe('notice policy', () => {
  it('shows unissued notices only to the discipline staff and the approvers; issued ones to everyone', () => {
    fc.assert(
      fc.property(actor, status, drafter, (a, s, d) => {
        const can = noticePolicy(a, { status: s, draftedByPerson: d });
        expect(can.see).toBe(s === 'issued' || isDisciplineStaff(a) || isDisciplineLead(a));
        // The list's SQL scope mirrors `see`.
        expect(noticeListScope(a) === 'all' || s === 'issued').toBe(can.see);
        // Every action needs `see`; only a lead approves, only drafts are approved or edited, only approved ones issued.
        for (const k of ['edit', 'approve', 'issue', 'withdraw', 'download'] as const)
          if (can[k]) expect(can.see).toBe(true);
        if (can.approve) expect(isDisciplineLead(a) && s === 'draft').toBe(true);
        // Nobody approves their own draft; a lead approves anyone else's (or the sweep's) draft.
        if (d === a.personId) expect(can.approve).toBe(false);
        if (d !== a.personId && isDisciplineLead(a) && s === 'draft') expect(can.approve).toBe(true);
        if (can.edit) expect(isDisciplineStaff(a) && s === 'draft').toBe(true);
        if (can.issue) expect(isDisciplineStaff(a) && s === 'approved').toBe(true);
        if (s === 'issued' || s === 'withdrawn')
          expect(can.edit || can.approve || can.issue || can.withdraw).toBe(false);
      }),
    );
  });
});
