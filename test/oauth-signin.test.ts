import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  installationSettings,
  knownDevices,
  oauthLinks,
  people,
  roleGrants,
  sessions,
  users,
} from '../src/server/db/schema/index.js';
import { Client, newDemoUnit, ON_SHARED_DATABASE, signIn, testApp, type TestContext } from './helpers.js';
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
/** The app's log lines (JSON), for the trace each refusal must leave. */
const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

beforeAll(async () => {
  standIns = await startOAuthStandIns();
  ctx = await testApp({ channelAllowHosts: ['127.0.0.1'], publicUrl: PUBLIC }, { logStream });
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

/** The refusal's code the login page is sent (it shows its own text for it, see src/domain/oauth.ts). */
const refusal = (res: { headers: Record<string, unknown> }) =>
  new URL(String(res.headers.location), PUBLIC).searchParams.get('oauthError');

/** The password login of the login page, with the cookies the browser holds. */
const passwordLogin = (username: string, password: string, cookie: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { cookie } });
const auditOf = (userId: string, action: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, action)));

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
    const account = fresh(vendor);
    standIns.signInAs(vendor, { id: account, mobile: '13800000000' });
    const before = await counts();
    const res = await signInThrough(vendor);
    expect(refusal(res)).toBe('not_linked');
    // The refusal leaves a trace in the log: vendor, its account, the address.
    expect(logLines.find((l) => l.msg === 'vendor sign-in refused' && l.vendorUserId === account)).toMatchObject({
      level: 40,
      vendor,
      code: 'not_linked',
      ip: '127.0.0.1',
    });
    expect(new URL(String(res.headers.location), PUBLIC).searchParams.get('vendor')).toBe(vendor);
    expect(cookieOf(res, 'zf_session')).toBeUndefined();
    expect(cookieOf(res, 'zf_oauth_link')).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('does not sign in on a roster mobile alone: the password confirms the link, a wrong one links nothing', async () => {
    const member = vendor === 'wecom' ? 'leader2' : vendor === 'dingtalk' ? 'leader3' : 'leader4';
    const { mobile, userId } = await giveMobile(member);
    const account = fresh(vendor);
    standIns.signInAs(vendor, { id: account, mobile });
    const before = await counts();
    const res = await signInThrough(vendor, '/items');
    const to = new URL(String(res.headers.location), PUBLIC);
    expect(to.pathname).toBe('/login');
    expect(to.searchParams.get('oauthLink')).toBe(vendor);
    expect(to.searchParams.get('next')).toBe('/items');
    expect(cookieOf(res, 'zf_session')).toBeUndefined();
    expect(await counts()).toEqual(before);
    const pending = `zf_oauth_link=${cookieOf(res, 'zf_oauth_link')!}`;
    expect(res.cookies.find((c) => c.name === 'zf_oauth_link')).toMatchObject({ httpOnly: true, path: '/api/auth' });
    // A wrong password: refused as any login is, nothing linked.
    const wrong = await passwordLogin(unit.user(member), 'not-the-password', pending);
    expect(wrong.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
    // Another account's password: signed in as that account, the pending link is not theirs to take.
    const other = await passwordLogin(unit.user('branch'), 'demo1234', pending);
    expect(other.statusCode, other.body).toBe(200);
    expect((await db().select().from(oauthLinks).where(eq(oauthLinks.vendorUserId, account))).length).toBe(0);
    // The matched account's own password: the link is made, audited, and the vendor signs in after it.
    const right = await passwordLogin(unit.user(member), 'demo1234', pending);
    expect(right.statusCode, right.body).toBe(200);
    expect(right.cookies.find((c) => c.name === 'zf_oauth_link')?.value).toBe('');
    const [link] = await db().select().from(oauthLinks).where(eq(oauthLinks.vendorUserId, account));
    expect(link).toMatchObject({ userId, linkedBy: 'mobile', unitId: unit.unit.id });
    const audited = await auditOf(userId, 'oauth_link');
    expect(audited).toHaveLength(1);
    expect(audited[0]!.after).toMatchObject({ vendor, vendorUserId: account, linkedBy: 'mobile-confirmed' });
    // The roster number changes: the link, not the number, signs in from now on.
    await db()
      .update(people)
      .set({ phone: '' })
      .where(sql`${people.phone} = ${mobile}`);
    standIns.signInAs(vendor, { id: account, mobile: '' });
    const again = await signInThrough(vendor);
    expect(again.headers.location).toBe('/');
    expect((await who(again))?.username).toBe(unit.user(member));
    expect((await auditOf(userId, 'login')).at(-1)!.after).toMatchObject({ via: vendor });
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
    expect(refusal(tampered)).toBe('stale');
    expect(cookieOf(tampered, 'zf_session')).toBeUndefined();
    const start = await ctx.app.inject({ method: 'GET', url: `/api/auth/oauth/${vendor}/start` });
    const back = new URL(
      (await fetch(start.headers.location as string, { redirect: 'manual' })).headers.get('location')!,
    );
    const noCookie = await ctx.app.inject({ method: 'GET', url: back.pathname + back.search });
    expect(refusal(noCookie)).toBe('stale');
    // A state of 32 characters that are not ASCII (more bytes than the kept one): refused, not a 500.
    const odd = await signInThrough(vendor, '/', (u) => u.searchParams.set('state', 'é'.repeat(32)));
    expect(odd.statusCode).toBe(302);
    expect(refusal(odd)).toBe('stale');
    expect(await counts()).toEqual(before);
  });

  it('refuses a `next` that leaves the site, before going to the vendor', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await signInThrough(vendor, next);
      expect(res.headers.location, next).toMatch(/^\/login\?/);
      expect(refusal(res)).toBe('bad_next');
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
    const res = await signInThrough('wecom');
    expect(refusal(res)).toBe('not_linked');
    expect(cookieOf(res, 'zf_oauth_link')).toBeUndefined();
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
    const { userId } = await giveMobile('discipline');
    const account = fresh('feishu');
    expect(
      (await security.post(`/api/users/${userId}/oauth-links`, { vendor: 'feishu', vendorUserId: account })).statusCode,
    ).toBe(200);
    await db().update(users).set({ totpSecret: 'sealed-elsewhere' }).where(eq(users.id, userId));
    standIns.signInAs('feishu', { id: account, mobile: '' });
    const res = await signInThrough('feishu', '/items');
    const to = new URL(String(res.headers.location), PUBLIC);
    expect(to.pathname).toBe('/login');
    expect(to.searchParams.get('challenge')).toBeTruthy();
    expect(to.searchParams.get('next')).toBe('/items');
    expect(cookieOf(res, 'zf_session')).toBeUndefined();
    await db().update(users).set({ totpSecret: null }).where(eq(users.id, userId));
  });
});

