import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_NAMES, type Grant, type Role } from '../roles.js';
import { seesUnitLeave } from './leave.js';

const grants = (roles: Role[]) => roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null }));

describe('who sees the unit’s leave list', () => {
  it('the office, the discipline staff and the party secretary; never the system administrator', () => {
    expect(seesUnitLeave({ grants: grants(['system_admin']) })).toBe(false);
    fc.assert(
      fc.property(fc.subarray(ROLE_NAMES), (roles) => {
        const expected = ['campaign_office', 'discipline', 'party_secretary'].some((r) => roles.includes(r as Role));
        expect(seesUnitLeave({ grants: grants(roles) })).toBe(expected);
      }),
    );
  });
});
