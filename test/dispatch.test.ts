import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { eq } from 'drizzle-orm';
import { INTERNAL_REFUSED, parseAllowList } from '../src/domain/channel-address.js';
import { keyringFor } from '../src/server/crypto/keyring.js';
import { notificationChannels } from '../src/server/db/schema/index.js';
import { Dispatcher } from '../src/server/jobs/dispatcher.js';
import { egressFor } from '../src/server/modules/channels/send.js';
import { Egress, type Resolver } from '../src/server/net/egress.js';
import { smtpSender } from '../src/server/modules/deliveries/mail.js';
import { notificationsRepo } from '../src/server/modules/notifications/notifications.repo.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { startReceivers, type Receivers } from './robot-receivers.js';
import { decodeParts, startSmtp } from './smtp-receiver.js';

const cfg = {
  wecomKey: 'wk-dispatch-key-123456',
  dingToken: 'dt-token',
  dingSecret: 'SECding',
  feishuHook: 'fh-hook-dispatch',
  feishuSecret: 'fsecret',
  webhookSecret: 'wh-dispatch-secret',
};
let ctx: TestContext;
let rx: Receivers;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  // The receivers run on 127.0.0.1: the system administrator's allow-list lets them in.
  ctx = await testApp({ smtpUrl: 'smtp://set-below', channelAllowHosts: ['127.0.0.1'] });
  rx = await startReceivers(cfg);
  smtp = await startSmtp({ reject: ['nobody@example.cn'] });
});
afterAll(async () => {
  await rx.close();
  await smtp.close();
});
beforeEach(() => {
  rx.received.length = 0;
  smtp.received.length = 0;
  rx.resetLimits();
});

/** Moves the server's clock; the receivers judge signature windows by the same clock. */
const setClock = (iso: string) => {
  ctx.clock.current = new Date(iso);
  rx.clock.offsetMs = ctx.clock.now().getTime() - Date.now();
};
/** The units this file made: on the shared PostgreSQL test database, other files' notices are not ours to send. */
const ours: string[] = [];
const channelAccess = () => ({ keys: keyringFor(ctx.config), egress: egressFor(ctx.config) });
const dispatcher = () =>
  new Dispatcher(ctx.database.db, ctx.clock, {
    concurrency: 4,
    leaseMs: 60_000,
    publicUrl: 'https://zf.example.cn',
    mail: smtpSender(smtp.url, '作风督办 <zf@example.cn>'),
    units: ours,
    ...channelAccess(),
  });
/** Runs rounds until nothing more is due now. */
async function drain(d = dispatcher()) {
  for (let i = 0; i < 50; i++) if ((await d.runOnce()).claimed === 0) return;
  throw new Error('dispatcher did not settle');
}
const textOf = (r: { body: Record<string, unknown> }) => JSON.stringify(r.body);

async function unitWithRobots(office: Client, kinds: ('wecom' | 'webhook')[] = ['wecom', 'webhook']) {
  const made = [];
  if (kinds.includes('wecom'))
    made.push(
      (
        await office.post('/api/channels', {
          kind: 'wecom',
          name: '局机关工作群',
          address: `${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}`,
        })
      ).json(),
    );
  if (kinds.includes('webhook'))
    made.push(
      (
        await office.post('/api/channels', {
          kind: 'webhook',
          name: 'OA 系统',
          address: `${rx.base}/hooks/zuofeng`,
          secret: cfg.webhookSecret,
        })
      ).json(),
    );
  return made as { id: string; kind: string }[];
}

async function setup() {
  setClock('2026-11-30T02:00:00Z'); // Monday 10:00 in Shanghai: working hours
  const unit = await newDemoUnit(ctx);
  ours.push(unit.unit.id);
  const office = await signIn(ctx, unit.user('office'));
  const member = await signIn(ctx, unit.user('member1'));
  const me = (await member.get('/api/auth/me')).json().user;
  const [person] = rowsOf<{ phone: string; department_id: string }>(
    await ctx.database.db.execute(sql`select phone, department_id from people where id = ${me.personId}`),
  );
  return {
    unit,
    office,
    member,
    personId: me.personId as string,
    phone: person!.phone,
    departmentId: person!.department_id,
  };
}

