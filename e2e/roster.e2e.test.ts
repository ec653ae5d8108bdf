import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, btn, SCREENSHOTS, shot as shotOf, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

/** A roster of `n` new people in the demo unit's departments; `bad` rows get broken cells. */
async function rosterFile(n: number, bad: Record<number, Partial<Record<string, string>>> = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '科室', '职务', '职级', '是否党员', '支部职务', '是否班子成员', '联系电话', '状态']);
  const depts = ['社会救助股', '养老服务股', '社会事务股', '区划地名股'];
  for (let i = 0; i < n; i++) {
    const row = {
      name: `导入人员${String(i + 1).padStart(3, '0')}`,
      dept: depts[i % 4]!,
      party: i % 3 === 0 ? '是' : '否',
      phone: `1370000${String(i).padStart(4, '0')}`,
      ...bad[i],
    };
    ws.addRow([row.name, row.dept, '科员', '一级科员', row.party, '', '否', row.phone, '在职']);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zf-roster-')), `花名册${n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe.skipIf(missing)('a new user on a fresh start', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => shotOf(page, name);

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_DEMO_WORK: '0' });
    ({ server, browser } = suite);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  });
  afterAll(() => suite?.stop());

  it('prints the demo logins on first start', () => {
    expect(server.output()).toContain('已创建演示单位“示例县民政局”');
    expect(server.output()).toMatch(/admin\s+secretary\s+leader1/);
  });

  it('logs in as admin and sees the demo roster', async () => {
    await page.goto(`${server.url}/roster`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: btn('登录') }).click();
    await page.getByText('用户名或密码不正确').waitFor();
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: btn('登录') }).click();
    await page.getByText('演示数据').waitFor();
    await page.getByRole('cell', { name: '赵敏' }).waitFor();
    await expect(page.getByText('共 30 人').textContent()).resolves.toBe('共 30 人');
    await shot('01-roster');
  });

  it('refuses a roster with bad rows, listing each, and writes nothing', async () => {
    const file = await rosterFile(20, { 3: { party: '也许' }, 7: { dept: '不存在的股' }, 12: { phone: '12345' } });
    await page.getByRole('button', { name: btn('导入') }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('发现 3 处错误').waitFor();
    const errors = page.getByTestId('import-errors');
    await expect(errors.getByRole('row').count()).resolves.toBe(4);
    await expect(errors.textContent()).resolves.toContain('科室“不存在的股”不存在');
    await shot('02-import-errors');
    await page.getByRole('button', { name: btn('重新上传') }).click();
  });

  it('imports 200 people with progress', async () => {
    const file = await rosterFile(200);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('检查通过：共 200 行').waitFor();
    await page.getByRole('button', { name: btn('开始导入') }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    await expect(page.getByText('新增 200 人，更新 0 人。').isVisible()).resolves.toBe(true);
    await shot('03-import-done');
    await page.getByRole('button', { name: btn('完成') }).click();
    await page.getByText('共 230 人').waitFor();
  });

  it('exports the roster as .xlsx with every person', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: btn('导出') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^示例县民政局花名册\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.actualRowCount).toBe(231);
    const names = ws.getColumn(1).values.slice(2);
    expect(names).toContain('导入人员200');
    expect(names).toContain('王建国');
  });

  it('edits a person and shows the change in the history', async () => {
    await page.getByLabel('搜索').fill('赵敏');
    await page.getByLabel('搜索').press('Enter');
    await page.getByText('共 1 人').waitFor();
    await page.getByRole('button', { name: btn('编辑') }).click();
    await page.getByLabel('职务', { exact: true }).fill('科长（主持工作）');
    await page.getByRole('button', { name: btn('保存') }).click();
    await page.getByRole('cell', { name: '科长（主持工作）' }).waitFor();
    await page.getByRole('button', { name: btn('历史') }).click();
    const history = page.getByTestId('audit-history');
    await history.getByText('科长（主持工作）').waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('修改');
    expect(text).toContain('系统管理员');
    expect(text).toMatch(/职务：科长\s*→\s*科长（主持工作）/);
    await shot('04-person-history');
  });

  it('shows the workbench with real figures, the org chart, the users and the audit pages', async () => {
    await page.goto(`${server.url}/`);
    await page.getByText('本单位概况').waitFor();
    const stats = page.locator('.ant-statistic');
    await page.getByTestId('office-figure-overdue').waitFor();
    await expect(stats.allTextContents().then((t) => t.slice(0, 4))).resolves.toEqual([
      '在职人员230',
      '在职党员87',
      '班子成员5',
      '科室（中心）6',
    ]);
    // Started without the demo's sample work, the unit has no supervised items: its figures say 0, counted as the ledger counts them.
    for (const key of ['overdue', 'dueSoon', 'unsigned', 'review', 'reportMissing', 'extensionPending'])
      await expect(
        page.getByTestId(`office-figure-${key}`).locator('.ant-statistic-content-value').textContent(),
      ).resolves.toBe('0');
    await shot('00-workbench');
    await page.goto(`${server.url}/org`);
    await page.getByTestId('org-chart').getByText('领导小组办公室').first().waitFor();
    await shot('05-org-chart');
    // 三员分立: the users page is the security administrator's, the audit log the audit administrator's.
    for (const [login, pathname] of [
      ['security', '/users'],
      ['auditor', '/audit'],
    ] as const) {
      const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await signInAt(other, `${server.url}${pathname}`, login);
      if (pathname === '/users') {
        await other.getByRole('cell', { name: 'leader1' }).waitFor();
        await shotOf(other, '06-users');
      } else {
        await other.getByRole('button', { name: btn('校验完整性') }).click();
        await other.getByText('审计链完整').waitFor();
        await shotOf(other, '07-audit');
      }
      await other.close();
    }
  });

  it('works on a phone-width screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${server.url}/roster`);
    await phone.getByRole('cell', { name: '王建国' }).waitFor();
    await phone.getByRole('button', { name: btn('菜单') }).click();
    await phone.getByRole('menuitem', { name: '组织架构' }).click();
    await phone.getByTestId('org-chart').waitFor();
    await phone.screenshot({ path: path.join(SCREENSHOTS, '08-phone-org.png') });
    await phone.close();
  });
});
