import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };

/**
 * The project library and the think tank of a fresh `npm start` (demo seeded, today 2026-11-30): the office opens
 * 考核激励 → 项目库, sees the summary by stage, opens a project with its stage history and its task in the ledger's
 * colours, and the task's link opens the item; then 智库 with the experts (contacts shown to the office) and the
 * advice with its outcome; a leader sees the think tank without contacts; a member sees no 智库 tab.
 */
describe.skipIf(missing)('项目库 and 智库 in the browser', () => {
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

  it('项目库: summary cards by stage, a project with its history and its task, the task opens in the ledger', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/assessment?tab=projects`, 'office');
    await page.getByTestId('stage-implementing').getByText('1').first().waitFor(LONG);
    await page.getByText('县级养老服务中心改扩建项目').waitFor(LONG);
    await shot(page, 'libraries-projects');
    await page.getByText('县级养老服务中心改扩建项目').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('阶段变更记录').waitFor(LONG);
    await drawer.getByText('立项 → 实施').waitFor(LONG);
    await drawer.getByRole('link', { name: '完成护理楼主体工程招标' }).waitFor(LONG);
    await drawer.getByText('办理中').waitFor(LONG);
    await shot(page, 'libraries-project-drawer');
    await drawer.getByRole('button', { name: '变更阶段' }).click();
    await page.getByRole('dialog').getByText('当前为“实施”，变更为').waitFor(LONG);
    await shot(page, 'libraries-project-stage');
    await page.keyboard.press('Escape');
    await drawer.getByRole('link', { name: '完成护理楼主体工程招标' }).click();
    await page.waitForURL(/\/items\?item=/, LONG);
    await page.locator('.ant-drawer').getByText('争资争项项目：县级养老服务中心改扩建项目').first().waitFor(LONG);
    await shot(page, 'libraries-task-item');
    await context.close();
  }, 180_000);

  it('智库: the office sees contacts and the advice with its outcome; a leader no contacts; a member no tab', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/assessment?tab=thinktank`, 'office');
    await page.getByRole('cell', { name: '13800001234' }).waitFor(LONG);
    await page.getByText('关于建立低收入人口动态监测机制的建议').waitFor(LONG);
    await page.getByText('部分采纳').waitFor(LONG);
    await shot(page, 'libraries-thinktank-office');
    const pending = page.locator('tr.ant-table-row').filter({ hasText: '时间银行' });
    await pending.getByRole('button', { name: '办理结果' }).click();
    await page.getByRole('dialog').getByText('办理结果').first().waitFor(LONG);
    await shot(page, 'libraries-thinktank-outcome');
    await context.close();

    const leader = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const lp = await leader.newPage();
    await signInAt(lp, `${server.url}/assessment?tab=thinktank`, 'leader1');
    await lp.getByRole('cell', { name: '省社会科学院' }).waitFor(LONG);
    await lp.getByText('单位外专家的联系方式属个人信息，仅领导小组办公室可见。').waitFor(LONG);
    expect(await lp.getByText('13800001234').count()).toBe(0);
    expect(await lp.getByRole('button', { name: '登记建议' }).count()).toBe(0);
    await shot(lp, 'libraries-thinktank-leader');
    await leader.close();

    const member = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const mp = await member.newPage();
    await signInAt(mp, `${server.url}/assessment?tab=thinktank`, 'member1');
    await mp.getByRole('tab', { name: '项目库' }).waitFor(LONG);
    expect(await mp.getByRole('tab', { name: '智库' }).count()).toBe(0);
    await member.close();
  }, 180_000);
});
