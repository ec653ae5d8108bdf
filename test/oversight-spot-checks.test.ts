import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/server/db/schema/audit.js';
import { units } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * Issue 20's random spot checks: the city's 督查室 draws items of the units below it, records the results, and
 * 不属实 sends a closed item back to its unit (reopened, audited in both units). An overseer of one county reads.
 */
let ctx: TestContext;
let city: Awaited<ReturnType<typeof newDemoUnit>>;
let bureau: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let countyWatch: Client;
let countyA = '';
let closedItem = '';
let openItem = '';

async function newUser(security: Client, name: string, grant: Record<string, unknown>) {
  const username = `${city.prefix}${name}`.replace(/_/g, '');
  const user = await security.post('/api/users', { username, displayName: name, password: 'Watch-2026!zf' });
  await security.post(`/api/users/${user.json().id}/grants`, grant);
  const first = await signIn(ctx, username, 'Watch-2026!zf');
  await first.post('/api/auth/password', { currentPassword: 'Watch-2026!zf', newPassword: 'Watch-2026!zf-2' });
  return signIn(ctx, username, 'Watch-2026!zf-2');
}

beforeAll(async () => {
  ctx = await testApp();
  city = await newDemoUnit(ctx);
  const admin = await signIn(ctx, city.user('admin'));
  countyA = (
    await admin.post('/api/units', { code: `${city.prefix}spot-a`.replace(/_/g, '-'), name: 'A县', kind: 'county' })
  ).json().id;
  bureau = await newDemoUnit(ctx);
  await ctx.database.db.update(units).set({ parentId: countyA }).where(eq(units.id, bureau.unit.id));
  const bOffice = await signIn(ctx, bureau.user('office'));
  const member = await signIn(ctx, bureau.user('member1'));
  const dept = (await bOffice.get('/api/departments')).json()[0].id;
  const owner = (await member.get('/api/auth/me')).json().user.personId;
  const make = async (title: string) =>
    (
      await bOffice.post('/api/items', {
        ownerPersonId: owner,
        title,
        leadDepartmentId: dept,
        receivedOn: '2026-11-10',
      })
    ).json();
  const done = await make('县局督办：低保复核');
  const signed = (
    await member.post(`/api/items/${done.id}/transitions`, { action: 'sign', version: done.version })
  ).json();
  const submitted = await member.post(`/api/items/${done.id}/transitions`, {
    action: 'submit',
    version: signed.version,
    result: '已复核完毕',
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const closed = await bOffice.post(`/api/items/${done.id}/transitions`, {
    action: 'close',
    version: submitted.json().version,
  });
  expect(closed.statusCode, closed.body).toBe(200);
  closedItem = done.id;
  openItem = (await make('县局督办：养老补贴发放')).id;
  const security = await signIn(ctx, city.user('security'));
  office = await newUser(security, 'spotdcs', { role: 'oversight' });
  countyWatch = await newUser(security, 'spotwatch', { role: 'oversight', scopeType: 'subtree', scopeId: countyA });
});

describe('random spot checks', () => {
  it('draws the items below, replayable from the stored seed; results recorded; 不属实 reopens the item', async () => {
    const empty = await office.get('/api/oversight/spot-checks');
    expect(empty.json().total).toBe(0);
    expect((await office.post('/api/oversight/spot-checks/draws', { size: 5, scope: 'closed' })).json()).toMatchObject({
      drawn: 1,
      candidates: 1,
    });
    const all = await office.post('/api/oversight/spot-checks/draws', { size: 5, scope: 'all' });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ drawn: 2, candidates: 2 });
    const list = (await office.get('/api/oversight/spot-checks')).json();
    expect(list.total).toBe(3);
    expect(list.items.every((s: { unitName: string; result: null }) => s.result === null)).toBe(true);
    const spot = list.items.find(
      (s: { itemId: string; drawId: string }) => s.itemId === closedItem && s.drawId === all.json().id,
    );
    expect(spot.itemStatus).toBe('closed');
    expect(spot.seed).toBe(all.json().seed);

    // 不属实 needs a note; then the item is reopened in its unit, audited there and above.
    expect(
      (await office.post(`/api/oversight/spot-checks/${spot.id}/result`, { result: 'false', version: spot.version }))
        .statusCode,
    ).toBe(400);
    const res = await office.post(`/api/oversight/spot-checks/${spot.id}/result`, {
      result: 'false',
      note: '现场核查发现仍有3户未复核',
      version: spot.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ result: 'false', resultLabel: '不属实', itemStatus: 'in_progress' });
    const bOffice = await signIn(ctx, bureau.user('office'));
    expect((await bOffice.get(`/api/items/${closedItem}`)).json().status).toBe('in_progress');
    for (const unitId of [bureau.unit.id, city.unit.id]) {
      const events = await ctx.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.unitId, unitId), eq(auditEvents.entityType, 'spot_check')));
      expect(events.some((e) => e.action === 'record')).toBe(true);
    }
    const reopened = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.unitId, bureau.unit.id), eq(auditEvents.entityId, closedItem)));
    expect(reopened.some((e) => e.action === 'reopen')).toBe(true);
    // Stale version: 409.
    expect(
      (await office.post(`/api/oversight/spot-checks/${spot.id}/result`, { result: 'true', version: spot.version }))
        .statusCode,
    ).toBe(409);
    const other = list.items.find((s: { itemId: string }) => s.itemId === openItem);
    const ok = await office.post(`/api/oversight/spot-checks/${other.id}/result`, {
      result: 'true',
      version: other.version,
    });
    expect(ok.json()).toMatchObject({ result: 'true', resultLabel: '属实', itemStatus: 'assigned' });
  });

  it('an overseer of one county reads and gets 403 on writes; bad input is 400', async () => {
    expect((await countyWatch.get('/api/oversight/spot-checks')).statusCode).toBe(200);
    expect((await countyWatch.post('/api/oversight/spot-checks/draws', { size: 2, scope: 'all' })).statusCode).toBe(
      403,
    );
    const member = await signIn(ctx, city.user('office'));
    expect((await member.get('/api/oversight/spot-checks')).statusCode).toBe(403);
    for (const bad of [{ size: 0, scope: 'all' }, { size: 5, scope: 'x' }, {}])
      expect((await office.post('/api/oversight/spot-checks/draws', bad)).statusCode).toBe(400);
    expect(
      (
        await office.post('/api/oversight/spot-checks/00000000-0000-4000-8000-000000000000/result', {
          result: 'true',
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });
});
