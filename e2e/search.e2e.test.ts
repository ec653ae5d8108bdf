import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserMissing, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };
const WORDS = '水利项目资金';

/**
 * The search of a fresh `npm start`: an item, a rule, a confidential on-duty check and a delivered 函询 all
 * hold 「水利项目资金」. The discipline staff find all four from the header's box, grouped by kind with the words
 * marked; the office finds the item and the rule only, and opens the rule from its result.
 */
describe.skipIf(missing)('检索 in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
    const office = await apiAs(server, 'office');
    const discipline = await apiAs(server, 'discipline');
    const [member1, member2, member3] = await Promise.all(
      ['member1', 'member2', 'member3'].map(async (l) => (await apiAs(server, l)).personId),
    );
    const dept = (await office.call('GET', '/api/departments'))[0].id;
    await office.call('POST', '/api/items', {
      title: `核查${WORDS}拨付进度`,
      content: `逐项核对${WORDS}的拨付和使用情况，月底前报送核查结果`,
      category: '项目资金',
      leadDepartmentId: dept,
      ownerPersonId: member1,
      receivedOn: '2026-11-02',
    });
    const doc = await office.call('POST', '/api/decisions/rule-documents', {
      kind: 'other',
      kindName: '财务管理制度',
      title: `${WORDS}管理办法`,
    });
    await office.call('POST', `/api/decisions/rule-documents/${doc.id}/versions`, {
      label: '2026年版',
      text: `第一条 ${WORDS}实行专户管理、专款专用。`,
      effectiveFrom: '2026-11-01',
      version: doc.version,
    });
    await discipline.call('POST', '/api/activities', {
      type: 'other',
      title: `${WORDS}专户经办岗位在岗检查`,
      heldOn: '2026-11-20',
      absentIds: [member2],
      minutes: `检查${WORDS}专户经办岗位，一人不在岗`,
      confidential: true,
    });
    const inquiry = await discipline.call('POST', '/api/discipline/admonitions', {
      kind: 'inquiry',
      personId: member3,
      conductedBy: [discipline.personId],
      reason: `${WORDS}报销问题反映`,
      onDate: '2026-11-25',
      content: `请说明${WORDS}报销的情况`,
    });
    await discipline.call('POST', `/api/discipline/admonitions/${inquiry.id}/deliver`, { version: inquiry.version });
  }, 180_000);
  afterAll(async () => {
    await suite?.stop();
  });

  it('the discipline staff find every kind from the header’s box, grouped, with the words marked', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/`, 'discipline');
    const box = page.getByRole('searchbox', { name: '全局检索' });
    await box.waitFor(LONG);
    await box.fill(WORDS);
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/, LONG);
    for (const k of ['item', 'activity', 'rule_document', 'admonition'])
      await page.getByTestId(`search-group-${k}`).waitFor(LONG);
    await page.getByText('全部 4').waitFor(LONG);
    expect(await page.locator('mark').filter({ hasText: WORDS }).count()).toBeGreaterThanOrEqual(8);
    await shot(page, 'search-discipline');
    await context.close();
    // On a phone the header's button opens the page, which fits the screen.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await signInAt(p, `${server.url}/`, 'discipline');
    await p.getByRole('button', { name: '打开检索' }).click();
    await p.getByRole('searchbox', { name: '检索词' }).fill(WORDS);
    await p.getByRole('searchbox', { name: '检索词' }).press('Enter');
    await p.getByTestId('search-group-admonition').waitFor(LONG);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(p, 'search-phone');
    await phone.close();
  }, 180_000);

  it('the office finds the item and the rule only, and opens the rule from its result', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}/search?q=${encodeURIComponent(WORDS)}`, 'office');
    await page.getByTestId('search-group-rule_document').waitFor(LONG);
    await page.getByTestId('search-group-item').waitFor(LONG);
    await page.getByText('全部 2').waitFor(LONG);
    expect(await page.getByTestId('search-group-activity').count()).toBe(0);
    expect(await page.getByTestId('search-group-admonition').count()).toBe(0);
    expect(await page.getByText('报销').count()).toBe(0);
    await shot(page, 'search-office');
    await page.getByText(/^制度 1$/).click();
    await page.getByTestId('search-group-item').waitFor({ state: 'detached', ...LONG });
    await page.getByRole('link', { name: `${WORDS}管理办法` }).click();
    await page.waitForURL(/\/decisions\?tab=rules&doc=/, LONG);
    await page.locator('.ant-drawer').getByText('专款专用').first().waitFor(LONG);
    // A click on a result's tag narrows the search to it.
    await page.goto(`${server.url}/search?q=${encodeURIComponent(WORDS)}`);
    await page.locator('.ant-tag').filter({ hasText: '项目资金' }).click();
    await page.waitForURL(/tags=/, LONG);
    await page.getByTestId('search-group-rule_document').waitFor({ state: 'detached', ...LONG });
    await page.getByTestId('search-group-item').waitFor(LONG);
    await page.goto(`${server.url}/search?q=${encodeURIComponent('没有这样的词')}`);
    await page
      .getByText(
        /未找到包含「没有这样的词」的记录（已检索：督办事项、活动记录、经验做法、项目库、智库建议、制度、宣传稿件、提醒谈话/,
      )
      .waitFor(LONG);
    await shot(page, 'search-empty');
    await context.close();
  }, 180_000);
});
