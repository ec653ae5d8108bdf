import { PassThrough } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_REFUSED } from '../src/domain/channel-address.js';
import { keyringFor } from '../src/server/crypto/keyring.js';
import { isSealed } from '../src/server/crypto/suite.js';
import { rowsOf } from '../src/server/db/client.js';
import { notificationChannels } from '../src/server/db/schema/index.js';
import { TABLES } from '../src/server/modules/backup/backup.repo.js';
import { openChannel, sealPlainChannels } from '../src/server/modules/channels/channel-secrets.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { startReceivers, type Receivers } from './robot-receivers.js';

const cfg = {
  wecomKey: 'wk-channel-key-123456',
  dingToken: 'dt-token-abcdef',
  dingSecret: 'SECd1ngSecretValue',
  feishuHook: 'fh-hook-0123456789abcdef',
  feishuSecret: 'fs3cretValue',
  webhookSecret: 'wh-secret-value',
};
let ctx: TestContext;
let rx: Receivers;
let office: Client;
let member: Client;
let unitId: string;
let officeName: string;
beforeAll(async () => {
  // The receivers run on 127.0.0.1: the system administrator's allow-list lets them in.
  ctx = await testApp({ channelAllowHosts: ['127.0.0.1'] });
  rx = await startReceivers(cfg);
  // Signatures carry the server's clock (fixed in tests): the receivers judge their window by the same clock.
  rx.clock.offsetMs = ctx.clock.now().getTime() - Date.now();
  const unit = await newDemoUnit(ctx);
  unitId = unit.unit.id;
  officeName = unit.user('office');
  office = await signIn(ctx, unit.user('office'));
  member = await signIn(ctx, unit.user('member1'));
});
afterAll(() => rx.close());

