import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { startReceivers, type Receivers } from './robot-receivers.js';

const cfg = { wecomKey: 'wk-channel-key-123456', dingToken: 'dt-token-abcdef', dingSecret: 'SECd1ngSecretValue', feishuHook: 'fh-hook-0123456789abcdef', feishuSecret: 'fs3cretValue', webhookSecret: 'wh-secret-value' };
let ctx: TestContext;
let rx: Receivers;
let office: Client;
let member: Client;
beforeAll(async () => {
  ctx = await testApp();
  rx = await startReceivers(cfg);
  // Signatures carry the server's clock (fixed in tests): the receivers judge their window by the same clock.
  rx.clock.offsetMs = ctx.clock.now().getTime() - Date.now();
  const unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  member = await signIn(ctx, unit.user('member1'));
});
afterAll(() => rx.close());

describe('notification channels', () => {
  it('take a robot\'s full address and secret, check they fit the vendor, and never show them back', async () => {
    expect((await office.post('/api/channels', { kind: 'wecom', name: '办公室群', address: `${rx.base}/cgi-bin/webhook/send` })).json().message).toBe('企业微信机器人地址应包含 key 参数');
    expect((await office.post('/api/channels', { kind: 'dingtalk', name: '钉钉群', address: 'ftp://x' })).json().message).toContain('请粘贴完整的机器人地址');
    expect((await office.post('/api/channels', { kind: 'webhook', name: 'OA', address: `${rx.base}/hooks/zuofeng` })).json().message).toBe('通用 Webhook 需要设置签名密钥');
    expect((await member.post('/api/channels', { kind: 'wecom', name: 'x', address: `${rx.base}/cgi-bin/webhook/send?key=k` })).statusCode).toBe(403);
    const made = [
      await office.post('/api/channels', { kind: 'wecom', name: '局机关工作群', address: `${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}` }),
      await office.post('/api/channels', { kind: 'dingtalk', name: '钉钉督办群', address: `${rx.base}/robot/send?access_token=${cfg.dingToken}`, secret: cfg.dingSecret }),
      await office.post('/api/channels', { kind: 'feishu', name: '飞书群', address: `${rx.base}/open-apis/bot/v2/hook/${cfg.feishuHook}`, secret: cfg.feishuSecret }),
      await office.post('/api/channels', { kind: 'webhook', name: 'OA 系统', address: `${rx.base}/hooks/zuofeng`, secret: cfg.webhookSecret }),
    ].map((r) => r.json());
    expect(made.map((c) => c.kindLabel)).toEqual(['企业微信群机器人', '钉钉自定义机器人', '飞书自定义机器人', '通用 Webhook']);
    const listed = JSON.stringify((await office.get('/api/channels')).json());
    for (const secret of [cfg.wecomKey, cfg.dingToken, cfg.dingSecret, cfg.feishuHook, cfg.feishuSecret, cfg.webhookSecret]) expect(listed).not.toContain(secret);
    expect(made[0].address).toContain('key=wk-***456');
    const audit = JSON.stringify(rowsOf(await ctx.database.db.execute(sql`select json_agg(t) from (select * from audit_events where entity_type = 'notification_channel') t`)));
    for (const secret of [cfg.wecomKey, cfg.dingSecret, cfg.feishuSecret, cfg.webhookSecret]) expect(audit).not.toContain(secret);
  });

  it('send a test message and show the channel\'s own answer', async () => {
    const channels = (await office.get('/api/channels')).json() as { id: string; kind: string; version: number; name: string; address: string; departmentId: string | null }[];
    for (const c of channels) {
      const r = (await office.post(`/api/channels/${c.id}/test`)).json();
      expect(r, c.kind).toMatchObject({ ok: true, status: 200 });
    }
    expect(rx.received.map((r) => r.vendor).sort()).toEqual(['dingtalk', 'feishu', 'webhook', 'wecom']);
    expect(JSON.stringify(rx.received[0]!.body)).toContain('【测试】作风督办提醒');
    // A wrong secret, pasted over the right one: DingTalk's own error comes back; keeping the masked address keeps the real one.
    const ding = channels.find((c) => c.kind === 'dingtalk')!;
    const changed = (await office.put(`/api/channels/${ding.id}`, { kind: 'dingtalk', name: ding.name, address: ding.address, departmentId: null, secret: 'SECwrong', version: ding.version })).json();
    const bad = (await office.post(`/api/channels/${ding.id}/test`)).json();
    expect(bad).toMatchObject({ ok: false, code: '310000', message: 'sign not match', raw: '{"errcode":310000,"errmsg":"sign not match"}' });
    expect((await office.get('/api/channels')).json().find((c: { id: string }) => c.id === ding.id)).toMatchObject({ lastTestOk: false, lastTestAnswer: '310000 sign not match' });
    // An empty secret on update keeps the stored one.
    await office.put(`/api/channels/${ding.id}`, { kind: 'dingtalk', name: '钉钉督办群', address: ding.address, departmentId: null, secret: cfg.dingSecret, version: changed.version });
    const again = (await office.get('/api/channels')).json().find((c: { id: string }) => c.id === ding.id);
    await office.put(`/api/channels/${ding.id}`, { kind: 'dingtalk', name: '钉钉督办群（改名）', address: again.address, departmentId: null, version: again.version });
    expect((await office.post(`/api/channels/${ding.id}/test`)).json().ok).toBe(true);
  });

  it('are withdrawn with a reason and restored, never deleted', async () => {
    const c = (await office.get('/api/channels')).json()[0];
    expect((await office.post(`/api/channels/${c.id}/withdraw`, { reason: '群已解散' })).json()).toMatchObject({ active: false, withdrawnReason: '群已解散' });
    expect((await office.post(`/api/channels/${c.id}/withdraw`, { reason: '群已解散' })).json().message).toBe('该渠道已停用');
    expect((await office.post(`/api/channels/${c.id}/restore`, { reason: '新建了群' })).json().active).toBe(true);
  });
});
