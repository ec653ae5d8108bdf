import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADMIN_ROLES, canReadUnit, canWritePerson, hasPermission, holdsAdminRole, permissionsOf, ROLE_NAMES, separationConflict, type Actor, type Grant, type Role } from './roles.js';

const actor = (grants: Grant[], unitId = 'u1'): Actor => ({ userId: 'x', unitId, username: 'x', displayName: 'x', personId: null, grants });

describe('permissions', () => {
  it('every signed-in user has self and nothing else without grants', () => {
    expect([...permissionsOf(actor([]))]).toEqual(['self']);
  });
  const only = (role: Role) => actor([{ role, scopeType: 'unit', scopeId: null }]);
  it('a member cannot manage users; the security administrator can, the system administrator no longer', () => {
    expect(hasPermission(only('member'), 'users.manage')).toBe(false);
    expect(hasPermission(only('security_admin'), 'users.manage')).toBe(true);
    expect(hasPermission(only('system_admin'), 'users.manage')).toBe(false);
  });
  it('only the audit administrator reads the unit-wide audit log; settings stay with the system administrator', () => {
    expect(ROLE_NAMES.filter((r) => hasPermission(only(r), 'audit.read'))).toEqual(['audit_admin']);
    expect(ROLE_NAMES.filter((r) => hasPermission(only(r), 'users.manage'))).toEqual(['security_admin']);
    for (const p of ['units.manage', 'calendar.import', 'channels.manage', 'org.write'] as const) expect(hasPermission(only('system_admin'), p)).toBe(true);
    for (const r of ['security_admin', 'audit_admin'] as const) expect(hasPermission(only(r), 'org.write')).toBe(false);
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

describe('三员分立', () => {
  it('refuses a second administrator role, naming both', () => {
    expect(separationConflict(['system_admin', 'member'], 'security_admin')).toBe('三员分立：该账号已是系统管理员，不能再担任安全管理员（系统管理员、安全管理员、审计管理员须由不同账号担任）');
    expect(separationConflict(['audit_admin'], 'system_admin')).toContain('已是审计管理员');
  });
  it('allows any non-administrator role, and the same administrator role again (a duplicate is a different error)', () => {
    expect(separationConflict(['system_admin'], 'campaign_office')).toBeNull();
    expect(separationConflict(['member'], 'audit_admin')).toBeNull();
    expect(separationConflict(['security_admin'], 'security_admin')).toBeNull();
  });
  it('keeps every account to at most one administrator role, whatever the order of grants', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...ROLE_NAMES), { maxLength: 12 }), (wanted) => {
      const held: Role[] = [];
      for (const r of wanted) if (!separationConflict(held, r)) held.push(r);
      return new Set(held.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r))).size <= 1;
    }));
  });
  it('knows who is an administrator', () => {
    expect(holdsAdminRole(actor([{ role: 'audit_admin', scopeType: 'unit', scopeId: null }]))).toBe(true);
    expect(holdsAdminRole(actor([{ role: 'campaign_office', scopeType: 'unit', scopeId: null }]))).toBe(false);
  });
});
