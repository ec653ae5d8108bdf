import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNPLANNED_MEETING, DEMO_UNPLANNED_REASON } from '../src/server/demo/demo-plan.js';
import { decisionMeetings } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { readXlsx } from './xlsx.js';

/**
 * 发文会议计划（减负, measure 38) on the seeded demo year (today 2026-11-30): the plan, the 发文 register and
 * the held meetings against it, quarter quotas, merge suggestions; who may read and manage; other units' ids.
 */
let ctx: TestContext;
let office: Client;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
type View = {
  months: {
    month: number;
    documents: { planned: number; issued: number; unplanned: number };
    meetings: { planned: number; held: number; unplanned: number; overLength: number };
    unplanned: { title: string; source: string; reason: string | null; on: string }[];
  }[];
  quarters: { quarter: number; unplannedMeetings: number; exceeded: boolean }[];
  documents: { planned: number; issued: number; exceeded: boolean };
  meetings: { planned: number; held: number; unplanned: number; unexplained: number };
  merges: { first: { title: string }; second: { title: string }; workingDaysApart: number; overlap: string }[];
  can: { see: boolean; manage: boolean };
};
const view = async (c: Client, query = '') =>
  (await c.get(`/api/decisions/plan/burden?year=2026${query}`)).json() as View;
const documents = async () => (await office.get('/api/decisions/plan/documents?year=2026&pageSize=100')).json();

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx, { sampleWork: true });
  office = await signIn(ctx, unit.user('office'));
}, 120_000);

