import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { docxParagraphs, flawedParagraphs } from './docx-text.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let branch: Client, office: Client;

beforeAll(async () => {
  ctx = await testApp({ opinionSubmitsPerMinute: 1000, opinionChallengeAfter: 1000 });
  unit = await newDemoUnit(ctx);
  branch = await signIn(ctx, unit.user('branch'));
  office = await signIn(ctx, unit.user('office'));
});

type MeetingView = { id: string; version: number; people: { id: string; name: string; member: boolean }[] };
const presentAll = (m: MeetingView) =>
  m.people.filter((p) => p.member).map((p) => ({ personId: p.id, present: true, reason: '' }));
const recordBody = (m: MeetingView, extra: object = {}) => ({
  heldOn: '2026-11-30',
  place: '三楼会议室',
  attendance: presentAll(m),
  version: m.version,
  ...extra,
});
const auditOf = async (entityId: string) =>
  rowsOf<{ action: string; after: { holdOverride?: { reason: string; gaps: string[] } } }>(
    await ctx.database.db.execute(
      sql`select action, after from audit_events where entity_id = ${entityId} order by seq`,
    ),
  );
const reportOf = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return docxParagraphs(res.rawPayload);
};

describe('holding the meeting with gaps in its preparation', () => {
  let m: MeetingView;
  beforeAll(async () => {
    m = (await branch.post('/api/org-life', { title: '专题组织生活会', plannedOn: '2026-12-20' })).json();
  });

  it('shows the readiness checklist computed from the records', async () => {
    const view = (await branch.get(`/api/org-life/${m.id}`)).json();
    expect(view.readiness.ready).toBe(false);
    expect(view.readiness.gaps).toEqual([
      '会前学习未登记',
      '未关联征求意见表',
      '未制定谈心谈话计划',
      '20份个人问题自查清单未审核通过',
    ]);
    expect(view.readiness.checks.find((c: { key: string }) => c.key === 'lists').detail).toBe(
      '应有20份，已审核通过0份',
    );
  });

  it('is refused without an override, with a message listing the gaps, and nothing changes', async () => {
    const before = (await auditOf(m.id)).length;
    const res = await branch.post(`/api/org-life/${m.id}/record`, recordBody(m));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      '会前准备尚未完成：会前学习未登记；未关联征求意见表；未制定谈心谈话计划；20份个人问题自查清单未审核通过。如确需召开，请确认并填写理由',
    );
    const after = (await branch.get(`/api/org-life/${m.id}`)).json();
    expect(after).toMatchObject({ status: 'preparing', version: m.version, heldOn: null, holdOverride: null });
    expect((await auditOf(m.id)).length).toBe(before);
    const short = await branch.post(
      `/api/org-life/${m.id}/record`,
      recordBody(m, { holdDespiteGaps: { reason: '好' } }),
    );
    expect(short.json().message).toContain('请填写确认召开的理由（至少4个字）');
  });

  it('is held with an override and its reason, audited, and the report says so and claims nothing else', async () => {
    const held = (
      await branch.post(
        `/api/org-life/${m.id}/record`,
        recordBody(m, { holdDespiteGaps: { reason: '上级通知本周内召开' } }),
      )
    ).json();
    expect(held.status).toBe('held');
    expect(held.holdOverride).toMatchObject({
      reason: '上级通知本周内召开',
      by: expect.stringMatching(/\S/),
    });
    const hold = (await auditOf(m.id)).find((e) => e.action === 'hold')!;
    expect(hold.after.holdOverride).toMatchObject({ reason: '上级通知本周内召开', gaps: held.readiness.gaps });
    const text = await reportOf(branch, `/api/org-life/${m.id}/report.docx`);
    expect(flawedParagraphs(text)).toEqual([]);
    const all = text.join('\n');
    expect(all).toContain(
      `召开时尚有会前学习未登记、未关联征求意见表、未制定谈心谈话计划、20份个人问题自查清单未审核通过，经${held.holdOverride.by}确认召开，理由：上级通知本周内召开。`,
    );
    expect(all).toContain('会前学习未登记。');
    expect(all).toContain('本次会议未关联征求意见表，征求意见情况未登记。');
    expect(all).toContain('未制定谈心谈话计划，尚未登记谈心谈话记录。');
    expect(all).toContain('支部应到党员20名，实到20名，到会率100%');
    expect(all).toContain('会议记录中未登记自我批评');
    expect(all).toContain('自查清单尚未填写问题。');
    expect(all).toContain('整改清单尚未形成。');
    for (const claim of [
      '逐一',
      '帮扶联系村',
      '服务对象',
      '共收回',
      '已反馈本人',
      '相关文件精神',
      '明确整改责任人、整改措施和整改时限',
    ])
      expect(all).not.toContain(claim);
  });
});