describe('notification channels', () => {
  it("take a robot's full address and secret, check they fit the vendor, and never show them back", async () => {
    expect(
      (
        await office.post('/api/channels', {
          kind: 'wecom',
          name: '办公室群',
          address: `${rx.base}/cgi-bin/webhook/send`,
        })
      ).json().message,
    ).toBe('企业微信机器人地址应包含 key 参数');
    expect(
      (await office.post('/api/channels', { kind: 'dingtalk', name: '钉钉群', address: 'ftp://x' })).json().message,
    ).toContain('请粘贴完整的机器人地址');
    expect(
      (await office.post('/api/channels', { kind: 'webhook', name: 'OA', address: `${rx.base}/hooks/zuofeng` })).json()
        .message,
    ).toBe('通用 Webhook 需要设置签名密钥');
    expect(
      (
        await member.post('/api/channels', {
          kind: 'wecom',
          name: 'x',
          address: `${rx.base}/cgi-bin/webhook/send?key=k`,
        })
      ).statusCode,
    ).toBe(403);
    const made = [
      await office.post('/api/channels', {
        kind: 'wecom',
        name: '局机关工作群',
        address: `${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}`,
      }),
      await office.post('/api/channels', {
        kind: 'dingtalk',
        name: '钉钉督办群',
        address: `${rx.base}/robot/send?access_token=${cfg.dingToken}`,
        secret: cfg.dingSecret,
      }),
      await office.post('/api/channels', {
        kind: 'feishu',
        name: '飞书群',
        address: `${rx.base}/open-apis/bot/v2/hook/${cfg.feishuHook}`,
        secret: cfg.feishuSecret,
      }),
      await office.post('/api/channels', {
        kind: 'webhook',
        name: 'OA 系统',
        address: `${rx.base}/hooks/zuofeng`,
        secret: cfg.webhookSecret,
      }),
    ].map((r) => r.json());
    expect(made.map((c) => c.kindLabel)).toEqual([
      '企业微信群机器人',
      '钉钉自定义机器人',
      '飞书自定义机器人',
      '通用 Webhook',
    ]);
    const listed = JSON.stringify((await office.get('/api/channels')).json());
    for (const secret of [
      cfg.wecomKey,
      cfg.dingToken,
      cfg.dingSecret,
      cfg.feishuHook,
      cfg.feishuSecret,
      cfg.webhookSecret,
    ])
      expect(listed).not.toContain(secret);
    expect(made.map((c) => c.address)).toEqual([
      `${rx.base}/cgi-bin/webhook/send?key=***`,
      `${rx.base}/robot/send?access_token=***`,
      `${rx.base}/open-apis/bot/v2/hook/***`,
      `${rx.base}/***/***`,
    ]);
    const audit = JSON.stringify(
      rowsOf(
        await ctx.database.db.execute(
          sql`select json_agg(t) from (select * from audit_events where entity_type = 'notification_channel') t`,
        ),
      ),
    );
    for (const secret of Object.values(cfg)) expect(audit).not.toContain(secret);
    expect(audit).toContain('key=***');
  });

  it("refuse addresses off the vendor's host and internal addresses, and show why", async () => {
    const refused = async (b: Record<string, unknown>) => {
      const r = await office.post('/api/channels', { name: '群', ...b });
      expect(r.statusCode).toBe(400);
      return r.json().message as string;
    };
    expect(
      await refused({ kind: 'wecom', address: 'https://wecom.evil.example/cgi-bin/webhook/send?key=k' }),
    ).toContain('https://qyapi.weixin.qq.com');
    expect(
      await refused({ kind: 'wecom', address: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }),
    ).toContain('https://qyapi.weixin.qq.com/');
    // Internal addresses, however written, get one answer: it says what to do, and nothing about the network.
    for (const address of [
      'https://10.0.0.5:5432/',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::ffff:10.0.0.5]/',
    ]) {
      expect(await refused({ kind: 'webhook', address, secret: 's' }), address).toBe(INTERNAL_REFUSED);
    }
    expect(await refused({ kind: 'webhook', address: 'http://101.226.103.106/hook', secret: 's' })).toContain('https');
    expect(
      (
        await office.post('/api/channels', {
          kind: 'wecom',
          name: '厂商地址',
          address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=vendor-key-1',
        })
      ).json().address,
    ).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
    // A department of another unit is no department of ours.
    const other = await newDemoUnit(ctx);
    const [foreign] = rowsOf<{ id: string }>(
      await ctx.database.db.execute(sql`select id from departments where unit_id = ${other.unit.id} limit 1`),
    );
    expect(
      await refused({ kind: 'wecom', address: `${rx.base}/cgi-bin/webhook/send?key=k`, departmentId: foreign!.id }),
    ).toBe('所选科室不存在');
    const policy = (await office.get('/api/channels/policy')).json();
    expect(policy.allowHosts).toEqual(['127.0.0.1']);
    expect(policy.vendorHosts.find((v: { kind: string }) => v.kind === 'feishu').hosts).toEqual([
      'open.feishu.cn',
      'open.larksuite.com',
    ]);
    expect((await member.get('/api/channels/policy')).statusCode).toBe(403);
  });

  it("send a test message and show the channel's own answer", async () => {
    const channels = (await office.get('/api/channels')).json() as {
      id: string;
      kind: string;
      version: number;
      name: string;
      address: string;
      departmentId: string | null;
    }[];
    for (const c of channels) {
      if (!c.address.startsWith(rx.base)) continue;
      const r = (await office.post(`/api/channels/${c.id}/test`)).json();
      expect(r, c.kind).toMatchObject({ ok: true });
    }
    expect(rx.received.map((r) => r.vendor).sort()).toEqual(['dingtalk', 'feishu', 'webhook', 'wecom']);
    expect(JSON.stringify(rx.received[0]!.body)).toContain('【测试】作风督办提醒');
    // A wrong secret, pasted over the right one: DingTalk's own error comes back; keeping the masked address keeps the real one.
    const ding = channels.find((c) => c.kind === 'dingtalk')!;
    const changed = (
      await office.put(`/api/channels/${ding.id}`, {
        kind: 'dingtalk',
        name: ding.name,
        address: ding.address,
        departmentId: null,
        secret: 'SECwrong',
        version: ding.version,
      })
    ).json();
    const bad = (await office.post(`/api/channels/${ding.id}/test`)).json();
    expect(bad).toEqual({ ok: false, code: '310000', message: 'sign not match' });
    expect((await office.get('/api/channels')).json().find((c: { id: string }) => c.id === ding.id)).toMatchObject({
      lastTestOk: false,
      lastTestAnswer: '310000 sign not match',
    });
    // An empty secret on update keeps the stored one.
    await office.put(`/api/channels/${ding.id}`, {
      kind: 'dingtalk',
      name: '钉钉督办群',
      address: ding.address,
      departmentId: null,
      secret: cfg.dingSecret,
      version: changed.version,
    });
    const again = (await office.get('/api/channels')).json().find((c: { id: string }) => c.id === ding.id);
    await office.put(`/api/channels/${ding.id}`, {
      kind: 'dingtalk',
      name: '钉钉督办群（改名）',
      address: again.address,
      departmentId: null,
      version: again.version,
    });
    expect((await office.post(`/api/channels/${ding.id}/test`)).json().ok).toBe(true);
    // A new address replaces the stored one.
    const renamed = (await office.get('/api/channels')).json().find((c: { id: string }) => c.id === ding.id);
    const moved = (
      await office.put(`/api/channels/${ding.id}`, {
        kind: 'dingtalk',
        name: renamed.name,
        address: `${rx.base}/robot/send?access_token=other-token`,
        departmentId: null,
        version: renamed.version,
      })
    ).json();
    expect((await office.post(`/api/channels/${ding.id}/test`)).json()).toMatchObject({
      ok: false,
      code: '300001',
      message: 'token is not exist',
    });
    await office.put(`/api/channels/${ding.id}`, {
      kind: 'dingtalk',
      name: renamed.name,
      address: `${rx.base}/robot/send?access_token=${cfg.dingToken}`,
      departmentId: null,
      version: moved.version,
    });
    expect((await office.post(`/api/channels/${ding.id}/test`)).json().ok).toBe(true);
  });

  it('are stored sealed: no token, key or secret anywhere in the database, and sending still works', async () => {
    const leaks: string[] = [];
    for (const table of TABLES) {
      const rows = rowsOf<{ t: string }>(
        await ctx.database.db.execute(sql`select t::text as t from ${sql.identifier(table)} t`),
      );
      for (const { t } of rows)
        for (const secret of Object.values(cfg)) if (t.includes(secret)) leaks.push(`${table}: ${secret}`);
    }
    expect(leaks).toEqual([]);
    const stored = await ctx.database.db
      .select()
      .from(notificationChannels)
      .where(eq(notificationChannels.unitId, unitId));
    expect(stored.length).toBeGreaterThanOrEqual(5);
    for (const c of stored) {
      expect(isSealed(c.address)).toBe(true);
      expect(c.secret === '' || isSealed(c.secret)).toBe(true);
    }
    // Bound to its row: a sealed address copied onto another channel does not open there.
    const [a, b] = stored;
    expect(openChannel(keyringFor(ctx.config), { ...b!, address: a!.address })).toBeNull();
    expect(openChannel(keyringFor(ctx.config), a!)!.address).toMatch(/^http/);
  });

  it('sealed at start-up when an older version stored them plain (idempotent), and still sent', async () => {
    const now = ctx.clock.now();
    const [plain] = await ctx.database.db
      .insert(notificationChannels)
      .values({
        unitId,
        kind: 'webhook',
        name: '旧版保存的 OA',
        address: `${rx.base}/hooks/zuofeng`,
        secret: cfg.webhookSecret,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    expect(await sealPlainChannels(ctx.database.db, keyringFor(ctx.config))).toBeGreaterThanOrEqual(1);
    expect(await sealPlainChannels(ctx.database.db, keyringFor(ctx.config))).toBe(0);
    const [row] = await ctx.database.db
      .select()
      .from(notificationChannels)
      .where(eq(notificationChannels.id, plain!.id));
    expect([isSealed(row!.address), isSealed(row!.secret)]).toEqual([true, true]);
    expect(openChannel(keyringFor(ctx.config), row!)).toEqual({
      address: `${rx.base}/hooks/zuofeng`,
      secret: cfg.webhookSecret,
    });
    rx.received.length = 0;
    expect((await office.post(`/api/channels/${plain!.id}/test`)).json()).toEqual({
      ok: true,
      code: '200',
      message: 'ok',
    });
    expect(rx.received.map((r) => r.vendor)).toEqual(['webhook']);
  });

  it('without the allow-list, the same channels are refused at send time and nothing connects', async () => {
    const logged: string[] = [];
    const logs = new PassThrough();
    logs.on('data', (chunk: Buffer) => logged.push(...chunk.toString().split('\n').filter(Boolean)));
    const strict = await testApp({}, { logStream: logs });
    const o = await signIn(strict, officeName);
    const before = rx.connections();
    rx.received.length = 0;
    for (const c of (await o.get('/api/channels')).json() as { id: string; address: string }[]) {
      if (!c.address.startsWith(rx.base)) continue;
      const r = (await o.post(`/api/channels/${c.id}/test`)).json();
      expect(r, c.address).toEqual({ ok: false, code: 'forbidden_address', message: INTERNAL_REFUSED });
    }
    // Nor does the answer kept on the channel (shown on the page) name the address or its kind.
    const kept = JSON.stringify((await o.get('/api/channels')).json());
    expect(kept).toContain(`forbidden_address ${INTERNAL_REFUSED}`);
    expect(kept).not.toMatch(/本机地址|127\.0\.0\.1 是/);
    // The server's log (the request's) has the precise reason, and no token of the address.
    const reasons = logged.filter((l) => l.includes('推送地址被拒绝'));
    expect(reasons.length).toBeGreaterThanOrEqual(4);
    for (const l of reasons) expect(l).toMatch(/通知渠道 [0-9a-f-]{36} 测试：推送地址被拒绝：127\.0\.0\.1 是本机地址/);
    for (const secret of Object.values(cfg)) expect(logged.join('\n')).not.toContain(secret);
    expect(rx.connections()).toBe(before);
    expect(rx.received).toHaveLength(0);
    expect(
      (
        await o.post('/api/channels', { kind: 'webhook', name: 'x', address: `${rx.base}/hooks/zuofeng`, secret: 's' })
      ).json().message,
    ).toContain('ZUOFENG_CHANNEL_ALLOW_HOSTS');
    expect(
      (
        await o.post('/api/channels', { kind: 'webhook', name: 'x', address: 'http://oa.example.cn/hook', secret: 's' })
      ).json().message,
    ).toContain('https');
    expect((await o.get('/api/channels/policy')).json().allowHosts).toEqual([]);
  });

  it('are withdrawn with a reason and restored, never deleted', async () => {
    const c = (await office.get('/api/channels')).json()[0];
    expect((await office.post(`/api/channels/${c.id}/withdraw`, { reason: '群已解散' })).json()).toMatchObject({
      active: false,
      withdrawnReason: '群已解散',
    });
    expect((await office.post(`/api/channels/${c.id}/withdraw`, { reason: '群已解散' })).json().message).toBe(
      '该渠道已停用',
    );
    expect((await office.post(`/api/channels/${c.id}/restore`, { reason: '新建了群' })).json().active).toBe(true);
  });
});
