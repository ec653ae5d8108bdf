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

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-12-04T10:00:00+08:00' });
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
});
