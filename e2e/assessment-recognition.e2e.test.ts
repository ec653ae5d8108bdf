import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_TITLE } from '../src/server/demo/demo-recognition.js';
import { browserMissing, btn, chooseOption, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const LONG = { timeout: 60_000 };
const ITEM = '殡葬领域突出问题自查';
const PRACTICE = '殡葬服务“清单式”自查';
const ARTICLE = '殡葬服务清单式自查见成效';

/**
 * A closed item becomes a good practice and a published article (issue 19), on a fresh `npm start` (today
 * 2026-11-30): the office extracts a practice from the closed item's page, publishes and nominates it; the
 * 党组书记 recommends it; the office writes an article about it; a 班子成员 approves it; it appears on 工作动态.
 */
describe.skipIf(missing)('经验做法 → 先进典型 → 宣传稿件 in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
  });
  afterAll(async () => {
    await suite?.stop();
  });

  const as = async (login: string, path: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAt(page, `${server.url}${path}`, login);
    return page;
  };

  it('a closed item becomes a practice, is nominated and reviewed, and an article about it is published', async () => {
    // The office opens the closed item and extracts a practice from it.
    const office = await as('office', '/items?status=closed');
    await office.getByText(ITEM).first().click(LONG);
    await office.getByTestId('item-extract-practice').click(LONG);
    const form = office.getByRole('dialog');
    await form.getByText(`来源：${ITEM}`).waitFor(LONG);
    // Prefilled: the problem is the item's content, the result its closing report.
    expect(await form.getByLabel('成效').inputValue()).toBe('已按要求办结，材料已归档。');
    await form.getByLabel('标题').fill(PRACTICE);
    await form.getByLabel('可复制的步骤').fill('1.列出问题清单\n2.逐项对照整改\n3.公示整改结果');
    await form.getByLabel('标签').fill('殡葬');
    await form.getByLabel('标签').press('Enter');
    await office.getByTestId('practice-save').click();
    const drawer = office.getByTestId('practice-drawer');
    await drawer.getByTestId('practice-publish').click(LONG);
    await office.getByText('已发布，全单位可见').waitFor(LONG);
    await drawer.getByTestId('practice-nominate').click(LONG);
    const nominate = office.getByRole('dialog').filter({ hasText: '推荐先进典型' });
    await nominate.getByLabel('主要事迹').fill('以清单式自查推动殡葬领域问题整改，收费全部公示，群众满意。');
    await nominate.getByRole('button', { name: btn('确定') }).click();
    await office.getByText('已提交推荐，待领导小组评审').waitFor(LONG);
    // The toasts gone, the practice is seen whole.
    await office
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', ...LONG });
    await shot(office, 'recognition-practice');

    // The 党组书记 reviews the nomination: 推荐, with the reason.
    const secretary = await as('secretary', '/assessment?tab=honours');
    const row = secretary.locator('tr.ant-table-row').filter({ hasText: PRACTICE });
    await row.getByTestId('nomination-review').click(LONG);
    const review = secretary.getByRole('dialog');
    await review.getByText('推荐', { exact: true }).click();
    await review.getByLabel('评审意见').fill('做法可复制，同意推荐。');
    await review.getByRole('button', { name: btn('确定') }).click();
    await row.getByText('王建国：做法可复制，同意推荐。').waitFor(LONG);

    // The office writes an article about the practice and submits it; it cannot approve it itself.
    await office.goto(`${server.url}/assessment?tab=articles`);
    await office.getByTestId('article-new').click(LONG);
    const write = office.getByRole('dialog');
    await write.getByLabel('标题').fill(ARTICLE);
    await chooseOption(office, write.getByLabel('关于'), '经验做法');
    await chooseOption(office, write.getByLabel('经验做法'), PRACTICE);
    await write
      .getByLabel('正文')
      .fill('我局开展殡葬领域突出问题自查，列出问题清单逐项整改。\n收费全部公示，群众满意度明显提升。');
    await office.getByTestId('article-save').click();
    const article = office.getByTestId('article-drawer');
    await article.getByTestId('article-submit').click(LONG);
    await article.getByText('待审核').waitFor(LONG);
    expect(await article.getByTestId('article-review').count()).toBe(0);

    // A 班子成员 who did not write it approves it for publication.
    const leader = await as('leader1', '/assessment?tab=articles');
    await leader.locator('tr.ant-table-row').filter({ hasText: ARTICLE }).click(LONG);
    await leader.getByTestId('article-review').click(LONG);
    await leader.getByTestId('article-review-ok').click(LONG);
    await leader.getByText('已同意发布，稿件出现在工作动态').waitFor(LONG);

    // Everyone reads it on 工作动态, newest first, above the demo's article.
    const member = await as('member1', '/news');
    const news = member.getByTestId('news-page');
    await news.getByRole('heading', { name: ARTICLE }).waitFor(LONG);
    const titles = await news.locator('article h4').allTextContents();
    expect(titles.slice(0, 2)).toEqual([ARTICLE, DEMO_ARTICLE_TITLE]);
    await member.getByRole('menuitem', { name: '工作动态' }).waitFor(LONG);
    await shot(member, 'recognition-news');
  }, 300_000);
});
