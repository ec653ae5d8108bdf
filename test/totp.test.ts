import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { base32Decode, totpCode, totpStepOf } from '../src/domain/totp.js';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

/** The TOTP second factor: enrolment, the two-step login, replays, resets, and the administrators' obligation. */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
});
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
});

const codeNow = (c: TestContext, secret: Uint8Array) => totpCode(secret, totpStepOf(c.clock.now().getTime()));

async function enrol(c: TestContext, client: Client, password = 'demo1234') {
  const setup = await client.post('/api/auth/totp/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, uri, qrSvg } = setup.json();
  expect(uri).toMatch(new RegExp(`^otpauth://totp/.+\\?secret=${secret}&`));
  expect(qrSvg.startsWith('<svg')).toBe(true);
  const key = base32Decode(secret);
  expect(
    (
      await client.post('/api/auth/totp/enable', { password, code: '000000' === codeNow(c, key) ? '111111' : '000000' })
    ).json().code,
  ).toBe('invalid_totp');
  expect((await client.post('/api/auth/totp/enable', { password, code: codeNow(c, key) })).statusCode).toBe(200);
  return { key, secret: secret as string };
}

const passwordStep = (c: TestContext, username: string, password = 'demo1234') =>
  c.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const codeStep = (c: TestContext, challenge: string, code: string) =>
  c.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challenge, code } });

