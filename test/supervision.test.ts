import { randomUUID } from 'node:crypto';
import { beforeEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { multipartFile, readXlsx } from './xlsx.js';
import JSZip from 'jszip';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let owner: Client;
let leader: Client;
let ids: { owner: string; leader: string; dept: string };

beforeAll(async () => {
  ctx = await testApp();
});

beforeEach(async () => {
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  owner = await signIn(ctx, unit.user('member1'));
  leader = await signIn(ctx, unit.user('leader1'));
  const me = async (c: Client) => (await c.get('/api/auth/me')).json().user.personId as string;
  ids = { owner: await me(owner), leader: await me(leader), dept: (await office.get('/api/departments')).json()[0].id };
});

const doc = (over: Record<string, unknown> = {}) => ({
  docNo: `民政〔2026〕${Math.floor(Math.random() * 1e6)}号`,
  issuer: '市民政局',
  title: '关于开展养老机构安全检查的通知',
  receivedOn: '2026-09-28',
  urgency: 'important',
  handlingDepartmentId: ids.dept,
  ownerPersonId: ids.owner,
  leaderPersonId: ids.leader,
  instructions: '请综合科牵头办理',
  notClassified: true,
  ...over,
});
const act = (c: Client, item: { id: string; version: number }, action: string, extra: Record<string, string> = {}) =>
  c.post(`/api/items/${item.id}/transitions`, { action, version: item.version, ...extra });

describe('a document through the closed loop', () => {
  it('registers, extends, reports, submits, is returned once, and is closed after review', async () => {
    let item = (await office.post('/api/documents', doc())).json();
    expect(item).toMatchObject({
      status: 'assigned',
      due: '2026-10-13',
      provisional: false,
      source: 'document',
      ownerName: '周凯',
    });

    item = (await act(owner, item, 'sign')).json();
    expect(item.status).toBe('in_progress');

    const ext = await owner.post(`/api/items/${item.id}/extensions`, { extraDays: 3, reason: '需等待区县报送数据' });
    expect(ext.statusCode).toBe(200);
    expect(
      (await owner.post(`/api/items/${item.id}/extensions`, { extraDays: 1, reason: '再延' })).json().message,
    ).toBe('已有待审批的延期申请');
    const request = ext.json().extensions[0];
    expect(
      (await owner.post(`/api/items/${item.id}/extensions/${request.id}/decision`, { approve: true })).statusCode,
    ).toBe(403);
    item = (
      await leader.post(`/api/items/${item.id}/extensions/${request.id}/decision`, { approve: true, note: '同意' })
    ).json();
    expect(item.due).toBe('2026-10-16');
    expect(item.policy).toEqual({ kind: 'working_days', days: 7, extendedBy: 3 });

    const key = randomUUID();
    const first = await owner.post(`/api/items/${item.id}/reports`, {
      text: '已完成12家机构检查',
      percent: 60,
      idempotencyKey: key,
    });
    const again = await owner.post(`/api/items/${item.id}/reports`, {
      text: '已完成12家机构检查',
      percent: 60,
      idempotencyKey: key,
    });
    expect([first.json().stored, again.json().stored]).toEqual([true, false]);
    expect(again.json().item.reports).toHaveLength(1);

    item = (await act(owner, item, 'submit', { result: '检查全部完成，整改台账已建立' })).json();
    expect(item.status).toBe('under_review');
    expect((await act(owner, item, 'close')).statusCode).toBe(403);
    item = (await act(office, item, 'return', { reason: '缺少整改台账附件' })).json();
    expect(item.status).toBe('in_progress');
    item = (await act(owner, item, 'submit', { result: '已补充整改台账' })).json();
    item = (await act(office, item, 'close')).json();
    expect(item).toMatchObject({ status: 'closed', colour: 'none', closedOn: expect.any(String) });

    const closed = (await office.get('/api/items?status=closed')).json();
    expect(closed.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const events = (await office.get(`/api/audit/events?entityType=item&entityId=${item.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(events).toEqual([
      'close',
      'submit',
      'return',
      'submit',
      'report',
      'approve_extension',
      'request_extension',
      'sign',
      'create',
    ]);
    const pack = await office.get('/api/items/pack.docx?from=2026-10-01&to=2026-10-31&kind=weekly');
    expect(pack.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(pack.rawPayload)).file('word/document.xml')!.async('string');
    for (const t of [
      '周工作例会督办事项情况',
      '一、本期内截止的事项（1项）',
      '关于开展养老机构安全检查的通知',
      '2026-10-16',
      '已办结',
      '二、逾期未办结事项（0项）',
      '三、本期报送的进展（0条）',
    ])
      expect(xml).toContain(t);
    expect((await office.get('/api/items/pack.docx?from=2026-10-31&to=2026-10-01')).statusCode).toBe(400);
    const ranking = (await office.get('/api/rankings?by=department&from=2026-10-01&to=2026-10-31')).json();
    expect(ranking).toEqual([
      {
        group: '综合科（办公室）',
        rank: 1,
        items: 1,
        comeDue: 1,
        closedOnTime: 0,
        overdue: 1,
        closedLate: 1,
        overdueOpen: 0,
        onTimeRate: 0,
        avgWorkingDaysToClose: expect.any(Number),
        returns: 1,
        lapses: 0,
      },
    ]);
    expect((await office.get('/api/rankings?by=leader&from=2026-10-01&to=2026-10-31')).json()[0].group).toBe('李红梅');
    expect((await office.get('/api/rankings?from=2026-10-31&to=2026-10-01')).statusCode).toBe(400);
    const deadlines = (await office.get('/api/deadlines?status=closed')).json().items;
    expect(deadlines.map((d: { subjectId: string }) => d.subjectId)).toContain(item.id);
  });
});

describe('refusals change nothing', () => {
  it('refuses closing without review, a stale version, a foreign unit and bad documents', async () => {
    const item = (await office.post('/api/documents', doc())).json();
    const signed = (await act(owner, item, 'sign')).json();
    expect((await act(office, signed, 'close')).json().message).toBe('事项尚未提交复核，不能销号');
    const stale = await act(owner, item, 'submit', { result: '结果' });
    expect([stale.statusCode, stale.json().message]).toEqual([409, '该事项已被他人更新，请刷新后再操作']);
    expect((await owner.get(`/api/items/${item.id}`)).json().status).toBe('in_progress');

    const other = await newDemoUnit(ctx);
    const stranger = await signIn(ctx, other.user('office'));
    expect((await stranger.get(`/api/items/${item.id}`)).statusCode).toBe(404);
    expect((await act(stranger, signed, 'withdraw', { reason: '越权' })).statusCode).toBe(404);

    expect((await office.post('/api/documents', doc({ notClassified: false }))).json().message).toContain(
      '涉密文件不得录入本系统',
    );
    expect((await office.post('/api/documents', doc({ explicitDue: '2026-09-01' }))).json().message).toBe(
      '办理时限不能早于收文日期',
    );
    const dup = doc();
    await office.post('/api/documents', dup);
    expect((await office.post('/api/documents', dup)).statusCode).toBe(409);
  });

  it('refuses an extension beyond the 15-day cap', async () => {
    const item = (await office.post('/api/documents', doc())).json();
    await act(owner, item, 'sign');
    expect(
      (await owner.post(`/api/items/${item.id}/extensions`, { extraDays: 9, reason: '特殊情况' })).json().message,
    ).toBe('特殊情况办理时限自收文起不得超过15个工作日（申请后共16个）');
  });
});

describe('the ledger', () => {
  it('filters by colour with the calendar: overdue items are red', async () => {
    // The test clock stands at 2026-11-30: a document received 2026-09-28 is long overdue.
    await office.post('/api/documents', doc());
    const fresh = (await office.post('/api/documents', doc({ receivedOn: '2026-11-27' }))).json();
    const red = (await office.get('/api/items?colour=red')).json();
    expect(red.items.every((i: { colour: string }) => i.colour === 'red')).toBe(true);
    expect(red.total).toBe(1);
    const green = (await office.get('/api/items?colour=green')).json();
    expect(green.items.map((i: { id: string }) => i.id)).toEqual([fresh.id]);
    expect((await owner.get('/api/items/mine')).json().total).toBe(2);
    expect((await owner.get('/api/items')).statusCode).toBe(403);
    const sheet = await readXlsx((await office.get('/api/items/export.xlsx?colour=red')).rawPayload);
    expect(sheet[0]).toEqual([
      '序号',
      '三色',
      '事项',
      '文号/来源',
      '牵头科室',
      '承办人',
      '办理时限',
      '状态',
      '办结日期',
    ]);
    expect(sheet.slice(1).map((r) => r[1])).toEqual(['逾期']);
  });

  it('exports the document register in the office layout', async () => {
    await office.post('/api/documents', doc({ urgency: 'urgent' }));
    const res = await office.get('/api/documents/export.xlsx');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('收文登记台账'));
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet[0]).toEqual([
      '序号',
      '收文日期',
      '文号',
      '来文单位',
      '标题',
      '紧急程度',
      '承办科室',
      '办理时限',
      '办结日期',
      '状态',
    ]);
    expect(sheet[1]!.slice(0, 2)).toEqual(['1', '2026-09-28']);
    expect(sheet[1]!.slice(3)).toEqual([
      '市民政局',
      '关于开展养老机构安全检查的通知',
      '紧急',
      '综合科（办公室）',
      '2026-09-28',
      '',
      '待签收',
    ]);
  });
});

describe('A/B posts', () => {
  it('let the B holder act, and receive the reminders, while the owner is away', async () => {
    const a = await signIn(ctx, unit.user('member6'));
    const b = await signIn(ctx, unit.user('member7'));
    const aId = (await a.get('/api/auth/me')).json().user.personId;
    const dept = (await office.get('/api/departments'))
      .json()
      .find((d: { name: string }) => d.name === '社会救助股').id;
    const item = (
      await office.post('/api/items', {
        title: '低保复核',
        leadDepartmentId: dept,
        ownerPersonId: aId,
        receivedOn: '2026-11-02',
      })
    ).json();
    expect(item.backupActing).toBe(false);
    expect((await act(b, item, 'sign')).statusCode).toBe(403);
    expect(
      (
        await office.post('/api/unavailability', {
          personId: aId,
          fromDate: '2026-11-30',
          toDate: '2026-11-29',
          reason: '出差',
        })
      ).json().message,
    ).toBe('结束日期不能早于开始日期');
    expect(
      (
        await b.post('/api/unavailability', {
          personId: aId,
          fromDate: '2026-11-30',
          toDate: '2026-12-04',
          reason: '出差',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await office.post('/api/unavailability', {
          personId: aId,
          fromDate: '2026-11-30',
          toDate: '2026-12-04',
          reason: '到省厅培训',
        })
      ).statusCode,
    ).toBe(200);
    const acting = (await b.get(`/api/items/${item.id}`)).json();
    expect([acting.backupActing, acting.can.sign]).toEqual([true, true]);
    expect((await act(b, item, 'sign')).json().status).toBe('in_progress');
    const { sweepReminders } = await import('../src/server/jobs/reminder-sweep.js');
    await sweepReminders(ctx.database.db, ctx.clock.now());
    const notices = (await b.get('/api/inbox')).json().items.map((n: { kind: string }) => n.kind);
    expect(notices).toContain('overdue');
    expect((await a.get('/api/inbox')).json().items.map((n: { kind: string }) => n.kind)).not.toContain('overdue');
  });
});

describe('attachments', () => {
  it('are checked by content and size, stored once by sha256, and downloaded as attachments', async () => {
    const small = await testApp({ attachmentMaxBytes: 2048 });
    const u = await newDemoUnit(small);
    const off = await signIn(small, u.user('office'));
    const own = await signIn(small, u.user('member1'));
    const ownerId = (await own.get('/api/auth/me')).json().user.personId;
    const dept = (await off.get('/api/departments')).json()[0].id;
    const item = (
      await off.post('/api/items', {
        title: '附件测试',
        leadDepartmentId: dept,
        ownerPersonId: ownerId,
        receivedOn: '2026-11-27',
      })
    ).json();
    const pdf = Buffer.from('%PDF-1.4\n% 整改报告\n%%EOF\n');
    const up = (c: Client, content: Buffer, name: string) => {
      const m = multipartFile(content, name);
      return c.request('POST', `/api/items/${item.id}/attachments`, m.payload, m.headers);
    };
    const ok = await up(own, pdf, '整改报告.pdf');
    expect(ok.json()).toMatchObject({ fileName: '整改报告.pdf', kind: 'pdf', size: pdf.length });
    expect((await up(own, Buffer.from('MZ\x90\x00 not really a pdf'), '报告.pdf')).json().message).toContain(
      '文件内容与扩展名不符',
    );
    expect((await up(own, Buffer.from('<svg onload=alert(1)>'), 'x.svg')).statusCode).toBe(400);
    expect((await up(own, Buffer.concat([pdf, Buffer.alloc(4096)]), '大文件.pdf')).json().message).toBe(
      '附件不能超过 2KB',
    );
    const stranger = await signIn(small, u.user('member2'));
    expect((await up(stranger, pdf, 'a.pdf')).statusCode).toBe(404);
    const detail = (await own.get(`/api/items/${item.id}`)).json();
    expect(detail.attachments).toEqual([{ id: ok.json().id, fileName: '整改报告.pdf', kind: 'pdf', size: pdf.length }]);
    const dl = await off.get(`/api/attachments/${ok.json().id}`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await stranger.get(`/api/attachments/${ok.json().id}`)).statusCode).toBe(404);
  });
});

describe('the ledger copy of the due date', () => {
  it('follows a recomputation after a calendar change', async () => {
    const item = (await office.post('/api/documents', doc({ receivedOn: '2026-11-27', urgency: 'normal' }))).json();
    expect(item.due).toBe('2026-12-08');
    await office.post('/api/calendar/overrides', { date: '2026-12-01', working: false, reason: '县里统一安排' });
    const row = (await office.get('/api/items?pageSize=100'))
      .json()
      .items.find((i: { id: string }) => i.id === item.id);
    expect(row.due).toBe('2026-12-09');
    expect((await office.get(`/api/items/${item.id}`)).json().due).toBe('2026-12-09');
  });
});
