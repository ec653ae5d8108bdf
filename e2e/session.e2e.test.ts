import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Server, apiAs, browserMissing, btn, chooseOption, shot, signInAt, startSuite } from './support.js';

const missing = browserMissing();
const TITLE = '关于做好冬季安全生产工作的通知';

/**
 * A session that ends while a form is open: the office is typing a 收文登记 when the session is
 * revoked from elsewhere. Submitting opens the sign-in dialog over the page; after signing in the
 * form still holds what was typed and the document is registered exactly once. Then the idle
 * timeout: the page's clock runs ahead, the warning counts down, 继续使用 keeps the session, and
 * silence ends it with the same dialog.
 */
describe.skipIf(missing)('sessions that expire kindly', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let p: Page;

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    p = await context.newPage();
    await signInAt(p, `${server.url}/items`, 'office');
    await p.getByRole('button', { name: btn('收文登记') }).waitFor();
  }, 180_000);
  afterAll(async () => suite?.stop());
  const modal = (title: string) =>
    p.locator('.ant-modal').filter({ has: p.locator('.ant-modal-title', { hasText: title }) });

  it('asks for a sign-in over the form, keeps what was typed, and registers the document once', async () => {
    await p.getByRole('button', { name: btn('收文登记') }).click();
    await p.getByLabel('文号').fill('某应急函〔2026〕31号');
    await p.getByLabel('来文单位').fill('市应急管理局');
    await p.getByLabel('标题').fill(TITLE);
    // chooseOption: a bare click on a list still opening can be lost on a loaded machine, and the form would then
    // fail validation without sending anything (no 401, no dialog).
    await chooseOption(p, p.getByLabel('承办科室'), '综合科（办公室）');
    await p.getByLabel('承办人').click();
    await p.getByLabel('承办人').fill('周凯');
    await chooseOption(p, p.getByLabel('承办人'), '周凯');
    await p.getByText('我确认该文件不涉及国家秘密').click();

    // The office signs in elsewhere and ends every other session: the page's session is gone.
    const elsewhere = await apiAs(server, 'office');
    expect((await elsewhere.call('POST', '/api/auth/sessions/revoke-others')).revoked).toBeGreaterThanOrEqual(1);

    await p
      .locator('.ant-modal-footer')
      .getByRole('button', { name: btn('登记') })
      .click();
    const dialog = modal('请重新登录');
    await dialog.getByText('您填写的内容已保留').waitFor();
    expect(await dialog.getByLabel('用户名').inputValue()).toBe('office');
    await shot(p, 'session-relogin-dialog');
    // The form is still there beneath the dialog, with what was typed.
    expect(await p.getByLabel('标题').inputValue()).toBe(TITLE);

    await dialog.getByLabel('密码').fill('demo1234');
    await dialog.getByRole('button', { name: btn('登录并继续') }).click();
    await p.getByText(/已登记，办理时限/).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const ledger = await elsewhere.call('GET', `/api/items?q=${encodeURIComponent('冬季安全生产')}`);
    expect(ledger.items.filter((i: { title: string }) => i.title === TITLE)).toHaveLength(1);
  });

  it('puts the demo and calendar banners away for this user, still away after a reload', async () => {
    // A fresh page (the registered item's drawer from the test above would cover the banners).
    await p.goto(`${server.url}/items`);
    await p.getByTestId('demo-banner').getByRole('button', { name: '不再显示' }).click();
    await p.getByTestId('next-year-banner').getByRole('button', { name: '不再显示' }).click();
    await p.getByTestId('next-year-banner').waitFor({ state: 'detached' });
    await p.reload();
    await p.getByRole('button', { name: btn('收文登记') }).waitFor();
    // The header still says which unit this is, that it is the demo, and the campaign's year.
    await p.locator('header').getByText('示例县民政局').waitFor();
    await p.locator('header').getByText('演示').waitFor();
    expect(await p.getByTestId('demo-banner').count()).toBe(0);
    expect(await p.getByTestId('next-year-banner').count()).toBe(0);
    await shot(p, 'session-banners-dismissed');
    const me = await (await p.request.get(`${server.url}/api/auth/me`)).json();
    expect(me.dismissedBanners.sort()).toEqual(['calendar:2027', 'demo']);
  });

  it('tells the office that the QR codes point at this machine, and how to set the address', async () => {
    await p.goto(`${server.url}/opinions`);
    const warning = p.getByTestId('public-address-warning');
    await warning.getByText(/指向本机地址 http:\/\/localhost:\d+/).waitFor();
    await warning.getByText('ZUOFENG_PUBLIC_URL').waitFor();
    await shot(p, 'opinions-public-address-warning');
  });

  it('warns a minute before the idle timeout, keeps the session on 继续使用, ends it otherwise', async () => {
    // The page's clock, from a fresh load, so that it can run ahead.
    await p.clock.install();
    await p.goto(`${server.url}/items`);
    await p.getByRole('button', { name: btn('收文登记') }).waitFor();
    // Default 30 minutes: the stored activity may lag by five, so the page warns at 24 minutes.
    await p.clock.fastForward('24:01');
    const warning = modal('即将自动退出登录');
    await warning.getByText(/秒后自动退出登录/).waitFor();
    await shot(p, 'session-idle-warning');
    const kept = p.waitForResponse((r) => r.url().endsWith('/api/auth/keepalive') && r.status() === 200);
    await warning.getByRole('button', { name: btn('继续使用') }).click();
    await kept;
    await warning.waitFor({ state: 'hidden' });

    await p.clock.fastForward('24:01');
    await warning.getByText(/秒后自动退出登录/).waitFor();
    const out = p.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
    await p.clock.fastForward('01:01');
    await out;
    const dialog = modal('请重新登录');
    await dialog.getByText('因长时间未操作，已自动退出登录').waitFor();
    await dialog.getByLabel('密码').fill('demo1234');
    await dialog.getByRole('button', { name: btn('登录并继续') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await p.getByRole('button', { name: btn('收文登记') }).waitFor();
  });
});
