import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/server/demo/demo-data.js';
import { apiAs, browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const WIDE = { width: 1366, height: 900 };
const LONG = { timeout: 60_000 };
const TITLE = '示例县临时救助实施细则（征求意见稿）';
const COMMENT = '第五条的急难型救助应明确先行救助的金额上限。';

/** The demo login of a person (the people without one are member1, member2… in the demo's order). */
function loginOf(name: string): string {
  let n = 0;
  for (const p of DEMO_PEOPLE) {
    const login = p.login ?? `member${++n}`;
    if (p.name === name) return login;
  }
  throw new Error(`no demo person ${name}`);
}

/**
 * 征求意见稿 in the browser: 杨帆 (head of 社会救助股) has sent a 民生 draft to 养老服务股 and the public; 吕芳 (head of
 * 养老服务股) reads it and comments in the page; 杨帆 answers with 部分采纳 (refused without a reason) and reads the
 * 起草说明; a draft marked 依法需要保密 offers no public consultation.
 */
describe.skipIf(missing)('征求意见稿: comment, answer and 起草说明 in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let draftId = '';

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-12-07T09:00:00+08:00' });
    ({ server, browser } = suite);
    const yang = await apiAs(server, loginOf('杨帆'));
    const depts = (await yang.call('GET', '/api/departments')) as { id: string; name: string }[];
    const dept = (n: string) => depts.find((d) => d.name === n)!.id;
    const draft = await yang.call('POST', '/api/consultations', {
      title: TITLE,
      kind: 'livelihood',
      departmentId: dept('社会救助股'),
      body: '第一条 为规范临时救助工作，制定本细则。\n第五条 对急难型救助对象，可先行救助。',
    });
    draftId = draft.id;
    const opened = await yang.call('POST', `/api/consultations/${draft.id}/open`, {
      departmentIds: [dept('养老服务股')],
      public: true,
      workingDays: 5,
      version: draft.version,
    });
    expect(opened.status).toBe('consulting');
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await suite?.stop();
  });

  async function pageAs(name: string) {
    const context = await browser.newContext({ viewport: WIDE });
    contexts.push(context);
    const p = await context.newPage();
    await signInAt(p, `${server.url}/decisions?tab=consultations`, loginOf(name));
    await p.getByRole('tab', { name: '征求意见稿' }).waitFor(LONG);
    return p;
  }
  const toast = (p: Page, text: string) =>
    p.locator('.ant-message-notice').getByText(text, { exact: true }).first().waitFor(LONG);
  const openDraft = async (p: Page, title: string) => {
    await p.getByRole('button', { name: title }).click();
    const drawer = p.getByRole('dialog').filter({ hasText: title });
    await drawer.getByText('正文').first().waitFor(LONG);
    return drawer;
  };

  it('the consulted head reads the draft and comments; only her own comment is shown to her', async () => {
    const p = await pageAs('吕芳');
    const drawer = await openDraft(p, TITLE);
    await expect(drawer.getByText('下载起草说明（.docx）').count()).resolves.toBe(0);
    await drawer.getByLabel('我的意见').fill(COMMENT);
    await drawer.getByRole('button', { name: btn('提交意见') }).click();
    await toast(p, '意见已提交');
    await drawer.locator('.ant-table-row').filter({ hasText: COMMENT }).getByText('尚未答复').waitFor(LONG);
    await shot(p, 'consultation-consulted-comment');
  });

  it('the drafter answers 部分采纳 (not without a reason) and the 起草说明 says so', async () => {
    const p = await pageAs('杨帆');
    const drawer = await openDraft(p, TITLE);
    const row = drawer.locator('.ant-table-row').filter({ hasText: COMMENT });
    await row.getByRole('button', { name: btn('答复') }).click();
    const dialog = p.getByRole('dialog').filter({ hasText: '答复意见' });
    await dialog.getByText('部分采纳', { exact: true }).click();
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await dialog.getByText('部分采纳或不采纳须说明理由（至少2个字）').waitFor(LONG);
    await dialog.getByLabel('理由').fill('已明确先行救助金额一般不超过当地月低保标准的3倍。');
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await toast(p, '已答复');
    await row.getByText('部分采纳').waitFor(LONG);
    const note = drawer.getByLabel('起草说明');
    await note.getByText('收到的1条意见中，采纳0条，部分采纳1条，不采纳0条。').waitFor(LONG);
    await note.getByText(/养老服务股（1条）/).waitFor(LONG);
    await drawer.getByText(/\/o\//).first().waitFor(LONG);
    await shot(p, 'consultation-drafter-note');
  });

  it('a draft marked 依法需要保密 offers no public consultation', async () => {
    const p = await pageAs('杨帆');
    await p.getByRole('button', { name: btn('新建征求意见稿') }).click();
    const form = p.getByRole('dialog').filter({ hasText: '新建征求意见稿' });
    await form.getByLabel('标题').fill('涉密救助事项（征求意见稿）');
    await form.getByText('民生事项', { exact: true }).click();
    await form.getByLabel('起草科室').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '社会救助股' }).click();
    await form.getByText('依法需要保密（不向社会公众公开征求意见）').click();
    await form.getByLabel('征求意见稿正文').fill('第一条 本事项涉及依法需要保密的内容。');
    await form.getByRole('button', { name: /确\s?定|OK/ }).click();
    await toast(p, '已新建征求意见稿');
    const drawer = await openDraft(p, '涉密救助事项（征求意见稿）');
    await drawer.getByRole('button', { name: btn('发出征求意见') }).click();
    const open = p.getByRole('dialog').filter({ hasText: '反馈期限' });
    await open.getByText('征求意见的科室（由科室负责人反馈）').waitFor(LONG);
    expect(await open.getByText(/向社会公众公开征求意见/).count()).toBe(0);
    await shot(p, 'consultation-confidential-open');
    expect(draftId).not.toBe('');
  });
});
