import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
});

// Every test gets its own unit: nothing is shared or truncated between tests.
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
});

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who I am', async () => {
    const res = await login(unit.user('office'), 'demo1234');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zf_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { zf_session: cookie.value } });
    expect(me.json()).toMatchObject({ user: { displayName: '孙丽' }, unit: { name: '示例县民政局', isDemo: true } });
    expect(me.json().permissions).toContain('people.write');
    expect(me.json().permissions).not.toContain('users.manage');
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const https = await testApp({ secureCookies: 'auto', trustProxy: ['127.0.0.1'] });
    const res = await https.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: unit.user('office'), password: 'demo1234' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.cookies.find((c) => c.name === 'zf_session')!.secure).toBe(true);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    // Names of this unit only: the lock of a name outlives the test (and the run, on PostgreSQL).
    const a = await login(`${unit.prefix}nobody-at-all`, 'demo1234');
    const b = await login(unit.user('member1'), 'wrong-password');
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json()).toEqual(b.json());
    expect(a.json().message).toBe('用户名或密码不正确');
  });

  it('locks an account name after 5 failures in a row, for 15 minutes', async () => {
    const who = unit.user('member2');
    for (let i = 0; i < 4; i++) expect((await login(who, 'wrong')).statusCode).toBe(401);
    const fifth = await login(who, 'wrong');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toContain('已临时锁定，请15分钟后再试');
    const right = await login(who, 'demo1234');
    expect(right.statusCode).toBe(423);
    ctx.clock.advance(15 * 60_000 + 1000);
    expect((await login(who, 'demo1234')).statusCode).toBe(200);
  });

  it('rate-limits login attempts per address', async () => {
    const limited = await testApp({ loginLimitPerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (
          await limited.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: `${unit.prefix}x${i}`, password: 'y' },
          })
        ).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a write without the CSRF token, and accepts it with', async () => {
    const c = await signIn(ctx, unit.user('office'));
    const body = { name: '新科室甲', sortOrder: 9 };
    const without = await ctx.app.inject({
      method: 'POST',
      url: '/api/departments',
      payload: body,
      cookies: { zf_session: c.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf');
    expect((await c.post('/api/departments', body)).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const c = await signIn(ctx, unit.user('member3'));
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const c = await signIn(ctx, unit.user('member4'));
    ctx.clock.advance(13 * 3_600_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('changes my password, keeps this session and ends the others', async () => {
    const who = unit.user('member5');
    const here = await signIn(ctx, who);
    const elsewhere = await signIn(ctx, who);
    const weak = await here.post('/api/auth/password', { currentPassword: 'demo1234', newPassword: 'newpass123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.fields[0].path).toBe('newPassword');
    expect(weak.json().message).toBe(
      '密码不符合要求：须包含大写字母、小写字母、数字、符号中的至少三类（目前只有2类，可加入大写字母或符号）',
    );
    const wrong = await here.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Newpass#123' });
    expect(wrong.json().message).toBe('当前密码不正确');
    expect(
      (await here.post('/api/auth/password', { currentPassword: 'demo1234', newPassword: 'Newpass#123' })).statusCode,
    ).toBe(200);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(who, 'demo1234')).statusCode).toBe(401);
    expect((await login(who, 'Newpass#123')).statusCode).toBe(200);
  });

  it('lets the security administrator reset a password, which must then be changed', async () => {
    const security = await signIn(ctx, unit.user('security'));
    const target = (await security.get(`/api/users?q=${unit.user('member6')}`)).json().items[0];
    const user = await signIn(ctx, unit.user('member6'));
    expect(
      (await security.post(`/api/users/${target.id}/reset-password`, { password: 'Temp#2026ab' })).statusCode,
    ).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    const again = await new Client(ctx.app).login(unit.user('member6'), 'Temp#2026ab');
    expect((await again.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('does not let a member reset passwords', async () => {
    const member = await signIn(ctx, unit.user('member7'));
    const res = await member.post('/api/users/00000000-0000-4000-8000-000000000000/reset-password', {
      password: 'Temp#2026ab',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('没有权限执行此操作');
  });
});
