import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserMissing, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

/**
 * 比一比 reads best first: on 2026-12-04 养老服务股 closed its one item on time (100 %), 社会救助股 one of
 * two (50 %), 综合科 has one open past its date (0 %), and 社会事务股 has nothing due yet — it is listed
 * last, unranked, not above the department with an overdue item.
 */
describe.skipIf(missing)('the rankings, in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let campaignId: string;

  beforeAll(async () => {
    // Counts exact figures of the items made below: the demo's sample work stays out.
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-12-04T10:00:00+08:00', ZUOFENG_DEMO_WORK: '0' });
    ({ server, browser } = suite);
    const office = await apiAs(server, 'office');
    const owner = await apiAs(server, 'member1');
    const depts = (await office.call('GET', '/api/departments')) as { id: string; name: string }[];
    const dept = (name: string) => depts.find((d) => d.name === name)!.id;
    const item = (name: string, due: string) =>
      office.call('POST', '/api/items', {
        title: `${name}的事项（${due}）`,
        leadDepartmentId: dept(name),
        ownerPersonId: owner.personId,
        receivedOn: '2026-11-02',
        explicitDue: due,
      }) as Promise<{ id: string; version: number }>;
    const close = async (i: { id: string; version: number }) => {
      const move = (who: typeof office, body: Record<string, unknown>, at: { id: string; version: number }) =>
        who.call('POST', `/api/items/${i.id}/transitions`, { version: at.version, ...body }) as Promise<{
          id: string;
          version: number;
          status: string;
        }>;
      const signed = await move(owner, { action: 'sign' }, i);
      const submitted = await move(owner, { action: 'submit', result: '已办理' }, signed);
      expect((await move(office, { action: 'close' }, submitted)).status).toBe('closed');
    };
    await close(await item('养老服务股', '2026-12-04'));
    await close(await item('社会救助股', '2026-12-04'));
    await item('社会救助股', '2026-12-01');
    await item('综合科（办公室）', '2026-12-02');
    await item('社会事务股', '2026-12-18');
    // A campaign whose one item (from its first measure) is due Monday 12-07: 临期, not overdue.
    const leader = await apiAs(server, 'leader1');
    const campaign = (await office.call('POST', '/api/campaigns', {
      name: '兴“十风”治“十弊”专项活动',
      year: 2026,
      startsOn: '2026-03-01',
      endsOn: '2026-12-15',
      params: { villageVisitsPerQuarter: 1 },
      phases: [{ key: 'prepare', title: '', from: '2026-03-01', to: '2026-03-31' }],
    })) as { id: string; measures: { id: string }[] };
    campaignId = campaign.id;
    const broken = await office.call(
      'POST',
      `/api/campaigns/${campaign.id}/measures/${campaign.measures[0]!.id}/breakdown`,
      {
        leaderPersonId: leader.personId,
        leadDepartmentId: dept('社会事务股'),
        ownerPersonIds: [owner.personId],
        receivedOn: '2026-11-30',
        explicitDue: '2026-12-07',
      },
    );
    expect(broken.itemIds).toHaveLength(1);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signInAt(page, `${server.url}/`, 'office');
    await page.getByText('本单位概况').waitFor();
  });
  afterAll(() => suite?.stop());

  it('puts the best department first, shows the formula, and lists the one with nothing due last, unranked', async () => {
    await page.goto(`${server.url}/rankings?from=2026-11-01&to=2026-12-31`);
    const table = page.getByTestId('ranking-table');
    await table.getByRole('row', { name: /社会事务股/ }).waitFor();
    await page.getByTestId('ranking-chart').locator('canvas').waitFor();
    await expect(page.getByTestId('ranking-rule').textContent()).resolves.toContain(
      '按按时办结率从高到低排序；相同时逾期件数（含逾期办结）少者在前',
    );
    const rows = table.locator('tbody tr.ant-table-row');
    const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).slice(0, 2);
    expect(await rows.count()).toBe(4);
    expect(await cells(0)).toEqual(['1', '养老服务股']);
    expect(await cells(1)).toEqual(['2', '社会救助股']);
    expect(await cells(2)).toEqual(['3', '综合科（办公室）']);
    expect(await cells(3)).toEqual(['暂无到期事项', '社会事务股']);
    await expect(rows.nth(1).textContent()).resolves.toContain('50%');
    await shot(page, 'rankings-best-first');
  });

  it("the workbench counts the unit's overdue items and its figure opens the ledger listing the same items", async () => {
    await page.goto(`${server.url}/`);
    const overdue = page.getByTestId('office-figure-overdue');
    await expect(overdue.textContent()).resolves.toBe('逾期未办结2');
    await expect(page.getByTestId('office-figure-dueSoon').textContent()).resolves.toBe('临期（2个工作日内）1');
    await shot(page, 'workbench-figures');
    await overdue.getByRole('link').click();
    await page.getByText('口径：逾期未办结').waitFor();
    await page.getByText('共 2 项').waitFor();
    await shot(page, 'ledger-figure-filter');
    await expect(page.getByRole('row', { name: /综合科（办公室）的事项（2026-12-02）/ }).count()).resolves.toBe(1);
  });

  it('the campaign overview counts 本活动事项 only, says so, and its 临期 opens the same item in the ledger', async () => {
    await page.goto(`${server.url}/campaigns/${campaignId}`);
    await page.getByTestId('figures-scope').waitFor();
    await expect(page.getByTestId('figures-scope').textContent()).resolves.toContain('本活动事项');
    await expect(page.getByTestId('figure-overdue').textContent()).resolves.toBe('逾期未办结0');
    const soon = page.getByTestId('figure-due-soon');
    await expect(soon.textContent()).resolves.toBe('临期1');
    await shot(page, 'campaign-overview-figures');
    await soon.getByRole('link').click();
    await page.getByText('本活动事项', { exact: true }).waitFor();
    await page.getByText('口径：临期').waitFor();
    await page.getByText('共 1 项').waitFor();
  });
});
