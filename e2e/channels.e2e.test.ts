import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceivers, type Receivers } from '../test/robot-receivers.js';
import { browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();
const cfg = {
  wecomKey: 'e2e-wecom-key-0001',
  dingToken: 'e2e-ding-token',
  dingSecret: 'SECe2eDingSecret',
  feishuHook: 'e2e-hook',
  feishuSecret: 'e2e-feishu',
  webhookSecret: 'e2e-webhook',
};

/** The office pastes a robot's address (and secret) and sends a test message; the page shows the vendor's own code and message. */
describe.skipIf(missing)('notification channels in the browser, against local stand-ins of the vendors', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let rx: Receivers;
  let p: Page;

  beforeAll(async () => {
    rx = await startReceivers(cfg);
    // The stand-ins run on 127.0.0.1: the system administrator allow-lists them, as for a private deployment.
    suite = await startSuite({ ZUOFENG_CHANNEL_ALLOW_HOSTS: '127.0.0.1' });
    ({ server, browser } = suite);
    p = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signInAt(p, `${server.url}/`, 'office');
    await p.getByText('本单位概况').waitFor();
  });
  afterAll(async () => {
    await suite?.stop();
    await rx?.close();
  });

  const add = async (kind: string, name: string, address: string, secret?: string) => {
    await p.getByRole('button', { name: /添加渠道/ }).click();
    const d = p.getByRole('dialog');
    await d.getByLabel('类型').click();
    await p.locator('.ant-select-item-option:visible').filter({ hasText: kind }).click();
    await d.getByLabel('名称').fill(name);
    await d.getByLabel('机器人地址（完整粘贴）').fill(address);
    if (secret) await d.getByLabel('密钥').fill(secret);
    await d.getByRole('button', { name: btn('保存') }).click();
    await p.locator('.ant-message-notice').getByText('已保存', { exact: true }).first().waitFor();
    // The dialog closes on save; the next click waits until it no longer covers the page.
    await d.waitFor({ state: 'hidden' });
  };

  it("a WeCom robot gets the test message; a DingTalk robot with a wrong secret shows DingTalk's own error", async () => {
    await p.goto(`${server.url}/channels`);
    await p.getByText('还没有通知渠道').waitFor();
    // Why an address may be refused: the vendors' hosts and the administrator's allow-list, read-only.
    await expect(p.getByTestId('channel-policy').textContent()).resolves.toMatch(
      /https:\/\/qyapi\.weixin\.qq\.com.*127\.0\.0\.1/,
    );
    await add('企业微信群机器人', '局机关工作群', `${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}`);
    await p.getByRole('row').filter({ hasText: '局机关工作群' }).getByRole('button', { name: '发送测试消息' }).click();
    await p.getByText('发送成功，请到群里查看测试消息').waitFor();
    expect(await p.getByTestId('test-answer').textContent()).toBe('应答代码 0，说明：ok');
    expect(rx.received.filter((r) => r.vendor === 'wecom')).toHaveLength(1);
    expect(JSON.stringify(rx.received[0]!.body)).toContain('【测试】作风督办提醒');
    await p
      .getByRole('dialog')
      .getByRole('button', { name: btn('关闭'), exact: false })
      .last()
      .click();

    await add(
      '钉钉自定义机器人',
      '钉钉督办群',
      `${rx.base}/robot/send?access_token=${cfg.dingToken}`,
      'SECnotTheRightOne',
    );
    await p.getByRole('row').filter({ hasText: '钉钉督办群' }).getByRole('button', { name: '发送测试消息' }).click();
    await p.getByText('发送失败（310000）：sign not match').waitFor();
    await shot(p, '60-channel-test-answer');
    await p
      .getByRole('dialog')
      .getByRole('button', { name: btn('关闭'), exact: false })
      .last()
      .click();
    await p.getByText('失败：310000 sign not match').waitFor();
    // The key of the address is not shown back, not even in part.
    for (const part of [cfg.wecomKey, 'key-0001']) await expect(p.getByText(part).count()).resolves.toBe(0);
    await p.getByText(`${rx.base}/cgi-bin/webhook/send?key=***`).waitFor();
    await shot(p, '61-channels');
  });
});
