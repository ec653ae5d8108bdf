import { randomBytes } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, knownDevices, oauthLinks, people, sessions, users } from '../src/server/db/schema/index.js';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { startOAuthStandIns, type StandIns, type Vendor } from './oauth-standins.js';

/**
 * Sign-in through each vendor's stand-in, as a browser does it: the start redirects to the vendor
 * (keeping the flow in a cookie), the vendor redirects back with a code, the callback signs in and
 * redirects to `next`. (Issue 16, “Sign in where people already are”.)
 */
let ctx: TestContext;
let standIns: StandIns;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let security: Client;
let office: Client;
let itemId: string;
const PUBLIC = 'http://zuofeng.test';
const LABEL: Record<Vendor, string> = { wecom: '企业微信', dingtalk: '钉钉', feishu: '飞书' };

beforeAll(async () => {
  standIns = await startOAuthStandIns();
  ctx = await testApp({ channelAllowHosts: ['127.0.0.1'], publicUrl: PUBLIC });
  unit = await newDemoUnit(ctx);
  security = await signIn(ctx, unit.user('security'));
  office = await signIn(ctx, unit.user('office'));
  for (const v of ['wecom', 'dingtalk', 'feishu'] as const) {
    const app = standIns.apps[v];
    const res = await security.put(`/api/auth/oauth/settings/${v}`, {
      enabled: true,
      appId: app.appId,
      agentId: app.agentId,
      secret: app.secret,
      authBase: standIns.base,
      apiBase: standIns.base,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const staff = (await office.get('/api/people?pageSize=100')).json().items as {
    id: string;
    name: string;
    departmentId: string;
  }[];
  const of = (name: string) => staff.find((p) => p.name === name)!;
  const created = await office.post('/api/items', {
    title: '群消息里的督办事项',
    leadDepartmentId: of('杨帆').departmentId,
    ownerPersonId: of('杨帆').id,
    leaderPersonId: of('王建国').id,
    receivedOn: '2026-11-20',
    explicitDue: '2026-12-10',
  });
  expect(created.statusCode, created.body).toBe(200);
  itemId = created.json().id;
});
afterAll(() => standIns.close());

const db = () => ctx.database.db;
const cookieOf = (res: { cookies: { name: string; value: string }[] }, name: string) =>
  res.cookies.find((c) => c.name === name && c.value)?.value;

/** What the browser does from the button to the end of the callback; returns the callback's answer. */
async function signInThrough(vendor: Vendor, next?: string, tamper?: (callback: URL) => void, device?: string) {
  const start = await ctx.app.inject({
    method: 'GET',
    url: `/api/auth/oauth/${vendor}/start${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`,
  });
  expect(start.statusCode, start.body).toBe(302);
  const flow = cookieOf(start, 'zf_oauth');
  if (!flow) return start;
  const atVendor = await fetch(start.headers.location as string, { redirect: 'manual' });
  expect(atVendor.status).toBe(302);
  const callback = new URL(atVendor.headers.get('location')!);
  expect(callback.origin + callback.pathname).toBe(`${PUBLIC}/api/auth/oauth/${vendor}/callback`);
  tamper?.(callback);
  return ctx.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: `zf_oauth=${flow}${device ? `; zf_device=${device}` : ''}` },
  });
}

async function who(res: Awaited<ReturnType<typeof signInThrough>>) {
  const token = cookieOf(res, 'zf_session');
  if (!token) return null;
  const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `zf_session=${token}` } });
  return { username: me.json().user.username as string, token };
}

const refusal = (res: { headers: Record<string, unknown> }) =>
  new URL(String(res.headers.location), PUBLIC).searchParams.get('oauthError');

async function counts() {
  const n = async (t: typeof users | typeof sessions | typeof oauthLinks) =>
    (await db().select({ n: count() }).from(t))[0]!.n;
  return { users: await n(users), sessions: await n(sessions), links: await n(oauthLinks) };
}

async function giveMobile(login: string) {
  const mobile = `13${String(randomBytes(4).readUInt32BE() % 1e9).padStart(9, '0')}`;
  const [u] = await db()
    .select()
    .from(users)
    .where(eq(users.username, unit.user(login)));
  await db().update(people).set({ phone: mobile }).where(eq(people.id, u!.personId!));
  return { mobile, userId: u!.id };
}
const fresh = (vendor: Vendor) => `${vendor}-${randomBytes(6).toString('hex')}`;

