import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, units } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * Issue 20's 汇总看板: a city with two counties and three bureaus. The figures a refresh stores equal what each
 * unit's own ledger, campaign and compliance pages say; an overseer scoped to county A sees A's subtree only and
 * cannot refresh; a unit's own user without oversight gets 403; the .xlsx holds the rows and the heat map.
 */
let ctx: TestContext;
let city: Awaited<ReturnType<typeof newDemoUnit>>;
const counties: Record<'a' | 'b', string> = { a: '', b: '' };
let bureaus: Awaited<ReturnType<typeof newDemoUnit>>[] = [];
let cityWatch: Client;
let countyWatch: Client;
let office1: Client;
let campaignId: string;

interface Row {
  unitId: string;
  name: string;
  figures: null | {
    campaign: { id: string; name: string } | null;
    measures: number;
    measuresBrokenDown: number;
    campaignItems: number;
    campaignClosed: number;
    items: number;
    overdue: number;
    dueSoon: number;
    compliance: { met: number; decided: number; rate: number | null } | null;
    meeting: { title: string; status: string } | null;
    lastActivityAt: string | null;
    red: boolean;
  };
}

/** An account of the city with `grant`, its first password changed as the app requires. */
async function watcher(name: string, grant: Record<string, unknown>) {
  const security = await signIn(ctx, city.user('security'));
  const username = `${city.prefix}${name}`.replace(/_/g, '');
  const user = await security.post('/api/users', { username, displayName: name, password: 'Watch-2026!zf' });
  expect(user.statusCode, user.body).toBe(200);
  const granted = await security.post(`/api/users/${user.json().id}/grants`, grant);
  expect(granted.statusCode, granted.body).toBe(200);
  const c = await signIn(ctx, username, 'Watch-2026!zf');
  await c.post('/api/auth/password', { currentPassword: 'Watch-2026!zf', newPassword: 'Watch-2026!zf-2' });
  return signIn(ctx, username, 'Watch-2026!zf-2');
}