describe('the 减负 view of the seeded year', () => {
  it('shows plan against actual per month, with the one unplanned meeting and its reason', async () => {
    const v = await view(office);
    // The seed: 12 调度会 + 4 党组会 planned, 3 documents; 调度会 held on 10-21 and 11-20, the 推进会 on 11-24.
    expect(v.meetings).toMatchObject({ planned: 16, held: 3, unplanned: 1, unexplained: 0 });
    expect(v.documents).toMatchObject({ planned: 3, issued: 2, exceeded: false });
    const [oct, nov] = [v.months[9]!, v.months[10]!];
    expect(oct.meetings).toMatchObject({ planned: 1, held: 1, unplanned: 0 });
    expect(oct.documents).toMatchObject({ planned: 1, issued: 1, unplanned: 0 });
    expect(nov.meetings).toMatchObject({ planned: 1, held: 2, unplanned: 1 });
    expect(nov.unplanned).toEqual([
      {
        id: expect.any(String),
        source: 'activity',
        title: DEMO_UNPLANNED_MEETING,
        on: '2026-11-24',
        reason: DEMO_UNPLANNED_REASON,
      },
    ]);
    expect(v.quarters.map((q) => q.unplannedMeetings)).toEqual([0, 0, 0, 1]);
    expect(v.quarters.some((q) => q.exceeded)).toBe(false);
    expect(v.can).toEqual({ see: true, manage: true });
  });

  it('suggests merging the 推进会 with the 调度会 two working days before it (its attendees all attended that)', async () => {
    const v = await view(office);
    expect(v.merges).toEqual([
      {
        first: expect.objectContaining({ title: '11月重点工作调度会', heldOn: '2026-11-20' }),
        second: expect.objectContaining({ title: DEMO_UNPLANNED_MEETING, heldOn: '2026-11-24' }),
        workingDaysApart: 2,
        overlap: 'subset',
      },
    ]);
  });

  it('filters by department: 社会救助股 held the 推进会 and issued one planned report', async () => {
    const depts = (await office.get('/api/departments')).json() as { id: string; name: string }[];
    const relief = depts.find((d) => d.name === '社会救助股')!.id;
    const v = await view(office, `&departmentId=${relief}`);
    expect(v.meetings).toMatchObject({ planned: 0, held: 1, unplanned: 1 });
    expect(v.documents).toMatchObject({ planned: 1, issued: 1 });
  });

  it('flags the quarter whose 临时 meetings exceed the quota, and the year’s documents over their limit', async () => {
    const s = (await office.get('/api/decisions/plan/settings')).json();
    expect(s).toMatchObject({ maxUnplannedMeetingsPerQuarter: 3, version: 0 });
    const bad = await office.put('/api/decisions/plan/settings', { ...s, maxMeetingMinutes: 5, can: undefined });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('会议时长上限');
    const saved = await office.put('/api/decisions/plan/settings', {
      maxMeetingMinutes: 90,
      maxUnplannedMeetingsPerQuarter: 0,
      maxDocumentsPerYear: 1,
      mergeWithinWorkingDays: 3,
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    const v = await view(office);
    expect(v.quarters.map((q) => q.exceeded)).toEqual([false, false, false, true]);
    expect(v.documents.exceeded).toBe(true);
    const stale = await office.put('/api/decisions/plan/settings', {
      ...(saved.json() as object),
      can: undefined,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    // Merging looks no further than the setting: 0 working days apart finds nothing here.
    await office.put('/api/decisions/plan/settings', {
      maxMeetingMinutes: 90,
      maxUnplannedMeetingsPerQuarter: 3,
      maxDocumentsPerYear: 60,
      mergeWithinWorkingDays: 0,
      version: 1,
    });
    expect((await view(office)).merges).toEqual([]);
  });

  it('exports the view and the register as .xlsx from the same rows', async () => {
    const sheet = await readXlsx((await office.get('/api/decisions/plan/burden.xlsx?year=2026')).rawPayload);
    const nov = sheet.find((r) => r[0] === '11月')!;
    expect(nov.slice(0, 8)).toEqual(['11月', '1', '1', '0', '1', '2', '1', '0']);
    expect(nov[8]).toContain(DEMO_UNPLANNED_REASON);
    const register = await readXlsx((await office.get('/api/decisions/plan/documents.xlsx?year=2026')).rawPayload);
    expect(register.length).toBe(1 + (await documents()).total);
  });
});

describe('the 发文 register', () => {
  it('refuses an unplanned document without a reason, nothing changed; takes it with one; 文号 unique', async () => {
    const before = (await documents()).total;
    const body = { docNo: '示民发〔2026〕30号', title: '关于做好冬季救助工作的通知', issuedOn: '2026-11-27' };
    const refused = await office.post('/api/decisions/plan/documents', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('计划外发文须说明理由（至少2个字）');
    expect((await documents()).total).toBe(before);
    const taken = await office.post('/api/decisions/plan/documents', {
      ...body,
      unplannedReason: '寒潮预警，上级紧急部署',
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ planEntryId: null, unplannedReason: '寒潮预警，上级紧急部署' });
    const again = await office.post('/api/decisions/plan/documents', { ...body, unplannedReason: '重复登记' });
    expect(again.statusCode).toBe(409);
    const found = (
      await office.get(`/api/decisions/plan/documents?year=2026&q=${encodeURIComponent('冬季救助')}`)
    ).json();
    expect(found.items.map((d: { docNo: string }) => d.docNo)).toEqual([body.docNo]);
    const v = await view(office);
    expect(v.months[10]!.unplanned.map((u) => [u.source, u.reason])).toContainEqual([
      'document',
      '寒潮预警，上级紧急部署',
    ]);
  });

  it('withdraws with a reason (stale version 409), and the view stops counting it', async () => {
    const doc = (await documents()).items.find((d: { docNo: string }) => d.docNo === '示民发〔2026〕30号');
    expect(
      (await office.post(`/api/decisions/plan/documents/${doc.id}/withdraw`, { reason: '重复', version: 99 }))
        .statusCode,
    ).toBe(409);
    const w = await office.post(`/api/decisions/plan/documents/${doc.id}/withdraw`, {
      reason: '登记有误',
      version: doc.version,
    });
    expect(w.json()).toMatchObject({ withdrawnReason: '登记有误', can: { edit: false, withdraw: false } });
    expect((await view(office)).documents.issued).toBe(2);
  });
});

describe('who may do what', () => {
  it('a member is refused (403); a leader reads but may not change', async () => {
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.get('/api/decisions/plan/burden?year=2026')).statusCode).toBe(403);
    expect((await member.get('/api/decisions/plan/entries?year=2026')).statusCode).toBe(403);
    const leader = await signIn(ctx, unit.user('leader1'));
    const v = await view(leader);
    expect(v.can).toEqual({ see: true, manage: false });
    const entries = (await leader.get('/api/decisions/plan/entries?year=2026&kind=document')).json();
    expect(entries.items[0].can).toEqual({ see: true, edit: false, withdraw: false });
    const post = await leader.post('/api/decisions/plan/entries', {
      year: 2026,
      kind: 'document',
      subKind: 'notice',
      title: '某通知',
      month: 12,
    });
    expect(post.statusCode).toBe(403);
  });

  it('another unit’s ids answer 404 and change nothing', async () => {
    const other = await newDemoUnit(ctx);
    const stranger = await signIn(ctx, other.user('office'));
    const entry = (await office.get('/api/decisions/plan/entries?year=2026&kind=document')).json().items[0];
    const doc = (await documents()).items[0];
    const v = await view(office);
    expect(
      (await stranger.put(`/api/decisions/plan/entries/${entry.id}`, { ...entry, version: entry.version })).statusCode,
    ).toBe(404);
    expect(
      (
        await stranger.post(`/api/decisions/plan/documents/${doc.id}/withdraw`, {
          reason: '测试',
          version: doc.version,
        })
      ).statusCode,
    ).toBe(404);
    const unplannedId = (await office.get('/api/decisions/plan/burden?year=2026')).json().months[10].unplanned[0].id;
    expect(
      (await stranger.put(`/api/decisions/plan/activities/${unplannedId}/reason`, { reason: '他人理由' })).statusCode,
    ).toBe(404);
    // A body naming another unit's plan entry is refused too.
    const foreign = await stranger.post('/api/decisions/plan/documents', {
      docNo: '外单位〔2026〕1号',
      title: '外单位文件',
      issuedOn: '2026-11-02',
      planEntryId: entry.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(await view(office)).toEqual(v);
  });
});

describe('plan entries', () => {
  it('are added, edited at the version read, withdrawn with a reason; a document takes no meeting length', async () => {
    const bad = await office.post('/api/decisions/plan/entries', {
      year: 2026,
      kind: 'document',
      subKind: 'notice',
      title: '关于某事的通知',
      month: 12,
      durationMinutes: 60,
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await office.post('/api/decisions/plan/entries', {
      year: 2026,
      kind: 'meeting',
      subKind: 'no_such_kind',
      title: '某会',
      month: 12,
    });
    expect(unknown.json().message).toBe('会议类别“no_such_kind”不存在');
    const activityKind = await office.post('/api/decisions/plan/entries', {
      year: 2026,
      kind: 'meeting',
      subKind: 'party_group_meeting',
      title: '党组会',
      month: 12,
    });
    expect(activityKind.json().message).toBe('请选择会议类别“党组会议”');
    const e = (
      await office.post('/api/decisions/plan/entries', {
        year: 2026,
        kind: 'meeting',
        subKind: 'weekly_work_meeting',
        title: '12月周工作例会',
        month: 12,
        durationMinutes: 45,
      })
    ).json();
    expect(e).toMatchObject({ subKindLabel: '周工作例会', can: { edit: true } });
    const edited = await office.put(`/api/decisions/plan/entries/${e.id}`, {
      subKind: 'weekly_work_meeting',
      title: '12月周工作例会（每周一）',
      month: 12,
      durationMinutes: 40,
      organiserDepartmentId: null,
      version: e.version,
    });
    expect(edited.json()).toMatchObject({ title: '12月周工作例会（每周一）', version: e.version + 1 });
    const stale = await office.put(`/api/decisions/plan/entries/${e.id}`, {
      ...(edited.json() as object),
      version: e.version,
    });
    expect(stale.statusCode).toBe(409);
    const w = await office.post(`/api/decisions/plan/entries/${e.id}/withdraw`, {
      reason: '与调度会合并',
      version: edited.json().version,
    });
    expect(w.json().withdrawnReason).toBe('与调度会合并');
  });

  it('copies last year’s live plan as a start, once', async () => {
    const copied = await office.post('/api/decisions/plan/copy-year', { fromYear: 2026, toYear: 2027 });
    const live = (await view(office)).meetings.planned + (await view(office)).documents.planned;
    expect(copied.json()).toEqual({ copied: live });
    expect((await office.post('/api/decisions/plan/copy-year', { fromYear: 2026, toYear: 2027 })).statusCode).toBe(409);
  });
});

describe('what the view reads besides its own tables', () => {
  it('gives the whole unit’s year per department, whatever the filter', async () => {
    const v = (await office.get('/api/decisions/plan/burden?year=2026')).json() as {
      departments: { departmentName: string; documents: object; meetings: object }[];
    };
    const by = new Map(v.departments.map((d) => [d.departmentName, d]));
    expect(by.get('综合科（办公室）')).toMatchObject({
      documents: { planned: 2, issued: 1, unplanned: 0 },
      meetings: { planned: 12, held: 2, unplanned: 0 },
    });
    expect(by.get('社会救助股')).toMatchObject({
      documents: { planned: 1, issued: 1, unplanned: 0 },
      meetings: { planned: 0, held: 1, unplanned: 1 },
    });
    expect(v.departments.at(-1)).toMatchObject({ departmentName: '未指定科室', meetings: { planned: 4, held: 0 } });
  });

  it('counts decision meetings held (in session or closed) against the entry they name, or with their reason', async () => {
    const db = ctx.database.db;
    const entries = (await office.get('/api/decisions/plan/entries?year=2026&kind=meeting&pageSize=100')).json();
    const september = entries.items.find((e: { title: string }) => e.title === '第3季度党组会议');
    const secretary = unit.actors.get('secretary')!;
    const members = ['secretary', 'leader1', 'leader2'].map((l) => unit.actors.get(l)!.personId!);
    const at = ctx.clock.now();
    const meeting = (title: string, heldOn: string, status: string, more: object) => ({
      unitId: unit.unit.id,
      kind: 'party_group',
      sessionNo: 1,
      title,
      heldOn,
      chairPersonId: secretary.personId!,
      memberIds: members,
      presentIds: members,
      status,
      createdBy: secretary.userId,
      createdAt: at,
      updatedAt: at,
      ...more,
    });
    await db
      .insert(decisionMeetings)
      .values([
        meeting('第3季度党组会议', '2026-09-15', 'closed', { planEntryId: september.id, durationMinutes: 120 }),
        meeting('防汛工作专题党组会议', '2026-09-18', 'in_session', { unplannedReason: '汛情紧急，临时研究' }),
        meeting('尚在筹备的会议', '2026-09-25', 'preparing', { unplannedReason: '筹备' }),
        meeting('已撤销的会议', '2026-09-28', 'withdrawn', { unplannedReason: '撤销', withdrawnReason: '改期' }),
      ]);
    // Merging looks 3 working days ahead again (the quota test above left it at 0).
    const settings = (await office.get('/api/decisions/plan/settings')).json();
    const { can: _can, ...body } = settings;
    await office.put('/api/decisions/plan/settings', { ...body, mergeWithinWorkingDays: 3 });
    const v = await view(office);
    expect(v.months[8]!.meetings).toEqual({ planned: 2, held: 2, unplanned: 1, overLength: 1 });
    expect(v.months[8]!.unplanned).toEqual([
      {
        id: expect.any(String),
        source: 'decision',
        title: '防汛工作专题党组会议',
        on: '2026-09-18',
        reason: '汛情紧急，临时研究',
      },
    ]);
    // The same members three working days apart: a merge is suggested.
    expect(v.merges.map((m) => [m.first.title, m.second.title, m.overlap])).toContainEqual([
      '第3季度党组会议',
      '防汛工作专题党组会议',
      'same',
    ]);
  });
});
