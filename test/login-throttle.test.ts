import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/server/config.js';
import { rowsOf } from '../src/server/db/client.js';
import { throttleKeyOf } from '../src/server/modules/auth/login.service.js';
import { newDemoUnit, testApp, type TestContext } from './helpers.js';

/**
 * Login throttling as an attacker meets it: concurrent guesses, forged proxy headers, unknown
 * names, and a stranger trying to lock the owner out.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
});
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
});

interface Try {
  device?: string;
  ip?: string;
  forwardedFor?: string;
}
const attempt = (c: TestContext, username: string, password: string, t: Try = {}) =>
  c.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    cookies: t.device ? { zf_device: t.device } : {},
    ...(t.ip ? { remoteAddress: t.ip } : {}),
    headers: t.forwardedFor ? { 'x-forwarded-for': t.forwardedFor } : {},
  });
const deviceOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'zf_device')?.value;
const answer = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  code: res.json().code,
  message: res.json().message,
});

async function throttleRow(username: string) {
  const key = throttleKeyOf(ctx, username);
  return rowsOf<{ failures: number; locks: number; locked: boolean }>(
    await ctx.database.db.execute(
      sql`select failures, locks, coalesce(locked_until > ${ctx.clock.now().toISOString()}::timestamptz, false) as locked from login_throttle where key = ${key}`,
    ),
  )[0];
}

describe('the failure count and the lock', () => {
  it('counts 19 wrong passwords sent at once one by one: 4 checked and refused, then locked', async () => {
    const who = unit.user('member1');
    const answers = await Promise.all(Array.from({ length: 19 }, (_, i) => attempt(ctx, who, `wrong-${i}`)));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(15).fill(423)]);
    expect(await throttleRow(who)).toEqual({ failures: 5, locks: 1, locked: true });
    // Even the right password from a stranger's browser waits for the lock to end.
    expect((await attempt(ctx, who, 'demo1234')).statusCode).toBe(423);
  });

  it('locks again for twice as long each time, and forgets after a quiet day', async () => {
    const who = unit.user('member2');
    const fail5 = async () => {
      let last!: LightMyRequestResponse;
      for (let i = 0; i < 5; i++) last = await attempt(ctx, who, 'wrong');
      return last.json().message as string;
    };
    expect(await fail5()).toContain('请15分钟后再试');
    ctx.clock.advance(15 * 60_000 + 1000);
    expect(await fail5()).toContain('请30分钟后再试');
    ctx.clock.advance(30 * 60_000 + 1000);
    expect(await fail5()).toContain('请60分钟后再试');
    ctx.clock.advance(25 * 3_600_000);
    expect(await fail5()).toContain('请15分钟后再试');
    ctx.clock.advance(15 * 60_000 + 1000);
    expect((await attempt(ctx, who, 'demo1234')).statusCode).toBe(200);
    expect(await throttleRow(who)).toEqual({ failures: 0, locks: 0, locked: false });
  });
});

describe('strangers and the owner', () => {
  it('answers an unknown name exactly like a real one, and 50 failures lock the name for strangers only', async () => {
    const real = unit.user('member3');
    const unknown = `${unit.prefix}nobody`;
    const owner = await attempt(ctx, real, 'demo1234');
    expect(owner.statusCode).toBe(200);
    const device = deviceOf(owner)!;
    expect(owner.cookies.find((c) => c.name === 'zf_device')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/auth',
    });

    const onReal = [];
    const onUnknown = [];
    for (let i = 0; i < 50; i++) {
      onReal.push(answer(await attempt(ctx, real, `guess-${i}`)));
      onUnknown.push(answer(await attempt(ctx, unknown, `guess-${i}`)));
    }
    expect(onReal).toEqual(onUnknown);
    expect(onReal.slice(0, 4).every((a) => a.status === 401 && a.message === '用户名或密码不正确')).toBe(true);
    expect(onReal.slice(4).every((a) => a.status === 423 && a.code === 'account_locked')).toBe(true);
    expect(answer(await attempt(ctx, real, 'demo1234'))).toEqual(answer(await attempt(ctx, unknown, 'demo1234')));

    // The owner's browser still signs in with the right password, and the lock stays for strangers.
    const back = await attempt(ctx, real, 'demo1234', { device });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ signedIn: true, totpRequired: false, challenge: null });
    expect((await attempt(ctx, real, 'demo1234')).statusCode).toBe(423);
    // Another user's device cookie is no pass for this name.
    const other = deviceOf(await attempt(ctx, unit.user('member4'), 'demo1234'))!;
    expect((await attempt(ctx, real, 'demo1234', { device: other })).statusCode).toBe(423);
  });

  it('gives a known device a budget of its own: spent, it no longer passes the lock', async () => {
    const who = unit.user('member5');
    const device = deviceOf(await attempt(ctx, who, 'demo1234'))!;
    for (let i = 0; i < 5; i++) await attempt(ctx, who, 'wrong');
    const onDevice = [];
    for (let i = 0; i < 5; i++) onDevice.push((await attempt(ctx, who, 'wrong', { device })).statusCode);
    expect(onDevice).toEqual([401, 401, 401, 401, 401]);
    expect((await attempt(ctx, who, 'demo1234', { device })).statusCode).toBe(423);
  });

  it('restores the budget of a device when its owner signs in on it', async () => {
    const who = unit.user('member6');
    const device = deviceOf(await attempt(ctx, who, 'demo1234'))!;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await attempt(ctx, who, 'wrong', { device })).statusCode).toBe(401);
      expect((await attempt(ctx, who, 'demo1234', { device })).statusCode).toBe(200);
    }
  });
});

describe('password checks inside a session', () => {
  /** A signed-in browser: its session and, like the owner's, its known-device cookie (sent to /api/auth only). */
  async function browser(username: string) {
    const res = await attempt(ctx, username, 'demo1234');
    const session = res.cookies.find((c) => c.name === 'zf_session')!.value;
    const device = deviceOf(res)!;
    const csrf = (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { zf_session: session } })).json()
      .csrfToken;
    const changePassword = (currentPassword: string, withDevice = true) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'Neues#2026abc' },
        cookies: { zf_session: session, ...(withDevice ? { zf_device: device } : {}) },
        headers: { 'x-csrf-token': csrf },
      });
    return { changePassword };
  }

  it('counts 19 wrong current passwords sent at once from a stolen session like 19 logins: 4 checked, then locked', async () => {
    const who = unit.user('member7');
    const stolen = await browser(who);
    const answers = await Promise.all(Array.from({ length: 19 }, (_, i) => stolen.changePassword(`guess-${i}`, false)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([...Array(4).fill(400), ...Array(15).fill(423)]);
    expect(answers.find((r) => r.statusCode === 400)!.json().code).toBe('wrong_password');
    expect(answers.find((r) => r.statusCode === 423)!.json().message).toContain('该账号已临时锁定');
    expect(await throttleRow(who)).toEqual({ failures: 5, locks: 1, locked: true });
    // Even the right password waits for the lock now, in the session as at the login.
    expect((await stolen.changePassword('demo1234', false)).statusCode).toBe(423);
    expect((await attempt(ctx, who, 'demo1234')).statusCode).toBe(423);
    const locks = rowsOf<{ n: number }>(
      await ctx.database.db.execute(
        sql`select count(*)::int as n from audit_events e join users u on u.id::text = e.entity_id where u.username = ${who} and e.action = 'lock'`,
      ),
    );
    expect(locks[0]!.n).toBe(1);
  });

  it("lets the owner's own browser change the password while strangers have locked the name", async () => {
    const who = unit.user('member8');
    const owner = await browser(who);
    for (let i = 0; i < 5; i++) await attempt(ctx, who, 'wrong');
    expect((await throttleRow(who))!.locked).toBe(true);
    expect((await owner.changePassword('wrong-once')).json().code).toBe('wrong_password');
    expect((await owner.changePassword('demo1234')).statusCode).toBe(200);
    expect((await attempt(ctx, who, 'Neues#2026abc')).statusCode).toBe(423);
  });

  it('forgets the failures on the name when the right password is given in the session', async () => {
    const who = unit.user('member9');
    const owner = await browser(who);
    for (let i = 0; i < 3; i++) expect((await owner.changePassword(`wrong-${i}`, false)).statusCode).toBe(400);
    expect((await throttleRow(who))!.failures).toBe(3);
    expect((await owner.changePassword('demo1234', false)).statusCode).toBe(200);
    expect(await throttleRow(who)).toMatchObject({ failures: 0, locked: false });
  });
});

