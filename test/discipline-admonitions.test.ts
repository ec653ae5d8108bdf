import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { sweepReminders } from '../src/server/jobs/reminder-sweep.js';
import { fanOut } from '../src/server/modules/deliveries/fanout.js';
import { notificationsRepo } from '../src/server/modules/notifications/notifications.repo.js';
import { disciplineFindings, leaveRequests, talkRecords } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { multipart, multipartHeaders } from './walk-fixtures.js';

/**
 * 提醒谈话 / 诫勉 / 函询 (measure 36): confidential to the discipline staff, the 党组书记 and the person
 * once delivered. Every demo role asks for each record, the list, the 廉政档案, the ledger, rankings,
 * workbench and the audit log; a 函询 past its reply deadline is chased to the person's inbox only.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const LOGINS = [
  'office',
  'admin',
  'security',
  'auditor',
  'branch',
  'member5',
  'leader1',
  'leader2',
  'member1',
  'member3',
  'discipline',
  'leader4',
  'secretary',
] as const;
type Login = (typeof LOGINS)[number];
const as: Partial<Record<Login, Client>> = {};
const c = (l: Login) => as[l]!;
let zhengWei = '';
/** What was said or asked: must never reach a reader the policy does not allow. */
const SECRET_REASON = '苗头性问题：上班期间多次无故离岗';
const SECRET_CONTENT = '请说明十一月份三次离岗的去向';
const SECRET_TALK = '提醒注意工作纪律的谈话内容';
let inquiry: { id: string; version: number; replyDue: string | null };
let undelivered: { id: string };
let talk: { id: string };
let ledgerBefore = '';
let rankingsBefore = '';

const me = async (cl: Client) => (await cl.get('/api/auth/me')).json().user.personId as string;

beforeAll(async () => {
  ctx = await testApp({ smtpUrl: 'smtp://127.0.0.1:9', channelAllowHosts: ['127.0.0.1'] });
  unit = await newDemoUnit(ctx);
  for (const l of LOGINS) as[l] = await signIn(ctx, unit.user(l));
  zhengWei = await me(c('member3'));
  const qiHong = await me(c('discipline'));
  ledgerBefore = JSON.stringify((await c('office').get('/api/items?figure=overdue&pageSize=100')).json().total);
  rankingsBefore = JSON.stringify((await c('office').get('/api/rankings?from=2026-01-01&to=2026-12-31')).json());
  const create = (kind: string, content: string) =>
    c('discipline').post('/api/discipline/admonitions', {
      kind,
      personId: zhengWei,
      conductedBy: [qiHong],
      reason: SECRET_REASON,
      onDate: '2026-11-30',
      content,
    });
  const inq = (await create('inquiry', SECRET_CONTENT)).json();
  inquiry = (
    await c('discipline').post(`/api/discipline/admonitions/${inq.id}/deliver`, { version: inq.version })
  ).json();
  const t = (await create('reminder_talk', SECRET_TALK)).json();
  talk = (await c('discipline').post(`/api/discipline/admonitions/${t.id}/deliver`, { version: t.version })).json();
  undelivered = (await create('admonition', SECRET_TALK)).json();
});

describe('a 函询 and its reply deadline', () => {
  it('is due ten working days after delivery, by the unit calendar', () => {
    // Delivered Monday 2026-11-30: ten working days later is Monday 2026-12-14.
    expect(inquiry).toMatchObject({ status: 'awaiting_reply', deliveredOn: '2026-11-30', replyDue: '2026-12-14' });
  });
});

