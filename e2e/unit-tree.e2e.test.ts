import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, btn, chooseOption, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };

/**
 * Issue 20's unit tree in the browser: the demo unit's system administrator adds a unit below, invites its
 * system administrator, who opens the link, sets a password once and signs in; the upper administrator then
 * reads the new unit's ledger read-only (the banner says so) and goes back.
 */
describe.skipIf(missing)('下级单位 in the browser', () => {
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

  it('adds a unit below, invites its administrator, and reads it read-only', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/units`, 'admin');
    await page.getByText('还没有下级单位').waitFor(LONG);
    await page.getByRole('button', { name: '新增下级单位' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('单位代码').fill('xiaxian-mzs');
    await form.getByLabel('单位名称').fill('示例县某乡民政所');
    await chooseOption(page, form.getByLabel('单位类型'), '乡镇（街道）');
    await form.getByRole('button', { name: btn('确定') }).click();
    const row = page.locator('tr.ant-table-row').filter({ hasText: '示例县某乡民政所' });
    await row.getByText('正常').waitFor(LONG);
    await row.getByRole('button', { name: '管理员邀请' }).click();
    const invite = page.getByRole('dialog');
    await invite.getByPlaceholder('用户名').fill('mzs-admin');
    await invite.getByPlaceholder('显示名称').fill('民政所系统管理员');
    await invite.getByRole('button', { name: '生成邀请链接' }).click();
    const linkText = invite.locator('.ant-alert').getByText(/\/invite\//);
    await linkText.waitFor(LONG);
    const link = (await linkText.textContent())!.trim();
    await invite.locator('tr.ant-table-row').filter({ hasText: 'mzs-admin' }).getByText('待使用').waitFor(LONG);
    await shot(page, 'units-invite');
    await page.keyboard.press('Escape');

    // The invited administrator, in another browser, sets the password once.
    const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const invited = await other.newPage();
    await invited.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await invited.getByText('用户名：').waitFor(LONG);
    await invited.getByLabel('新密码').fill('Zf#Village-2026');
    await invited.getByLabel('再次输入').fill('Zf#Village-2026');
    await invited.getByRole('button', { name: btn('设置密码') }).click();
    await invited.getByText('密码已设置').waitFor(LONG);
    await invited.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await invited.getByText('邀请链接不可用').waitFor(LONG);
    await shot(invited, 'units-invite-spent');
    await other.close();

    // Read-only drill-down: the new unit's ledger, with the banner, and back.
    await page.reload();
    await row.getByRole('button', { name: '查看（只读）' }).click();
    await page.getByTestId('viewing-banner').getByText('示例县某乡民政所').waitFor(LONG);
    await page.waitForURL(/\/items/);
    await shot(page, 'units-viewing-ledger');
    expect(await page.getByRole('menuitem', { name: '工作台' }).count()).toBe(0);
    await page.getByRole('button', { name: '返回本单位' }).click();
    await page.getByRole('button', { name: '新增下级单位' }).waitFor(LONG);
    expect(await page.getByTestId('viewing-banner').count()).toBe(0);
    // The accepted account now signs in to its own unit.
    const mzs = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mzs-admin', password: 'Zf#Village-2026' }),
    });
    expect(mzs.status).toBe(200);
    await context.close();
  }, 240_000);
});
