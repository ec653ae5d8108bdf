import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createPglite } from '../src/server/db/pglite.js';
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openPglite, rowsOf } from '../src/server/db/client.js';
import { CRYPTO_MODE } from '../src/server/crypto/suite.js';
import { seedDemoUnit } from '../src/server/demo/seed-demo.js';
import { dummyHashFor } from '../src/server/modules/auth/login.service.js';
import { hashKindOf, hashPassword, needsRehash } from '../src/server/modules/auth/passwords.js';
import { createUnitWithAccounts } from '../src/server/modules/units/unit-setup.service.js';
import { Client, newDemoUnit, signIn, TestClock, testApp, type TestContext } from './helpers.js';

/** Accounts under 等保三级: forced password change, one password rule, expiry, the crypto mode of hashes, sessions. */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
});
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
});

const ZERO = '00000000-0000-4000-8000-000000000000';
/** The routes open while the password must change (config.accountSetup), and the public ones. */
const OPEN = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'GET /api/auth/totp',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/enable',
]);
const isPublic = (key: string) =>
  key === 'GET /api/health' ||
  key.startsWith('POST /api/auth/login') ||
  key.includes('/api/public/') ||
  // Signing in through 企业微信 / 钉钉 / 飞书: what the login page offers, and the flow's redirects.
  key === 'GET /api/auth/oauth/providers' ||
  /^GET \/api\/auth\/oauth\/\{vendor\}\/(start|callback)$/.test(key);

function everyRoute(c: TestContext) {
  const doc = c.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path })),
  );
}

async function userId(username: string) {
  return rowsOf<{ id: string }>(
    await ctx.database.db.execute(sql`select id from users where username = ${username}`),
  )[0]!.id;
}

describe('a password set by someone else must be changed first', () => {
  it('refuses every route of the API but the account’s own until it is changed', async () => {
    const security = await signIn(ctx, unit.user('security'));
    const id = await userId(unit.user('member1'));
    expect((await security.post(`/api/users/${id}/reset-password`, { password: 'Temp#2026ab' })).statusCode).toBe(200);
    const user = await new Client(ctx.app).login(unit.user('member1'), 'Temp#2026ab');
    expect((await user.get('/api/auth/me')).json().user).toMatchObject({
      mustChangePassword: true,
      passwordExpired: false,
    });

    const routes = everyRoute(ctx);
    const refused = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      if (OPEN.has(key) || isPublic(key)) continue;
      const url = r.path.replace(/\{[^}]+\}/g, ZERO);
      const res = await user.request(r.method, url, r.method === 'GET' ? undefined : {});
      expect([res.statusCode, res.json().code], key).toEqual([403, 'password_change_required']);
      refused.push(key);
    }
    expect(refused.length).toBeGreaterThan(150);
    expect(refused).toContain('GET /api/people');
    expect(refused).toContain('POST /api/auth/totp/disable');

    expect(
      (await user.post('/api/auth/password', { currentPassword: 'Temp#2026ab', newPassword: 'Mine#2026xyz' }))
        .statusCode,
    ).toBe(200);
    expect((await user.get('/api/workbench')).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });

  it('expires passwords after ZUOFENG_PASSWORD_MAX_AGE_DAYS, except the demo unit’s printed ones', async () => {
    const aged = await testApp({ passwordMaxAgeDays: 90 });
    const code = `t${randomBytes(4).toString('hex')}`;
    const names = ['sys', 'sec', 'aud'].map((n) => `${code}-${n}`);
    await createUnitWithAccounts(
      { db: aged.database.db, clock: aged.clock },
      {
        code,
        name: '某县某局',
        accounts: [
          {
            username: names[0]!,
            displayName: '系统管理员',
            role: 'system_admin',
            password: 'First#2026abc',
            mustChangePassword: false,
          },
          {
            username: names[1]!,
            displayName: '安全管理员',
            role: 'security_admin',
            password: 'Second#2026abc',
            mustChangePassword: false,
          },
          {
            username: names[2]!,
            displayName: '审计管理员',
            role: 'audit_admin',
            password: 'Third#2026abc',
            mustChangePassword: false,
          },
        ],
      },
    );
    const demo = await newDemoUnit(aged);
    aged.clock.advance(91 * 86_400_000);
    const sys = await new Client(aged.app).login(names[0]!, 'First#2026abc');
    expect((await sys.get('/api/auth/me')).json().user).toMatchObject({
      mustChangePassword: true,
      passwordExpired: true,
    });
    expect((await sys.get('/api/org/chart')).json().code).toBe('password_change_required');
    expect(
      (await sys.post('/api/auth/password', { currentPassword: 'First#2026abc', newPassword: 'Fourth#2026abc' }))
        .statusCode,
    ).toBe(200);
    expect((await sys.get('/api/org/chart')).statusCode).toBe(200);
    const member = await new Client(aged.app).login(demo.user('member1'));
    expect((await member.get('/api/workbench')).statusCode).toBe(200);
  });
});