describe('administrators', () => {
  it('never signs one in through a vendor, even linked before the grant; the refusal is audited; the link can be removed', async () => {
    const { mobile, userId } = await giveMobile('secretary');
    const account = fresh('dingtalk');
    expect(
      (await security.post(`/api/users/${userId}/oauth-links`, { vendor: 'dingtalk', vendorUserId: account }))
        .statusCode,
    ).toBe(200);
    const [grant] = await db()
      .insert(roleGrants)
      .values({ unitId: unit.unit.id, userId, role: 'audit_admin', scopeType: 'unit', createdAt: new Date() })
      .returning();
    standIns.signInAs('dingtalk', { id: account, mobile });
    const before = await counts();
    const res = await signInThrough('dingtalk');
    expect(refusal(res)).toBe('admin_refused');
    expect(cookieOf(res, 'zf_session')).toBeUndefined();
    expect(await counts()).toEqual(before);
    const failed = await auditOf(userId, 'login_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.after).toMatchObject({ via: 'dingtalk', vendorUserId: account });
    // Linking is refused for an administrator; removing the stale link is not.
    expect(
      (await security.post(`/api/users/${userId}/oauth-links`, { vendor: 'wecom', vendorUserId: 'a1' })).statusCode,
    ).toBe(403);
    const unlinked = await security.post(`/api/users/${userId}/oauth-links/unlink`, { vendor: 'dingtalk' });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    // Not linked any more, and the roster mobile does not match an administrator: nothing pending either.
    standIns.signInAs('dingtalk', { id: fresh('dingtalk'), mobile });
    const byMobile = await signInThrough('dingtalk');
    expect(refusal(byMobile)).toBe('not_linked');
    expect(cookieOf(byMobile, 'zf_oauth_link')).toBeUndefined();
    await db().update(roleGrants).set({ revokedAt: new Date() }).where(eq(roleGrants.id, grant!.id));
  });
});

describe('vendor answers', () => {
  it('refuses a JSON answer that is not an object (null) clearly, not with a 500', async () => {
    standIns.signInAs('wecom', { id: 'answer-null', mobile: '' });
    const res = await signInThrough('wecom');
    expect(res.statusCode).toBe(302);
    expect(refusal(res)).toBe('unrecognised');
  });
});

describe.skipIf(ON_SHARED_DATABASE)('public address', () => {
  it("sends the vendor back to the installation's public address when one is set", async () => {
    const address = 'https://zuofeng.example.gov.cn';
    await db().insert(installationSettings).values({ name: 'public_url', value: address, updatedAt: new Date() });
    try {
      const start = await ctx.app.inject({ method: 'GET', url: '/api/auth/oauth/feishu/start' });
      expect(new URL(start.headers.location as string).searchParams.get('redirect_uri')).toBe(
        `${address}/api/auth/oauth/feishu/callback`,
      );
      const list = (await security.get('/api/auth/oauth/settings')).json();
      expect(list.items.find((s: { vendor: string }) => s.vendor === 'feishu').redirectUri).toBe(
        `${address}/api/auth/oauth/feishu/callback`,
      );
    } finally {
      await db().delete(installationSettings).where(eq(installationSettings.name, 'public_url'));
    }
  });
});