const notices = (unitId: string, personId: string, kind: string, n: number, tag: string) =>
  notificationsRepo.add(
    ctx.database.db,
    Array.from({ length: n }, (_, i) => ({
      unitId,
      recipientPersonId: personId,
      kind,
      itemId: null,
      title: `${tag}${i + 1}`,
      body: `${tag}第${i + 1}条`,
      dedupeKey: `${tag}:${i}:${Math.random()}`,
      createdAt: ctx.clock.now(),
    })),
  );

describe('the dispatcher', () => {
  it("sends each notice to the unit's robot as a short card with an @, and to the webhook once with its key", async () => {
    const { office, personId, phone, departmentId } = await setup();
    const [wecom, webhook] = await unitWithRobots(office);
    const item = (
      await office.post('/api/items', {
        title: '整改台账更新',
        leadDepartmentId: departmentId,
        ownerPersonId: personId,
        receivedOn: '2026-11-30',
        urgency: 'important',
      })
    ).json();
    await drain();
    const w = rx.received.filter((r) => r.vendor === 'wecom');
    expect(w).toHaveLength(1);
    const text = w[0]!.body.text as { content: string; mentioned_mobile_list: string[] };
    expect(text.mentioned_mobile_list).toEqual([phone]);
    expect(text.content).toContain('新交办：整改台账更新');
    expect(text.content).toContain(`【蓝色】请签收并办理，办理时限 ${item.due}`);
    expect(text.content).toContain(`责任人：周凯，办理时限：${item.due}`);
    expect(text.content).toContain(`https://zf.example.cn/?item=${item.id}`);
    const h = rx.received.filter((r) => r.vendor === 'webhook');
    expect(h).toHaveLength(1);
    const [notice] = rowsOf<{ id: string }>(
      await ctx.database.db.execute(sql`select id from notifications where item_id = ${item.id}`),
    );
    expect(h[0]!.headers['idempotency-key']).toBe(`${notice!.id}:${webhook!.id}`);
    expect(h[0]!.body.notices).toEqual([{ id: notice!.id, title: '新交办：整改台账更新' }]);
    // Rerunning sends nothing again; the log shows both deliveries with the channel's answer.
    await drain();
    expect(rx.received).toHaveLength(2);
    const log = (await office.get('/api/deliveries')).json();
    expect(log.counts).toMatchObject({ sent: 2, failed: 0 });
    expect(
      log.items
        .map(
          (d: { channelName: string; status: string; lastCode: string; recipientName: string }) =>
            `${d.channelName}:${d.status}:${d.lastCode}:${d.recipientName}`,
        )
        .sort(),
    ).toEqual(['OA 系统:sent:200:周凯', '局机关工作群:sent:0:周凯']);
    expect(
      (await office.get(`/api/deliveries?channelId=${webhook!.id}`))
        .json()
        .items.map((d: { channelName: string }) => d.channelName),
    ).toEqual(['OA 系统']);
    expect((await office.get(`/api/deliveries?channelId=${wecom!.id}&status=failed`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await office.get('/api/deliveries?channelId=abc')).json().message).toContain('渠道编号格式不正确');
    expect((await office.get('/api/deliveries?status=lost')).statusCode).toBe(400);
  });

  it('keeps each robot within its budget: past 20 a minute WeCom gets one digest of the rest, the webhook gets every notice', async () => {
    const { unit, office, personId } = await setup();
    await unitWithRobots(office);
    await notices(unit.unit.id, personId, 'chase', 30, '催办');
    await drain();
    const w = rx.received.filter((r) => r.vendor === 'wecom');
    expect(w).toHaveLength(20);
    const digests = w.filter((r) => textOf(r).includes('督办提醒汇总'));
    expect(digests).toHaveLength(1);
    const carried = Number(/督办提醒汇总（(\d+) 条）/.exec(textOf(digests[0]!))![1]);
    expect(19 + carried).toBe(30);
    expect(rx.received.filter((r) => r.vendor === 'webhook')).toHaveLength(30);
  });

  it('holds all but 紧急 outside working hours and sends what was held as one digest at the start of the next working day', async () => {
    // 40 held: more than one round claims (8 × concurrency 4 = 32), still one digest.
    const { unit, office, personId } = await setup();
    await unitWithRobots(office, ['wecom']);
    setClock('2026-11-30T12:00:00Z'); // Monday 20:00
    await notices(unit.unit.id, personId, 'overdue', 40, '已逾期：事项');
    await notices(unit.unit.id, personId, 'urgent', 1, '紧急件跟踪：事项');
    await drain();
    expect(rx.received.map(textOf)).toHaveLength(1);
    expect(textOf(rx.received[0]!)).toContain('【红色】');
    setClock('2026-12-01T00:29:00Z'); // Tuesday 08:29
    await drain();
    expect(rx.received).toHaveLength(1);
    setClock('2026-12-01T00:30:00Z'); // Tuesday 08:30
    await drain();
    expect(rx.received).toHaveLength(2);
    const digest = textOf(rx.received[1]!);
    expect(digest).toContain('非工作时间提醒汇总（40 条）');
    expect(digest.match(/\\n\d+\. 已逾期：事项\d+：/g)).toHaveLength(30); // the first 30 listed
    expect(digest).toContain('另有 10 条'); // the rest of the line is cut to WeCom's 2,048 bytes
  });

  it("keeps a notice about someone's own affairs out of group chats", async () => {
    const { unit, office, member, personId } = await setup();
    await unitWithRobots(office);
    ctx.config.smtpUrl = smtp.url;
    await member.put('/api/me/notification-preferences', {
      groupRobot: true,
      mail: true,
      email: 'zhoukai@example.cn',
      mailDigest: false,
    });
    await notices(unit.unit.id, personId, 'opinion_about_you', 1, '收到一条关于您的意见建议');
    await notices(unit.unit.id, personId, 'extension_decision', 1, '延期未批准');
    await drain();
    expect(rx.received).toHaveLength(0);
    // They go to the person's own mailbox; the office's delivery log does not say what they were.
    expect(smtp.received).toHaveLength(2);
    const log = JSON.stringify((await office.get('/api/deliveries')).json());
    expect(log).toContain('个人事务提醒（内容仅本人可见）');
    expect(log).not.toContain('意见');
    expect(log).not.toContain('延期未批准');
    expect(log).not.toContain('opinion');
  });

  it('retries what may succeed later with growing waits, gives up on what will not, and lets the office retry it with a reason', async () => {
    const { unit, office, personId } = await setup();
    const hook = (
      await office.post('/api/channels', {
        kind: 'webhook',
        name: 'OA 系统',
        address: `${rx.base}/hooks/zuofeng`,
        secret: 'wrong-secret',
      })
    ).json();
    await office.post('/api/channels', {
      kind: 'wecom',
      name: '断网的群',
      address: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=k',
    });
    await notices(unit.unit.id, personId, 'chase', 1, '催办');
    await drain();
    let log = (await office.get('/api/deliveries')).json();
    const failed = log.items.find((d: { channelName: string }) => d.channelName === 'OA 系统');
    expect(failed).toMatchObject({ status: 'failed', lastCode: '401', attempts: 1 });
    const waiting = log.items.find((d: { channelName: string }) => d.channelName === '断网的群');
    expect(waiting).toMatchObject({ status: 'pending', lastCode: 'network', attempts: 1 });
    const wait1 = new Date(waiting.nextAttemptAt).getTime() - ctx.clock.now().getTime();
    expect(wait1).toBeGreaterThanOrEqual(30_000);
    expect(wait1).toBeLessThanOrEqual(36_000);
    ctx.clock.advance(wait1);
    await drain();
    log = (await office.get('/api/deliveries?status=pending')).json();
    expect(log.items[0]).toMatchObject({ attempts: 2, lastCode: 'network' });
    expect(new Date(log.items[0].nextAttemptAt).getTime() - ctx.clock.now().getTime()).toBeGreaterThanOrEqual(60_000);
    // The office fixes the secret and retries the failed one; a reason is required and it goes once.
    expect((await office.post(`/api/deliveries/${failed.id}/retry`, {})).statusCode).toBe(400);
    await office.put(`/api/channels/${hook.id}`, {
      kind: 'webhook',
      name: 'OA 系统',
      address: hook.address,
      departmentId: null,
      secret: cfg.webhookSecret,
      version: hook.version,
    });
    expect((await office.post(`/api/deliveries/${failed.id}/retry`, { reason: '已更正签名密钥' })).json()).toEqual({
      retried: 1,
    });
    expect((await office.post(`/api/deliveries/${failed.id}/retry`, { reason: '再试一次' })).json().message).toBe(
      '只有发送失败的记录可以重试',
    );
    await drain();
    expect(rx.received.filter((r) => r.vendor === 'webhook')).toHaveLength(1);
    expect((await office.get('/api/deliveries?status=sent')).json().items[0]).toMatchObject({
      channelName: 'OA 系统',
      status: 'sent',
    });
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.get('/api/deliveries')).statusCode).toBe(403);
    expect(
      (await office.post('/api/deliveries/00000000-0000-4000-8000-000000000000/retry', { reason: '试一下' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('internal addresses and sealed channels', () => {
  it('a dispatcher without the allow-list refuses the receivers on 127.0.0.1: failed at once, not retried, nothing connects', async () => {
    const { unit, office, personId } = await setup();
    await unitWithRobots(office);
    await notices(unit.unit.id, personId, 'chase', 2, '催办');
    const strict = new Egress(parseAllowList('').list);
    const before = rx.connections();
    const d = new Dispatcher(ctx.database.db, ctx.clock, {
      concurrency: 4,
      leaseMs: 60_000,
      publicUrl: 'https://zf.example.cn',
      mail: null,
      units: [unit.unit.id],
      keys: keyringFor(ctx.config),
      egress: strict,
    });
    for (let i = 0; i < 5; i++) await d.runOnce();
    strict.close();
    expect(rx.connections()).toBe(before);
    expect(rx.received).toHaveLength(0);
    const log = (await office.get('/api/deliveries')).json();
    expect(log.counts).toMatchObject({ failed: 4, pending: 0, sent: 0 });
    for (const item of log.items) {
      expect(item).toMatchObject({
        status: 'failed',
        lastCode: 'forbidden_address',
        nextAttemptAt: null,
        lastMessage: INTERNAL_REFUSED,
      });
    }
  });

  it("a name that resolves inside: the delivery log says only that it is internal, the server's log says where it went", async () => {
    const { unit, office, personId } = await setup();
    // A public-looking https name is taken when saved (names are judged when connecting, on what they resolve to).
    const hook = (
      await office.post('/api/channels', {
        kind: 'webhook',
        name: '内网 OA',
        address: 'https://oa.intranet.test/hooks/zuofeng?token=t0ken',
        secret: 's',
      })
    ).json();
    expect(hook.address).toBe('https://oa.intranet.test/***/***?token=***');
    await notices(unit.unit.id, personId, 'chase', 1, '催办');
    const resolver: Resolver = async (host) =>
      host === 'oa.intranet.test' ? [{ address: '10.20.30.40', family: 4 }] : [];
    const egress = new Egress(parseAllowList('').list, resolver);
    const logged: string[] = [];
    const d = new Dispatcher(ctx.database.db, ctx.clock, {
      concurrency: 4,
      leaseMs: 60_000,
      publicUrl: 'https://zf.example.cn',
      mail: null,
      units: [unit.unit.id],
      keys: keyringFor(ctx.config),
      egress,
      log: (m) => logged.push(m),
    });
    await d.runOnce();
    egress.close();
    const seen = (await office.get(`/api/deliveries?channelId=${hook.id}`)).json();
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({
      status: 'failed',
      lastCode: 'forbidden_address',
      lastMessage: INTERNAL_REFUSED,
    });
    expect(JSON.stringify(seen)).not.toContain('10.20.30.40');
    expect(logged).toContain(`通知渠道 ${hook.id}：推送地址被拒绝：oa.intranet.test 解析到内网地址 10.20.30.40`);
    expect(logged.join()).not.toContain('t0ken');
  });

  it('a channel whose sealed address does not open (moved from another row) fails with a clear reason', async () => {
    const { unit, office, personId } = await setup();
    const [wecom, webhook] = await unitWithRobots(office);
    const [other] = await ctx.database.db
      .select()
      .from(notificationChannels)
      .where(eq(notificationChannels.id, webhook!.id));
    await ctx.database.db
      .update(notificationChannels)
      .set({ address: other!.address })
      .where(eq(notificationChannels.id, wecom!.id));
    await notices(unit.unit.id, personId, 'chase', 1, '催办');
    await drain();
    const log = (await office.get(`/api/deliveries?channelId=${wecom!.id}`)).json();
    expect(log.items[0]).toMatchObject({ status: 'failed', lastCode: 'sealed' });
    expect(
      (await office.get('/api/channels')).json().find((c: { id: string }) => c.id === wecom!.id).address,
    ).toContain('无法解密');
    expect(rx.received.map((r) => r.vendor)).toEqual(['webhook']);
  });
});

describe('leases', () => {
  it('a dispatcher never starts a send its lease might not outlast; what it puts back goes later, once', async () => {
    const { unit, office, personId } = await setup();
    const s = (await office.get('/api/notification-settings')).json();
    await office.put('/api/notification-settings', { ...s, quietHours: false }); // this test runs on the real clock, at any hour
    const slow = await startReceivers({ ...cfg, delayMs: 300 });
    try {
      await office.post('/api/channels', {
        kind: 'webhook',
        name: '慢的 OA',
        address: `${slow.base}/hooks/zuofeng`,
        secret: cfg.webhookSecret,
      });
      await notices(unit.unit.id, personId, 'chase', 5, '催办');
      // A 1-second lease: a robot is given 500 ms, so after about two 300 ms answers the rest must wait.
      const d = new Dispatcher(
        ctx.database.db,
        { now: () => new Date() },
        {
          concurrency: 1,
          leaseMs: 1000,
          publicUrl: 'https://zf.example.cn',
          mail: null,
          units: [unit.unit.id],
          ...channelAccess(),
        },
      );
      const first = await d.runOnce();
      expect(first.claimed).toBe(5);
      expect(first.sent).toBeGreaterThanOrEqual(1);
      expect(first.deferred).toBeGreaterThanOrEqual(1);
      expect(first.sent + first.deferred).toBe(5);
      for (let i = 0; i < 20 && slow.received.length < 5; i++) await d.runOnce();
      expect(slow.received.map((r) => r.headers['idempotency-key']).sort()).toEqual(
        [...new Set(slow.received.map((r) => r.headers['idempotency-key']))].sort(),
      );
      expect(slow.received).toHaveLength(5);
    } finally {
      await slow.close();
    }
  });
});

describe('preferences and mail', () => {
  beforeAll(() => {
    ctx.config.smtpUrl = smtp.url;
  });

  it('let a person choose mail instead of the group, within what the unit requires', async () => {
    const { office, member, personId, departmentId } = await setup();
    await unitWithRobots(office, ['wecom']);
    expect((await member.get('/api/me/notification-preferences')).json()).toMatchObject({
      groupRobot: true,
      mail: false,
      mailAvailable: true,
      robots: ['局机关工作群'],
    });
    expect(
      (
        await member.put('/api/me/notification-preferences', {
          groupRobot: true,
          mail: true,
          email: '',
          mailDigest: false,
        })
      ).json().message,
    ).toContain('选择邮件提醒时请填写邮箱');
    expect(
      (
        await member.put('/api/me/notification-preferences', {
          groupRobot: true,
          mail: true,
          email: 'not-an-address',
          mailDigest: false,
        })
      ).json().message,
    ).toContain('邮箱格式不正确');
    expect(
      (
        await member.put('/api/me/notification-preferences', {
          groupRobot: false,
          mail: true,
          email: 'zhoukai@example.cn',
          mailDigest: false,
        })
      ).json(),
    ).toMatchObject({ groupRobot: false, mail: true });
    await office.post('/api/items', {
      title: '<b>整改</b>台账',
      leadDepartmentId: departmentId,
      ownerPersonId: personId,
      receivedOn: '2026-11-30',
    });
    await drain();
    expect(rx.received).toHaveLength(0);
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.to).toEqual(['zhoukai@example.cn']);
    const parts = decodeParts(m.data);
    expect(parts['text/plain']).toContain('新交办：<b>整改</b>台账');
    expect(parts['text/html']).toContain('新交办：&lt;b&gt;整改&lt;/b&gt;台账');
    expect(parts['text/html']).not.toContain('<b>整改');
    expect(m.data).toMatch(/X-Zuofeng-Idempotency-Key: [0-9a-f-]+:mail/);
    // The unit requires the group robot: the person cannot turn it off.
    const s = (await office.get('/api/notification-settings')).json();
    await office.put('/api/notification-settings', { ...s, requireGroupRobot: true });
    expect(
      (
        await member.put('/api/me/notification-preferences', {
          groupRobot: false,
          mail: true,
          email: 'zhoukai@example.cn',
          mailDigest: false,
        })
      ).json().message,
    ).toBe('本单位要求在工作群接收提醒，不能关闭');
    expect((await office.put('/api/notification-settings', { ...s, requireGroupRobot: true })).json().message).toBe(
      '设置已被他人修改，请刷新后再改',
    );
    expect(
      (
        await office.put('/api/notification-settings', {
          ...s,
          version: s.version + 1,
          workStartMin: 600,
          workEndMin: 540,
        })
      ).json().message,
    ).toContain('下班时间应晚于上班时间');
  });

  it('send a daily mail digest at the start of the next working day, and give up on a mailbox that does not exist', async () => {
    const { unit, member, personId } = await setup();
    await member.put('/api/me/notification-preferences', {
      groupRobot: true,
      mail: true,
      email: 'zhoukai@example.cn',
      mailDigest: true,
    });
    await notices(unit.unit.id, personId, 'due_soon', 2, '明日到期：事项');
    await drain();
    expect(smtp.received).toHaveLength(0);
    setClock('2026-12-01T00:30:00Z');
    await drain();
    expect(smtp.received).toHaveLength(1);
    expect(decodeParts(smtp.received[0]!.data)['text/plain']).toContain('非工作时间提醒汇总（2 条）');
    const again = await signIn(ctx, unit.user('member1')); // a day later: the session has run out
    expect(
      (
        await again.put('/api/me/notification-preferences', {
          groupRobot: true,
          mail: true,
          email: 'nobody@example.cn',
          mailDigest: false,
        })
      ).statusCode,
    ).toBe(200);
    await notices(unit.unit.id, personId, 'chase', 1, '催办');
    await drain();
    const [d] = rowsOf<{ status: string; last_code: string }>(
      await ctx.database.db.execute(
        sql`select status, last_code from notification_deliveries where address = 'nobody@example.cn'`,
      ),
    );
    expect(d).toEqual({ status: 'failed', last_code: '550' });
  });
});