describe('the address limit behind a proxy', () => {
  it('reads ZUOFENG_TRUST_PROXY as a list of proxies; the old value 1 means this machine only', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(configFromEnv({ ZUOFENG_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(configFromEnv({ ZUOFENG_TRUST_PROXY: '1' }).trustProxy).toEqual(['loopback']);
    expect(configFromEnv({ ZUOFENG_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(() => configFromEnv({ ZUOFENG_TRUST_PROXY: 'true' })).toThrow(/不是地址或网段/);
    expect(() => configFromEnv({ ZUOFENG_TRUST_PROXY: '10.0.0.0/40' })).toThrow(/不是地址或网段/);
  });

  it('does not let a forged X-Forwarded-For from an untrusted peer change the address that is limited', async () => {
    const proxied = await testApp({ trustProxy: ['10.0.0.1'], loginLimitPerMinute: 3 });
    // Names of their own, so that the per-name lock (tested above) stays out of the way.
    const x = () => `${unit.prefix}x${Math.random()}`;
    const forged = [];
    for (let i = 0; i < 5; i++)
      forged.push(
        (await attempt(proxied, x(), 'y', { ip: '203.0.113.9', forwardedFor: `198.51.100.${i}` })).statusCode,
      );
    expect(forged).toEqual([401, 401, 401, 429, 429]);
    // Through the trusted proxy, each client has its own budget.
    const viaProxy = [];
    for (let i = 0; i < 4; i++)
      viaProxy.push((await attempt(proxied, x(), 'y', { ip: '10.0.0.1', forwardedFor: '198.51.100.77' })).statusCode);
    expect(viaProxy).toEqual([401, 401, 401, 429]);
    expect((await attempt(proxied, x(), 'y', { ip: '10.0.0.1', forwardedFor: '198.51.100.78' })).statusCode).toBe(401);
  });

  it('with the old setting 1, trusts a proxy on this machine and nobody else', async () => {
    const local = await testApp({
      trustProxy: configFromEnv({ ZUOFENG_TRUST_PROXY: '1' }).trustProxy,
      loginLimitPerMinute: 2,
    });
    const x = () => `${unit.prefix}x${Math.random()}`;
    const remote = [];
    for (let i = 0; i < 3; i++)
      remote.push((await attempt(local, x(), 'y', { ip: '192.0.2.10', forwardedFor: `198.51.100.${i}` })).statusCode);
    expect(remote).toEqual([401, 401, 429]);
    const viaLoopback = [];
    for (let i = 0; i < 3; i++)
      viaLoopback.push(
        (await attempt(local, x(), 'y', { ip: '127.0.0.1', forwardedFor: `198.51.100.${i}` })).statusCode,
      );
    expect(viaLoopback).toEqual([401, 401, 401]);
  });
});