describe('one password rule everywhere', () => {
  it('holds for the security administrator’s create and reset, and for one’s own change', async () => {
    const security = await signIn(ctx, unit.user('security'));
    const username = `${unit.prefix}newuser`.replace(/_/g, '-');
    const create = async (password: string) =>
      security.post('/api/users', { username, displayName: '新用户', password });
    expect((await create('12345678')).json()).toMatchObject({
      code: 'weak_password',
      message: expect.stringContaining('长度不足10位'),
    });
    expect((await create('        ')).statusCode).toBe(400);
    expect((await create('Aa123456789')).json().message).toContain('是常见密码');
    expect((await create(`X#1${username}`)).json().message).toContain('不能包含用户名');
    expect((await create('Kx7-pTq2mZr')).statusCode).toBe(200);
    const id = await userId(username);
    expect(
      (await security.post(`/api/users/${id}/reset-password`, { password: 'woaini1314' })).json().message,
    ).toContain('是常见密码');
    const me = await signIn(ctx, unit.user('member2'));
    expect(
      (
        await me.post('/api/auth/password', { currentPassword: 'demo1234', newPassword: `${unit.user('member2')}#A1` })
      ).json().message,
    ).toContain('不能包含用户名');
  });
});

describe('password hashes follow the crypto mode', () => {
  it(`replaces a hash of the other mode at the next login (this run: ${CRYPTO_MODE})`, async () => {
    const who = unit.user('member3');
    const other = await hashPassword('demo1234', CRYPTO_MODE === 'gm' ? 'default' : 'gm');
    await ctx.database.db.execute(sql`update users set password_hash = ${other} where username = ${who}`);
    await signIn(ctx, who);
    const [row] = rowsOf<{ password_hash: string }>(
      await ctx.database.db.execute(sql`select password_hash from users where username = ${who}`),
    );
    expect(row!.password_hash).not.toBe(other);
    expect(needsRehash(row!.password_hash, CRYPTO_MODE)).toBe(false);
    await signIn(ctx, who);
  });
});

describe('the dummy hash of unknown names (timing)', () => {
  it('follows the mix of stored hashes after a switch of ZUOFENG_CRYPTO, name by name, and keeps each name on one kind', async () => {
    // A database of its own, so that the mix is what this test makes it.
    const own = openPglite(await createPglite({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) }));
    const deps = { db: own.db, clock: new TestClock(), config: ctx.config };
    try {
      await seedDemoUnit(deps, 'mix_');
      const kinds = async (names: string[]) =>
        Promise.all(names.map(async (n) => hashKindOf(await dummyHashFor(deps, n))));
      const names = Array.from({ length: 400 }, (_, i) => `nobody${i}`);
      const share = async () => (await kinds(names)).filter((k) => k === 'pbkdf2-sm3').length / names.length;

      // Every account still argon2id (国密 just switched on, nobody signed in yet): unknown names cost an argon2id check too.
      await own.db.execute(sql`update users set password_hash = ${await hashPassword('demo1234', 'default')}`);
      expect(await share()).toBe(0);
      // Half of the accounts rehashed to PBKDF2-SM3 by their logins: about half of the unknown names follow, read anew every 10 minutes.
      const sm3 = await hashPassword('demo1234', 'gm');
      await own.db.execute(
        sql`update users set password_hash = ${sm3} where id in (select id from users order by id limit (select count(*) / 2 from users))`,
      );
      expect(await share()).toBe(0);
      deps.clock.advance(10 * 60_000 + 1);
      const before = await kinds(names);
      expect(Math.abs((await share()) - 0.5)).toBeLessThan(0.1);
      expect(await kinds(names)).toEqual(before);
      // Everyone rehashed: every unknown name costs a PBKDF2-SM3 check, like every account.
      await own.db.execute(sql`update users set password_hash = ${sm3}`);
      deps.clock.advance(10 * 60_000 + 1);
      expect(await share()).toBe(1);
      // A locked account is checked against a dummy of its own kind, so that the lock does not change its timing.
      expect(
        hashKindOf(await dummyHashFor(deps, 'whoever', { passwordHash: await hashPassword('x', 'default') })),
      ).toBe('argon2id');
    } finally {
      await own.close();
    }
  });
});

