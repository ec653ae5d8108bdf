import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, btn, shot as shotOf, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const fixture = path.resolve('test/fixtures/holiday-2027.json');

describe.skipIf(missing)('the working-day calendar', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let page: Page;
  const shot = (name: string) => shotOf(page, name);

  beforeAll(async () => {
    suite = await startSuite();
    server = suite.server;
    page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInAt(page, `${server.url}/calendar`, 'admin');
    await page.getByTestId('month-view').waitFor();
  });
  afterAll(() => suite?.stop());

  it('warns while next year is missing and computes measure-26 deadlines', async () => {
    const coverage = await (await page.request.get(`${server.url}/api/calendar/coverage`)).json();
    if (coverage.nextYearMissing)
      await page
        .getByTestId('next-year-banner')
        .getByText(`${coverage.nextYear} 年节假日安排尚未导入，跨年期限为暂定`)
        .waitFor();
    const received = page.getByLabel('收文日期');
    await received.click();
    await received.fill('2026-09-28');
    await received.press('Enter');
    await page.getByRole('button', { name: btn('计算') }).click();
    await expect(page.getByTestId('deadline-result').textContent()).resolves.toContain('办结期限：2026-10-13');
    await shot('10-calendar');
  });

  it('sets a local day off by clicking a date, shown in colour', async () => {
    const cell = page
      .getByTestId('month-view')
      .locator('td.ant-picker-cell-in-view')
      .filter({ hasText: /^15/ })
      .first();
    await cell.click();
    await page.getByRole('radio', { name: '休息' }).check();
    await page.getByPlaceholder('如：县里统一安排、防汛值班').fill('县里统一安排');
    await page.getByRole('button', { name: btn('确定') }).click();
    await page.getByText('已保存').waitFor();
    await cell.getByText('本单位休').waitFor();
    await page.getByRole('cell', { name: '县里统一安排', exact: true }).waitFor();
  });

  it('imports the 2027 schedule after showing every changed day', async () => {
    await page.getByRole('button', { name: btn('导入节假日安排') }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(fixture);
    const changes = page.getByTestId('schedule-changes');
    await changes.waitFor();
    await expect(changes.locator('tbody tr').count()).resolves.toBe(6);
    await expect(changes.textContent()).resolves.toContain('2027-02-20');
    await shot('11-schedule-preview');
    await page.getByRole('button', { name: btn('确认导入') }).click();
    await page.getByText('2027 年节假日安排已导入').waitFor();
    await page.getByRole('button', { name: btn('完成') }).click();
    const coverage = await (await page.request.get(`${server.url}/api/calendar/coverage`)).json();
    expect(coverage.years).toContain(2027);
    if (coverage.nextYear === 2027) await expect(page.getByTestId('next-year-banner').count()).resolves.toBe(0);
  });
});