describe('TOTP for anyone', () => {
  it('enrols with a code, then asks for a code after the password; a used code cannot be replayed', async () => {
    const who = unit.user('member1');
    const { key, secret } = await enrol(ctx, await signIn(ctx, who));
    const [stored] = rowsOf<{ totp_secret: string }>(
      await ctx.database.db.execute(sql`select totp_secret from users where username = ${who}`),
    );
    expect(stored!.totp_secret.startsWith('zf1.')).toBe(true);
    expect(stored!.totp_secret).not.toContain(secret);

    ctx.clock.advance(30_000);
    const first = await passwordStep(ctx, who);
    expect(first.json()).toMatchObject({ signedIn: false, totpRequired: true });
    expect(first.cookies.find((c) => c.name === 'zf_session')).toBeUndefined();
    const { challenge } = first.json();
    expect((await codeStep(ctx, challenge, '12345')).statusCode).toBe(400);
    const code = codeNow(ctx, key);
    const wrong = code === '999999' ? '999998' : '999999';
    expect((await codeStep(ctx, challenge, wrong)).json()).toMatchObject({ code: 'invalid_totp' });
    const second = await codeStep(ctx, challenge, code);
    expect(second.json()).toEqual({ signedIn: true, totpRequired: false, challenge: null });
    const session = second.cookies.find((c) => c.name === 'zf_session')!.value;
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { zf_session: session } })).json().user
        .totpEnabled,
    ).toBe(true);

    // The same code, seen over a shoulder, opens nothing: not on this challenge, not on a new one.
    expect((await codeStep(ctx, challenge, code)).statusCode).toBe(401);
    expect((await codeStep(ctx, (await passwordStep(ctx, who)).json().challenge, code)).statusCode).toBe(401);
    ctx.clock.advance(30_000);
    expect((await codeStep(ctx, (await passwordStep(ctx, who)).json().challenge, codeNow(ctx, key))).statusCode).toBe(
      200,
    );
  });

  it('counts wrong codes as failed logins, and refuses an expired or forged challenge', async () => {
    const who = unit.user('member2');
    await enrol(ctx, await signIn(ctx, who));
    const { challenge } = (await passwordStep(ctx, who)).json();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await codeStep(ctx, challenge, `00000${i}`)).statusCode);
    expect(answers.slice(0, 3)).toEqual([401, 401, 401]);
    expect(answers.at(-1)).toBe(423);
    expect((await passwordStep(ctx, who)).statusCode).toBe(423);
    expect((await codeStep(ctx, `${challenge.slice(0, -4)}AAAA`, '123456')).json().code).toBe('login_expired');
    ctx.clock.advance(6 * 60_000);
    expect((await codeStep(ctx, challenge, '123456')).json().code).toBe('login_expired');
  });

  it('turns off with the password and a code, and is then asked no more', async () => {
    const who = unit.user('member3');
    const client = await signIn(ctx, who);
    const { key } = await enrol(ctx, client);
    ctx.clock.advance(30_000);
    expect(
      (await client.post('/api/auth/totp/disable', { password: 'wrong', code: codeNow(ctx, key) })).json().code,
    ).toBe('wrong_password');
    expect(
      (await client.post('/api/auth/totp/disable', { password: 'demo1234', code: codeNow(ctx, key) })).statusCode,
    ).toBe(200);
    expect((await passwordStep(ctx, who)).json().signedIn).toBe(true);
  });

  it('asks for the password to enrol: a session alone (perhaps stolen) cannot put its own authenticator on the account', async () => {
    const who = unit.user('member5');
    const stolen = await signIn(ctx, who);
    const key = base32Decode((await stolen.post('/api/auth/totp/setup')).json().secret);
    expect((await stolen.post('/api/auth/totp/enable', { code: codeNow(ctx, key) })).json().code).toBe(
      'validation_failed',
    );
    const guessed = await stolen.post('/api/auth/totp/enable', { password: 'Guess#2026abc', code: codeNow(ctx, key) });
    expect([guessed.statusCode, guessed.json().code]).toEqual([400, 'wrong_password']);
    expect((await stolen.get('/api/auth/totp')).json().enabled).toBe(false);
    // Guessing the password here is counted like a login: four more and the name is locked.
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(
        (await stolen.post('/api/auth/totp/enable', { password: `Guess#${i}`, code: codeNow(ctx, key) })).statusCode,
      );
    expect(answers).toEqual([400, 400, 400, 423]);
    expect(
      (await stolen.post('/api/auth/totp/enable', { password: 'demo1234', code: codeNow(ctx, key) })).statusCode,
    ).toBe(423);
    expect((await stolen.get('/api/auth/totp')).json().enabled).toBe(false);
    expect((await passwordStep(ctx, who)).statusCode).toBe(423);
  });

  it('counts wrong passwords and wrong codes when turning it off, as at login', async () => {
    const who = unit.user('member6');
    const client = await signIn(ctx, who);
    const { key } = await enrol(ctx, client);
    ctx.clock.advance(30_000);
    const wrong = codeNow(ctx, key) === '123456' ? '654321' : '123456';
    const answers = [];
    for (let i = 0; i < 2; i++)
      answers.push(
        (await client.post('/api/auth/totp/disable', { password: `Guess#${i}`, code: codeNow(ctx, key) })).json().code,
      );
    for (let i = 0; i < 3; i++)
      answers.push((await client.post('/api/auth/totp/disable', { password: 'demo1234', code: wrong })).json().code);
    expect(answers).toEqual(['wrong_password', 'wrong_password', 'invalid_totp', 'invalid_totp', 'account_locked']);
    expect(
      (await client.post('/api/auth/totp/disable', { password: 'demo1234', code: codeNow(ctx, key) })).statusCode,
    ).toBe(423);
    expect((await client.get('/api/auth/totp')).json().enabled).toBe(true);
  });

  it('is reset by the security administrator with a reason, audited; the user signs in with the password alone', async () => {
    const who = unit.user('member4');
    const user = await signIn(ctx, who);
    await enrol(ctx, user);
    const id = (await user.get('/api/auth/me')).json().user.id;
    const security = await signIn(ctx, unit.user('security'));
    expect((await security.post(`/api/users/${id}/reset-totp`, { reason: '' })).statusCode).toBe(400);
    const admin = await signIn(ctx, unit.user('admin'));
    expect((await admin.post(`/api/users/${id}/reset-totp`, { reason: '手机丢失' })).statusCode).toBe(403);
    expect((await security.get(`/api/users?q=${who}`)).json().items[0].totpEnabled).toBe(true);
    expect((await security.post(`/api/users/${id}/reset-totp`, { reason: '手机丢失' })).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    const events = (await security.get(`/api/audit/events?entityType=user&entityId=${id}`)).json().items;
    expect(events[0]).toMatchObject({ action: 'reset_totp', after: { reason: '手机丢失' }, actorName: '安全管理员' });
    expect((await passwordStep(ctx, who)).json().signedIn).toBe(true);
  });
});

describe('ZUOFENG_REQUIRE_TOTP=1', () => {
  it('keeps an administrator without a second factor to the enrolment routes until enrolled', async () => {
    const strict = await testApp({ requireTotp: true });
    const demo = await newDemoUnit(strict);
    for (const role of ['admin', 'security', 'auditor']) {
      const c = await new Client(strict.app).login(demo.user(role));
      expect((await c.get('/api/auth/me')).json().user.totpSetupRequired, role).toBe(true);
      const refused = await c.get(
        role === 'admin' ? '/api/org/chart' : role === 'security' ? '/api/users' : '/api/audit/verify',
      );
      expect([refused.statusCode, refused.json().code], role).toEqual([403, 'totp_setup_required']);
    }
    const security = await new Client(strict.app).login(demo.user('security'));
    const { key } = await enrol(strict, security);
    expect((await security.get('/api/users')).statusCode).toBe(200);
    strict.clock.advance(30_000);
    expect(
      (await security.post('/api/auth/totp/disable', { password: 'demo1234', code: codeNow(strict, key) })).json()
        .message,
    ).toBe('本系统要求管理员使用两步验证，不能停用');
    // Other users are not asked.
    const member = await new Client(strict.app).login(demo.user('member1'));
    expect((await member.get('/api/workbench')).statusCode).toBe(200);
  });
});
