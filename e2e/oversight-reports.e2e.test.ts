import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserMissing, btn, launchBrowser, shot, signInAt, startServer, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };
const WATCH = { username: 'shi-dcs', password: 'Zf#Watch-2026-new' };
const COUNTY_PASSWORD = 'Zf#County-2026';
const DOC_NO = '市督〔2026〕9号';

/**
 * 上报 in the browser (issue 20): the city's 督查室 asks its two counties for the organizational life meeting's
 * report, due in one working day; county A submits its document; two days later the city sees county B late,
 * chases it, and county B sees the chase on its 上级来文. The server runs on a fixed day (ZUOFENG_FAKE_NOW) and is
 * started again two days later on the same data.
 */
describe.skipIf(missing)('上报与交办 in the browser', () => {
  let server: Server;
  let browser: Browser;
  const counties: { name: string; admin: string }[] = [
    { name: '示例市甲县', admin: 'jiaxian-admin' },
    { name: '示例市乙县', admin: 'yixian-admin' },
  ];

  beforeAll(async () => {
    server = await startServer({ ZUOFENG_FAKE_NOW: '2026-12-01T01:00:00Z' });
    browser = await launchBrowser();
    // The city (the demo unit): two counties with their administrators, and the 督查室's oversight account.
    const admin = await apiAs(server, 'admin');
    for (const [i, c] of counties.entries()) {
      const unit = await admin.call('POST', '/api/units', { code: `county-${i}`, name: c.name, kind: 'county' });
      const invite = await admin.call('POST', `/api/units/${unit.id}/invites`, {
        role: 'system_admin',
        username: c.admin,
        displayName: `${c.name}系统管理员`,
      });
      const token = String(invite.link).split('/invite/')[1];
      const accepted = await fetch(`${server.url}/api/public/invites/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: COUNTY_PASSWORD }),
      });
      expect(accepted.status).toBe(200);
    }
    const security = await apiAs(server, 'security');
    const user = await security.call('POST', '/api/users', {
      username: WATCH.username,
      displayName: '市委督查室',
      password: 'Zf#Watch-2026',
    });
    await security.call('POST', `/api/users/${user.id}/grants`, { role: 'oversight' });
    const first = await apiAs(server, WATCH.username, 'Zf#Watch-2026');
    await first.call('POST', '/api/auth/password', { currentPassword: 'Zf#Watch-2026', newPassword: WATCH.password });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(username: string, password: string, url: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}${url}`, username, password);
    return page;
  }

  it('asks the counties for the report, one submits, the late one is chased', async () => {
    const city = await pageAs(WATCH.username, WATCH.password, '/oversight?tab=requests');
    await city.getByRole('button', { name: '下发报告要求或交办事项' }).click(LONG);
    const form = city.getByRole('dialog');
    await form.getByLabel('文号').fill(DOC_NO);
    await form.getByLabel(/办理时限/).fill('1');
    const units = form.getByRole('combobox').last();
    await units.click();
    for (const c of counties) await city.locator('.ant-select-item-option').filter({ hasText: c.name }).click(LONG);
    await city.keyboard.press('Escape');
    await form.getByRole('button', { name: /^下\s?发$/ }).click();
    const row = city.locator('tr.ant-table-row').filter({ hasText: DOC_NO });
    await row.getByText('0 / 2').waitFor(LONG);
    await row.getByText('2026-12-02').waitFor(LONG);
    await shot(city, 'oversight-requests');

    // County A: the request arrived; its administrator submits the report.
    const a = await pageAs(counties[0]!.admin, COUNTY_PASSWORD, '/incoming');
    const incoming = a.locator('tr.ant-table-row').filter({ hasText: '关于报送专题组织生活会情况报告的通知' });
    await incoming.getByText('待登记').waitFor(LONG);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zf-report-')), '甲县情况报告.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n% 甲县专题组织生活会情况报告\n%%EOF\n');
    await incoming.locator('input[type=file]').setInputFiles(file);
    // Submitted, it leaves the 待办 list for 已完成.
    await a.getByText('没有待办的上级来文').waitFor(LONG);
    await a.getByText('已完成', { exact: true }).click();
    await incoming.getByText('已上报').waitFor(LONG);
    await incoming.getByText(/甲县情况报告\.pdf/).waitFor(LONG);
    await shot(a, 'oversight-incoming-submitted');

    // Two working days later: the server starts again on the same data.
    await server.stop(true);
    server = await startServer({ ZUOFENG_FAKE_NOW: '2026-12-04T01:00:00Z' }, server.dataDir);
    const city2 = await pageAs(WATCH.username, WATCH.password, '/oversight?tab=requests');
    await city2.locator('tr.ant-table-row').filter({ hasText: DOC_NO }).getByText('1 / 2').click(LONG);
    const drawer = city2.getByRole('dialog');
    const late = drawer.locator('tr.ant-table-row').filter({ hasText: counties[1]!.name });
    await late.getByText('逾期').waitFor(LONG);
    await drawer.locator('tr.ant-table-row').filter({ hasText: counties[0]!.name }).getByText('已上报').waitFor(LONG);
    await drawer.getByRole('button', { name: '催报逾期单位' }).click();
    await city2
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: btn('发送') })
      .click();
    await late.getByText('1 次').waitFor(LONG);
    await shot(city2, 'oversight-request-chased');

    const b = await pageAs(counties[1]!.admin, COUNTY_PASSWORD, '/incoming');
    const chased = b.locator('tr.ant-table-row').filter({ hasText: DOC_NO });
    await chased.getByText('已被催 1 次').waitFor(LONG);
    await chased.getByText('逾期').waitFor(LONG);
    await shot(b, 'oversight-incoming-chased');
    expect(await chased.getByText('已上报').count()).toBe(0);
  }, 300_000);
});
