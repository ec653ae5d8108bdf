import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../src/domain/robots.js';
import { parseAllowList } from '../src/domain/channel-address.js';
import { sendCard } from '../src/server/modules/channels/send.js';
import { Egress } from '../src/server/net/egress.js';
import { startReceivers, type Receivers } from './robot-receivers.js';

const cfg = {
  wecomKey: 'wk-693axxx',
  dingToken: 'dt-1',
  dingSecret: 'SECd1ng',
  feishuHook: 'fh-2',
  feishuSecret: 'fs3cret',
  webhookSecret: 'wh-s',
};
let rx: Receivers;
let addr: Record<'wecom' | 'dingtalk' | 'feishu' | 'webhook', string>;
beforeAll(async () => {
  rx = await startReceivers(cfg);
  addr = {
    wecom: `${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}`,
    dingtalk: `${rx.base}/robot/send?access_token=${cfg.dingToken}`,
    feishu: `${rx.base}/open-apis/bot/v2/hook/${cfg.feishuHook}`,
    webhook: `${rx.base}/hooks/zuofeng`,
  };
});
afterAll(() => rx.close());
/** The receivers run on 127.0.0.1: the system administrator's allow-list lets them in (test/egress.test.ts shows them refused without it). */
const egress = new Egress(parseAllowList('127.0.0.1').list);
afterAll(() => egress.close());
const card = (over: Partial<Card> = {}): Card => ({
  title: '【逾期】关于报送年度总结的通知',
  lines: ['办理时限：2026-11-27（已逾期）', '承办人：周凯'],
  link: 'http://127.0.0.1/items/1',
  idempotencyKey: 'n1',
  ...over,
});
const secrets = { wecom: '', dingtalk: cfg.dingSecret, feishu: cfg.feishuSecret, webhook: cfg.webhookSecret } as const;

describe("sending to the vendors' robots over real HTTP", () => {
  it('each vendor accepts a card in its own shape, signed as documented', async () => {
    for (const kind of ['wecom', 'dingtalk', 'feishu', 'webhook'] as const) {
      const r = await sendCard(egress, kind, addr[kind], secrets[kind], card(), Date.now());
      expect(r, kind).toMatchObject({ ok: true });
    }
    expect(rx.received.map((r) => r.vendor)).toEqual(['wecom', 'dingtalk', 'feishu', 'webhook']);
    expect(rx.received[0]!.body).toMatchObject({ msgtype: 'markdown' });
    expect(JSON.stringify(rx.received[2]!.body)).toContain('承办人：周凯');
    expect(rx.received[3]!.headers['idempotency-key']).toBe('n1');
  });

  it("a wrong secret or address gets the vendor's own error, not retried", async () => {
    expect(await sendCard(egress, 'dingtalk', addr.dingtalk, 'SECwrong', card(), Date.now())).toEqual({
      ok: false,
      code: '310000',
      message: 'sign not match',
      retryable: false,
    });
    expect(await sendCard(egress, 'feishu', addr.feishu, 'wrong', card(), Date.now())).toMatchObject({
      ok: false,
      code: '19021',
      retryable: false,
    });
    expect(
      await sendCard(egress, 'wecom', `${rx.base}/cgi-bin/webhook/send?key=nope`, '', card(), Date.now()),
    ).toMatchObject({ ok: false, code: '93000', message: 'invalid webhook url' });
    expect(await sendCard(egress, 'webhook', addr.webhook, 'wrong', card(), Date.now())).toMatchObject({
      ok: false,
      code: '401',
      message: 'bad signature',
    });
  });

  it('a clock more than an hour off is refused by the timestamp window', async () => {
    expect(
      await sendCard(egress, 'dingtalk', addr.dingtalk, cfg.dingSecret, card(), Date.now() - 2 * 3_600_000),
    ).toMatchObject({ ok: false, code: '310000', message: 'invalid timestamp' });
    expect(
      await sendCard(egress, 'feishu', addr.feishu, cfg.feishuSecret, card(), Date.now() + 2 * 3_600_000),
    ).toMatchObject({ ok: false, code: '19021' });
  });

  it('a card far over the length limits is cut to fit and accepted by every vendor', async () => {
    const long = card({
      lines: Array.from({ length: 40 }, (_, i) => `第${i + 1}项：${'材料报送不及时，'.repeat(40)}`),
    });
    for (const kind of ['wecom', 'dingtalk', 'feishu'] as const)
      expect(await sendCard(egress, kind, addr[kind], secrets[kind], long, Date.now()), kind).toMatchObject({
        ok: true,
      });
    expect(
      await sendCard(
        egress,
        'wecom',
        addr.wecom,
        '',
        card({ mentionMobiles: ['13900001007'], lines: ['长'.repeat(3000)] }),
        Date.now(),
      ),
    ).toMatchObject({ ok: true });
  });

  it('over 20 a minute, WeCom answers 45009 and the sender marks it retryable', async () => {
    const answers = [];
    for (let i = 0; i < 22; i++)
      answers.push(await sendCard(egress, 'wecom', addr.wecom, '', card({ idempotencyKey: `burst${i}` }), Date.now()));
    expect(answers.at(-1)).toMatchObject({ ok: false, code: '45009', retryable: true });
  });

  it('an address nobody answers is a retryable network failure', async () => {
    expect(
      await sendCard(egress, 'webhook', 'http://127.0.0.1:9/hooks', 's', card(), Date.now(), { timeoutMs: 2000 }),
    ).toMatchObject({ ok: false, code: 'network', retryable: true });
  });
});
