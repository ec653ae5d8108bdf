import { beforeAll, describe, expect, it } from 'vitest';
import { disciplineFindings } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { docxParagraphs } from './docx-text.js';
import { WALK_LOGINS } from './walk-fixtures.js';

/**
 * 通报 (issue 17): drafted by the discipline staff from findings (stored here directly, as the checks would
 * store them), edited, approved by a discipline lead, issued once with its number, visible to the unit only
 * once issued; the audit log shows a draft's details only to its readers.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let discipline: Client;
let leader4: Client;
const ids: Record<string, string> = {};
const DRAFT_READERS = new Set(['discipline', 'leader4', 'secretary']);

async function finding(
  personName: string,
  f: { onDate: string; observed: string; note: string; status?: string; explanation?: string },
) {
  const office = await signIn(ctx, unit.user('office'));
  const person = (await office.get(`/api/people?q=${encodeURIComponent(personName)}`)).json().items[0];
  const now = ctx.clock.now();
  const [row] = await ctx.database.db
    .insert(disciplineFindings)
    .values({
      unitId: unit.unit.id,
      kind: 'on_duty',
      sourceType: 'check',
      personId: person.id,
      onDate: f.onDate,
      observed: f.observed,
      note: f.note,
      status: f.status ?? 'confirmed',
      explanation: f.explanation ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  ctx = await testApp();
  ctx.clock.current = new Date('2026-12-04T02:00:00Z');
  unit = await newDemoUnit(ctx);
  discipline = await signIn(ctx, unit.user('discipline'));
  leader4 = await signIn(ctx, unit.user('leader4'));
  ids.absent = await finding('郑伟', {
    onDate: '2026-11-17',
    observed: 'absent',
    note: '上午10时检查时不在岗，未请假',
    explanation: '去档案室查阅资料，未向科室负责人报告',
  });
  ids.late = await finding('秦磊', { onDate: '2026-11-24', observed: 'late', note: '8时50分到岗' });
  ids.dismissed = await finding('吴婷', {
    onDate: '2026-11-24',
    observed: 'absent',
    note: '不在岗',
    status: 'dismissed',
  });
});

describe('通报', () => {
  it('offers the findings that may go into a notice (not dismissed) to the discipline staff only', async () => {
    const c = await discipline.get('/api/discipline/notices/candidate-findings');
    expect(c.statusCode).toBe(200);
    const found = c.json().items.map((x: { id: string }) => x.id);
    expect(found).toEqual(expect.arrayContaining([ids.absent, ids.late]));
    expect(found).not.toContain(ids.dismissed);
    for (const login of ['office', 'member1', 'secretary'])
      expect(
        (await (await signIn(ctx, unit.user(login))).get('/api/discipline/notices/candidate-findings')).statusCode,
      ).toBe(403);
  });

  it('refuses a dismissed finding and drafts the body from the recorded facts only', async () => {
    const refused = await discipline.post('/api/discipline/notices', {
      kind: 'inspection',
      findingIds: [ids.absent, ids.dismissed],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('已撤销');
    const before = (await discipline.get('/api/discipline/notices')).json().total;
    expect(before).toBe(0);
    const r = await discipline.post('/api/discipline/notices', {
      kind: 'inspection',
      findingIds: [ids.absent, ids.late],
    });
    expect(r.statusCode).toBe(200);
    const n = r.json();
    ids.notice = n.id;
    expect(n.status).toBe('draft');
    expect(n.title).toBe('关于在岗检查情况的通报');
    expect(n.paragraphs[1]).toBe(
      '一、郑伟（' +
        n.findings[0].departmentName +
        '），2026年11月17日，无故离岗。记录：上午10时检查时不在岗，未请假。',
    );
    expect(n.paragraphs[2]).toContain('二、秦磊');
    expect(n.paragraphs[2]).toContain('2026年11月24日，迟到。记录：8时50分到岗。');
    // The person's 说明 was written to the discipline staff, not to the unit: it stays out of the drafted text.
    expect(n.paragraphs.join('')).not.toContain('本人说明');
    expect(n.can).toMatchObject({ edit: true, approve: false, issue: false });
  });

  it('edits a draft at the version read; a stale version is refused', async () => {
    const n = (await discipline.get(`/api/discipline/notices/${ids.notice}`)).json();
    const paragraphs = [...n.paragraphs];
    paragraphs[0] = '11月，机关纪委对各科室工作纪律开展了不打招呼式检查。现将发现的问题通报如下：';
    const edited = await discipline.put(`/api/discipline/notices/${ids.notice}`, {
      title: '关于11月在岗检查情况的通报',
      paragraphs,
      version: n.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().title).toBe('关于11月在岗检查情况的通报');
    const stale = await discipline.put(`/api/discipline/notices/${ids.notice}`, {
      title: '别的标题',
      paragraphs,
      version: n.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await discipline.get(`/api/discipline/notices/${ids.notice}`)).json().title).toBe(
      '关于11月在岗检查情况的通报',
    );
  });

  it('shows a draft only to the discipline staff and the approvers (every demo role asked)', async () => {
    for (const login of WALK_LOGINS) {
      const c = await signIn(ctx, unit.user(login));
      const one = await c.get(`/api/discipline/notices/${ids.notice}`);
      const list = (await c.get('/api/discipline/notices')).json();
      const listed = list.items.some((x: { id: string }) => x.id === ids.notice);
      expect([login, one.statusCode, listed]).toEqual([
        login,
        DRAFT_READERS.has(login) ? 200 : 404,
        DRAFT_READERS.has(login),
      ]);
      expect((await c.get(`/api/discipline/notices/${ids.notice}/docx`)).statusCode).toBe(
        DRAFT_READERS.has(login) ? 200 : 404,
      );
    }
    const other = await newDemoUnit(ctx);
    const otherDiscipline = await signIn(ctx, other.user('discipline'));
    expect((await otherDiscipline.get(`/api/discipline/notices/${ids.notice}`)).statusCode).toBe(404);
  });

  it('hides a draft’s audit details from those who may not read it', async () => {
    const auditor = await signIn(ctx, unit.user('auditor'));
    const events = (await auditor.get(`/api/audit/events?entityType=discipline_notice&entityId=${ids.notice}`)).json()
      .items;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: { detailsHidden: boolean; after: unknown }) => e.detailsHidden && e.after === null)).toBe(
      true,
    );
    const findingEvents = await auditor.get('/api/audit/events?pageSize=100');
    expect(JSON.stringify(findingEvents.json())).not.toContain('去档案室查阅资料');
    const lead = await leader4.get(`/api/audit/events?entityType=discipline_notice&entityId=${ids.notice}`);
    expect(lead.statusCode).toBe(200);
    expect(lead.json().items.some((e: { detailsHidden: boolean }) => !e.detailsHidden)).toBe(true);
  });

  it('is approved by the 纪检组长, not by the office, a member or the drafting staff member', async () => {
    const n = (await discipline.get(`/api/discipline/notices/${ids.notice}`)).json();
    const tooEarly = await discipline.post(`/api/discipline/notices/${ids.notice}/issue`, { version: n.version });
    expect(tooEarly.statusCode).toBe(400);
    for (const login of ['office', 'member1'])
      expect(
        (
          await (
            await signIn(ctx, unit.user(login))
          ).post(`/api/discipline/notices/${ids.notice}/approve`, { version: n.version })
        ).statusCode,
      ).toBe(404);
    const byDrafter = await discipline.post(`/api/discipline/notices/${ids.notice}/approve`, { version: n.version });
    expect(byDrafter.statusCode).toBe(403);
    const ok = await leader4.post(`/api/discipline/notices/${ids.notice}/approve`, { version: n.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
    // Approved: no longer editable; still hidden from the unit.
    expect(
      (
        await discipline.put(`/api/discipline/notices/${ids.notice}`, {
          title: '改',
          paragraphs: ['改'],
          version: ok.json().version,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await (await signIn(ctx, unit.user('member1'))).get(`/api/discipline/notices/${ids.notice}`)).statusCode,
    ).toBe(404);
  });

  it('is issued once with its number, names its findings, tells every member, and is then visible to the unit', async () => {
    const n = (await discipline.get(`/api/discipline/notices/${ids.notice}`)).json();
    const r = await discipline.post(`/api/discipline/notices/${ids.notice}/issue`, { version: n.version });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'issued', docNumber: '纪通〔2026〕1号', issuedOn: '2026-12-04' });
    const again = await discipline.post(`/api/discipline/notices/${ids.notice}/issue`, { version: r.json().version });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('不能重复印发');
    const after = (await discipline.get(`/api/discipline/notices/${ids.notice}`)).json();
    expect(after.version).toBe(r.json().version);
    expect(after.docNumber).toBe('纪通〔2026〕1号');
    // Its findings are no longer candidates.
    const cands = (await discipline.get('/api/discipline/notices/candidate-findings'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(cands).not.toContain(ids.absent);
    for (const login of WALK_LOGINS) {
      const c = await signIn(ctx, unit.user(login));
      expect([login, (await c.get(`/api/discipline/notices/${ids.notice}`)).statusCode]).toEqual([login, 200]);
    }
    const member = await signIn(ctx, unit.user('member1'));
    const inbox = (await member.get('/api/inbox')).json().items;
    expect(inbox.some((x: { title: string }) => x.title === '通报：关于11月在岗检查情况的通报')).toBe(true);
  });

  it('numbers the next notice of the year after the first', async () => {
    ids.second = await finding('许娜', { onDate: '2026-12-01', observed: 'late', note: '9时05分到岗' });
    const d = (
      await discipline.post('/api/discipline/notices', { kind: 'inspection', findingIds: [ids.second] })
    ).json();
    const a = (await leader4.post(`/api/discipline/notices/${d.id}/approve`, { version: d.version })).json();
    const i = (await discipline.post(`/api/discipline/notices/${d.id}/issue`, { version: a.version })).json();
    expect(i.docNumber).toBe('纪通〔2026〕2号');
    const issuedFinding = await discipline.post('/api/discipline/notices', {
      kind: 'inspection',
      findingIds: [ids.absent],
    });
    expect(issuedFinding.statusCode).toBe(400);
  });

  it('produces the .docx in GB/T 9704 layout: 版头, 发文字号, 标题, 正文, 署名, 成文日期, 版记', async () => {
    const res = await (await signIn(ctx, unit.user('member1'))).get(`/api/discipline/notices/${ids.notice}/docx`);
    expect(res.statusCode).toBe(200);
    const p = await docxParagraphs(res.rawPayload);
    expect(p[0]).toBe('中共示例县民政局机关纪律检查委员会文件');
    expect(p[1]).toBe('纪通〔2026〕1号');
    expect(p[2]).toBe('关于11月在岗检查情况的通报');
    expect(p[3]).toBe('各科室、全体干部职工：');
    expect(p[4]).toContain('不打招呼式检查');
    expect(p.some((x) => x.startsWith('一、郑伟'))).toBe(true);
    const end = p.slice(-3);
    expect(end[0]).toBe('中共示例县民政局机关纪律检查委员会');
    expect(end[1]).toBe('2026年12月4日');
    expect(end[2]).toBe('中共示例县民政局机关纪律检查委员会\t2026年12月4日印发');
  });

  it('withdraws a draft with a reason; an issued notice cannot be withdrawn', async () => {
    const f = await finding('何军', { onDate: '2026-12-02', observed: 'official_car', note: '周末驾驶公务用车回老家' });
    const d = (await discipline.post('/api/discipline/notices', { kind: 'sifeng', findingIds: [f] })).json();
    expect(d.paragraphs[1]).toContain('公车私用。记录：周末驾驶公务用车回老家。');
    const w = await discipline.post(`/api/discipline/notices/${d.id}/withdraw`, {
      reason: '情况已核实无误，另行处理',
      version: d.version,
    });
    expect(w.statusCode).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '情况已核实无误，另行处理' });
    const issued = await discipline.post(`/api/discipline/notices/${ids.notice}/withdraw`, {
      reason: '测试原因',
      version: 99,
    });
    expect(issued.statusCode).toBe(400);
  });
});
