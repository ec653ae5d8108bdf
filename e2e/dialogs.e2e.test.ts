import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserMissing, btn, chooseOption, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

/**
 * Dialogs for a new user, on Monday 2026-11-30: Enter submits a valid form and Esc closes without
 * creating anything; the owner picker follows the department chosen beside it and the leader picker
 * lists the 班子成员 only; the deadline field counts working days on the unit's calendar.
 */
describe.skipIf(missing)('dialogs and pickers, in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let office: Awaited<ReturnType<typeof apiAs>>;
  const total = async () => ((await office.call('GET', '/api/items?pageSize=1')) as { total: number }).total;
  /** The texts of the options the picker's open list shows. */
  // The picker's own list once it has options (a list closing from the previous choice may still be in the page).
  const optionsOf = async (picker: Locator) => {
    await picker.click();
    const list = page.locator('.ant-select-dropdown:visible');
    await expect
      .poll(async () => (await list.locator('.ant-select-item-option').allInnerTexts()).length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    return list.locator('.ant-select-item-option').allInnerTexts();
  };

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
    office = await apiAs(server, 'office');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signInAt(page, `${server.url}/items`, 'office');
    await page.getByRole('button', { name: btn('收文登记') }).waitFor();
  });
  afterAll(() => suite?.stop());

  it('收文登记: Enter in a field submits once the form is valid; Esc closes and registers nothing', async () => {
    const before = await total();
    await page.getByRole('button', { name: btn('收文登记') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '收文登记' });
    await dialog.getByLabel('文号').fill('某民函〔2026〕101号');
    // Not valid yet: Enter shows what is missing and registers nothing.
    await dialog.getByLabel('文号').press('Enter');
    await dialog.getByText('请输入来文单位').waitFor();
    await dialog.getByLabel('来文单位').fill('市民政局');
    await dialog.getByLabel('标题').fill('关于做好冬季困难群众救助工作的通知');
    await chooseOption(page, dialog.getByLabel('承办科室'), '社会救助股');
    await dialog.getByLabel('承办人').click();
    await chooseOption(page, dialog.getByLabel('承办人'), '许娜');
    await dialog.getByText('我确认该文件不涉及国家秘密').click();
    await dialog.getByLabel('标题').press('Enter');
    await page.getByText(/^已登记，办理时限 2026-12-09/).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const drawer = page.getByTestId('item-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain('收文：某民函〔2026〕101号');
    expect(await total()).toBe(before + 1);
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: btn('收文登记') }).click();
    await dialog.getByLabel('文号').fill('某民函〔2026〕102号');
    await dialog.getByLabel('文号').press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await total()).toBe(before + 1);
  });

  it("交办事项: the owner picker lists the lead department's people, the leader picker 班子成员 only; the deadline counts working days", async () => {
    await page.getByRole('button', { name: btn('交办事项') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '交办督办事项' });
    await chooseOption(page, dialog.getByLabel('牵头科室'), '社会救助股');
    const owners = await optionsOf(dialog.getByLabel('承办人'));
    expect(owners.length).toBeGreaterThan(1);
    for (const o of owners) expect(o).toMatch(/（社会救助股）$/);
    await shot(page, 'dialogs-owner-picker');
    // Someone from another department can still be found.
    await page.getByRole('button', { name: '显示全部科室的人员' }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('周凯（综合科（办公室））').waitFor();
    await chooseOption(page, dialog.getByLabel('承办人'), '周凯（综合科（办公室））');

    const people = (await office.call('GET', '/api/people?status=in_service&pageSize=100')) as {
      items: { name: string; isLeadership: boolean }[];
    };
    const leaders = people.items.filter((p) => p.isLeadership).map((p) => p.name);
    expect(leaders).toContain('李红梅');
    // Wait for the leader picker's own list (the owner list closing may still be in the page for a moment).
    await dialog.getByLabel('分管领导').click();
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts(), {
        timeout: 60_000,
      })
      .toEqual(leaders);
    await chooseOption(page, dialog.getByLabel('分管领导'), '李红梅');

    // Left empty, the hint gives the date the rules give a 一般 item: the 7th working day.
    const hint = dialog.getByTestId('workdays-to-due');
    await dialog.getByText('不填则按紧急程度为 2026-12-09').waitFor();
    expect(await hint.innerText()).toBe('距今 7 个工作日');
    const due = dialog.getByLabel('办理时限（不填则按紧急程度或最后节点）');
    await due.click();
    await due.fill('2026-12-07');
    await due.press('Enter'); // confirms the date; it does not submit the dialog
    await expect.poll(() => hint.innerText()).toBe('距今 5 个工作日');
    await dialog.getByLabel('事项', { exact: true }).fill('冬季困难群众走访慰问');
    await hint.scrollIntoViewIfNeeded();
    await shot(page, 'dialogs-item-form');
    const before = await total();
    await dialog.getByLabel('事项', { exact: true }).press('Enter');
    await page.getByText('已交办，办理时限 2026-12-07').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await total()).toBe(before + 1);
  });
});
