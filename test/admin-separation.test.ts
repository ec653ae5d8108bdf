import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

/** 三员分立 (等保三级): settings, accounts and the audit log each in the hands of a different account. */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
});
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
});

const idOf = async (username: string) => {
  const security = await signIn(ctx, unit.user('security'));
  return (await security.get(`/api/users?q=${username}`)).json().items.find((u: { username: string }) => u.username === username);
};

describe('the three administrators', () => {
  it('gives settings to the system administrator, accounts to the security administrator, the log to the audit administrator', async () => {
    const admin = await signIn(ctx, unit.user('admin'));
    const security = await signIn(ctx, unit.user('security'));
    const auditor = await signIn(ctx, unit.user('auditor'));
    expect((await admin.get('/api/users')).statusCode).toBe(403);
    expect((await admin.get('/api/audit/events')).statusCode).toBe(403);
    expect((await admin.get('/api/audit/verify')).statusCode).toBe(403);
    expect((await admin.post('/api/departments', { name: '新设科', sortOrder: 9 })).statusCode).toBe(200);

    expect((await security.get('/api/users')).statusCode).toBe(200);
    expect((await security.get('/api/audit/events')).statusCode).toBe(403);
    expect((await security.post('/api/departments', { name: '另设科', sortOrder: 9 })).statusCode).toBe(403);

    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, firstBreak: null });
    const log = (await auditor.get('/api/audit/events?pageSize=100')).json();
    expect(log.items.some((e: { entityType: string; action: string }) => e.entityType === 'department' && e.action === 'create')).toBe(true);
    expect((await auditor.get('/api/users')).statusCode).toBe(403);
    expect((await auditor.post('/api/departments', { name: '再设科', sortOrder: 9 })).statusCode).toBe(403);
  });

  it('refuses a second administrator role on one account, with the reason', async () => {
    const security = await signIn(ctx, unit.user('security'));
    const auditor = await idOf(unit.user('auditor'));
    const res = await security.post(`/api/users/${auditor.id}/grants`, { role: 'system_admin' });
    expect([res.statusCode, res.json().message]).toEqual([400, '三员分立：该账号已是审计管理员，不能再担任系统管理员（系统管理员、安全管理员、审计管理员须由不同账号担任）']);
    const member = await idOf(unit.user('member1'));
    expect((await security.post(`/api/users/${member.id}/grants`, { role: 'audit_admin' })).statusCode).toBe(200);
    expect((await security.post(`/api/users/${member.id}/grants`, { role: 'security_admin' })).json().message).toContain('已是审计管理员');
    // Business roles may sit beside an administrator role.
    expect((await security.post(`/api/users/${auditor.id}/grants`, { role: 'member' })).statusCode).toBe(200);
  });

  it('lets no security administrator grant or revoke its own roles', async () => {
    const security = await signIn(ctx, unit.user('security'));
    const me = (await security.get('/api/auth/me')).json();
    expect((await security.post(`/api/users/${me.user.id}/grants`, { role: 'campaign_office' })).json().message).toBe('不能给自己授予角色');
    expect((await security.post(`/api/users/${me.user.id}/grants/${me.grants[0].id}/revoke`, { reason: '测试撤销' })).json().message).toBe('不能撤销自己的角色');
  });
});

describe('reading history without the audit log', () => {
  it('keeps the history of one object open to the office, and the unit-wide log closed', async () => {
    const office = await signIn(ctx, unit.user('office'));
    const person = (await office.get('/api/people?pageSize=1')).json().items[0];
    expect((await office.get(`/api/audit/events?entityType=person&entityId=${person.id}`)).statusCode).toBe(200);
    expect((await office.get('/api/audit/events')).statusCode).toBe(403);
    expect((await office.get('/api/audit/events?entityType=person')).statusCode).toBe(403);
    expect((await office.get('/api/audit/verify')).statusCode).toBe(403);
    const security = await signIn(ctx, unit.user('security'));
    expect((await security.get(`/api/audit/events?entityType=person&entityId=${person.id}`)).statusCode).toBe(403);
  });
});