const rowsOf = async (c: Client, query = '') => {
  const res = await c.get(`/api/oversight/dashboard?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number; asOf: string | null; can: { manage: boolean } };
};

beforeAll(async () => {
  ctx = await testApp();
  city = await newDemoUnit(ctx);
  const cityAdmin = await signIn(ctx, city.user('admin'));
  for (const k of ['a', 'b'] as const) {
    const res = await cityAdmin.post('/api/units', {
      code: `${city.prefix}c-${k}`.replace(/_/g, '-'),
      name: `${k.toUpperCase()}县`,
      kind: 'county',
    });
    expect(res.statusCode, res.body).toBe(200);
    counties[k] = res.json().id;
  }
  // Three bureaus with the demo's people (a fixture: placed under the counties directly).
  bureaus = [
    await newDemoUnit(ctx, { sampleWork: true }),
    await newDemoUnit(ctx),
    await newDemoUnit(ctx, { sampleWork: true }),
  ];
  const parents = [counties.a, counties.a, counties.b];
  for (const [i, b] of bureaus.entries())
    await ctx.database.db.update(units).set({ parentId: parents[i]! }).where(eq(units.id, b.unit.id));
  // Bureau 1: a campaign with a measure broken down, an activity, a meeting.
  office1 = await signIn(ctx, bureaus[0]!.user('office'));
  const made = await office1.post('/api/campaigns', {
    name: '作风建设',
    year: 2026,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  expect(made.statusCode, made.body).toBe(200);
  campaignId = made.json().id;
  const campaign = (await office1.get(`/api/campaigns/${campaignId}`)).json();
  const depts = (await office1.get('/api/departments')).json();
  const people = (await office1.get('/api/people?pageSize=100')).json().items as { id: string }[];
  const broken = await office1.post(`/api/campaigns/${campaignId}/measures/${campaign.measures[4].id}/breakdown`, {
    leadDepartmentId: depts[0].id,
    ownerPersonIds: [people[0]!.id, people[1]!.id],
    receivedOn: '2026-11-30',
    milestones: [{ title: '确定联系村', due: '2026-12-01' }],
  });
  expect(broken.statusCode, broken.body).toBe(200);
  const act = await office1.post('/api/activities', {
    campaignId,
    type: 'study',
    kind: 'party_law_study',
    title: '学习党内法规',
    heldOn: '2026-11-20',
  });
  expect(act.statusCode, act.body).toBe(200);
  cityWatch = await watcher('city-watch', { role: 'oversight' });
  countyWatch = await watcher('a-watch', { role: 'oversight', scopeType: 'subtree', scopeId: counties.a });
});

describe('汇总看板', () => {
  it('says 暂无数据 (null) before any refresh, never 0', async () => {
    const d = await rowsOf(cityWatch);
    expect(d.total).toBe(5);
    expect(d.asOf).toBeNull();
    expect(d.items.every((r) => r.figures === null)).toBe(true);
  });

  it('a subtree-only overseer cannot refresh; the 督查室 can, and the refresh is audited', async () => {
    expect((await countyWatch.post('/api/oversight/dashboard/refresh')).statusCode).toBe(403);
    const res = await cityWatch.post('/api/oversight/dashboard/refresh');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().units).toBe(5);
    const audited = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.unitId, city.unit.id), eq(auditEvents.action, 'refresh_figures')));
    expect(audited).toHaveLength(1);
  });

  it("equals each unit's own ledger, campaign and compliance", async () => {
    const d = await rowsOf(cityWatch);
    expect(d.asOf).toBe(ctx.clock.now().toISOString());
    for (const b of bureaus) {
      const own = await signIn(ctx, b.user('office'));
      const f = d.items.find((r) => r.unitId === b.unit.id)!.figures!;
      const total = async (q: string) => (await own.get(`/api/items?pageSize=1${q}`)).json().total as number;
      expect(f.overdue).toBe(await total('&figure=overdue'));
      expect(f.dueSoon).toBe(await total('&figure=dueSoon'));
      expect(f.red).toBe(f.overdue > 0);
      if (!f.campaign) continue;
      const c = (await own.get(`/api/campaigns/${f.campaign.id}`)).json();
      expect([f.campaignItems, f.campaignClosed]).toEqual([c.figures.items, c.figures.closed]);
      const active = c.measures.filter((m: { active: boolean }) => m.active);
      expect(f.measures).toBe(active.length);
      expect(f.measuresBrokenDown).toBe(active.filter((m: { progress: { items: number } }) => m.progress.items).length);
      const rules = (await own.get(`/api/campaigns/${f.campaign.id}/rules`)).json() as {
        summary: { met: number; missed: number; over: number };
      }[];
      const met = rules.reduce((n, r) => n + r.summary.met, 0);
      const decided = rules.reduce((n, r) => n + r.summary.met + r.summary.missed + r.summary.over, 0);
      expect(f.compliance).toMatchObject({ met, decided });
    }
    const b1 = d.items.find((r) => r.unitId === bureaus[0]!.unit.id)!.figures!;
    expect(b1.campaign?.id).toBe(campaignId);
    expect([b1.campaignItems, b1.measuresBrokenDown]).toEqual([2, 1]);
    expect(b1.compliance!.decided).toBeGreaterThan(0);
    expect(b1.lastActivityAt).not.toBeNull();
    expect(d.items.filter((r) => r.figures!.red).length).toBeGreaterThan(0);
  });

  it('filters red units and kinds, sorts, pages', async () => {
    const red = await rowsOf(cityWatch, '&red=true');
    expect(red.items.every((r) => r.figures!.overdue > 0)).toBe(true);
    expect((await rowsOf(cityWatch, '&kind=county')).items.map((r) => r.unitId).sort()).toEqual(
      [counties.a, counties.b].sort(),
    );
    const sorted = (await rowsOf(cityWatch, '&sort=overdue&order=desc')).items.map((r) => r.figures!.overdue);
    expect(sorted).toEqual([...sorted].sort((x, y) => y - x));
    const page2 = (await cityWatch.get('/api/oversight/dashboard?pageSize=2&page=2&sort=name&order=asc')).json();
    expect([page2.total, page2.items.length]).toEqual([5, 2]);
    expect((await cityWatch.get('/api/oversight/dashboard?sort=nope')).statusCode).toBe(400);
  });

  it("a subtree-only overseer sees its subtree only; a unit's own user gets 403", async () => {
    const d = await rowsOf(countyWatch);
    expect(d.items.map((r) => r.unitId).sort()).toEqual([counties.a, bureaus[0]!.unit.id, bureaus[1]!.unit.id].sort());
    expect(d.can.manage).toBe(false);
    expect((await office1.get('/api/oversight/dashboard')).statusCode).toBe(403);
    expect((await office1.get('/api/oversight/dashboard/heatmap')).statusCode).toBe(403);
    expect((await office1.get('/api/oversight/dashboard.xlsx')).statusCode).toBe(403);
  });

  it('the heat map gives each rule title its 达标率, grey (null) where a unit has none', async () => {
    const h = (await cityWatch.get('/api/oversight/dashboard/heatmap?pageSize=100&sort=name&order=asc')).json();
    expect(h.rules.length).toBeGreaterThan(0);
    const b1 = h.units.find((u: { unitId: string }) => u.unitId === bureaus[0]!.unit.id);
    expect(b1.values.some((v: number | null) => v !== null)).toBe(true);
    const countyA = h.units.find((u: { unitId: string }) => u.unitId === counties.a);
    expect(countyA.values.every((v: number | null) => v === null)).toBe(true);
  });

  it('exports the rows and the heat map to .xlsx', async () => {
    const res = await cityWatch.get('/api/oversight/dashboard.xlsx?sort=name&order=asc');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总看板')!;
    expect(ws.rowCount).toBe(6);
    const names = [2, 3, 4, 5, 6].map((i) => String(ws.getRow(i).getCell(2).value));
    expect(names.sort()).toEqual((await rowsOf(cityWatch)).items.map((r) => r.name).sort());
    expect(wb.getWorksheet('达标率热力')!.rowCount).toBe(6);
  });
});
