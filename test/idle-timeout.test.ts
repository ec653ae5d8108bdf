import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newDemoUnit, ON_SHARED_DATABASE, signIn, testApp, type TestContext } from './helpers.js';

/** 等保's idle timeout: one installation setting, changed by the security administrator, enforced by the server. */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const MINUTE = 60_000;

beforeAll(async () => {
  ctx = await testApp();
});
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
});
// The setting is the installation's: put the default back for the next test.
afterEach(async () => {
  const security = await signIn(ctx, unit.user('security'));
  expect((await security.put('/api/auth/idle-timeout', { minutes: 30 })).statusCode).toBe(200);
});

describe.skipIf(ON_SHARED_DATABASE)('the idle timeout setting', () => {
  it('is 30 minutes by default, told to every page, editable by the security administrator only', async () => {
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.get('/api/auth/me')).json().idleMinutes).toBe(30);
    expect((await member.put('/api/auth/idle-timeout', { minutes: 10 })).statusCode).toBe(403);
    const admin = await signIn(ctx, unit.user('admin'));
    expect((await admin.put('/api/auth/idle-timeout', { minutes: 10 })).statusCode).toBe(403);
    const security = await signIn(ctx, unit.user('security'));
    expect((await security.get('/api/auth/idle-timeout')).json()).toEqual({ minutes: 30, editable: true });
  });

  it('refuses values outside 5–480 whole minutes with a Chinese message, and changes nothing', async () => {
    const security = await signIn(ctx, unit.user('security'));
    for (const minutes of [4, 481, 12.5, -1, '30', null]) {
      const res = await security.put('/api/auth/idle-timeout', { minutes });
      expect(res.statusCode, String(minutes)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await security.get('/api/auth/idle-timeout')).json().minutes).toBe(30);
  });

  it('is audited with the value before and after', async () => {
    const security = await signIn(ctx, unit.user('security'));
    expect((await security.put('/api/auth/idle-timeout', { minutes: 15 })).json()).toEqual({
      minutes: 15,
      editable: true,
    });
    const auditor = await signIn(ctx, unit.user('auditor'));
    const events = (await auditor.get('/api/audit/events?entityType=installation')).json().items;
    expect(events.filter((e: { action: string }) => e.action === 'set_idle_timeout')).toHaveLength(1);
    const [event] = events;
    expect(event.before).toEqual({ idleTimeoutMinutes: 30 });
    expect(event.after).toEqual({ idleTimeoutMinutes: 15 });
  });
});

describe.skipIf(ON_SHARED_DATABASE)('the server ends a session idle longer than the setting', () => {
  it('answers 401 once the session has been unused longer than the timeout', async () => {
    const security = await signIn(ctx, unit.user('security'));
    await security.put('/api/auth/idle-timeout', { minutes: 10 });
    const member = await signIn(ctx, unit.user('member2'));
    ctx.clock.advance(9 * MINUTE);
    // Any request of the user's counts as activity…
    expect((await member.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(9 * MINUTE);
    expect((await member.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(10 * MINUTE + 1000);
    const res = await member.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    // …and a session once ended stays ended, even when a longer timeout is set afterwards.
    expect((await member.get('/api/auth/me')).statusCode).toBe(401);
    const securityAgain = await signIn(ctx, unit.user('security'));
    expect((await securityAgain.put('/api/auth/idle-timeout', { minutes: 480 })).statusCode).toBe(200);
    expect((await member.get('/api/auth/me')).statusCode).toBe(401);
    await securityAgain.put('/api/auth/idle-timeout', { minutes: 10 });
  });

  it("does not count the page's own polling as activity, but counts 继续使用", async () => {
    const security = await signIn(ctx, unit.user('security'));
    await security.put('/api/auth/idle-timeout', { minutes: 10 });
    const member = await signIn(ctx, unit.user('member3'));
    const poll = () => member.request('GET', '/api/inbox', undefined, { 'x-zf-background': '1' });
    ctx.clock.advance(6 * MINUTE);
    expect((await poll()).statusCode).toBe(200);
    ctx.clock.advance(3 * MINUTE);
    expect((await member.post('/api/auth/keepalive')).statusCode).toBe(200);
    ctx.clock.advance(9 * MINUTE);
    expect((await poll()).statusCode).toBe(200);
    ctx.clock.advance(2 * MINUTE);
    expect((await poll()).statusCode).toBe(401);
  });
});
