import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO_UNPLANNED_MEETING, DEMO_UNPLANNED_REASON } from '../src/server/demo/demo-plan.js';
import { browserMissing, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };

/**
 * The 减负 view of a fresh `npm start` (demo year seeded, today 2026-11-30): the office opens 议事决策 →
 * 发文会议计划（减负） and sees November's plan against actual, the one unplanned meeting with its reason,
 * and the merge suggestion.
 */
describe.skipIf(missing)('发文会议计划（减负） in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
  });
  afterAll(async () => {
    await suite?.stop();
  });

  it('shows the month’s plan and actual, the unplanned meeting with its reason, and a merge suggestion', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/decisions?tab=plan`, 'office');
    await page.getByRole('tab', { name: '计划执行情况' }).waitFor(LONG);
    const november = page.locator('tr.ant-table-row').filter({ hasText: '11月' }).first();
    await november.getByText(DEMO_UNPLANNED_REASON).waitFor(LONG);
    await november.getByText(DEMO_UNPLANNED_MEETING).waitFor(LONG);
    // 会议（计划 / 实际）: one 调度会 planned, it and the 推进会 held.
    await november.getByText('1 / 2').waitFor(LONG);
    await page.getByText('一方参会人员均参加了另一方').waitFor(LONG);
    await shot(page, 'decisions-plan-burden');
    await page.getByRole('tab', { name: '发文登记' }).click();
    await page.locator('tr.ant-table-row').filter({ hasText: '示民发〔2026〕25号' }).waitFor(LONG);
    await shot(page, 'decisions-plan-register');
    await page.getByRole('tab', { name: '年度计划' }).click();
    await page.locator('tr.ant-table-row').filter({ hasText: '11月重点工作调度会' }).waitFor(LONG);
    await page.getByRole('button', { name: '新增计划条目' }).click();
    await page.getByRole('dialog').getByText('计划月份').waitFor(LONG);
    await shot(page, 'decisions-plan-entries');
    await context.close();
  }, 180_000);
});