describe('my sessions', () => {
  const CHROME_WIN =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
  const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
  async function signInWith(username: string, ua: string) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'demo1234' },
      headers: { 'user-agent': ua },
    });
    const c = new Client(ctx.app);
    c.cookie = res.cookies.find((x) => x.name === 'zf_session')!.value;
    c.csrf = (await c.get('/api/auth/me')).json().csrfToken;
    return c;
  }

  it('lists where I am signed in, revokes one, then all others', async () => {
    const who = unit.user('member4');
    const office = await signInWith(who, CHROME_WIN);
    const home = await signInWith(who, FIREFOX_LINUX);
    const third = await signInWith(who, FIREFOX_LINUX);
    const list = (await office.get('/api/auth/sessions')).json();
    expect(list.map((s: { device: string; current: boolean }) => [s.device, s.current]).sort()).toEqual([
      ['Chrome · Windows', true],
      ['Firefox · Linux', false],
      ['Firefox · Linux', false],
    ]);
    const mine = list.find((s: { current: boolean }) => s.current);
    expect((await office.post(`/api/auth/sessions/${mine.id}/revoke`)).json().message).toBe(
      '这是当前正在使用的登录，请使用“退出登录”',
    );
    const homeId = (await home.get('/api/auth/sessions')).json().find((s: { current: boolean }) => s.current).id;
    expect((await office.post(`/api/auth/sessions/${homeId}/revoke`)).statusCode).toBe(200);
    expect((await home.get('/api/auth/me')).statusCode).toBe(401);
    expect((await office.post(`/api/auth/sessions/${homeId}/revoke`)).statusCode).toBe(404);
    expect((await office.post('/api/auth/sessions/revoke-others')).json()).toEqual({ revoked: 1 });
    expect((await third.get('/api/auth/me')).statusCode).toBe(401);
    expect((await office.get('/api/auth/me')).statusCode).toBe(200);
    const events = (await office.get(`/api/audit/events?entityType=user&entityId=${await userId(who)}`)).json().items;
    expect(events.filter((e: { action: string }) => e.action === 'revoke_session')).toHaveLength(2);
  });

  it("cannot touch another user's session", async () => {
    const victim = await signInWith(unit.user('member5'), CHROME_WIN);
    const victimSession = (await victim.get('/api/auth/sessions')).json()[0].id;
    const other = await signIn(ctx, unit.user('member6'));
    expect((await other.post(`/api/auth/sessions/${victimSession}/revoke`)).statusCode).toBe(404);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('updates the last activity at most every five minutes, and stores no client address', async () => {
    const who = unit.user('member7');
    const c = await signInWith(who, CHROME_WIN);
    const signedInAt = ctx.clock.now().toISOString();
    const last = async () => (await c.get('/api/auth/sessions')).json()[0].lastActiveAt;
    ctx.clock.advance(60_000);
    expect(await last()).toBe(signedInAt);
    ctx.clock.advance(5 * 60_000);
    const touched = ctx.clock.now().toISOString();
    expect(await last()).toBe(touched);
    ctx.clock.advance(2 * 60_000);
    expect(await last()).toBe(touched);
    const stored = rowsOf<{ row: string }>(
      await ctx.database.db.execute(sql`
      select row_to_json(s)::text as row from sessions s join users u on u.id = s.user_id where u.username = ${who}
      union all select row_to_json(d)::text from known_devices d join users u on u.id = d.user_id where u.username = ${who}`),
    );
    expect(stored.length).toBe(2);
    for (const { row } of stored) expect(row).not.toContain('127.0.0.1');
  });
});
