import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { Dispatcher } from '../src/server/jobs/dispatcher.js';
import { Scheduler } from '../src/server/jobs/scheduler.js';
import { keyringFor } from '../src/server/crypto/keyring.js';
import { egressFor } from '../src/server/modules/channels/send.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { startReceivers, type Receivers } from './robot-receivers.js';
import { multipartFile } from './xlsx.js';

/**
 * 节日廉政 (measure 23): with the 2038 schedule imported, the scheduler sends the 元旦 廉政提醒 on its day
 * (three working days before) to all staff and the unit's group robot, once; a 四风 check's problem becomes
 * a finding that the discipline staff read and the office and members do not.
 * The years are 2037–2038 (the weekdays of 2026–2027): the holiday schedule is installation-wide, and on the
 * shared PostgreSQL database calendar.test.ts needs 2027 to stay missing until it imports it itself.
 */
const cfg = {
  wecomKey: 'wk-holiday-key-123456',
  dingToken: 'dt',
  dingSecret: 'SECd',
  feishuHook: 'fh',
  feishuSecret: 'fs',
  webhookSecret: 'wh',
};
let ctx: TestContext;
let rx: Receivers;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let discipline: Client;
let office: Client;
let member: Client;
let staff = 0;

/** Moves the clock (the robot stand-in judges signatures by it) and signs in again: sessions idle out over days. */
async function setClock(iso: string) {
  ctx.clock.current = new Date(iso);
  rx.clock.offsetMs = ctx.clock.now().getTime() - Date.now();
  if (!unit) return;
  discipline = await signIn(ctx, unit.user('discipline'));
  office = await signIn(ctx, unit.user('office'));
  member = await signIn(ctx, unit.user('member1'));
}
const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await ctx.database.db.execute(q))[0]!.n;

beforeAll(async () => {
  ctx = await testApp({ channelAllowHosts: ['127.0.0.1'] });
  rx = await startReceivers(cfg);
  await setClock('2037-12-21T02:00:00Z');
  unit = await newDemoUnit(ctx);
  const admin = await signIn(ctx, unit.user('admin'));
  const { payload, headers } = multipartFile(
    fs.readFileSync(new URL('./fixtures/holiday-2038.json', import.meta.url)),
    'holiday-2038.json',
  );
  const preview = (await admin.request('POST', '/api/calendar/imports', payload, headers)).json();
  expect((await admin.post(`/api/calendar/imports/${preview.id}/apply`)).statusCode).toBe(200);
  discipline = await signIn(ctx, unit.user('discipline'));
  office = await signIn(ctx, unit.user('office'));
  member = await signIn(ctx, unit.user('member1'));
  const robot = await office.post('/api/channels', {
    kind: 'wecom',
    name: '局机关工作群',
    address: `${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}`,
  });
  expect(robot.statusCode).toBe(200);
  staff = await count(
    sql`select count(*)::int as n from people where unit_id = ${unit.unit.id} and status = 'in_service'`,
  );
});
afterAll(async () => {
  await rx.close();
});

const dispatcher = () =>
  new Dispatcher(ctx.database.db, ctx.clock, {
    concurrency: 2,
    leaseMs: 60_000,
    publicUrl: 'https://zf.example.cn',
    mail: null,
    units: [unit.unit.id],
    keys: keyringFor(ctx.config),
    egress: egressFor(ctx.config),
  });
async function drain() {
  const d = dispatcher();
  for (let i = 0; i < 50; i++) if ((await d.runOnce()).claimed === 0) return;
  throw new Error('dispatcher did not settle');
}
const reminders = () =>
  count(
    sql`select count(*)::int as n from notifications where unit_id = ${unit.unit.id} and dedupe_key like 'integrity:2038:new_year:%'`,
  );

