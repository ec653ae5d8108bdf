import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ADMIN_ROLES,
  canReadUnit,
  hasPermission,
  holdsAdminRole,
  permissionsOf,
  ROLE_NAMES,
  separationMessage,
  type Actor,
  type Grant,
  type Role,
} from './roles.js';
import { canSeePhone, canWritePerson, phoneSearchScope } from './policies/person.js';

const actor = (grants: Grant[], unitId = 'u1'): Actor => ({
  userId: 'x',
  unitId,
  username: 'x',
  displayName: 'x',
  personId: null,
  grants,
});

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
    for (const p of ['units.manage', 'calendar.import', 'channels.manage', 'org.write'] as const)
      expect(hasPermission(only('system_admin'), p)).toBe(true);
    for (const r of ['security_admin', 'audit_admin'] as const) expect(hasPermission(only(r), 'org.write')).toBe(false);
  });
  it('only the system administrator and the campaign office export the roster (mobile numbers are personal data)', () => {
    const exporters = ROLE_NAMES.filter((role) =>
      hasPermission(actor([{ role, scopeType: 'unit', scopeId: null }]), 'people.export'),
    );
    expect(exporters.sort()).toEqual(['campaign_office', 'system_admin']);
  });
  it('permissions only grow when grants are added', () => {
    const arbGrant = fc.record({
      role: fc.constantFrom(...ROLE_NAMES),
      scopeType: fc.constant('unit' as const),
      scopeId: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(arbGrant), arbGrant, (grants, extra) => {
        const before = permissionsOf(actor(grants));
        const after = permissionsOf(actor([...grants, extra]));
        for (const p of before) expect(after.has(p)).toBe(true);
      }),
    );
  });
});

const ROLES_LABEL = { system_admin: '系统管理员', security_admin: '安全管理员', audit_admin: '审计管理员' } as const;

describe('mobile numbers (personal data)', () => {
  const person = (id: string, departmentId: string | null, unitId = 'u1') => ({ id, unitId, departmentId });
  const head = actor([
    { role: 'department_head', scopeType: 'department', scopeId: 'd1' },
    { role: 'member', scopeType: 'unit', scopeId: null },
  ]);
  const member = { ...actor([{ role: 'member', scopeType: 'unit', scopeId: null }]), personId: 'me' };
  const office = actor([{ role: 'campaign_office', scopeType: 'unit', scopeId: null }]);
  const secretary = actor([
    { role: 'party_secretary', scopeType: 'unit', scopeId: null },
    { role: 'discipline', scopeType: 'unit', scopeId: null },
  ]);
  it('are seen by the person, by whoever may change the person, and by the roster exporters only', () => {
    expect([canSeePhone(member, person('me', 'd2')), canSeePhone(member, person('p2', 'd2'))]).toEqual([true, false]);
    expect([canSeePhone(head, person('p1', 'd1')), canSeePhone(head, person('p2', 'd2'))]).toEqual([true, false]);
    expect(canSeePhone(office, person('p2', 'd2'))).toBe(true);
    expect(canSeePhone(secretary, person('p2', 'd2'))).toBe(false);
    const overseer = actor([{ role: 'system_admin', scopeType: 'unit', scopeId: null }], 'root');
    expect(canSeePhone(overseer, person('p3', 'd9', 'child'))).toBe(true);
  });
  it('are searched only where they are seen', () => {
    expect([
      phoneSearchScope(office, 'u1'),
      phoneSearchScope(head, 'u1'),
      phoneSearchScope(member, 'u1'),
      phoneSearchScope(secretary, 'u1'),
    ]).toEqual(['all', ['d1'], [], []]);
    expect(phoneSearchScope(head, 'u2')).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ROLE_NAMES), { maxLength: 4 }),
        fc.constantFrom('d1', 'd2', null),
        (roles, dept) => {
          const a = actor(roles.map((role) => ({ role, scopeType: 'unit' as const, scopeId: null })));
          const scope = phoneSearchScope(a, 'u1');
          const searchable = scope === 'all' || (dept !== null && scope.includes(dept));
          return !searchable || canSeePhone(a, person('p', dept));
        },
      ),
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
  it('refuses a second administrator role with the rule in words', () => {
    expect(separationMessage('security_admin')).toBe(
      '三员分立：该账号已担任另一种管理员角色，不能再担任安全管理员（系统管理员、安全管理员、审计管理员须由不同账号担任）',
    );
    expect(ADMIN_ROLES.map((r) => separationMessage(r).includes(`不能再担任${ROLES_LABEL[r]}`))).toEqual([
      true,
      true,
      true,
    ]);
  });
  it('knows who is an administrator', () => {
    expect(holdsAdminRole(actor([{ role: 'audit_admin', scopeType: 'unit', scopeId: null }]))).toBe(true);
    expect(holdsAdminRole(actor([{ role: 'campaign_office', scopeType: 'unit', scopeId: null }]))).toBe(false);
  });
});
