import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayApproveAbsenceOf, mayRecordAbsenceOf, maySeeAbsenceReason } from './person.js';
import { ROLE_NAMES, type Actor, type Grant } from '../roles.js';

const actor = (grants: Grant[], personId: string | null = 'me'): Actor => ({
  userId: 'x',
  unitId: 'u1',
  username: 'x',
  displayName: 'x',
  personId,
  grants,
});
const unitWide = (role: Grant['role']): Grant => ({ role, scopeType: 'unit', scopeId: null });
const person = { id: 'p1', unitId: 'u1', departmentId: 'd1' };

describe('absence reasons', () => {
  it('are read by the person, the office, the administrator, the head of the person’s department and the discipline staff', () => {
    expect(maySeeAbsenceReason(actor([unitWide('member')], 'p1'), person)).toBe(true);
    expect(maySeeAbsenceReason(actor([unitWide('campaign_office')]), person)).toBe(true);
    expect(maySeeAbsenceReason(actor([unitWide('system_admin')]), person)).toBe(true);
    expect(
      maySeeAbsenceReason(actor([{ role: 'department_head', scopeType: 'department', scopeId: 'd1' }]), person),
    ).toBe(true);
    expect(maySeeAbsenceReason(actor([unitWide('discipline')]), person)).toBe(true);
  });

  it('are not read by colleagues, other departments’ heads, the leadership or the branch', () => {
    for (const g of [
      unitWide('member'),
      { role: 'department_head' as const, scopeType: 'department' as const, scopeId: 'd2' },
      unitWide('party_secretary'),
      unitWide('leadership_member'),
      unitWide('branch_secretary'),
    ]) {
      expect(maySeeAbsenceReason(actor([g]), person), g.role).toBe(false);
    }
  });

  it('are never read in another unit, whatever the roles', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLE_NAMES]), (roles) => {
        const other = { ...actor(roles.map(unitWide), 'p1'), unitId: 'u2' };
        expect(maySeeAbsenceReason(other, person)).toBe(false);
      }),
    );
  });

  it('follow who may record the absence: whoever approves records, and the person records their own', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLE_NAMES]), fc.boolean(), (roles, self) => {
        const a = actor(roles.map(unitWide), self ? 'p1' : 'me');
        if (mayApproveAbsenceOf(a, person)) expect(mayRecordAbsenceOf(a, person)).toBe(true);
        if (mayRecordAbsenceOf(a, person)) expect(maySeeAbsenceReason(a, person)).toBe(true);
        expect(mayRecordAbsenceOf(a, person)).toBe(self || mayApproveAbsenceOf(a, person));
      }),
    );
  });
});