describe('节前廉政提醒', () => {
  it('shows the 2038 periods from the imported schedule, and no invented dates for a year not loaded', async () => {
    const r = (await discipline.get('/api/discipline/holiday-periods?year=2038')).json();
    expect(r.loaded).toBe(true);
    expect(r.periods[0]).toMatchObject({
      key: '2038:new_year',
      label: '元旦',
      firstDay: '2038-01-01',
      lastDay: '2038-01-03',
      reminderOn: '2037-12-29',
      state: 'upcoming',
    });
    expect((await discipline.get('/api/discipline/holiday-periods?year=2039')).json()).toMatchObject({
      loaded: false,
      periods: [],
    });
    expect((await office.get('/api/discipline/holiday-periods?year=2038')).statusCode).toBe(403);
    const preview = (await discipline.get('/api/discipline/holiday-reminders/preview?periodKey=2038:new_year')).json();
    expect(preview.title).toBe('元旦节前廉政提醒');
    expect(preview.body).toContain('公车私用');
    expect(preview.recipients).toBe(staff);
    expect(await reminders()).toBe(0);
  });

  it('the scheduler sends it on the reminder day to everyone and the group robot, and never twice', async () => {
    const scheduler = new Scheduler(ctx.database.db, ctx.clock, 60_000);
    await setClock('2037-12-28T02:00:00Z'); // the day before: nothing
    await scheduler.tick();
    expect(await reminders()).toBe(0);

    await setClock('2037-12-29T02:00:00Z'); // Tuesday 10:00, three working days before 元旦
    await scheduler.tick();
    expect(await reminders()).toBe(staff);
    const inbox = (await member.get('/api/inbox')).json().items;
    expect(inbox.filter((n: { title: string }) => n.title === '元旦节前廉政提醒')).toHaveLength(1);
    await drain();
    const robot = rx.received.filter((r) => r.vendor === 'wecom');
    expect(robot).toHaveLength(1);
    const text = robot[0]!.body.markdown as { content: string };
    expect(text.content).toContain('元旦节前廉政提醒');
    expect(text.content).toContain('2038-01-01 至 2038-01-03');
    expect(text.content).toContain('违规收送礼品礼金');
    expect(text.content).not.toContain('责任人');

    // Later ticks (the hourly lease expired) and a second instance send nothing more.
    await setClock('2037-12-29T05:00:00Z');
    await scheduler.tick();
    await new Scheduler(ctx.database.db, ctx.clock, 60_000).tick();
    await drain();
    expect(await reminders()).toBe(staff);
    expect(rx.received.filter((r) => r.vendor === 'wecom')).toHaveLength(1);

    const periods = (await discipline.get('/api/discipline/holiday-periods?year=2038')).json().periods;
    expect(periods[0]).toMatchObject({ state: 'sent', sentOn: '2037-12-29', sentByName: '系统（按计划）' });
    const again = await discipline.post('/api/discipline/holiday-reminders', { periodKey: '2038:new_year' });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('已发送过');
    expect(await reminders()).toBe(staff);
  });

  it('sending by hand ahead of the day is the discipline staff’s, once; the office may not', async () => {
    await setClock('2038-01-20T02:00:00Z');
    expect((await office.post('/api/discipline/holiday-reminders', { periodKey: '2038:spring' })).statusCode).toBe(403);
    const sent = await discipline.post('/api/discipline/holiday-reminders', { periodKey: '2038:spring' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().recipients).toBe(staff);
    const p = (await discipline.get('/api/discipline/holiday-periods?year=2038')).json().periods[1];
    expect(p).toMatchObject({ key: '2038:spring', state: 'sent', sentByName: '戚红' });
    expect((await discipline.post('/api/discipline/holiday-reminders', { periodKey: '2038:spring' })).statusCode).toBe(
      400,
    );
  });
});

describe('四风检查', () => {
  let checkId = '';
  const person = async (name: string) =>
    (await office.get(`/api/people?q=${encodeURIComponent(name)}`)).json().items[0].id as string;

  it('a problem recorded by the inspector becomes a finding of kind sifeng, seen by discipline staff only', async () => {
    await setClock('2037-12-30T02:00:00Z');
    const zhaoMin = await person('赵敏');
    const qiHong = await person('戚红');
    const zhengWei = await person('郑伟');
    const created = await discipline.post('/api/discipline/sifeng-checks', {
      title: '2038年元旦期间四风检查',
      periodKey: '2038:new_year',
      fromDate: '2037-12-31',
      toDate: '2038-01-03',
      items: [
        { key: 'banquets', inspectorPersonId: zhaoMin },
        { key: 'official_car', inspectorPersonId: qiHong },
        { key: null, label: '违规操办婚丧喜庆', inspectorPersonId: qiHong },
      ],
    });
    expect(created.statusCode).toBe(200);
    checkId = created.json().id;
    const branch = await signIn(ctx, unit.user('branch'));
    const mine = (await branch.get(`/api/discipline/sifeng-checks/${checkId}`)).json();
    expect(mine.itemsDetail.map((i: { label: string }) => i.label)).toEqual(['公款吃喝']);
    const item = mine.itemsDetail[0];

    // A date outside the check, or a person of no unit: refused, nothing recorded.
    const outside = await branch.post(`/api/discipline/sifeng-items/${item.id}/record`, {
      result: 'problem',
      version: item.version,
      problems: [{ personId: zhengWei, onDate: '2038-01-05', observed: '工作日中午在酒店用餐并由公款结算' }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain('检查期间');
    const qiItem = (await discipline.get(`/api/discipline/sifeng-checks/${checkId}`))
      .json()
      .itemsDetail.find((i: { key: string }) => i.key === 'official_car');
    expect(
      (await branch.post(`/api/discipline/sifeng-items/${qiItem.id}/record`, { result: 'clear', version: 1 }))
        .statusCode,
    ).toBe(404);

    const ok = await branch.post(`/api/discipline/sifeng-items/${item.id}/record`, {
      result: 'problem',
      version: item.version,
      problems: [{ personId: zhengWei, onDate: '2038-01-01', observed: '节日期间公款宴请，由单位报销' }],
    });
    expect(ok.statusCode).toBe(200);
    const [finding] = rowsOf<Record<string, string>>(
      await ctx.database.db.execute(
        sql`select kind, source_type, source_id, observed, person_id, status from discipline_findings where unit_id = ${unit.unit.id}`,
      ),
    );
    expect(finding).toEqual({
      kind: 'sifeng',
      source_type: 'sifeng_check',
      source_id: checkId,
      observed: 'banquets',
      person_id: zhengWei,
      status: 'open',
    });

    const seen = (await discipline.get(`/api/discipline/sifeng-checks/${checkId}`)).json();
    expect(seen.itemsDetail).toHaveLength(3);
    const banquets = seen.itemsDetail.find((i: { key: string }) => i.key === 'banquets');
    expect(banquets.result).toBe('problem');
    expect(banquets.findings).toEqual([
      expect.objectContaining({
        personName: '郑伟',
        onDate: '2038-01-01',
        note: '公款吃喝：节日期间公款宴请，由单位报销',
      }),
    ]);
    const secretary = await signIn(ctx, unit.user('secretary'));
    expect((await secretary.get(`/api/discipline/sifeng-checks/${checkId}`)).statusCode).toBe(200);
    for (const c of [office, member]) {
      expect((await c.get(`/api/discipline/sifeng-checks/${checkId}`)).statusCode).toBe(404);
      expect((await c.get('/api/discipline/sifeng-checks')).json().total).toBe(0);
    }
    expect((await discipline.get('/api/discipline/sifeng-checks')).json().items[0]).toMatchObject({
      id: checkId,
      items: 3,
      recorded: 1,
      problems: 1,
    });
  });

  it('keeps who was concerned out of the audit trail, and its details from those who may not read the check', async () => {
    const auditor = await signIn(ctx, unit.user('auditor'));
    const res = await auditor.get(`/api/audit/events?entityType=sifeng_check&entityId=${checkId}`);
    const events = res.json().items;
    const record = events.find((e: { action: string }) => e.action === 'record');
    expect(JSON.stringify(record)).not.toContain('郑伟');
    expect(JSON.stringify(record)).not.toContain('公款宴请');
    expect(record).toMatchObject({ after: null, detailsHidden: true });
    const mine = (await discipline.get(`/api/audit/events?entityType=sifeng_check&entityId=${checkId}`)).json();
    expect(mine.items.find((e: { action: string }) => e.action === 'record').after).toMatchObject({ problems: 1 });
  });

  it('gives an inspector the counts of their own items only, in the check as in the list (review 11)', async () => {
    const branch = await signIn(ctx, unit.user('branch'));
    expect((await branch.get(`/api/discipline/sifeng-checks/${checkId}`)).json()).toMatchObject({
      items: 1,
      recorded: 1,
      problems: 1,
    });
  });

  it('a correction dismisses open findings (version bumped, audited) and is refused once one was explained (review 8)', async () => {
    const branch = await signIn(ctx, unit.user('branch'));
    const member3 = await signIn(ctx, unit.user('member3'));
    const zhengWei = await person('郑伟');
    const item = async () => (await branch.get(`/api/discipline/sifeng-checks/${checkId}`)).json().itemsDetail[0];
    const findings = async () =>
      rowsOf<{ id: string; status: string; version: number }>(
        await ctx.database.db.execute(
          sql`select id, status, version from discipline_findings where source_id = ${checkId} order by created_at`,
        ),
      );
    const [old] = await findings();
    expect(old!.status).toBe('open');
    const corrected = await branch.post(`/api/discipline/sifeng-items/${(await item()).id}/record`, {
      result: 'problem',
      version: (await item()).version,
      problems: [{ personId: zhengWei, onDate: '2038-01-02', observed: '节日期间公款宴请，由单位报销' }],
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    // Both findings may carry the same created_at (the app's clock is pinned): find them by id, not by order.
    const afterCorrection = await findings();
    const dismissed = afterCorrection.find((f) => f.id === old!.id);
    const current = afterCorrection.find((f) => f.id !== old!.id);
    expect(afterCorrection).toHaveLength(2);
    expect(dismissed).toMatchObject({ status: 'dismissed', version: old!.version + 1 });
    const audit = rowsOf<{ action: string }>(
      await ctx.database.db.execute(
        sql`select action from audit_events where entity_type = 'discipline_finding' and entity_id = ${old!.id}`,
      ),
    );
    expect(audit.map((a) => a.action)).toContain('dismiss');

    // The person explains the new finding: the record it came from can no longer be corrected away.
    const asked = await discipline.post(`/api/discipline/findings/${current!.id}/request-explanation`, {
      version: current!.version,
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const explained = await member3.post(`/api/discipline/findings/${current!.id}/explain`, {
      explanation: '当天是接待上级检查组，已按规定报备',
      version: asked.json().version,
    });
    expect(explained.statusCode, explained.body).toBe(200);
    const refused = await branch.post(`/api/discipline/sifeng-items/${(await item()).id}/record`, {
      result: 'clear',
      version: (await item()).version,
      problems: [],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('说明');
    expect((await findings()).find((f) => f.id === current!.id)).toMatchObject({ status: 'explained' });
    expect((await item()).result).toBe('problem');
  });

  it('refuses a check for anyone but the discipline staff, and bad ranges', async () => {
    const body = {
      title: '抽查',
      fromDate: '2038-03-10',
      toDate: '2038-03-01',
      items: [{ key: 'travel', inspectorPersonId: await person('戚红') }],
    };
    expect((await office.post('/api/discipline/sifeng-checks', body)).statusCode).toBe(403);
    const bad = await discipline.post('/api/discipline/sifeng-checks', body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('结束日期');
    const withdrawn = await discipline.post(`/api/discipline/sifeng-checks/${checkId}/withdraw`, {
      reason: '重复建立',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await discipline.get(`/api/discipline/sifeng-checks/${checkId}`)).json().status).toBe('withdrawn');
  });
});
