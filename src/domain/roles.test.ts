import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canReadUnit, canWritePerson, hasPermission, permissionsOf, ROLE_NAMES, type Actor, type Grant } from './roles.js';

const actor = (grants: Grant[], unitId = 'u1'): Actor => ({ userId: 'x', unitId, username: 'x', displayName: 'x', personId: null, grants });

describe('permissions', () => {
  it('every signed-in user has self and nothing else without grants', () => {
    expect([...permissionsOf(actor([]))]).toEqual(['self']);
  });
  it('a member cannot manage users; an admin can', () => {
    expect(hasPermission(actor([{ role: 'member', scopeType: 'unit', scopeId: null }]), 'users.manage')).toBe(false);
    expect(hasPermission(actor([{ role: 'system_admin', scopeType: 'unit', scopeId: null }]), 'users.manage')).toBe(true);
  });
  it('only the system administrator and the campaign office export the roster (mobile numbers are personal data)', () => {
    const exporters = ROLE_NAMES.filter((role) => hasPermission(actor([{ role, scopeType: 'unit', scopeId: null }]), 'people.export'));
    expect(exporters.sort()).toEqual(['campaign_office', 'system_admin']);
  });
  it('permissions only grow when grants are added', () => {
    const arbGrant = fc.record({ role: fc.constantFrom(...ROLE_NAMES), scopeType: fc.constant('unit' as const), scopeId: fc.constant(null) });
    fc.assert(
      fc.property(fc.array(arbGrant), arbGrant, (grants, extra) => {
        const before = permissionsOf(actor(grants));
        const after = permissionsOf(actor([...grants, extra]));
        for (const p of before) expect(after.has(p)).toBe(true);
      }),
    );
  });
});

describe('canWritePerson', () => {
  const head = actor([{ role: 'department_head', scopeType: 'department', scopeId: 'd1' }]);
  it('lets a department head edit the department and not another', () => {
    expect(canWritePerson(head, { unitId: 'u1', departmentId: 'd1' })).toBe(true);
    expect(canWritePerson(head, { unitId: 'u1', departmentId: 'd2' })).toBe(false);
    expect(canWritePerson(head, { unitId: 'u1', departmentId: 'd1' }, { departmentId: 'd2' })).toBe(false);
  });
  it('never lets anyone write a person of another unit', () => {
    const admin = actor([{ role: 'system_admin', scopeType: 'unit', scopeId: null }]);
    expect(canWritePerson(admin, { unitId: 'u2', departmentId: null })).toBe(false);
  });
});

describe('canReadUnit', () => {
  it('reads the own unit, and units below only with oversight', () => {
    const member = actor([{ role: 'member', scopeType: 'unit', scopeId: null }]);
    const oversight = actor([{ role: 'oversight', scopeType: 'unit', scopeId: null }]);
    expect(canReadUnit(member, 'u1', [])).toBe(true);
    expect(canReadUnit(member, 'child', ['u1'])).toBe(false);
    expect(canReadUnit(oversight, 'child', ['u1'])).toBe(true);
    expect(canReadUnit(oversight, 'sibling', ['root'])).toBe(false);
  });
});
