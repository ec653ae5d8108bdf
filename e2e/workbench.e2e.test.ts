import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** A 1×1 PNG: the "photo" a member attaches to a progress report. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Each role's first screen on the demo unit with its sample work (src/server/demo/demo-work.ts), on
 * Monday 2026-11-30: the office's figures are the ledger's, the 党组书记 approves an extension from
 * the first screen, a member on a phone sees the first task at once and reports and submits it.
 */
describe.skipIf(missing)('the workbench per role, in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await suite?.stop();
  });

  async function pageAs(username: string, viewport = WIDE, ready = 'item-figures') {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const p = await context.newPage();
    await signInAt(p, `${server.url}/`, username);
    await p.getByTestId(ready).waitFor();
    return p;
  }
  const figure = async (p: Page, testId: string) =>
    Number(await p.getByTestId(testId).locator('.ant-statistic-content-value').textContent());

  const closeDrawer = async (p: Page) => {
    await p.locator('.ant-drawer-close').click();
    await p.getByTestId('item-drawer').waitFor({ state: 'hidden' });
  };

  /** Follows a figure's link: the ledger opens filtered, and lists exactly as many items as the figure said. */
  async function followFigure(p: Page, testId: string, tag: string) {
    const n = await figure(p, testId);
    await p.getByTestId(testId).getByRole('link').click();
    await p.getByText(tag).waitFor();
    await p.getByText(`共 ${n} 项`).waitFor();
    await expect(p.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(n);
    return n;
  }

  it("office: 逾期 and 临期 equal the ledger's lists they open; today's list chases in one click", async () => {
    const p = await pageAs('office', WIDE, 'office-section');
    await shot(p, 'workbench-office-1366x768');
    expect(await followFigure(p, 'office-figure-overdue', '口径：逾期未办结')).toBe(3);
    await p.goBack();
    expect(await followFigure(p, 'office-figure-dueSoon', '口径：临期')).toBe(3);
    await p.goBack();
    expect(await followFigure(p, 'office-figure-unsigned', '共 3 项')).toBe(3);
    await p.goBack();
    const today = p.getByTestId('office-today');
    await today.getByText('养老机构消防安全排查').waitFor();
    await today.locator('.ant-list-item').filter({ hasText: '养老机构消防安全排查' }).getByRole('button').click();
    await p.getByText('已催办').waitFor();
    await p.setViewportSize(PHONE);
    await shot(p, 'workbench-office-390x844');
  });

  it('secretary: approves the pending extension from the first screen; the deadline moves', async () => {
    const p = await pageAs('secretary', WIDE, 'leader-section');
    const approvals = p.getByTestId('leader-approvals');
    const row = approvals.locator('.ant-list-item').filter({ hasText: '居家养老服务补贴核对' });
    await expect(row.textContent()).resolves.toContain('现时限 2026-12-03');
    await shot(p, 'workbench-secretary-1366x768');
    await row.getByRole('button', { name: btn('审批') }).click();
    const drawer = p.getByTestId('item-drawer');
    await drawer.getByText('2026-12-03（当日24时前）').waitFor();
    await drawer.getByRole('button', { name: btn('批准延期') }).click();
    await p.getByText('已批准延期').waitFor();
    // Five working days later: the item's deadline moved, and it has left the approvals list.
    await drawer.getByText('2026-12-10（当日24时前）').waitFor();
    await approvals.getByText('暂无待审批的延期申请').waitFor();
    await closeDrawer(p);
    await p.setViewportSize(PHONE);
    await shot(p, 'workbench-secretary-390x844');
  });

  it('member1 on a 390×844 phone: the first task is on the first screen; reports with a photo and submits', async () => {
    const p = await pageAs('member1', PHONE, 'my-tasks');
    const first = p.getByTestId('task-card').first();
    const box = (await first.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(p, 'workbench-member1-390x844');

    await p.getByTestId('task-card').filter({ hasText: '整理年度作风建设工作台账' }).click();
    const drawer = p.getByTestId('item-drawer');
    await drawer.waitFor();
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await drawer.getByText(/现场照片\.png/).waitFor();
    await drawer.getByRole('button', { name: btn('报送进展') }).click();
    const dialog = p
      .getByRole('dialog')
      .filter({ has: p.locator('textarea') })
      .last();
    await dialog.locator('textarea').fill('台账已整理完成八成，现场照片见附件。');
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await p.getByText('进展已报送').waitFor();
    await drawer.getByText('台账已整理完成八成，现场照片见附件。').waitFor();
    await drawer.getByRole('button', { name: btn('提交办结') }).click();
    const submit = p
      .getByRole('dialog')
      .filter({ has: p.locator('textarea') })
      .last();
    await submit.locator('textarea').fill('台账已整理归档。');
    await submit.getByRole('button', { name: /确\s?定|OK/ }).click();
    await p.getByText('已提交办结').waitFor();
    await drawer.getByText('待复核').waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(p, 'workbench-member1-submitted-390x844');
    await closeDrawer(p);
    await p.setViewportSize(WIDE);
    await p.getByTestId('my-items').waitFor();
    await shot(p, 'workbench-member1-1366x768');
  });

  it.each([
    ['leader1', 'leader-section'],
    ['branch', 'branch-section'],
    ['member5', 'head-section'],
  ])('%s: the first screen at 1366×768 and 390×844', async (login, ready) => {
    const p = await pageAs(login, WIDE, ready);
    await shot(p, `workbench-${login}-1366x768`);
    await p.setViewportSize(PHONE);
    await p.getByTestId('my-tasks').waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(p, `workbench-${login}-390x844`);
  });
});
