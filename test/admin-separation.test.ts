import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { AppError } from '../src/server/errors.js';
import { usersRepo } from '../src/server/modules/users/users.repo.js';
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
  return (await security.get(`/api/users?q=${username}`))
    .json()
    .items.find((u: { username: string }) => u.username === username);
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
    expect(
      log.items.some(
        (e: { entityType: string; action: string }) => e.entityType === 'department' && e.action === 'create',
      ),
    ).toBe(true);
    expect((await auditor.get('/api/users')).statusCode).toBe(403);
    expect((await auditor.post('/api/departments', { name: '再设科', sortOrder: 9 })).statusCode).toBe(403);
  });

  it('lets no security administrator grant or revoke its own roles', async () => {
    const security = await signIn(ctx, unit.user('security'));
    const me = (await security.get('/api/auth/me')).json();
    expect((await security.post(`/api/users/${me.user.id}/grants`, { role: 'campaign_office' })).json().message).toBe(
      '不能给自己授予角色',
    );
    expect(
      (await security.post(`/api/users/${me.user.id}/grants/${me.grants[0].id}/revoke`, { reason: '测试撤销' })).json()
        .message,
    ).toBe(BY_OPERATOR);
  });
});

const BY_OPERATOR = '管理员角色只能由运维人员在服务器上用 zuofeng admin 命令授予或撤销';
const RESET_BY_OPERATOR = '管理员账号的密码和两步验证只能由运维人员在服务器上用 zuofeng admin reset 命令重置';
const refusal = (res: { statusCode: number; json: () => { message: string } }) => [res.statusCode, res.json().message];

describe('administrators are made and reset on the server only', () => {
  it('refuses every administrator role through the API, so that no puppet administrator can be made', async () => {
    const security = await signIn(ctx, unit.user('security'));
    // The attack: a new account, an administrator role for it, its password known to the one who made it.
    const puppet = (
      await security.post('/api/users', {
        username: `${unit.prefix}puppet`.replace(/_/g, '-'),
        displayName: '傀儡',
        password: 'Kx7-pTq2mZr',
      })
    ).json().id;
    for (const role of ['audit_admin', 'system_admin', 'security_admin']) {
      expect(refusal(await security.post(`/api/users/${puppet}/grants`, { role })), role).toEqual([403, BY_OPERATOR]);
    }
    const member = await idOf(unit.user('member1'));
    expect(refusal(await security.post(`/api/users/${member.id}/grants`, { role: 'audit_admin' }))).toEqual([
      403,
      BY_OPERATOR,
    ]);
    expect(await adminGrants(puppet)).toEqual([]);
    expect(await adminGrants(member.id)).toEqual([]);
    // Business roles are still the security administrator's to give, administrators' accounts included.
    const auditor = await idOf(unit.user('auditor'));
    expect((await security.post(`/api/users/${auditor.id}/grants`, { role: 'member' })).statusCode).toBe(200);
  });

  it('refuses to revoke an administrator role through the API', async () => {
    const security = await signIn(ctx, unit.user('security'));
    const auditor = await idOf(unit.user('auditor'));
    const grant = auditor.grants.find((g: { role: string }) => g.role === 'audit_admin');
    expect(
      refusal(await security.post(`/api/users/${auditor.id}/grants/${grant.id}/revoke`, { reason: '换人' })),
    ).toEqual([403, BY_OPERATOR]);
    expect(await adminGrants(auditor.id)).toEqual(['audit_admin']);
  });

  it("refuses to reset another administrator's password or second factor, so that none can be taken over", async () => {
    const security = await signIn(ctx, unit.user('security'));
    for (const login of ['admin', 'auditor']) {
      const target = await idOf(unit.user(login));
      expect(
        refusal(await security.post(`/api/users/${target.id}/reset-password`, { password: 'Takeover#2026' })),
        login,
      ).toEqual([403, RESET_BY_OPERATOR]);
      expect(refusal(await security.post(`/api/users/${target.id}/reset-totp`, { reason: '手机丢失' })), login).toEqual(
        [403, RESET_BY_OPERATOR],
      );
      await signIn(ctx, unit.user(login)); // the printed password still opens the account: nothing was reset
    }
    // A user without an administrator role is still reset by the security administrator.
    const member = await idOf(unit.user('member2'));
    expect(
      (await security.post(`/api/users/${member.id}/reset-password`, { password: 'Temp#2026abc' })).statusCode,
    ).toBe(200);
  });
});

describe('one administrator role per account, held by the database', () => {
  /** What a grant does, twice at the same moment: the insert, then the rest of its transaction (the audit event). */
  const grantAtOnce = (userId: string, role: 'system_admin' | 'audit_admin') =>
    ctx.database.db.transaction(async (tx) => {
      await usersRepo.insertGrant(tx, {
        unitId: unit.unit.id,
        userId,
        role,
        scopeType: 'unit',
        createdAt: ctx.clock.now(),
      });
      await new Promise((r) => setTimeout(r, 100));
    });

  it('lets exactly one of two concurrent administrator grants through, and refuses the other with 三员分立', async () => {
    const member = (await idOf(unit.user('member3'))).id;
    const results = await Promise.allSettled([grantAtOnce(member, 'system_admin'), grantAtOnce(member, 'audit_admin')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected')!.reason;
    expect(refused).toBeInstanceOf(AppError);
    expect([refused.status, refused.message]).toEqual([
      400,
      expect.stringMatching(
        /^三员分立：该账号已担任另一种管理员角色，不能再担任(系统|审计)管理员（系统管理员、安全管理员、审计管理员须由不同账号担任）$/,
      ),
    ]);
    expect(await adminGrants(member)).toHaveLength(1);
    // A revoked administrator grant no longer counts; business roles never do.
    await ctx.database.db.execute(
      sql`update role_grants set revoked_at = now() where user_id = ${member} and role in ('system_admin', 'audit_admin')`,
    );
    await grantAtOnce(member, 'audit_admin');
    await usersRepo.insertGrant(ctx.database.db, {
      unitId: unit.unit.id,
      userId: member,
      role: 'campaign_office',
      scopeType: 'unit',
      createdAt: ctx.clock.now(),
    });
    expect(await adminGrants(member)).toEqual(['audit_admin']);
  });
});

async function adminGrants(userId: string) {
  const rows = rowsOf<{ role: string }>(
    await ctx.database.db.execute(
      sql`select role from role_grants where user_id = ${userId} and revoked_at is null and role in ('system_admin', 'security_admin', 'audit_admin')`,
    ),
  );
  return rows.map((r) => r.role);
}

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
