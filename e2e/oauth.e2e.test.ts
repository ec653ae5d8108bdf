import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuthStandIns, type StandIns } from '../test/oauth-standins.js';
import { apiAs, browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

/**
 * Sign-in through 企业微信 / 钉钉 / 飞书 in the browser, against local stand-ins of the vendors: the
 * security administrator switches them on (API), the login page offers them, and a click (or opening
 * from the vendor's workbench) ends on the workbench.
 */
describe.skipIf(missing)('sign-in through the vendors, in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let standIns: StandIns;
  /** The public address (default http://localhost:PORT): the vendor sends the browser back there. */
  let site: string;
  let officeId: string;
  /** 李红梅's (leader1) roster mobile: a vendor account with it is linked only after her password. */
  let leaderMobile: string;

  beforeAll(async () => {
    standIns = await startOAuthStandIns();
    // The stand-ins run on 127.0.0.1: the system administrator allow-lists them, as for a private deployment.
    suite = await startSuite({ ZUOFENG_CHANNEL_ALLOW_HOSTS: '127.0.0.1' });
    ({ server, browser } = suite);
    site = server.url.replace('127.0.0.1', 'localhost');
    const security = await apiAs(server, 'security');
    for (const vendor of ['wecom', 'dingtalk', 'feishu'] as const) {
      const app = standIns.apps[vendor];
      const saved = await security.call('PUT', `/api/auth/oauth/settings/${vendor}`, {
        enabled: true,
        appId: app.appId,
        agentId: app.agentId,
        secret: app.secret,
        authBase: standIns.base,
        apiBase: standIns.base,
      });
      expect(saved).toEqual({ ok: true });
    }
    const office = await apiAs(server, 'office');
    const staff = (await office.call('GET', '/api/people?pageSize=100')).items as { name: string; phone: string }[];
    leaderMobile = staff.find((x) => x.name === '李红梅')!.phone.replace(/\D/g, '');
    const users = await security.call('GET', '/api/users?q=office');
    officeId = users.items.find((u: { username: string }) => u.username === 'office').id;
    for (const vendor of ['wecom', 'dingtalk'] as const)
      expect(
        await security.call('POST', `/api/users/${officeId}/oauth-links`, { vendor, vendorUserId: `office-${vendor}` }),
      ).toEqual({ ok: true });
  }, 180_000);
  afterAll(async () => {
    await suite?.stop();
    await standIns?.close();
  });

  const newPage = async (width: number, height: number): Promise<Page> =>
    (await browser.newContext({ viewport: { width, height } })).newPage();

  it('the login page offers the vendors; a click through 企业微信 lands on the workbench', async () => {
    const p = await newPage(1366, 768);
    await p.goto(`${site}/`);
    for (const label of ['企业微信登录', '钉钉登录', '飞书登录']) await p.getByRole('link', { name: label }).waitFor();
    await shot(p, 'oauth-login-1366');
    standIns.signInAs('wecom', { id: 'office-wecom', mobile: '' });
    await p.getByRole('link', { name: '企业微信登录' }).click();
    await p.getByTestId('office-section').waitFor();
    expect(new URL(p.url()).pathname).toBe('/');
    expect(standIns.calls).toContain('GET /cgi-bin/auth/getuserinfo');
  });

  it('on a phone, an unknown account is refused on the login page; opened from the 钉钉 workbench, a linked one signs in without a click', async () => {
    const p = await newPage(390, 844);
    await p.goto(`${site}/login`);
    await p.getByRole('link', { name: '飞书登录' }).waitFor();
    await shot(p, 'oauth-login-390');
    standIns.signInAs('feishu', { id: 'nobody-feishu', mobile: '13800000000' });
    await p.getByRole('link', { name: '飞书登录' }).click();
    await p.getByText('该飞书账号未关联作风系统账号，请联系管理员').waitFor();
    await shot(p, 'oauth-refused-390');
    // Text put in the address is not shown: only the codes the page knows are.
    await p.goto(`${site}/login?oauthError=${encodeURIComponent('账号已冻结，请致电客服')}`);
    await p.getByLabel('用户名').waitFor();
    expect(await p.getByText('账号已冻结').count()).toBe(0);
    standIns.signInAs('dingtalk', { id: 'office-dingtalk', mobile: '' });
    await p.goto(`${site}/?from=dingtalk`);
    await p.getByTestId('office-section').waitFor();
    expect(new URL(p.url()).search).toBe('');
  });

  it('a vendor account that matches a roster mobile signs in only after the password of that person, which links it', async () => {
    const p = await newPage(1366, 768);
    await p.goto(`${site}/login`);
    standIns.signInAs('dingtalk', { id: 'leader1-dingtalk', mobile: leaderMobile });
    await p.getByRole('link', { name: '钉钉登录' }).click();
    await p.getByText('该钉钉账号尚未关联作风系统账号').waitFor();
    await shot(p, 'oauth-confirm-link-1366');
    await p.getByLabel('用户名').fill('leader1');
    await p.getByLabel('密码').fill('demo1234');
    await p.getByRole('button', { name: btn('登录') }).click();
    await p.waitForURL((u) => u.pathname === '/');
    const security = await apiAs(server, 'security');
    const users = await security.call('GET', '/api/users?q=leader1');
    const leaderId = users.items.find((u: { username: string }) => u.username === 'leader1').id;
    const links = await security.call('GET', `/api/users/${leaderId}/oauth-links`);
    expect(links.items.map((l: { vendorUserId: string }) => l.vendorUserId)).toEqual(['leader1-dingtalk']);
  });

  it('the security administrator sees the settings without the secrets, and the accounts linked to a user', async () => {
    const p = await newPage(1366, 768);
    await signInAt(p, `${site}/sign-in`, 'security');
    await p.getByTestId('oauth-feishu').waitFor();
    expect(await p.getByText('已设置；留空则不修改').count()).toBe(3);
    expect(await p.content()).not.toContain(standIns.apps.wecom.secret);
    await shot(p, 'oauth-settings-1366');
    await p.goto(`${site}/users`);
    await p.getByPlaceholder('用户名或姓名').fill('office');
    await p.getByPlaceholder('用户名或姓名').press('Enter');
    await p.getByRole('row').filter({ hasText: 'office' }).getByRole('button', { name: '第三方账号' }).click();
    await p.getByRole('dialog').getByText('office-dingtalk').waitFor();
    await shot(p, 'oauth-links-1366');
  });
});