describe('who reads the records', () => {
  const readers: Login[] = ['discipline', 'leader4', 'secretary'];
  it('the discipline staff and the party secretary read all; the person only what was delivered; nobody else anything', async () => {
    for (const l of LOGINS) {
      const ids = [inquiry.id, talk.id, undelivered.id];
      const codes = await Promise.all(
        ids.map(async (id) => (await c(l).get(`/api/discipline/admonitions/${id}`)).statusCode),
      );
      const list = (await c(l).get('/api/discipline/admonitions?pageSize=100')).json();
      const file = await c(l).get(`/api/discipline/people/${zhengWei}/integrity-file`);
      if (readers.includes(l)) {
        expect(codes, l).toEqual([200, 200, 200]);
        expect(list.total, l).toBe(3);
        expect(file.statusCode, l).toBe(200);
        expect(
          file
            .json()
            .admonitions.map((a: { kindLabel: string }) => a.kindLabel)
            .sort(),
          l,
        ).toEqual(['函询', '提醒谈话', '诫勉'].sort());
      } else if (l === 'member3') {
        expect(codes, l).toEqual([200, 200, 404]);
        expect(list.items.map((a: { id: string }) => a.id).sort(), l).toEqual([inquiry.id, talk.id].sort());
        expect(file.json().admonitions, l).toHaveLength(2);
        expect(JSON.stringify(list)).not.toContain(undelivered.id);
      } else {
        expect(codes, l).toEqual([404, 404, 404]);
        expect(list, l).toMatchObject({ total: 0, items: [] });
        expect(file.statusCode, l).toBe(404);
      }
    }
  });

  it('nothing the policy forbids is readable anywhere: ledger, rankings, workbench, inbox, audit log', async () => {
    for (const l of LOGINS) {
      const bodies = await Promise.all(
        [
          '/api/items?pageSize=100',
          '/api/items?q=函询&pageSize=100',
          '/api/rankings?from=2026-01-01&to=2026-12-31',
          '/api/rankings?by=leader&from=2026-01-01&to=2026-12-31',
          '/api/workbench',
          '/api/inbox?pageSize=100',
          '/api/audit/events?pageSize=100',
          `/api/audit/events?entityType=discipline_admonition&entityId=${inquiry.id}`,
        ].map(async (u) => {
          const res = await c(l).get(u);
          // The readers of these pages get them (so that the check below reads real pages, not refusals).
          if (l === 'office' && !u.startsWith('/api/audit')) expect(res.statusCode, `${l} ${u}`).toBe(200);
          if (l === 'auditor' && u.startsWith('/api/audit')) expect(res.statusCode, `${l} ${u}`).toBe(200);
          return res.body;
        }),
      );
      for (const b of bodies) {
        expect(b).not.toContain(SECRET_REASON);
        expect(b).not.toContain(SECRET_CONTENT);
        expect(b).not.toContain(SECRET_TALK);
      }
    }
  });

  it('audit events are written like any other, their details shown only to those who read the record', async () => {
    const page = async (l: Login, q = '') =>
      (await c(l).get(`/api/audit/events?entityType=discipline_admonition${q}&pageSize=100`)).json();
    // The audit administrator sees that events happened (the chain is whole), not what they say.
    const audited = (await page('auditor')).items;
    expect(audited.map((e: { action: string }) => e.action).sort()).toEqual(
      ['create', 'create', 'create', 'deliver', 'deliver'].sort(),
    );
    expect(audited.every((e: { detailsHidden: boolean; after: unknown }) => e.detailsHidden && e.after === null)).toBe(
      true,
    );
    // The office and the system administrator: the unit-wide log is not theirs; one record's history hides its details.
    expect((await c('office').get('/api/audit/events?pageSize=100')).statusCode).toBe(403);
    const history = `&entityId=${inquiry.id}`;
    for (const l of ['admin', 'leader1', 'member5'] as Login[]) {
      const h = await page(l, history);
      for (const e of h.items ?? []) expect(e, l).toMatchObject({ detailsHidden: true, after: null });
    }
    // The discipline staff read the details of the record's history.
    const staff = (await page('discipline', history)).items;
    expect(staff.find((e: { action: string }) => e.action === 'deliver')).toMatchObject({
      detailsHidden: false,
      after: { deliveredOn: '2026-11-30', replyDue: '2026-12-14' },
    });
    expect((await c('auditor').get('/api/audit/verify')).json()).toMatchObject({ ok: true, firstBreak: null });
  });
});