describe.each(['wecom', 'dingtalk', 'feishu'] as const)('%s', (vendor) => {
  it('refuses an account that is linked to nobody, with a clear message, and creates nothing', async () => {
    standIns.signInAs(vendor, { id: fresh(vendor), mobile: '13800000000' });
    const before = await counts();
    const res = await signInThrough(vendor);
    expect(refusal(res)).toBe(`该${LABEL[vendor]}账号未关联作风系统账号，请联系管理员`);
    expect(cookieOf(res, 'zf_session')).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('links by the roster mobile number at the first sign-in, lands on the workbench, and uses the link after', async () => {
    const member = vendor === 'wecom' ? 'leader2' : vendor === 'dingtalk' ? 'leader3' : 'leader4';
    const { mobile, userId } = await giveMobile(member);
    const account = fresh(vendor);
    standIns.signInAs(vendor, { id: account, mobile });
    const res = await signInThrough(vendor);
    expect(res.headers.location).toBe('/');
    expect((await who(res))?.username).toBe(unit.user(member));
    const [link] = await db().select().from(oauthLinks).where(eq(oauthLinks.vendorUserId, account));
    expect(link).toMatchObject({ userId, linkedBy: 'mobile', unitId: unit.unit.id });
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, 'oauth_link')));
    expect(audited).toHaveLength(1);
    const login = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, 'login')));
    expect(login.at(-1)!.after).toMatchObject({ via: vendor });
    // The roster number changes: the link, not the number, signs in from now on.
    await db()
      .update(people)
      .set({ phone: '' })
      .where(sql`${people.phone} = ${mobile}`);
    standIns.signInAs(vendor, { id: account, mobile: '' });
    expect((await who(await signInThrough(vendor)))?.username).toBe(unit.user(member));
  });

  it('signs in an account an administrator linked, and opens the group message link after it', async () => {
    const account = fresh(vendor);
    const [u] = await db()
      .select()
      .from(users)
      .where(eq(users.username, unit.user('office')));
    await security.post(`/api/users/${u!.id}/oauth-links/unlink`, { vendor });
    const linked = await security.post(`/api/users/${u!.id}/oauth-links`, { vendor, vendorUserId: account });
    expect(linked.statusCode, linked.body).toBe(200);
    standIns.signInAs(vendor, { id: account, mobile: '' });
    // Robot cards link to `${publicUrl}/?item=<id>`; signed out, the page sends the browser to sign in with it as `next`.
    const res = await signInThrough(vendor, `/?item=${itemId}`);
    expect(res.headers.location).toBe(`/?item=${itemId}`);
    const session = await who(res);
    expect(session?.username).toBe(unit.user('office'));
    const item = await ctx.app.inject({
      method: 'GET',
      url: `/api/items/${itemId}`,
      headers: { cookie: `zf_session=${session!.token}` },
    });
    expect(item.statusCode).toBe(200);
    expect(item.json().title).toBe('群消息里的督办事项');
  });

  it('refuses a tampered state and a callback without the flow cookie', async () => {
    const { mobile } = await giveMobile('branch');
    standIns.signInAs(vendor, { id: fresh(vendor), mobile });
    const before = await counts();
    const tampered = await signInThrough(vendor, '/', (u) => u.searchParams.set('state', 'f'.repeat(32)));
    expect(refusal(tampered)).toBe('登录请求已失效或不是从本浏览器发起的，请重新登录');
    expect(cookieOf(tampered, 'zf_session')).toBeUndefined();
    const start = await ctx.app.inject({ method: 'GET', url: `/api/auth/oauth/${vendor}/start` });
    const back = new URL(
      (await fetch(start.headers.location as string, { redirect: 'manual' })).headers.get('location')!,
    );
    const noCookie = await ctx.app.inject({ method: 'GET', url: back.pathname + back.search });
    expect(refusal(noCookie)).toBe('登录请求已失效或不是从本浏览器发起的，请重新登录');
    expect(await counts()).toEqual(before);
  });

  it('refuses a `next` that leaves the site, before going to the vendor', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await signInThrough(vendor, next);
      expect(res.headers.location, next).toMatch(/^\/login\?/);
      expect(refusal(res)).toBe('登录后要打开的地址无效，请从系统内的链接进入');
      expect(cookieOf(res, 'zf_oauth')).toBeUndefined();
    }
  });
});

