import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant, Role } from '../roles.js';
import { keepsRuleDocuments, ruleDocumentPolicy, ruleVersionPolicy } from './rule-document.js';

const actor = fc
  .record({
    unitId: fc.constantFrom('unit', 'other'),
    personId: fc.option(fc.constantFrom('p1', 'p2')),
    roles: fc.array(
      fc.constantFrom<Role>(
        'member',
        'campaign_office',
        'party_secretary',
        'leadership_member',
        'discipline',
        'system_admin',
        'department_head',
      ),
      { maxLength: 3 },
    ),
  })
  .map(
    (a): Actor => ({
      userId: 'u',
      unitId: a.unitId,
      username: 'x',
      displayName: 'x',
      personId: a.personId,
      grants: a.roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })),
    }),
  );
const day = fc.constantFrom('2026-11-29', '2026-11-30', '2026-12-01');

describe('the rule document policy', () => {
  it('lets everyone of the unit read, and only the office and the 党组书记 of the unit keep a live document', () => {
    fc.assert(
      fc.property(actor, fc.boolean(), (a, withdrawn) => {
        const can = ruleDocumentPolicy(a, { unitId: 'unit', withdrawn });
        expect(can.see).toBe(a.unitId === 'unit');
        const keeper = a.grants.some((g) => g.role === 'campaign_office' || g.role === 'party_secretary');
        expect(keepsRuleDocuments(a)).toBe(keeper);
        expect(can.addVersion).toBe(a.unitId === 'unit' && keeper && !withdrawn);
        expect(can.withdraw).toBe(can.addVersion);
      }),
    );
  });

  it('withdraws a version only while it is not in force, and only for a keeper', () => {
    fc.assert(
      fc.property(actor, day, day, fc.boolean(), (a, effectiveFrom, today, withdrawn) => {
        const doc = { unitId: 'unit', withdrawn: false };
        const can = ruleVersionPolicy(a, doc, { id: 'v', effectiveFrom, withdrawn }, today);
        expect(can.withdraw).toBe(ruleDocumentPolicy(a, doc).addVersion && !withdrawn && effectiveFrom > today);
      }),
    );
  });
});