describe('acting on a record', () => {
  it('refuses what the policy forbids and bad input, with a clear message and nothing changed', async () => {
    const body = { kind: 'inquiry', personId: zhengWei, conductedBy: [], reason: '某问题', onDate: '2026-11-30' };
    expect((await c('office').post('/api/discipline/admonitions', body)).statusCode).toBe(403);
    expect((await c('admin').post('/api/discipline/admonitions', body)).statusCode).toBe(403);
    const stranger = await c('discipline').post('/api/discipline/admonitions', {
      ...body,
      personId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().message).toBe('所选人员不存在');
    const future = await c('discipline').post('/api/discipline/admonitions', { ...body, onDate: '2027-01-05' });
    expect(future.json().message).toBe('日期不能晚于今天');
    expect((await c('discipline').post('/api/discipline/admonitions', { ...body, kind: 'x' })).statusCode).toBe(400);
    // Delivered already: not again; the person cannot answer what is not a 函询; nobody else answers.
    const again = await c('discipline').post(`/api/discipline/admonitions/${talk.id}/deliver`, { version: 2 });
    expect(again.statusCode).toBe(403);
    expect(
      (await c('member3').post(`/api/discipline/admonitions/${talk.id}/answer`, { answer: '已知晓', version: 2 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await c('member1').post(`/api/discipline/admonitions/${inquiry.id}/answer`, { answer: '答复', version: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await c('discipline').post(`/api/discipline/admonitions/${inquiry.id}/answer`, { answer: '答复', version: 2 }))
        .statusCode,
    ).toBe(403);
    const stale = await c('discipline').post(`/api/discipline/admonitions/${undelivered.id}/withdraw`, {
      reason: '登记有误',
      version: 7,
    });
    expect(stale.statusCode).toBe(409);
    expect((await c('discipline').get(`/api/discipline/admonitions/${undelivered.id}`)).json().status).toBe('recorded');
  });
});

describe('the chase of a 函询 past its reply deadline', () => {
  it('reminds the person in the inbox only, never in the ledger or rankings; answered late stays on record', async () => {
    await c('member1').put('/api/me/notification-preferences', {
      groupRobot: true,
      mail: true,
      email: 'a@example.cn',
      mailDigest: false,
    });
    await c('member3').put('/api/me/notification-preferences', {
      groupRobot: true,
      mail: true,
      email: 'zhengwei@example.cn',
      mailDigest: false,
    });
    const robot = await c('office').post('/api/channels', {
      kind: 'webhook',
      name: 'OA 系统',
      address: 'http://127.0.0.1:9/hooks',
      secret: 'a-secret-of-enough-length-123',
    });
    expect(robot.statusCode).toBe(200);
    // The day before the deadline, then two days after it (Wednesday 2026-12-16, 09:00 Shanghai).
    await sweepReminders(ctx.database.db, new Date('2026-12-11T01:00:00Z'));
    await sweepReminders(ctx.database.db, new Date('2026-12-16T01:00:00Z'));
    await sweepReminders(ctx.database.db, new Date('2026-12-16T01:30:00Z'));
    const inbox = (await c('member3').get('/api/inbox?pageSize=100')).json().items as {
      kind: string;
      title: string;
      body: string;
    }[];
    const chased = inbox.filter((n) => n.kind.startsWith('inquiry'));
    expect(chased.map((n) => `${n.kind}:${n.title}`)).toEqual([
      'inquiry_overdue:纪检函询答复提醒',
      'inquiry_due:纪检函询答复提醒',
    ]);
    expect(chased[0]!.body).toContain('已于 2026-12-14 到期');
    expect(JSON.stringify(inbox)).not.toContain(SECRET_CONTENT);
    // Nobody else is told.
    for (const l of LOGINS.filter((x) => x !== 'member3'))
      expect((await c(l).get('/api/inbox?pageSize=100')).body, l).not.toContain('函询');
    // The dispatcher: a group robot and a mailbox get the ordinary notices, never these.
    ctx.clock.current = new Date('2026-12-16T01:30:00Z');
    // Sixteen days later: the sessions have expired, sign in again.
    for (const l of ['office', 'member3', 'discipline'] as Login[]) as[l] = await signIn(ctx, unit.user(l));
    // An ordinary work reminder of the same person, as a control: it does go to the robot and the mailbox.
    await notificationsRepo.add(ctx.database.db, [
      {
        unitId: unit.unit.id,
        recipientPersonId: zhengWei,
        kind: 'overdue',
        title: '已逾期：某督办事项',
        body: '督办事项已逾期',
        dedupeKey: 'control-overdue',
        createdAt: ctx.clock.now(),
      },
    ]);
    await fanOut(ctx.database.db, ctx.clock.now(), { limit: 500, mailEnabled: true, units: [unit.unit.id] });
    const deliveries = rowsOf<{ kind: string; medium: string }>(
      await ctx.database.db.execute(sql`select n.kind, d.medium from notification_deliveries d
        join notifications n on n.id = d.notification_id where d.unit_id = ${unit.unit.id}`),
    );
    expect(deliveries.map((d) => `${d.kind}:${d.medium}`).sort()).toEqual(['overdue:mail', 'overdue:robot']);
    expect(deliveries.filter((d) => d.kind.startsWith('inquiry') || d.kind === 'admonition_delivered')).toEqual([]);
    // Not in the ledger (whatever the filter), not in the rankings.
    for (const q of ['figure=overdue', 'colour=red', 'q=函询', 'q=纪检', 'open=true']) {
      const res = await c('office').get(`/api/items?${q}&pageSize=100`);
      expect(res.statusCode, q).toBe(200);
      const ledger = res.body;
      expect(ledger, q).not.toContain('函询');
      expect(ledger, q).not.toContain(inquiry.id);
    }
    expect(JSON.stringify((await c('office').get('/api/items?figure=overdue&pageSize=100')).json().total)).toBe(
      ledgerBefore,
    );
    const rankings = await c('office').get('/api/rankings?from=2026-01-01&to=2026-12-31');
    expect(rankings.statusCode).toBe(200);
    // The overdue 函询 changes no one's standing: the rankings read as before it was delivered.
    expect(JSON.stringify(rankings.json())).toBe(rankingsBefore);
    // The person answers, late: the record says so; the chase stops.
    const answered = await c('member3').post(`/api/discipline/admonitions/${inquiry.id}/answer`, {
      answer: '十一月份三次离岗均为到区政务服务中心送件，已补办外出登记。',
      version: inquiry.version,
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answeredOn: '2026-12-16', answeredLate: true });
    await sweepReminders(ctx.database.db, new Date('2026-12-17T01:00:00Z'));
    const after = (await c('member3').get('/api/inbox?pageSize=100')).json().items as { kind: string }[];
    expect(after.filter((n) => n.kind.startsWith('inquiry'))).toHaveLength(2);
    // The staff follow up and close it; the file keeps it.
    const a = answered.json();
    const f = (
      await c('discipline').post(`/api/discipline/admonitions/${a.id}/follow-up`, {
        followUp: '已核实外出登记，予以了结',
        version: a.version,
      })
    ).json();
    const closed = (
      await c('discipline').post(`/api/discipline/admonitions/${a.id}/close`, { version: f.version })
    ).json();
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已办结', followUp: '已核实外出登记，予以了结' });
  });
});

describe('the 廉政档案 and the files of a record', () => {
  it('gathers leave, findings, talks, admonitions and integrity education, for the allowed readers only', async () => {
    const db = ctx.database.db;
    const at = new Date('2026-11-30T02:00:00Z');
    await db.insert(leaveRequests).values({
      unitId: unit.unit.id,
      personId: zhengWei,
      kind: 'personal',
      fromDate: '2026-11-16',
      toDate: '2026-11-17',
      halfDays: 4,
      reason: '家中私事需处理',
      status: 'approved',
      createdBy: zhengWei,
      createdAt: at,
      updatedAt: at,
    });
    await db.insert(disciplineFindings).values({
      unitId: unit.unit.id,
      kind: 'on_duty',
      sourceType: 'on_duty_check',
      personId: zhengWei,
      onDate: '2026-11-20',
      observed: 'absent',
      note: '检查时不在岗',
      createdAt: at,
      updatedAt: at,
    });
    const office = await signIn(ctx, unit.user('office'));
    const study = await office.post('/api/activities', {
      type: 'education',
      kind: 'warning_education',
      title: '警示教育大会',
      heldOn: '2026-11-25',
      participantIds: [zhengWei],
    });
    expect(study.statusCode).toBe(200);
    await office.post('/api/activities', {
      type: 'study',
      title: '中心组学习',
      heldOn: '2026-11-26',
      participantIds: [zhengWei],
    });
    for (const l of ['discipline', 'secretary', 'member3'] as Login[]) {
      const cl = await signIn(ctx, unit.user(l));
      const file = (await cl.get(`/api/discipline/people/${zhengWei}/integrity-file`)).json();
      expect(file.person.name, l).toBe('郑伟');
      expect(
        file.leave.map((x: { fromDate: string }) => x.fromDate),
        l,
      ).toEqual(['2026-11-16']);
      // The leave reason is personal data and not part of the file.
      expect(JSON.stringify(file), l).not.toContain('家中私事需处理');
      expect(
        file.findings.map((x: { note: string }) => x.note),
        l,
      ).toEqual(['检查时不在岗']);
      expect(
        file.education.map((x: { type: string; title: string }) => `${x.type}:${x.title}`),
        l,
      ).toEqual(['警示教育:警示教育大会']);
      expect(file.admonitions.length, l).toBe(l === 'member3' ? 2 : 3);
    }
    // The .docx says the same, in the official layout.
    const staff = await signIn(ctx, unit.user('discipline'));
    const docx = await staff.get(`/api/discipline/people/${zhengWei}/integrity-file.docx`);
    expect(docx.statusCode).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('郑伟同志廉政档案');
    expect(xml).toContain('警示教育：警示教育大会');
    expect(xml).toContain('函询（已办结）');
    expect(xml).not.toContain('家中私事需处理');
    for (const l of ['office', 'admin', 'member1', 'leader1', 'branch', 'member5'] as Login[]) {
      const cl = await signIn(ctx, unit.user(l));
      const res = await cl.get(`/api/discipline/people/${zhengWei}/integrity-file`);
      expect(res.statusCode, l).toBe(404);
      expect(res.body).not.toContain('检查时不在岗');
      expect((await cl.get(`/api/discipline/people/${zhengWei}/integrity-file.docx`)).statusCode, l).toBe(404);
    }
  });

  it('a record’s file is uploaded by the staff and downloaded only by those who read the record', async () => {
    const staff = await signIn(ctx, unit.user('discipline'));
    const t = (await staff.get(`/api/discipline/admonitions/${talk.id}`)).json();
    const pdf = multipart(Buffer.from('%PDF-1.4\n谈话记录扫描件\n%%EOF\n'), '谈话记录.pdf');
    const up = await staff.request('POST', `/api/discipline/admonitions/${t.id}/files`, pdf, multipartHeaders);
    expect(up.statusCode).toBe(200);
    const fileId = up.json().files[0].id;
    expect(up.json().files[0].fileName).toBe('谈话记录.pdf');
    const person = await signIn(ctx, unit.user('member3'));
    expect(
      (await person.request('POST', `/api/discipline/admonitions/${t.id}/files`, pdf, multipartHeaders)).statusCode,
    ).toBe(403);
    expect((await person.get(`/api/discipline/admonition-files/${fileId}`)).body).toContain('谈话记录扫描件');
    for (const l of ['office', 'admin', 'auditor', 'leader1', 'member1'] as Login[]) {
      const cl = await signIn(ctx, unit.user(l));
      expect((await cl.get(`/api/discipline/admonition-files/${fileId}`)).statusCode, l).toBe(404);
    }
  });
});

describe('review fixes: edits after delivery, the follow-up notes, the talks in the 廉政档案', () => {
  it('refuses editing a delivered record; an edit before delivery is audited by the names of the changed fields (review 5)', async () => {
    const staff = c('discipline');
    const t = (await staff.get(`/api/discipline/admonitions/${talk.id}`)).json();
    expect(t.can.edit).toBe(false);
    const body = (r: { conductedBy: { id: string }[]; reason: string; onDate: string }) => ({
      conductedBy: r.conductedBy.map((x) => x.id),
      reason: r.reason,
      onDate: r.onDate,
    });
    const late = await staff.put(`/api/discipline/admonitions/${talk.id}`, {
      ...body(t),
      content: '送达后改写的谈话内容',
      version: t.version,
    });
    expect(late.statusCode).toBe(403);
    expect((await staff.get(`/api/discipline/admonitions/${talk.id}`)).json().content).toBe(SECRET_TALK);

    const u = (await staff.get(`/api/discipline/admonitions/${undelivered.id}`)).json();
    expect(u.can.edit).toBe(true);
    const ok = await staff.put(`/api/discipline/admonitions/${undelivered.id}`, {
      ...body(u),
      content: '诫勉谈话内容要点（更正）',
      version: u.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [event] = rowsOf<{ after: unknown }>(
      await ctx.database.db.execute(
        sql`select after from audit_events where entity_id = ${undelivered.id} and action = 'update'`,
      ),
    );
    expect(event!.after).toEqual({ changed: ['content'] });
  });

  it('keeps the staff’s follow-up notes from the person, in the record and in the 廉政档案 (review 6)', async () => {
    const note = '已核实外出登记，予以了结';
    expect((await c('discipline').get(`/api/discipline/admonitions/${inquiry.id}`)).json().followUp).toBe(note);
    const mine = await c('member3').get(`/api/discipline/admonitions/${inquiry.id}`);
    expect(mine.json().status).toBe('closed');
    expect(mine.body).not.toContain(note);
    const file = await c('member3').get(`/api/discipline/people/${zhengWei}/integrity-file`);
    expect(file.body).not.toContain(note);
    const JSZip = (await import('jszip')).default;
    const docxXml = async (cl: Client) =>
      (await JSZip.loadAsync((await cl.get(`/api/discipline/people/${zhengWei}/integrity-file.docx`)).rawPayload))
        .file('word/document.xml')!
        .async('string');
    expect(await docxXml(c('member3'))).not.toContain('跟踪了解');
    expect(await docxXml(c('discipline'))).toContain(`跟踪了解：${note}`);
  });

  it('lists in the 廉政档案 only the talks the reader may see (review 7)', async () => {
    const zhaoMin = await me(await signIn(ctx, unit.user('branch')));
    const at = new Date('2026-11-30T02:00:00Z');
    await ctx.database.db.insert(talkRecords).values({
      unitId: unit.unit.id,
      meetingId: unit.unit.id,
      kind: 'committee_member',
      aPersonId: zhaoMin,
      bPersonId: zhengWei,
      heldOn: '2026-11-28',
      recordedBy: zhaoMin,
      createdAt: at,
    });
    const talks = async (l: Login) =>
      (await (await signIn(ctx, unit.user(l))).get(`/api/discipline/people/${zhengWei}/integrity-file`)).json()
        .talks as { withName: string }[];
    // 戚红 (discipline staff, not in the leadership) is neither side of the talk nor above it.
    expect(await talks('discipline')).toEqual([]);
    expect((await talks('secretary')).map((t) => t.withName)).toEqual(['赵敏']);
    expect((await talks('member3')).map((t) => t.withName)).toEqual(['赵敏']);
  });
});
