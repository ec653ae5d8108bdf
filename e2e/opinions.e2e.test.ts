import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

describe.skipIf(missing)('the public opinion form on a phone, without an account', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let secretary: Page;
  let csrf = '';
  let link = { id: '', token: '' };
  let codes = { token: '', codes: [] as string[] };
  let formId = '';
  const api = async (path: string, body: unknown) => {
    const res = await secretary.request.post(`${server.url}${path}`, { data: body, headers: { 'x-csrf-token': csrf } });
    expect(res.ok(), await res.text()).toBe(true);
    return res.json();
  };
  const phone = async () =>
    (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.47',
      })
    ).newPage();

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
    secretary = await (await browser.newContext()).newPage();
    await signInAt(secretary, `${server.url}/`, 'branch');
    await secretary.getByText('本单位概况').waitFor();
    csrf = (await (await secretary.request.get(`${server.url}/api/auth/me`)).json()).csrfToken;
    const form = await api('/api/opinion-forms', {
      title: '县民政局党支部兴“十风”治“十弊”问题征求意见表',
      intro: '请对照“十风”“十弊”，实事求是提出意见建议。',
      opensOn: '2026-11-25',
      closesOn: '2026-12-10',
      questions: [
        { id: 'c1', kind: 'text', label: '对照“大兴勤学善思之风”，存在哪些问题？' },
        { id: 'r', kind: 'rating', label: '对局机关作风的总体评价' },
        { id: 'who', kind: 'choice', label: '您的身份', options: ['在职干部职工', '服务对象', '群众'] },
      ],
    });
    formId = form.id;
    await api(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
    link = await api(`/api/opinion-forms/${form.id}/distributions`, { audience: 'masses', label: '党员群众' });
    codes = await api(`/api/opinion-forms/${form.id}/distributions`, {
      audience: 'villages',
      label: '帮扶联系村',
      mode: 'codes',
      codeCount: 5,
    });
  });
  afterAll(() => suite?.stop());

  it('the secretary creates, publishes and hands out a form in the page', async () => {
    const p = secretary;
    await p.goto(`${server.url}/opinions`);
    await p.getByRole('button', { name: /新建意见表/ }).click();
    const d = p.getByRole('dialog');
    await d.getByLabel('标题').fill('党支部征求意见表（页面创建）');
    await d.getByRole('button', { name: /创\s?建/ }).click();
    await p.getByText('已创建，共 1 个问题').waitFor();
    const drawer = p.locator('.ant-drawer');
    await drawer.getByRole('button', { name: /发\s?布/ }).click();
    await p.getByText('已发布，开始收集').waitFor();
    await drawer.getByRole('button', { name: /发放/ }).click();
    const m = p.getByRole('dialog').last();
    await m.getByLabel('方式').click();
    await p.getByTitle('一次性填写码（每码限用一次，打印发放）').click();
    await m.getByLabel('填写码数量').fill('8');
    await m.getByRole('button', { name: /生\s?成/ }).click();
    await p.getByTestId('codes').locator('div').first().waitFor();
    await expect(p.getByTestId('codes').locator('div').count()).resolves.toBe(8);
    await shot(p, '43-opinion-codes');
    const [slips] = await Promise.all([
      p.context().waitForEvent('page'),
      p.getByRole('button', { name: btn('打印纸条') }).click(),
    ]);
    await slips.getByText('打印纸条（8 张）').waitFor();
    await expect(slips.locator('.slip').count()).resolves.toBe(8);
    await shot(slips, '46-opinion-code-slips');
    await slips.close();
    await p.getByRole('dialog').last().locator('.ant-modal-close').click();
    await drawer.getByText('一次性填写码（已用 0/8）').waitFor();
    await shot(p, '44-opinion-form-admin');
  });

  it('shows the anonymity promise and takes answers through the public link', async () => {
    const p = await phone();
    for (let i = 0; i < 3; i++) {
      await p.goto(`${server.url}/o/${link.token}`);
      await p.getByText('本表匿名填写').waitFor();
      if (i === 0) await shot(p, '40-opinion-form-phone');
      await p
        .getByLabel('对照“大兴勤学善思之风”，存在哪些问题？')
        .fill(`学习形式单一，互动不够（第${i + 1}份）<script>alert(1)</script>`);
      await p.getByRole('radio', { name: '4分' }).check();
      await p.getByRole('radio', { name: '群众' }).check();
      await p.getByRole('button', { name: '匿名提交' }).click();
      await p.getByText('提交成功，感谢您的意见！').waitFor();
    }
    await shot(p, '41-opinion-thanks');
  });

  it('spends a single-use code once', async () => {
    const p = await phone();
    await p.goto(`${server.url}/o/${codes.token}`);
    await p.getByLabel('填写码').fill(codes.codes[0]!);
    await p.getByLabel('对照“大兴勤学善思之风”，存在哪些问题？').fill('调研走马观花');
    await p.getByRole('button', { name: '匿名提交' }).click();
    await p.getByText('提交成功，感谢您的意见！').waitFor();
    await p.goto(`${server.url}/o/${codes.token}`);
    await p.getByLabel('填写码').fill(codes.codes[0]!);
    await p.getByLabel('对照“大兴勤学善思之风”，存在哪些问题？').fill('再交一次');
    await p.getByRole('button', { name: '匿名提交' }).click();
    await p.getByText('填写码无效或已使用').waitFor();
    await shot(p, '42-opinion-code-used');
    const form = await (await secretary.request.get(`${server.url}/api/opinion-forms/${formId}`)).json();
    // Accepted answers wait, sealed, for a batch of at least 10 (docs/ANONYMITY.md): none is shown yet, none is lost.
    expect([form.responses, form.pending]).toEqual([0, 4]);
  });

  it('prints an A4 poster with the QR code of the link', async () => {
    const p = secretary;
    await p.goto(`${server.url}/opinions/${formId}/poster/${link.id}`);
    const qr = p.getByRole('img', { name: '填写意见的二维码' });
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await p.getByText('欢迎党员群众扫码提出意见建议').waitFor();
    await shot(p, '45-opinion-poster');
  });
});
