import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REPORTED_INDICATOR } from '../src/server/demo/demo-indicators.js';
import { browserMissing, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };

/**
 * 考核指标 on a fresh `npm start` (demo seeded, today 2026-11-30): the office opens 考核激励, sees the demo's
 * indicators with their current values coloured against the target, opens the evidence of one (its items link
 * to the item over the ledger), accepts the value 养老服务股 reported for this quarter, and adds an indicator. A member of
 * another department sees none of them.
 */
describe.skipIf(missing)('考核指标 in the browser', () => {
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

  it('the office sees values and evidence, reviews a reported value and adds an indicator', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/assessment?tab=indicators`, 'office');
    await page.getByRole('tab', { name: '考核指标' }).waitFor(LONG);
    const rateRow = page.locator('tr.ant-table-row').filter({ hasText: '督办事项按时办结率' });
    await rateRow.waitFor(LONG);
    await shot(page, 'assessment-indicators-list');
    // The evidence of the 社会救助股 rate: the items behind it, each a link to its page.
    await rateRow.getByRole('button', { name: '依据' }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '数据来源' });
    await drawer.getByText('2026年第4季度').first().waitFor(LONG);
    const links = drawer.locator('a[href^="/items?item="]');
    await links.first().waitFor(LONG);
    await shot(page, 'assessment-indicators-evidence');
    await drawer.locator('.ant-drawer-close').click();
    // The reported value waiting for review: accepted, then coloured (42.5 of 50 万元: 未达标).
    const reported = page.locator('tr.ant-table-row').filter({ hasText: DEMO_REPORTED_INDICATOR });
    await reported.getByRole('button', { name: '依据' }).click();
    await drawer.getByText('待审核', { exact: true }).waitFor(LONG);
    await shot(page, 'assessment-indicators-review');
    await drawer.getByRole('button', { name: '通过' }).click();
    await drawer.getByText('42.5 万元 · 未达标').first().waitFor(LONG);
    await shot(page, 'assessment-indicators-accepted');
    await drawer.locator('.ant-drawer-close').click();
    // A new indicator: a computed source fixes its unit.
    await page.getByRole('button', { name: '新增考核指标' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('科室').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '区划地名股' }).click();
    await dialog.getByLabel('指标名称').fill('逾期事项件数');
    await dialog.getByLabel('数据来源').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '逾期件数' }).click();
    await dialog.getByLabel('目标方向').click({ force: true });
    await dialog.getByLabel('目标值').fill('0');
    await shot(page, 'assessment-indicators-form');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('tr.ant-table-row').filter({ hasText: '逾期事项件数' }).waitFor(LONG);
    await context.close();
  }, 240_000);

  it('a member of 机关纪委 (no indicator of theirs) sees an empty, explained tab', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/assessment?tab=indicators`, 'member21');
    await page.getByText('暂无您可查看的考核指标').waitFor(LONG);
    expect(await page.locator('tr.ant-table-row').count()).toBe(0);
    await shot(page, 'assessment-indicators-empty');
    await context.close();
  }, 120_000);
});
