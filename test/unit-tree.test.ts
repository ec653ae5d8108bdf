import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { units } from '../src/server/db/schema/index.js';
import { auditEvents } from '../src/server/db/schema/audit.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * Issue 20's unit tree: a city with three counties; a county's bureaus under it. The county's oversight user
 * reads its bureaus' ledgers and cannot write; a bureau's administrator cannot read its sibling; an invitation
 * sets the new unit's administrator's password once, then it is spent, and an unused one expires after 72 hours.
 */
let ctx: TestContext;
let city: Awaited<ReturnType<typeof newDemoUnit>>;
let cityAdmin: Client;
const counties: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
let bureau1: Awaited<ReturnType<typeof newDemoUnit>>;
let bureau2: Awaited<ReturnType<typeof newDemoUnit>>;
let countyOversight: Client;
let itemId: string;
const VIEW = 'x-zf-view-unit';
const STRONG = 'Zf-Tree-2026!a';

const code = (s: string) => `${city.prefix}${s}`.replace(/_/g, '-');
const tokenOf = (link: string) => link.split('/invite/')[1]!;

/** Invites `role` of `unitId`, accepts the link with a password, answers the signed-in client. */
async function inviteAndAccept(unitId: string, role: string, username: string) {
  const made = await cityAdmin.post(`/api/units/${unitId}/invites`, {
    role,
    username,
    displayName: `${username}管理员`,
  });
  expect(made.statusCode, made.body).toBe(200);
  const token = tokenOf(made.json().link);
  const accepted = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/invites/${token}`,
    payload: { password: STRONG },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { token, client: await signIn(ctx, username, STRONG) };
}

beforeAll(async () => {
  ctx = await testApp();
  city = await newDemoUnit(ctx);
  cityAdmin = await signIn(ctx, city.user('admin'));
  for (const k of ['a', 'b', 'c'] as const) {
    const res = await cityAdmin.post('/api/units', {
      code: code(`county-${k}`),
      name: `${k.toUpperCase()}县`,
      kind: 'county',
    });
    expect(res.statusCode, res.body).toBe(200);
    counties[k] = res.json().id;
  }
  // Two bureaus with the demo's people and roles, placed under county A (a fixture: the tree API moves only
  // within the mover's own subtree, and these demo units were made at the top).
  bureau1 = await newDemoUnit(ctx);
  bureau2 = await newDemoUnit(ctx);
  for (const b of [bureau1, bureau2])
    await ctx.database.db.update(units).set({ parentId: counties.a }).where(eq(units.id, b.unit.id));
  const office = await signIn(ctx, bureau1.user('office'));
  const dept = (await office.get('/api/departments')).json()[0].id;
  const owner = (await (await signIn(ctx, bureau1.user('member1'))).get('/api/auth/me')).json().user.personId;
  const item = await office.post('/api/items', {
    ownerPersonId: owner,
    title: '县局督办：农村低保复核',
    leadDepartmentId: dept,
    receivedOn: '2026-11-10',
  });
  expect(item.statusCode, item.body).toBe(200);
  itemId = item.json().id;
  // County A: its security administrator (invited) makes an oversight account there.
  const security = (await inviteAndAccept(counties.a, 'security_admin', `${city.prefix}ca-sec`.replace(/_/g, '')))
    .client;
  const username = `${city.prefix}ca-watch`.replace(/_/g, '');
  const user = await security.post('/api/users', { username, displayName: 'A县督查室', password: 'Watch-2026!zf' });
  expect(user.statusCode, user.body).toBe(200);
  expect((await security.post(`/api/users/${user.json().id}/grants`, { role: 'oversight' })).statusCode).toBe(200);
  countyOversight = await signIn(ctx, username, 'Watch-2026!zf');
  const changed = await countyOversight.post('/api/auth/password', {
    currentPassword: 'Watch-2026!zf',
    newPassword: 'Watch-2026!zf-new',
  });
  expect(changed.statusCode, changed.body).toBe(200);
  countyOversight = await signIn(ctx, username, 'Watch-2026!zf-new');
});

describe('oversight reads the units below it, never writes', () => {
  it('the county reads its bureaus ledger and the item, with the same routes as inside', async () => {
    const ledger = await countyOversight.request('GET', '/api/items', undefined, { [VIEW]: bureau1.unit.id });
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.json().items.map((i: { title: string }) => i.title)).toContain('县局督办：农村低保复核');
    const one = await countyOversight.request('GET', `/api/items/${itemId}`, undefined, { [VIEW]: bureau1.unit.id });
    expect(one.statusCode, one.body).toBe(200);
    // Campaigns of the bureau read too (403 before issue 20).
    expect(
      (await countyOversight.request('GET', '/api/campaigns', undefined, { [VIEW]: bureau1.unit.id })).statusCode,
    ).toBe(200);
    // In its own unit the oversight role reads the organisation only, not the county's ledger or campaigns.
    expect((await countyOversight.get('/api/items')).statusCode).toBe(403);
    expect((await countyOversight.get('/api/campaigns')).statusCode).toBe(403);
    // The tree: county A's children are the two bureaus.
    const below = await countyOversight.get(`/api/units?parentId=${counties.a}`);
    expect(
      below
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([bureau1.unit.id, bureau2.unit.id].sort());
  });

  it('a write through the view answers 403 and is recorded in the bureau audit trail; without it, 404', async () => {
    const dept = (
      await countyOversight.request('GET', '/api/departments', undefined, { [VIEW]: bureau1.unit.id })
    ).json()[0].id;
    const before = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.unitId, bureau1.unit.id));
    const write = await countyOversight.request(
      'POST',
      '/api/items',
      { title: '代为交办', leadDepartmentId: dept, receivedOn: '2026-11-11' },
      { [VIEW]: bureau1.unit.id },
    );
    expect(write.statusCode).toBe(403);
    expect(write.json().message).toBe('上级督查只能查看下级单位的情况，不能代为修改');
    const after = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.unitId, bureau1.unit.id))
      .orderBy(auditEvents.seq);
    expect(after.length).toBe(before.length + 1);
    // The newest by the unit's chain (a select without an order comes back in any order on PostgreSQL).
    expect(after.at(-1)).toMatchObject({ action: 'oversight_write_refused', entityType: 'unit' });
    const ledger = await countyOversight.request('GET', '/api/items', undefined, { [VIEW]: bureau1.unit.id });
    expect(ledger.json().items.map((i: { title: string }) => i.title)).not.toContain('代为交办');
    // Acting on the bureau's item from its own unit: the id is not of its unit.
    const chase = await countyOversight.post(`/api/items/${itemId}/transitions`, { action: 'sign', version: 1 });
    expect(chase.statusCode).toBe(404);
  });

  it('the view runs as an outsider of the unit: nothing confidential, no administration', async () => {
    const view = { [VIEW]: bureau1.unit.id };
    // The audit log and the accounts are the unit's administrators' only.
    expect((await countyOversight.request('GET', '/api/audit/events', undefined, view)).statusCode).toBe(403);
    expect((await countyOversight.request('GET', '/api/users', undefined, view)).statusCode).toBe(403);
    // The discipline records answer as to anyone outside the discipline staff: nothing.
    const admonitions = await countyOversight.request('GET', '/api/discipline/admonitions', undefined, view);
    expect([200, 403, 404]).toContain(admonitions.statusCode);
    if (admonitions.statusCode === 200) expect(admonitions.json().total).toBe(0);
  });

  it('a bureau cannot read its sibling, nor another county its neighbour', async () => {
    const b1admin = await signIn(ctx, bureau1.user('admin'));
    const b1office = await signIn(ctx, bureau1.user('office'));
    for (const c of [b1admin, b1office]) {
      const sibling = await c.request('GET', '/api/items', undefined, { [VIEW]: bureau2.unit.id });
      expect(sibling.statusCode).toBe(404);
      expect((await c.get(`/api/units/${bureau2.unit.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/units?parentId=${counties.a}`)).statusCode).toBe(404);
    }
    // The county's overseer reaches neither county B nor the city above it.
    for (const id of [counties.b, city.unit.id])
      expect((await countyOversight.request('GET', '/api/items', undefined, { [VIEW]: id })).statusCode).toBe(404);
    // A malformed unit id is a clear 400.
    expect((await countyOversight.request('GET', '/api/items', undefined, { [VIEW]: 'x' })).statusCode).toBe(400);
  });

  it('an oversight grant scoped to one county reaches that county and below only', async () => {
    const security = await signIn(ctx, city.user('security'));
    const username = `${city.prefix}city-watch`.replace(/_/g, '');
    const user = (
      await security.post('/api/users', { username, displayName: '市督查室（A县片）', password: 'Watch-2026!zf' })
    ).json();
    const scoped = await security.post(`/api/users/${user.id}/grants`, {
      role: 'oversight',
      scopeType: 'subtree',
      scopeId: counties.a,
    });
    expect(scoped.statusCode, scoped.body).toBe(200);
    // Only the oversight role takes a subtree scope, and only a unit below.
    expect(
      (
        await security.post(`/api/users/${user.id}/grants`, {
          role: 'member',
          scopeType: 'subtree',
          scopeId: counties.a,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await security.post(`/api/users/${user.id}/grants`, {
          role: 'oversight',
          scopeType: 'subtree',
          scopeId: bureau1.unit.id,
        })
      ).statusCode,
    ).toBe(200);
    let c = await signIn(ctx, username, 'Watch-2026!zf');
    await c.post('/api/auth/password', { currentPassword: 'Watch-2026!zf', newPassword: 'Watch-2026!zf-2' });
    c = await signIn(ctx, username, 'Watch-2026!zf-2');
    expect((await c.request('GET', '/api/items', undefined, { [VIEW]: bureau1.unit.id })).statusCode).toBe(200);
    expect((await c.request('GET', '/api/items', undefined, { [VIEW]: counties.a })).statusCode).toBe(200);
    expect((await c.request('GET', '/api/items', undefined, { [VIEW]: counties.b })).statusCode).toBe(404);
    const tree = (await c.get('/api/units')).json();
    expect(tree.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([city.unit.id, counties.a]));
    expect(tree.items.map((u: { id: string }) => u.id)).not.toContain(counties.b);
  });
});

describe('invitations to a new unit first administrator', () => {
  it('sets the password once, then the link is spent', async () => {
    const username = `${city.prefix}cb-admin`.replace(/_/g, '');
    const made = await cityAdmin.post(`/api/units/${counties.b}/invites`, {
      role: 'system_admin',
      username,
      displayName: 'B县系统管理员',
    });
    expect(made.statusCode, made.body).toBe(200);
    const token = tokenOf(made.json().link);
    const info = await ctx.app.inject({ method: 'GET', url: `/api/public/invites/${token}` });
    expect(info.json()).toMatchObject({ unitName: 'B县', username, roleLabel: '系统管理员' });
    // A weak password is refused and spends nothing.
    const weak = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/invites/${token}`,
      payload: { password: '123' },
    });
    expect(weak.statusCode).toBe(400);
    const ok = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/invites/${token}`,
      payload: { password: STRONG },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/invites/${token}`,
      payload: { password: `${STRONG}x` },
    });
    expect(again.statusCode).toBe(410);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/invites/${token}` })).statusCode).toBe(410);
    // The account signs in with the password it set (not the second one) and administers county B.
    const b = await signIn(ctx, username, STRONG);
    expect((await b.get('/api/auth/me')).json().unit.name).toBe('B县');
    const list = (await cityAdmin.get(`/api/units/${counties.b}/invites`)).json();
    expect(list[0]).toMatchObject({ username, state: 'used', stateLabel: '已使用' });
    // A second system administrator is not invited: the unit runs its own accounts now.
    const second = await cityAdmin.post(`/api/units/${counties.b}/invites`, {
      role: 'system_admin',
      username: `${username}2`,
      displayName: '又一个',
    });
    expect(second.statusCode).toBe(409);
  });

  it('a revoked link is spent at once, and an unused one expires after 72 hours', async () => {
    const invite = (username: string) =>
      cityAdmin.post(`/api/units/${counties.c}/invites`, {
        role: 'audit_admin',
        username: `${city.prefix}${username}`.replace(/_/g, ''),
        displayName: 'C县审计管理员',
      });
    const first = await invite('cc-audit');
    expect(first.statusCode, first.body).toBe(200);
    const revoke = await cityAdmin.post(`/api/units/${counties.c}/invites/${first.json().id}/revoke`);
    expect(revoke.json().state, revoke.body).toBe('revoked');
    const spent = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/invites/${tokenOf(first.json().link)}`,
      payload: { password: STRONG },
    });
    expect(spent.statusCode).toBe(410);
    const second = await invite('cc-audit2');
    expect(second.statusCode, second.body).toBe(200);
    ctx.clock.advance(72 * 3_600_000 + 1000);
    try {
      const late = await ctx.app.inject({
        method: 'POST',
        url: `/api/public/invites/${tokenOf(second.json().link)}`,
        payload: { password: STRONG },
      });
      expect(late.statusCode, late.body).toBe(410);
      const later = await signIn(ctx, city.user('admin'));
      const listed = (await later.get(`/api/units/${counties.c}/invites`)).json();
      expect(listed.find((i: { id: string }) => i.id === second.json().id).state).toBe('expired');
    } finally {
      ctx.clock.advance(-(72 * 3_600_000 + 1000));
      // Signing in 72 hours later ended the administrator's older sessions as expired.
      cityAdmin = await signIn(ctx, city.user('admin'));
    }
    await cityAdmin.post(`/api/units/${counties.c}/invites/${second.json().id}/revoke`);
    // Nobody below invites: a bureau administrator cannot invite into its sibling.
    const b1admin = await signIn(ctx, bureau1.user('admin'));
    expect(
      (
        await b1admin.post(`/api/units/${bureau2.unit.id}/invites`, {
          role: 'system_admin',
          username: 'nobodyx',
          displayName: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('renaming, moving and deactivating', () => {
  it('renames and moves within the own subtree, never under itself', async () => {
    const renamed = await cityAdmin.patch(`/api/units/${counties.c}`, { name: 'C市（县级市）' });
    expect(renamed.json()).toMatchObject({ name: 'C市（县级市）', kind: 'county' });
    const moved = await cityAdmin.post(`/api/units/${counties.c}/move`, { parentId: counties.b });
    expect(moved.json().parentId).toBe(counties.b);
    const cycle = await cityAdmin.post(`/api/units/${counties.b}/move`, { parentId: counties.c });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().message).toBe('不能把单位移到它自己或它的下级单位之下');
    expect((await cityAdmin.post(`/api/units/${counties.c}/move`, { parentId: city.unit.id })).statusCode).toBe(200);
  });

  it('deactivates (never deletes): its accounts are signed out and cannot sign in; refused while it has live children', async () => {
    expect((await cityAdmin.post(`/api/units/${counties.a}/deactivate`, { reason: '机构改革撤并' })).statusCode).toBe(
      400,
    );
    const username = `${city.prefix}cc-sys`.replace(/_/g, '');
    const { client } = await inviteAndAccept(counties.c, 'system_admin', username);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const pending = await cityAdmin.post(`/api/units/${counties.c}/invites`, {
      role: 'security_admin',
      username: `${city.prefix}cc-sec`.replace(/_/g, ''),
      displayName: 'C县安全管理员',
    });
    expect(pending.statusCode, pending.body).toBe(200);
    const off = await cityAdmin.post(`/api/units/${counties.c}/deactivate`, { reason: '机构改革撤并' });
    expect(off.json()).toMatchObject({ status: 'deactivated', deactivatedReason: '机构改革撤并' });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: STRONG },
    });
    expect(login.statusCode).toBe(401);
    // An invitation made before cannot open an account in the deactivated unit.
    const late = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/invites/${tokenOf(pending.json().link)}`,
      payload: { password: STRONG },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('该单位已停用，邀请不能再使用，请联系上级单位管理员');
    // Still listed above, with its status; brought back, it signs in again.
    const listed = (await cityAdmin.get(`/api/units?parentId=${city.unit.id}`)).json().items;
    expect(listed.find((u: { id: string }) => u.id === counties.c)).toMatchObject({ status: 'deactivated' });
    expect((await cityAdmin.post(`/api/units/${counties.c}/reactivate`)).json().status).toBe('active');
    expect((await signIn(ctx, username, STRONG)).cookie).not.toBe('');
  });
});