describe('mobile numbers', () => {
  it('does not guess when two active accounts have the mobile number: refused, nothing linked', async () => {
    const { mobile } = await giveMobile('leader1');
    const [branch] = await db()
      .select()
      .from(users)
      .where(eq(users.username, unit.user('branch')));
    await db()
      .update(people)
      .set({ phone: mobile.replace(/(\d{3})(\d{4})/, '$1 $2 ') })
      .where(eq(people.id, branch!.personId!));
    standIns.signInAs('wecom', { id: fresh('wecom'), mobile });
    const before = await counts();
    expect(refusal(await signInThrough('wecom'))).toBe('该企业微信账号未关联作风系统账号，请联系管理员');
    expect(await counts()).toEqual(before);
  });
});

describe('devices', () => {
  it("remembers the browser's known device instead of adding one at each sign-in", async () => {
    const [u] = await db()
      .select()
      .from(users)
      .where(eq(users.username, unit.user('leader1')));
    expect(
      (await security.post(`/api/users/${u!.id}/oauth-links`, { vendor: 'dingtalk', vendorUserId: 'dev-1' }))
        .statusCode,
    ).toBe(200);
    standIns.signInAs('dingtalk', { id: 'dev-1', mobile: '' });
    const devices = async () =>
      (await db().select({ n: count() }).from(knownDevices).where(eq(knownDevices.userId, u!.id)))[0]!.n;
    const first = await signInThrough('dingtalk');
    const device = cookieOf(first, 'zf_device')!;
    const after = await devices();
    const again = await signInThrough('dingtalk', '/', undefined, device);
    expect((await who(again))?.username).toBe(unit.user('leader1'));
    expect(await devices()).toBe(after);
    expect(cookieOf(again, 'zf_device')).toBe(device);
  });
});

describe('administration', () => {
  it('never sends the secret back, validates, and offers only complete vendors on the login page', async () => {
    const list = (await security.get('/api/auth/oauth/settings')).json();
    expect(list.mayEdit).toBe(true);
    expect(JSON.stringify(list)).not.toContain(standIns.apps.wecom.secret);
    expect(list.items.find((s: { vendor: string }) => s.vendor === 'wecom')).toMatchObject({
      hasSecret: true,
      redirectUri: `${PUBLIC}/api/auth/oauth/wecom/callback`,
    });
    const bad = await security.put('/api/auth/oauth/settings/feishu', {
      enabled: true,
      appId: 'x',
      agentId: '',
      authBase: 'ftp://x',
      apiBase: standIns.base,
    });
    expect(bad.statusCode).toBe(400);
    const providers = (await ctx.app.inject({ method: 'GET', url: '/api/auth/oauth/providers' })).json();
    expect(providers.items.map((p: { vendor: string }) => p.vendor)).toEqual(['wecom', 'dingtalk', 'feishu']);
    expect((await office.get('/api/auth/oauth/settings')).statusCode).toBe(403);
  });

  it('does not link an administrator account (it would sign in without their password)', async () => {
    const [u] = await db()
      .select()
      .from(users)
      .where(eq(users.username, unit.user('admin')));
    const res = await security.post(`/api/users/${u!.id}/oauth-links`, { vendor: 'wecom', vendorUserId: 'x1' });
    expect(res.statusCode).toBe(403);
  });

  it('asks an account with two-step verification for its code after the vendor, unless the vendor is trusted for it', async () => {
    const { mobile, userId } = await giveMobile('discipline');
    await db().update(users).set({ totpSecret: 'sealed-elsewhere' }).where(eq(users.id, userId));
    standIns.signInAs('feishu', { id: fresh('feishu'), mobile });
    const res = await signInThrough('feishu', '/items');
    const to = new URL(String(res.headers.location), PUBLIC);
    expect(to.pathname).toBe('/login');
    expect(to.searchParams.get('challenge')).toBeTruthy();
    expect(to.searchParams.get('next')).toBe('/items');
    expect(cookieOf(res, 'zf_session')).toBeUndefined();
    await db().update(users).set({ totpSecret: null }).where(eq(users.id, userId));
  });
});