describe('the report of a partly prepared meeting', () => {
  it('names the audiences and counts the records hold, and no empty field or redaction', async () => {
    const form = (
      await branch.post('/api/opinion-forms', {
        title: '征求意见表',
        opensOn: '2026-11-25',
        closesOn: '2026-12-10',
        questions: [{ id: 'q1', kind: 'text', label: '意见' }],
      })
    ).json();
    await branch.post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
    const token = (
      await branch.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'staff', label: '在职干部职工' })
    ).json().token;
    for (const [i, text] of ['学习形式单一', '调研不深入'].entries())
      await ctx.app.inject({
        method: 'POST',
        url: `/api/public/opinions/${token}`,
        payload: { answers: { q1: text } },
        remoteAddress: `203.0.113.${i + 1}`,
      });
    await flushOpinionsAtDayEnd(ctx);
    let m = (
      await branch.post('/api/org-life', { title: '专题组织生活会', plannedOn: '2026-12-20', formId: form.id })
    ).json();
    const plan = (await branch.post(`/api/org-life/${m.id}/talk-plan`, { version: m.version })).json();
    const first = plan.plan[0];
    // The talk is recorded by one of its two sides (the branch secretary takes part in the committee's talks).
    const res = await branch.post(`/api/org-life/${m.id}/talks`, {
      kind: first.kind,
      aPersonId: first.a,
      bPersonId: first.b,
      heldOn: '2026-11-28',
      place: '办公室',
      topics: '作风',
    });
    expect(res.statusCode, res.body).toBe(200);
    const lists = (await branch.get(`/api/org-life/${m.id}/lists`)).json();
    const bl = (await branch.get(`/api/self-check-lists/${lists.branch.listId}`)).json();
    const saved = await branch.put(`/api/self-check-lists/${bl.id}`, {
      version: bl.version,
      entries: [
        { categoryNo: null, shortfall: '联系**村调研次数不够', measures: '每季度到**村调研', ownerPersonId: null },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    m = (await branch.get(`/api/org-life/${m.id}`)).json();
    const someone = (m as MeetingView).people.find((p) => p.member)!;
    const held = await branch.post(
      `/api/org-life/${m.id}/record`,
      recordBody(m, {
        selfCriticisms: [{ personId: someone.id, text: '学习不够深入' }],
        holdDespiteGaps: { reason: '按计划召开' },
      }),
    );
    expect(held.statusCode, held.body).toBe(200);
    const f = held.json().figures;
    const text = await reportOf(branch, `/api/org-life/${m.id}/report.docx`);
    expect(flawedParagraphs(text)).toEqual([]);
    const all = text.join('\n');
    expect(all).toContain('向在职干部职工征求意见，共收回征求意见表2份，梳理意见建议2条，其中2条尚未分类，采纳0条。');
    for (const other of ['帮扶联系村', '服务对象', '党员群众']) expect(all).not.toContain(other);
    expect(all).toContain(`谈心谈话计划${f.talksPlanned}次，已完成1次；共登记谈心谈话1次`);
    expect(all).toContain('1名党员作了自我批评');
    expect(all).not.toContain('逐一');
    expect(all).toContain('1.联系〔待补充〕村调研次数不够。');
    expect(all).toContain('1.每季度到〔待补充〕村调研（责任人：未指定）');
    expect(all).toContain('已明确整改措施1个、责任人0个、整改时限0个');
  });
});

describe('the campaign report', () => {
  it('for a campaign just created says nothing has been recorded, and no redaction or empty field', async () => {
    const c = (
      await office.post('/api/campaigns', {
        name: '兴“十风”治“十弊”专项活动',
        year: 2026,
        startsOn: '2026-03-01',
        endsOn: '2026-12-31',
      })
    ).json();
    const text = await reportOf(office, `/api/campaigns/${c.id}/report.docx`);
    expect(flawedParagraphs(text)).toEqual([]);
    const all = text.join('\n');
    expect(all).toContain('兴“十风”治“十弊”专项活动自2026年3月1日开始，共20个方面39条措施。截至');
    expect(all).toContain('尚未将措施分解为督办事项。');
    expect(all).not.toContain('办结率');
    expect(all).not.toMatch(/逾期未办结[1-9]/);
  });
});

describe('a partly carried out campaign', () => {
  it('its report gives the counts the records hold, and the scheduling pack lists its items without redactions', async () => {
    const c = (
      await office.post('/api/campaigns', {
        name: '作风建设专项活动',
        year: 2026,
        startsOn: '2026-03-01',
        endsOn: '2026-12-31',
      })
    ).json();
    const people: { id: string; name: string }[] = (await office.get('/api/people?pageSize=100')).json().items;
    const depts = (await office.get('/api/departments')).json();
    // The measure whose text still holds the plan's redactions (“明确**、**同志联系**村…”).
    const m = c.measures.find((x: { text: string }) => x.text.includes('同志联系**村'));
    const res = await office.post(`/api/campaigns/${c.id}/measures/${m.id}/breakdown`, {
      leaderPersonId: people[0]!.id,
      leadDepartmentId: depts[0].id,
      ownerPersonIds: [people[1]!.id, people[2]!.id],
      receivedOn: '2026-11-30',
      milestones: [{ title: '确定联系村', due: '2026-12-10' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = await reportOf(office, `/api/campaigns/${c.id}/report.docx`);
    expect(flawedParagraphs(text)).toEqual([]);
    const all = text.join('\n');
    expect(all).toContain('已分解措施1条，生成督办事项2项，已办结0项（办结率0%），逾期未办结0项。');
    expect(all).toMatch(/\d+条措施中1条已分解，督办事项2项，已办结0项。/);
    expect(all).toContain('对尚未分解的38条措施，明确责任领导、责任科室和责任人。');
    const pack = await reportOf(office, '/api/items/pack.docx?from=2026-11-01&to=2026-12-31&kind=monthly');
    expect(pack.filter((p) => /[*＊]|undefined|null/.test(p))).toEqual([]);
    expect(pack.join('\n')).toContain('本期内截止的事项（2项）');
    expect(pack).toEqual(expect.arrayContaining([people[1]!.name, people[2]!.name]));
  });
});
