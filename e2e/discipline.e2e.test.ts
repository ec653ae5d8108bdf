import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/server/demo/demo-data.js';
import { browserMissing, btn, chooseOption, SCREENSHOTS, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const WIDE = { width: 1366, height: 768 };
/** A generous wait for states on a busy machine. */
const LONG = { timeout: 60_000 };
const NOTE = '上午九时检查时不在岗，未请假，电话联系后二十分钟返回';
const EXPLANATION = '当时去档案室调取材料，未按规定报告，今后离岗一定先报告。';

/** LibreOffice renders the 通报; under CI its absence is a failure, elsewhere the rendering is skipped with a warning. */
function libreOffice(): string | null {
  for (const bin of ['/usr/bin/soffice', '/usr/bin/libreoffice']) if (fs.existsSync(bin)) return bin;
  const why =
    '未找到 LibreOffice：通报公文的渲染检查已跳过。安装：apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils';
  if (process.env.CI) throw new Error(`CI: ${why}`);
  console.warn(why);
  return null;
}

/** The demo login of a person (src/server/demo/seed-demo.ts numbers the people without one member1, member2…). */
function loginOf(name: string): string {
  let n = 0;
  for (const p of DEMO_PEOPLE) {
    const login = p.login ?? `member${++n}`;
    if (p.name === name) return login;
  }
  throw new Error(`no demo person ${name}`);
}

/**
 * The end-to-end path of 纪律作风 on Monday 2026-12-07: the discipline staff draw this month's on-duty
 * checks and record the first with one person 无故离岗; the finding is explained by that person; a
 * 检查情况通报 is drafted from it, approved by the 纪检组长, issued, read by a member, and its .docx opens
 * in LibreOffice. Every step of the staff, the person, the lead and the member is a click in the page.
 */
describe.skipIf(missing)('纪律作风: check, finding, 说明 and 通报 in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let staff: Page;
  let personName = '';
  let noticeTitle = '';
  let docNumber = '';

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-12-07T09:00:00+08:00' });
    ({ server, browser } = suite);
    staff = await pageAs('discipline', 'checks');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await suite?.stop();
  });

  async function pageAs(username: string, tab: string) {
    const context = await browser.newContext({ viewport: WIDE });
    contexts.push(context);
    const p = await context.newPage();
    await signInAt(p, `${server.url}/discipline?tab=${tab}`, username);
    await p.getByRole('tab', { name: '通报' }).waitFor(LONG);
    return p;
  }
  const toast = (p: Page, text: string) =>
    p.locator('.ant-message-notice').getByText(text, { exact: true }).first().waitFor(LONG);
  const openTab = async (p: Page, label: string) => {
    await p.getByRole('tab', { name: label, exact: true }).click();
    await p.locator('.ant-tabs-tab-active').getByText(label, { exact: true }).waitFor(LONG);
  };
  /** The open drawer of one 通报 (a drawer is a dialog that lists the findings it names). */
  const noticeDrawer = (p: Page) => p.getByRole('dialog').filter({ hasText: '所列问题' });
  /** The OK button of the confirm dialog that is open (antd: 确定, or OK before the locale loads). */
  const confirmOpen = async (p: Page, ok: RegExp = /确\s?定|OK/) => {
    const dialog = p.locator('.ant-modal-confirm:visible');
    await dialog.getByRole('button', { name: ok }).click();
    await dialog.waitFor({ state: 'hidden', ...LONG });
  };

  it('the staff draw this month’s checks and record the first: one person 无故离岗', async () => {
    const p = staff;
    await p.getByText('还没有在岗检查计划').waitFor(LONG);
    await p.getByRole('button', { name: btn('抽取本月检查') }).click();
    await confirmOpen(p, btn('抽取'));
    await p
      .locator('.ant-message-notice')
      .getByText(/已抽取：本月检查 \d+ 次/)
      .waitFor(LONG);
    await p.getByRole('button', { name: btn('本月已抽取') }).waitFor(LONG);
    const card = p.locator('.ant-card').filter({ hasText: '2026-12 在岗检查' });
    await card.getByText('第 1 次').waitFor(LONG);
    await shot(p, 'discipline-checks-drawn');

    await card.getByRole('button', { name: '记录检查情况' }).first().click();
    const dialog = p.getByRole('dialog').filter({ hasText: '第 1 次在岗检查' });
    const rows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor(LONG);
    // The first person prefilled 在岗 (not the staff member herself): the check finds them away without leave.
    const firstOnDuty = rows.filter({ hasText: '在岗' }).filter({ hasNotText: '戚红' }).first();
    personName = (await firstOnDuty.locator('td').nth(1).textContent())!.trim();
    expect(personName).not.toBe('');
    // By name from here on: once 无故离岗 is chosen the row no longer reads 在岗.
    const onDuty = rows.filter({ has: p.getByRole('cell', { name: personName, exact: true }) });
    const others = await rows.count();
    await chooseOption(p, onDuty.locator('.ant-select'), '无故离岗');
    await onDuty.locator('input.ant-input').fill(NOTE);
    await dialog.getByRole('button', { name: btn('保存记录') }).click();
    await toast(p, '已记录，1 人的情况已列入“问题与说明”');
    await card.getByText('已记录').first().waitFor(LONG);

    // Read back: exactly one 无故离岗 in the record, everyone else as prefilled.
    await card.getByRole('button', { name: '查看记录' }).first().click();
    const view = p.getByRole('dialog').filter({ hasText: '第 1 次在岗检查' });
    await view.locator('.ant-table-tbody tr.ant-table-row').first().waitFor(LONG);
    expect(await view.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(others);
    const absent = view.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '无故离岗' });
    expect(await absent.count()).toBe(1);
    await expect(absent.textContent()).resolves.toContain(personName);
    await expect(absent.textContent()).resolves.toContain(NOTE);
    await shot(p, 'discipline-check-recorded');
    await view
      .locator('.ant-modal-footer')
      .getByRole('button', { name: btn('关闭') })
      .click();
    await view.waitFor({ state: 'hidden', ...LONG });
  });

  it('the finding is under 问题与说明; the staff ask, the person reads the request and writes the 说明', async () => {
    const p = staff;
    await openTab(p, '问题与说明');
    const row = p.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: personName });
    await row.getByText('无故离岗').waitFor(LONG);
    await row.getByText('待说明').waitFor();
    await row.getByRole('button', { name: '要求说明' }).click();
    await toast(p, '已通知本人填写说明');
    await row.getByText('已要求说明').waitFor(LONG);

    const person = await pageAs(loginOf(personName), 'findings');
    await person.getByTestId('inbox-button').click();
    await person.getByTestId('inbox-list').getByText('请填写一项情况说明').waitFor(LONG);
    await person.keyboard.press('Escape');
    const mine = person.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '无故离岗' });
    await mine.getByRole('button', { name: '填写说明' }).click();
    const dialog = person.getByRole('dialog').filter({ hasText: '填写情况说明' });
    await dialog.locator('textarea').fill(EXPLANATION);
    await dialog.getByRole('button', { name: btn('提交说明') }).click();
    await toast(person, '说明已提交');
    await mine.getByText('已说明').waitFor(LONG);
    expect(await mine.getByRole('button', { name: '填写说明' }).count()).toBe(0);
    await shot(person, 'discipline-finding-explained-by-person');

    await p.reload();
    await row.getByText('已说明').waitFor(LONG);
    // Heard out, the staff confirm the finding: only a confirmed finding goes into a 通报.
    await row.getByRole('button', { name: /^认\s?定$/ }).click();
    await toast(p, '已认定');
    await row.getByText('已认定').waitFor(LONG);
  });

  it('the staff draft a 检查情况通报, the 纪检组长 approves, the staff issue it, a member reads it', async () => {
    const p = staff;
    await openTab(p, '通报');
    await p.getByRole('button', { name: '根据问题起草通报' }).click();
    const draft = p.getByRole('dialog').filter({ hasText: '根据问题起草通报' });
    const candidate = draft.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: personName });
    await candidate.getByText(EXPLANATION).waitFor(LONG);
    await candidate.locator('.ant-checkbox-input').check();
    await draft.getByRole('button', { name: /确\s?定|OK/ }).click();
    await toast(p, '已起草，请核对正文');
    const drawer = noticeDrawer(p);
    await drawer.getByText('所列问题（1）').waitFor(LONG);
    noticeTitle = (await drawer.locator('.ant-drawer-title').textContent())!.trim();
    expect(noticeTitle).toContain('通报');
    await drawer.getByText('检查情况通报', { exact: true }).waitFor();
    await expect(drawer.textContent()).resolves.toContain(personName);
    await shot(p, 'discipline-notice-drafted');
    await drawer.locator('.ant-drawer-close').click();

    const lead = await pageAs('leader4', 'notices');
    await lead.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: noticeTitle }).click();
    const leadDrawer = noticeDrawer(lead);
    await leadDrawer.getByRole('button', { name: btn('审批通过') }).click();
    await confirmOpen(lead);
    await toast(lead, '已审批');
    await leadDrawer.locator('.ant-tag').getByText('已审批').waitFor(LONG);

    await p.reload();
    await p.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: noticeTitle }).click();
    await drawer.getByRole('button', { name: btn('印发') }).click();
    await confirmOpen(p);
    await toast(p, '已印发，全体干部职工已收到提醒');
    await drawer.locator('.ant-tag').getByText('已印发').waitFor(LONG);
    const numberCell = drawer.locator('.ant-descriptions-item').filter({ hasText: '发文字号' });
    await numberCell.getByText(/〔2026〕/).waitFor(LONG);
    docNumber = (await numberCell.locator('.ant-descriptions-item-content').textContent())!.trim();
    await shot(p, 'discipline-notice-issued');

    const reader = ['member1', 'member2'].find((l) => l !== loginOf(personName))!;
    const member = await pageAs(reader, 'notices');
    const issued = member.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: noticeTitle });
    await issued.getByText('已印发').waitFor(LONG);
    await expect(issued.textContent()).resolves.toContain(docNumber);
    // A member is listed issued notices only: no status filter that could only empty the list.
    expect(await member.getByText('草稿', { exact: true }).count()).toBe(0);
    await issued.click();
    await noticeDrawer(member).getByText('所列问题（1）').waitFor(LONG);
    await shot(member, 'discipline-notice-read-by-member');
  });

  it('the issued 通报 downloads as a .docx that LibreOffice renders with its number, title, person and 无故离岗', async () => {
    const p = staff;
    const drawer = noticeDrawer(p);
    const [download] = await Promise.all([
      p.waitForEvent('download', LONG),
      drawer.getByRole('button', { name: btn('下载公文') }).click(),
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-notice-'));
    const docx = path.join(dir, 'notice.docx');
    await download.saveAs(docx);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const soffice = libreOffice();
    if (!soffice) return;
    execFileSync(
      soffice,
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
      { timeout: 150_000, stdio: 'ignore' },
    );
    const pdf = path.join(dir, 'notice.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')], {
      timeout: 60_000,
    });
    const page1 = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    fs.copyFileSync(path.join(dir, page1), path.join(SCREENSHOTS, 'discipline-notice-page1.png'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(docNumber.replace(/\s+/g, ''));
    expect(text).toContain(noticeTitle.replace(/\s+/g, ''));
    expect(text).toContain(personName);
    expect(text).toContain('无故离岗');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['discipline', 'member1'])('every discipline tab as %s at 1366×768', async (login) => {
    const p = await pageAs(login, 'leave');
    const labels = (await p.locator('.ant-tabs-tab').allTextContents()).map((l) => l.trim());
    expect(labels.length).toBeGreaterThan(3);
    for (const label of labels) {
      await openTab(p, label);
      // Lists have loaded when no spinner is left in the tab.
      await p
        .locator('.ant-tabs-tabpane-active .ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached', ...LONG });
      await shot(p, `discipline-tab-${login}-${label}`);
    }
  });
});
