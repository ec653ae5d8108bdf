import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };

/**
 * Issue 20's 汇总看板 in the browser: the demo unit's administrator (who oversees the units below) adds a unit,
 * opens 上级督导, where the new unit says 暂无数据 until a refresh has counted it (never 0), and drills down to its
 * ledger read-only.
 */
describe.skipIf(missing)('汇总看板 in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    suite = await startSuite();
    ({ server, browser } = suite);
  });
  afterAll(async () => {
    await suite?.stop();
  });

  it('lists the unit below with 暂无数据 and opens its ledger read-only', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/units`, 'admin');
    await page.getByRole('button', { name: '新增下级单位' }).waitFor(LONG);
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/units', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ code: 'dash-xz', name: '示例县河西乡', kind: 'township' }),
      });
      return res.status;
    });
    expect(status).toBe(200);
    await page.goto(`${server.url}/oversight`);
    const board = page.getByTestId('oversight-dashboard');
    const row = board.locator('tr.ant-table-row').filter({ hasText: '示例县河西乡' });
    await row.waitFor(LONG);
    expect(await row.getByText('暂无数据').count()).toBeGreaterThan(0);
    await board
      .getByTestId('dashboard-as-of')
      .getByText(/暂无数据|数据截至/)
      .waitFor(LONG);
    await shot(page, 'oversight-dashboard');
    await row.getByRole('button', { name: '台账' }).click();
    await page.getByTestId('viewing-banner').getByText('示例县河西乡').waitFor(LONG);
    await page.waitForURL(/\/items/);
    await context.close();
  }, 240_000);
});
