/**
 * Activity kinds and obligation rules maintained by the office, through the HTTP API: a unit's own
 * kind (refused while a rule counts it), rules with a new version from a date (periods begun before
 * it keep the old one), withdrawal with a reason, and bad input refused in Chinese with nothing changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let office: Client;
let member: Client;
let auditor: Client;
let campaignId: string;

beforeAll(async () => {
  ctx = await testApp();
  const unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  member = await signIn(ctx, unit.user('leader1'));
  auditor = await signIn(ctx, unit.user('auditor'));
  campaignId = (
    await office.post('/api/campaigns', { name: '规则维护', year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31' })
  ).json().id;
});

const rules = async () =>
  (await office.get(`/api/campaigns/${campaignId}/rules`)).json() as { id: string; title: string }[];
const record = (kind: string, heldOn: string, type = 'study') =>
  office.post('/api/activities', { campaignId, type, kind, title: `${kind} ${heldOn}`, heldOn });

describe('activity kinds', () => {
  it('lists the generic and template kinds, adds the unit’s own, and refuses to withdraw one a rule counts', async () => {
    const kinds = (await office.get('/api/activity-kinds')).json().items as { code: string; label: string }[];
    expect(kinds.find((k) => k.code === 'party_law_study')).toMatchObject({ label: '党内法规学习', builtIn: true });
    expect(kinds.find((k) => k.code === 'study')).toMatchObject({ label: '学习研讨（其他）', builtIn: true });
    expect(kinds.find((k) => k.code === 'staff_meeting')).toMatchObject({ attendance: true, type: 'meeting' });
    const body = { code: 'cadre_training', label: '村干部培训', type: 'study' };
    expect((await member.post('/api/activity-kinds', body)).statusCode).toBe(403);
    expect((await office.post('/api/activity-kinds', body)).json()).toMatchObject({
      ...body,
      builtIn: false,
      active: true,
    });
    for (const [over, message] of [
      [{}, '类别代码“cadre_training”已存在'],
      [{ code: 'other_code', label: '中心组学习' }, '类别“中心组学习”已存在'],
      [{ code: 'Bad Code' }, '请求内容有误：类别代码应为 2–40 位小写字母、数字或下划线，以字母开头'],
    ] as const) {
      const res = await office.post('/api/activity-kinds', { ...body, ...over });
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    expect((await record('cadre_training', '2026-11-02')).statusCode).toBe(200);
    const rule = (
      await office.post(`/api/campaigns/${campaignId}/rules`, {
        title: '每季度村干部培训',
        subject: { kind: 'unit' },
        activityKinds: ['cadre_training'],
        period: 'quarter',
      })
    ).json();
    const refused = await office.post('/api/activity-kinds/cadre_training/withdraw', { reason: '不再开展' });
    expect([refused.statusCode, refused.json().message]).toEqual([
      400,
      '规则“每季度村干部培训”仍在计入此类别，请先修改或停用该规则',
    ]);
    expect(
      (
        await office.post(`/api/campaigns/${campaignId}/rules/${rule.id}/withdraw`, { reason: '培训改由县里组织' })
      ).json(),
    ).toMatchObject({ active: false, withdrawnReason: '培训改由县里组织' });
    expect((await rules()).map((r) => r.title)).not.toContain('每季度村干部培训');
    expect(
      (await office.post('/api/activity-kinds/cadre_training/withdraw', { reason: '不再开展' })).json(),
    ).toMatchObject({
      active: false,
      withdrawnReason: '不再开展',
    });
    const late = await record('cadre_training', '2026-11-03');
    expect([late.statusCode, late.json().message]).toEqual([400, '活动类别不存在或已停用：cadre_training']);
    const builtIn = await office.post('/api/activity-kinds/party_law_study/withdraw', { reason: '试一下' });
    expect([builtIn.statusCode, builtIn.json().message]).toEqual([400, '模板定义的活动类别不能停用']);
    const events = (await auditor.get('/api/audit/events?entityType=activity_kind&entityId=cadre_training')).json()
      .items;
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'withdraw']);
  });
});

describe('rules maintained by the office', () => {
  it('refuse bad input in Chinese and change nothing', async () => {
    const before = (await rules()).length;
    const good = { title: '某规则', subject: { kind: 'unit' }, activityKinds: ['party_law_study'], period: 'quarter' };
    for (const [over, message] of [
      [{ activityKinds: ['nope'] }, '活动类别不存在或已停用：nope'],
      [{ min: 3, max: 2 }, '最少次数不能大于最多次数'],
      [{ period: 'fortnight' }, '请求内容有误：周期不正确'],
      [{ subject: { kind: 'people', personIds: ['00000000-0000-4000-8000-000000000000'] } }, '所选人员不存在'],
      [{ kind: 'attendance' }, '“党内法规学习”不登记出勤，不能用于会风会纪规则'],
      [
        { kind: 'attendance', activityKinds: ['staff_meeting'] },
        '会风会纪规则按人统计，规则对象应为人员（指定人员、班子成员、小组成员、在职人员或党员）',
      ],
      [{ measureNo: 99 }, '措施99不存在'],
    ] as const) {
      const res = await office.post(`/api/campaigns/${campaignId}/rules`, { ...good, ...over });
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    expect((await rules()).length).toBe(before);
  });

  it('take a new version from a date: periods begun before it keep the old one', async () => {
    ctx.clock.current = new Date('2026-11-30T02:00:00Z');
    await record('party_law_study', '2026-05-10');
    await record('party_law_study', '2026-08-10');
    const rule = (
      await office.post(`/api/campaigns/${campaignId}/rules`, {
        title: '每季度学习党内法规',
        subject: { kind: 'unit' },
        activityKinds: ['party_law_study'],
        period: 'quarter',
      })
    ).json();
    const url = `/api/campaigns/${campaignId}/rules/${rule.id}`;
    const next = { title: '每季度学习党内法规（两次）', activityKinds: ['party_law_study'], period: 'quarter', min: 2 };
    expect((await member.post(`${url}/versions`, { ...next, effectiveFrom: '2026-08-01' })).statusCode).toBe(403);
    for (const [effectiveFrom, message] of [
      ['2027-01-05', '生效日期应在专项活动期间内（2026-01-01 之后，2026-12-31 之前）'],
      ['2026-01-01', '生效日期应在专项活动期间内（2026-01-01 之后，2026-12-31 之前）'],
      // No quarter begins between 11-15 and the campaign's end: the version would govern nothing.
      [
        '2026-11-15',
        '本规则每季度计算，新版本从生效日期之后开始的第一个周期起执行，而活动结束（2026-12-31）前没有新的周期开始，新版本不会生效；如需改变本周期的要求，请停用本规则后新增规则',
      ],
    ]) {
      const res = await office.post(`${url}/versions`, { ...next, effectiveFrom });
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    const monthly = await office.post(`${url}/versions`, { ...next, period: 'month', effectiveFrom: '2026-08-01' });
    expect([monthly.statusCode, monthly.json().message]).toEqual([
      400,
      '新版本不能改变规则的周期或类型；如需改变，请停用本规则后新增规则',
    ]);
    const revised = (await office.post(`${url}/versions`, { ...next, effectiveFrom: '2026-08-01' })).json();
    expect(revised).toMatchObject({ title: next.title, min: 2, versions: 2, effectiveFrom: '2026-08-01' });
    const earlier = await office.post(`${url}/versions`, { ...next, effectiveFrom: '2026-07-01' });
    expect([earlier.statusCode, earlier.json().message]).toEqual([400, '生效日期应晚于上一版本的生效日期 2026-08-01']);
    const m = (await office.get(`${url}/compliance`)).json();
    expect(
      m.cells.map((c: { periodKey: string; status: string; count: number; explanation: string | null }) =>
        [c.periodKey, c.status, c.count, c.explanation].join(' '),
      ),
    ).toEqual([
      '2026-Q1 missed 0 2026年第1季度未开展“党内法规学习”，还差 1 次',
      '2026-Q2 met 1 ',
      // Q3 began on 07-01, before the new version: one study still meets it.
      '2026-Q3 met 1 ',
      '2026-Q4 open 0 2026年第4季度未开展“党内法规学习”，还差 2 次',
    ]);
    const events = (await auditor.get(`/api/audit/events?entityType=campaign&entityId=${campaignId}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toContain('revise_rule');
  });

  it('a rule revised in the page follows its versions, no longer the campaign parameter', async () => {
    type Rule = { id: string; title: string; min: number; paramKey: string | null; versions: number };
    const find = async (title: string) =>
      ((await office.get(`/api/campaigns/${campaignId}/rules`)).json() as Rule[]).find((r) => r.title === title)!;
    const visits = await find('每季度到帮扶联系点调研');
    const deeds = await find('每年为每个帮扶联系村办实事好事');
    expect([visits.paramKey, deeds.paramKey]).toEqual(['villageVisitsPerQuarter', 'deedsPerVillagePerYear']);
    const revised = await office.post(`/api/campaigns/${campaignId}/rules/${visits.id}/versions`, {
      title: visits.title,
      activityKinds: ['village_research'],
      period: 'quarter',
      min: 2,
      effectiveFrom: '2026-10-01',
    });
    expect(revised.json()).toMatchObject({ min: 2, paramKey: null, versions: 2 });
    const c = (await office.get(`/api/campaigns/${campaignId}`)).json();
    const set = await office.put(`/api/campaigns/${campaignId}/params`, {
      params: { villageVisitsPerQuarter: 3, deedsPerVillagePerYear: 2 },
      version: c.version,
    });
    expect(set.statusCode).toBe(200);
    // The revised rule keeps its numbers in every period (Q1–Q3 are not re-judged at 3); the other follows the parameter.
    expect((await find('每季度到帮扶联系点调研')).min).toBe(2);
    const someone = (await office.get('/api/people?pageSize=1')).json().items[0].id as string;
    await office.post('/api/contact-objects', { kind: 'village', name: '规则村', assigneeIds: [someone] });
    const q = (await office.get(`/api/campaigns/${campaignId}/rules/${visits.id}/compliance`)).json();
    const asks = (period: string) =>
      q.cells.find((x: { periodKey: string }) => x.periodKey === period).explanation as string;
    expect([asks('2026-Q1'), asks('2026-Q4')]).toEqual([
      expect.stringContaining('还差 1 次'),
      expect.stringContaining('还差 2 次'),
    ]);
    expect((await find('每年为每个帮扶联系村办实事好事')).min).toBe(2);
  });

  it('add the branch’s 三会一课 to a campaign that lacks them, once', async () => {
    const built = await office.post(`/api/campaigns/${campaignId}/branch-rules`);
    expect([built.statusCode, built.json().message]).toEqual([400, '党支部“三会一课”等规则已全部添加']);
    await office.post('/api/campaign-templates', {
      code: 'bare',
      name: '无规则模板',
      preparation: [],
      requirements: [],
      categories: [{ no: 1, kind: 'promote', title: '大兴务实之风', focus: '重点解决不务实的问题。' }],
      measures: [{ no: 1, category: 1, title: '按时办结', text: '按时办结。' }],
    });
    const bare = (
      await office.post('/api/campaigns', {
        name: '无规则',
        year: 2026,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        templateCode: 'bare',
      })
    ).json();
    expect((await member.post(`/api/campaigns/${bare.id}/branch-rules`)).statusCode).toBe(403);
    expect((await office.post(`/api/campaigns/${bare.id}/branch-rules`)).json()).toEqual({ added: 8 });
    const titles = ((await office.get(`/api/campaigns/${bare.id}/rules`)).json() as { title: string }[]).map(
      (r) => r.title,
    );
    expect(titles).toContain('党支部：支委会（每月）');
    expect(titles).toContain('党支部：谈心谈话（每名党员每年）');
    expect((await office.post(`/api/campaigns/${bare.id}/branch-rules`)).statusCode).toBe(400);
  });
});
