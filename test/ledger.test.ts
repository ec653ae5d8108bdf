import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from './xlsx.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let office: Client;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
beforeAll(async () => {
  ctx = await testApp({ ledgerCountCap: 5 });
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  const owner = (await (await signIn(ctx, unit.user('member1'))).get('/api/auth/me')).json().user.personId;
  const dept = (await office.get('/api/departments')).json()[0].id;
  for (let i = 0; i < 8; i++) {
    const res = await office.post('/api/items', {
      title: `台账事项${i}`,
      leadDepartmentId: dept,
      ownerPersonId: owner,
      receivedOn: `2026-11-${String(10 + i).padStart(2, '0')}`,
    });
    expect(res.statusCode).toBe(200);
  }
});

const page = async (query: string) => {
  const r = (await office.get(`/api/items?${query}`)).json();
  return {
    rows: r.items.length,
    total: r.total,
    exact: r.totalExact,
    dues: r.items.map((i: { due: string }) => i.due),
  };
};

describe('the ledger count', () => {
  it('stops at the cap past the page start, says so, and becomes exact near the end', async () => {
    // Cap 5: page 1 counts up to 5 of the 8 rows ("超过 5 项").
    expect(await page('pageSize=2&page=1')).toMatchObject({ rows: 2, total: 5, exact: false });
    // Page 2 starts at row 2: counted up to 7.
    expect(await page('pageSize=2&page=2')).toMatchObject({ rows: 2, total: 7, exact: false });
    // Page 4 starts at row 6: 6 + 5 ≥ 8, so the count is exact.
    expect(await page('pageSize=2&page=4')).toMatchObject({ rows: 2, total: 8, exact: true });
    // A filter with fewer rows than the cap is exact from the first page.
    expect(await page('q=台账事项7')).toMatchObject({ rows: 1, total: 1, exact: true });
    const all = (await page('pageSize=8')).dues;
    expect(all).toEqual([...all].sort());
  });

  it('still counts when the page is past the last row', async () => {
    expect(await page('pageSize=5&page=3')).toMatchObject({ rows: 0, total: 8, exact: true });
    expect(await page('q=没有这个事项')).toMatchObject({ rows: 0, total: 0, exact: true });
  });
});

describe('ledger exports', () => {
  it('report their progress to whoever started them, and are recorded in the audit trail', async () => {
    const id = randomUUID();
    const res = await office.get(`/api/items/export.xlsx?q=台账事项&progressId=${id}`);
    expect(res.statusCode).toBe(200);
    expect((await readXlsx(res.rawPayload)).length).toBe(1 + 8);
    expect((await office.get(`/api/exports/${id}`)).json()).toEqual({
      id,
      kind: 'ledger',
      total: 8,
      done: 8,
      status: 'done',
    });
    const again = await office.get(`/api/items/export.xlsx?progressId=${id}`);
    expect([again.statusCode, again.json().message]).toEqual([400, '导出编号重复，请重新导出']);
    expect((await office.get('/api/items/export.xlsx?progressId=not-a-uuid')).statusCode).toBe(400);
    expect((await office.get(`/api/exports/${randomUUID()}`)).statusCode).toBe(404);
    const events = (await office.get(`/api/audit/events?entityType=export&entityId=${id}`)).json().items;
    expect(events[0]).toMatchObject({ action: 'export', entityId: id });
  });

  it('are not visible to another user, in the unit or outside it', async () => {
    const id = randomUUID();
    await office.get(`/api/items/export.xlsx?progressId=${id}`);
    const colleague = await signIn(ctx, unit.user('secretary'));
    expect((await colleague.get(`/api/exports/${id}`)).statusCode).toBe(404);
    const elsewhere = await signIn(ctx, (await newDemoUnit(ctx)).user('office'));
    expect((await elsewhere.get(`/api/exports/${id}`)).statusCode).toBe(404);
  });
});

describe('rankings count missed reports (漏报) from the stored reports', () => {
  it('one per week without a weekly report, by department', async () => {
    const unit = await newDemoUnit(ctx); // its own unit: this test moves the clock
    const o = await signIn(ctx, unit.user('office'));
    const member = await signIn(ctx, unit.user('member1'));
    const owner = (await member.get('/api/auth/me')).json().user.personId;
    const dept = (await o.get('/api/departments')).json()[0];
    const item = (
      await o.post('/api/items', {
        title: '每周报送的事项',
        leadDepartmentId: dept.id,
        ownerPersonId: owner,
        receivedOn: '2026-11-30',
        cadence: 'weekly',
        explicitDue: '2026-12-31',
      })
    ).json();
    const day = 86_400_000;
    ctx.clock.advance(9 * day); // 12-09: nine days without a report — one week missed
    const later = await signIn(ctx, unit.user('member1'));
    expect(
      (
        await later.post(`/api/items/${item.id}/reports`, {
          text: '已完成摸底',
          percent: 30,
          idempotencyKey: 'weekly-report-1',
        })
      ).statusCode,
    ).toBe(200);
    ctx.clock.advance(11 * day); // 12-20: eleven days since that report — another
    const rows = (
      await (await signIn(ctx, unit.user('office'))).get('/api/rankings?by=department&from=2026-12-01&to=2026-12-31')
    ).json();
    expect(rows.find((r: { group: string }) => r.group === dept.name)).toMatchObject({ items: 1, lapses: 2 });
  });
});

describe('ledger filters', () => {
  it('by responsible leader and by category', async () => {
    const u = await newDemoUnit(ctx);
    const o = await signIn(ctx, u.user('office'));
    const people = (await o.get('/api/people?pageSize=50')).json().items as { id: string; name: string }[];
    const [owner, leaderA, leaderB] = [people[5]!, people[0]!, people[1]!];
    const dept = (await o.get('/api/departments')).json()[0].id;
    const make = (title: string, leaderPersonId: string, category: string | null) =>
      o.post('/api/items', {
        title,
        leadDepartmentId: dept,
        ownerPersonId: owner.id,
        leaderPersonId,
        category,
        receivedOn: '2026-11-20',
      });
    await make('甲领导的务实之风事项', leaderA.id, '大兴务实之风');
    await make('甲领导的其他事项', leaderA.id, null);
    await make('乙领导的务实之风事项', leaderB.id, '大兴务实之风');
    const titles = async (q: string) =>
      (await o.get(`/api/items?${q}`))
        .json()
        .items.map((i: { title: string }) => i.title)
        .sort();
    expect(await titles(`leaderPersonId=${leaderA.id}`)).toEqual(['甲领导的其他事项', '甲领导的务实之风事项']);
    expect(await titles(`category=${encodeURIComponent('大兴务实之风')}`)).toEqual([
      '乙领导的务实之风事项',
      '甲领导的务实之风事项',
    ]);
    expect(await titles(`leaderPersonId=${leaderB.id}&category=${encodeURIComponent('大兴务实之风')}`)).toEqual([
      '乙领导的务实之风事项',
    ]);
    expect((await o.get('/api/items?leaderPersonId=nobody')).statusCode).toBe(400);
  });
});
