import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const WIDE = { width: 1366, height: 768 };
const LONG = { timeout: 60_000 };
const V1 = [
  '第一条 为规范局党组议事决策，根据有关规定，制定本规则。',
  '第二条 党组会议须有半数以上党组成员到会方可召开。',
  '第三条 会议材料一般提前3个工作日送达。',
  '第四条 本规则自印发之日起施行。',
].join('\n');

/**
 * 制度 in the browser on 2026-12-07: the office opens the 党组议事规则 (a 2024 version in force, set up over the
 * API), adds the 2027 revision with its parameters, and reads the diff of the two versions; a member reads the
 * rules — the version in force highlighted — and is offered no way to change them.
 */
describe.skipIf(missing)('制度: rule documents with versions in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-12-07T09:00:00+08:00' });
    ({ server, browser } = suite);
    const office = await apiAs(server, 'office');
    const doc = await office.call('POST', '/api/decisions/rule-documents', {
      kind: 'meeting_rules',
      title: '中共示例县民政局党组议事规则',
    });
    const first = await office.call('POST', `/api/decisions/rule-documents/${doc.id}/versions`, {
      label: '2024年印发',
      text: V1,
      effectiveFrom: '2024-03-01',
      params: { materialsLeadDays: 3, quorumOver: [1, 2], cadreQuorumAtLeast: [2, 3], largeFundsFrom: 10 },
      version: doc.version,
    });
    expect(first.versions, JSON.stringify(first)).toHaveLength(1);
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await suite?.stop();
  });

  async function rulesAs(username: string) {
    const context = await browser.newContext({ viewport: WIDE });
    contexts.push(context);
    const p = await context.newPage();
    await signInAt(p, `${server.url}/decisions?tab=rules`, username);
    await p.getByRole('tab', { name: '制度' }).waitFor(LONG);
    await p.getByRole('button', { name: '中共示例县民政局党组议事规则' }).waitFor(LONG);
    return p;
  }

  it('the office adds the 2027 revision and reads what it changed', async () => {
    const p = await rulesAs('office');
    await p.getByRole('button', { name: '中共示例县民政局党组议事规则' }).click();
    const drawer = p.getByRole('dialog').filter({ hasText: '版本沿革' });
    await drawer.waitFor(LONG);
    await drawer.getByText('现行有效：2024年印发（2024-03-01 起施行）').waitFor(LONG);
    await drawer.getByRole('button', { name: btn('新增版本') }).click();
    const dialog = p.getByRole('dialog').filter({ hasText: '新增版本：' });
    await dialog.getByPlaceholder('如：2026年修订').fill('2027年修订');
    const date = dialog.locator('.ant-picker input');
    await date.click();
    await date.fill('2027-01-01');
    await date.press('Enter');
    const text = dialog.locator('textarea');
    await text.fill(
      V1.replace('半数以上', '三分之二以上').replace('3个工作日', '5个工作日') +
        '\n第五条 “三重一大”事项不得以传签方式决定。',
    );
    await dialog.getByRole('spinbutton').first().fill('5');
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await p.locator('.ant-message-notice').getByText('已新增版本').waitFor(LONG);
    const rows = drawer.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '2027年修订' }).filter({ hasText: '尚未生效' }).waitFor(LONG);
    await rows.filter({ hasText: '2024年印发' }).filter({ hasText: '现行有效' }).waitFor(LONG);
    // The diff of the two versions (picked by default): two lines rewritten, one added; the changed words marked.
    await drawer.getByText('新增 3 行，删除 2 行').waitFor(LONG);
    const list = drawer.getByRole('list', { name: '版本差异' });
    await expect(list.locator('ins').allTextContents()).resolves.toEqual(expect.arrayContaining(['三分之二', '5']));
    await expect(list.locator('del').allTextContents()).resolves.toEqual(expect.arrayContaining(['半数', '3']));
    await drawer.getByText('第五条 “三重一大”事项不得以传签方式决定。').scrollIntoViewIfNeeded();
    await shot(p, 'decisions-rules-diff');
  });

  it('a member reads the rules in force, and is offered nothing to change them', async () => {
    const p = await rulesAs('member1');
    const row = p.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '中共示例县民政局党组议事规则' });
    await row.getByText('2024年印发').waitFor(LONG);
    await row.getByText('2027年修订（2027-01-01 起）').waitFor(LONG);
    expect(await p.getByRole('button', { name: btn('新增制度') }).count()).toBe(0);
    await shot(p, 'decisions-rules-list');
    await row.getByRole('button', { name: '中共示例县民政局党组议事规则' }).click();
    const drawer = p.getByRole('dialog').filter({ hasText: '版本沿革' });
    await drawer.getByText('一般事项到会须超过').first().waitFor(LONG);
    expect(await drawer.getByRole('button', { name: btn('新增版本') }).count()).toBe(0);
    expect(await drawer.getByRole('button', { name: btn('撤销') }).count()).toBe(0);
    await shot(p, 'decisions-rules-member');
  });
});
