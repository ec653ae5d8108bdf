import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  browserMissing,
  btn,
  chooseOption,
  SCREENSHOTS,
  shot,
  signInAt,
  startSuite,
  type Server,
} from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };
const WIDE = { width: 1366, height: 900 };
const TITLE = '第四季度科室考核（验收）';

function libreOffice(): string | null {
  for (const bin of ['/usr/bin/soffice', '/usr/bin/libreoffice']) if (fs.existsSync(bin)) return bin;
  if (process.env.CI) throw new Error('CI: 未找到 LibreOffice');
  console.warn('未找到 LibreOffice：考核结果汇总的渲染检查已跳过');
  return null;
}

/**
 * 考核方案与结果 on a fresh `npm start` (today 2026-11-30): the office sets up a quarterly scheme for the departments
 * and computes it; a group member (张志强) scores 民主测评 with a reason; the 组长 (李红梅) confirms; the 党组书记 opens
 * a scorecard with its evidence and exports the .docx summary, which LibreOffice renders with subjects and totals.
 */
describe.skipIf(missing)('考核方案与结果 in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let schemeUrl = '';

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
  });
  afterAll(async () => {
    await suite?.stop();
  });

  async function pageAs(username: string, url: string): Promise<Page> {
    const context = await browser.newContext({ viewport: WIDE, acceptDownloads: true });
    const page = await context.newPage();
    await signInAt(page, `${server.url}${url}`, username);
    await page.getByText('考核激励').first().waitFor(LONG);
    // The scheme opened by its address (the sign-in may land on the tab without it).
    if (!page.url().endsWith(url)) await page.goto(`${server.url}${url}`);
    return page;
  }

  it('the office sets up a quarterly scheme and computes it from the record', async () => {
    const p = await pageAs('office', '/assessment?tab=schemes');
    await p.getByRole('button', { name: btn('新建考核方案') }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('方案名称').fill(TITLE);
    await dialog.getByLabel('考核期').fill('2026-Q4');
    await chooseOption(p, dialog.getByLabel('组长（确认考核结果）'), '李红梅');
    // A multiple choice stays open after a pick: the option is clicked, then the list closed.
    await dialog.getByLabel('考核组成员（人工评分）').click();
    await p
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '张志强' })
      .first()
      .click();
    await dialog.getByLabel('方案名称').click();
    await shot(p, 'assessment-scheme-form');
    await dialog.getByRole('button', { name: btn('确定') }).click();
    await dialog.waitFor({ state: 'hidden', ...LONG });
    await p.locator('tr.ant-table-row').filter({ hasText: TITLE }).click();
    await p.getByRole('button', { name: btn('按记录计算得分') }).click();
    await p.locator('tr.ant-table-row').filter({ hasText: '社会救助股' }).waitFor(LONG);
    schemeUrl = new URL(p.url()).pathname + new URL(p.url()).search;
    await shot(p, 'assessment-scheme-computed');
    await p.context().close();
  }, 180_000);

  it('a group member scores 民主测评 with a reason; the 组长 confirms', async () => {
    const p = await pageAs('leader2', schemeUrl);
    await p.locator('tr.ant-table-row').filter({ hasText: '社会救助股' }).click();
    const drawer = p.locator('.ant-drawer').filter({ hasText: '考核得分明细' });
    await drawer.getByRole('button', { name: btn('提交评分') }).waitFor(LONG);
    await drawer.getByPlaceholder('分数').fill('29');
    await drawer.getByPlaceholder('评分理由（必填）').fill('群众满意度测评结果较好');
    await drawer.getByRole('button', { name: btn('提交评分') }).click();
    await drawer.getByRole('cell', { name: '群众满意度测评结果较好', exact: true }).waitFor(LONG);
    await p.context().close();
    // The other departments are scored over the API (distinct scores: no tie at the 优秀 quota).
    const member = await apiAs(server, 'leader2');
    const id = new URLSearchParams(schemeUrl.split('?')[1]).get('scheme')!;
    const cards = (await member.call('GET', `/api/assessment/schemes/${id}/scorecards?pageSize=100`)) as {
      items: { id: string; subjectName: string }[];
    };
    let points = 20;
    for (const c of cards.items.filter((x) => x.subjectName !== '社会救助股'))
      await member.call('PUT', `/api/assessment/scorecards/${c.id}/manual-score`, {
        itemId: 'm3',
        points: points++,
        reason: '民主测评汇总',
      });
    const lead = await pageAs('leader1', schemeUrl);
    await lead.getByRole('button', { name: btn('组长确认考核结果') }).click();
    await lead.getByText('已确认').first().waitFor(LONG);
    await lead.context().close();
  }, 180_000);

  it('the 党组书记 sees a scorecard with its evidence and exports the summary', async () => {
    const p = await pageAs('secretary', schemeUrl);
    await p.locator('tr.ant-table-row').filter({ hasText: '社会救助股' }).click();
    const drawer = p.locator('.ant-drawer').filter({ hasText: '考核得分明细' });
    // The manual score with its assessor and reason, in the 人工评分 table and as the point's evidence.
    await drawer.getByRole('cell', { name: '群众满意度测评结果较好', exact: true }).waitFor(LONG);
    await drawer.getByText('（群众满意度测评结果较好）').waitFor(LONG);
    await drawer.getByText('按时办结率').first().waitFor(LONG);
    await shot(p, 'assessment-scorecard');
    await drawer.locator('.ant-drawer-close').click();
    const [download] = await Promise.all([
      p.waitForEvent('download', LONG),
      p.getByRole('button', { name: /导出汇总/ }).click(),
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-scheme-'));
    const docx = path.join(dir, 'summary.docx');
    await download.saveAs(docx);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const soffice = libreOffice();
    if (!soffice) return;
    execFileSync(
      soffice,
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
      { timeout: 150_000, stdio: 'ignore' },
    );
    const pdf = path.join(dir, 'summary.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')], {
      timeout: 60_000,
    });
    const page1 = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    fs.copyFileSync(path.join(dir, page1), path.join(SCREENSHOTS, 'assessment-summary-page1.png'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(`${TITLE}考核结果`);
    expect(text).toContain('社会救助股：总分');
    expect(text).toContain('养老服务股：总分');
    await p.context().close();
  }, 240_000);

  it('the 党组书记 reads the attention list with its rule in words (需关注, not a label)', async () => {
    const p = await pageAs('secretary', '/assessment?tab=attention');
    await p.getByText('需关注的规则：最近').waitFor(LONG);
    await p.getByText('只计已印发通报中的问题').waitFor(LONG);
    await shot(p, 'assessment-attention');
    await p.context().close();
  }, 120_000);
});
