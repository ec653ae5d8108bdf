import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let office: Client;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let people: { id: string; name: string }[];
const personId = (name: string) => people.find((p) => p.name === name)!.id;

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  people = (await office.get('/api/people?pageSize=100')).json().items;
});

const campaignBody = (over: Record<string, unknown> = {}) => ({
  name: '兴“十风”治“十弊”专项活动',
  year: 2026,
  startsOn: '2026-03-01',
  endsOn: '2026-12-15',
  params: { villageVisitsPerQuarter: 1 },
  phases: [{ key: 'prepare', title: '', from: '2026-03-01', to: '2026-03-31' }],
  ...over,
});

describe('campaigns', () => {
  let campaign: {
    id: string;
    measures: { id: string; no: number; version: number; renderedText: string; progress: { items: number } }[];
  };

  it('are made from the built-in template with its 20 categories, 39 measures and implied rules', async () => {
    const groups = (await office.get('/api/groups')).json() as { id: string; kind: string }[];
    const res = await office.post(
      '/api/campaigns',
      campaignBody({
        leadingGroupId: groups.find((g) => g.kind === 'leading_group')!.id,
        officeGroupId: groups.find((g) => g.kind === 'leading_group_office')!.id,
      }),
    );
    expect(res.statusCode).toBe(200);
    campaign = res.json();
    const c = res.json();
    expect([c.categories.length, c.measures.length]).toEqual([20, 39]);
    expect(c.categories[10].title).toBe('从严整治“在职不履职、遇事绕开走”的不作为现象');
    expect(c.measures[4].renderedText).toContain('每季度到帮扶联系点调研1次以上');
    expect(c.phases).toEqual([{ key: 'prepare', title: '会前准备', from: '2026-03-01', to: '2026-03-31' }]);
    expect(c.leadingGroup.members[0]).toMatchObject({ name: '王建国', role: '组长' });
    expect(c.officeGroup.members[0]).toMatchObject({ name: '李红梅', role: '主任' });
    const rules = (await office.get(`/api/campaigns/${c.id}/rules`)).json();
    expect(rules.map((r: { measureNo: number }) => r.measureNo)).toEqual([
      5,
      5,
      9,
      9,
      16,
      16,
      18,
      18,
      22,
      22,
      22,
      23,
      25,
      25,
      27,
      ...Array(8).fill(null),
    ]);
    expect(rules.find((r: { title: string }) => r.title === '每月在岗情况不打招呼式检查')).toMatchObject({
      min: 1,
      max: 2,
      period: 'month',
    });
  });

  it('refuse bad input and write nothing', async () => {
    const before = (await office.get('/api/campaigns')).json().length;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '另一个', endsOn: '2026-02-01' }, '结束日期不能早于开始日期'],
      [{ name: '另一个', params: { noSuchParam: 3 } }, '模板没有参数“noSuchParam”'],
      [{ name: '另一个', templateCode: 'nope' }, '模板不存在'],
      [{}, '2026 年已有同名活动“兴“十风”治“十弊”专项活动”'],
      [
        { name: '另一个', phases: [{ key: 'meeting', title: '', from: '2026-01-01', to: '2026-01-02' }] },
        '阶段“召开会议”应在活动期间内',
      ],
      [{ name: '另一个', year: 2030 }, '活动期间应包含 2030 年'],
    ];
    for (const [over, message] of cases) {
      const res = await office.post('/api/campaigns', campaignBody(over));
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    expect((await office.get('/api/campaigns')).json().length).toBe(before);
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.post('/api/campaigns', campaignBody({ name: '越权' }))).statusCode).toBe(403);
  });

  it('can be edited: a measure added, changed (stale edits refused) and withdrawn with a reason', async () => {
    const added = (
      await office.post(`/api/campaigns/${campaign.id}/measures`, {
        categoryNo: 4,
        title: '建立重点工作周调度台账',
        text: '每周五前更新。',
      })
    ).json();
    expect(added.measures.at(-1)).toMatchObject({ no: 40, categoryNo: 4, title: '建立重点工作周调度台账' });
    const m40 = added.measures.at(-1);
    const changed = await office.put(`/api/campaigns/${campaign.id}/measures/${m40.id}`, {
      categoryNo: 4,
      title: '建立重点工作周调度台账（修订）',
      text: '每周五前更新。',
      version: m40.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (
        await office.put(`/api/campaigns/${campaign.id}/measures/${m40.id}`, {
          categoryNo: 4,
          title: '旧版本',
          text: '',
          version: m40.version,
        })
      ).statusCode,
    ).toBe(409);
    const m5 = campaign.measures[4]!;
    const edit = await office.put(`/api/campaigns/${campaign.id}/measures/${m5.id}`, {
      categoryNo: 2,
      title: '深化为群众办实事工作机制',
      text: '改写',
      version: m5.version,
    });
    expect([edit.statusCode, edit.json().message]).toEqual([400, '该措施含参数，请在活动参数中修改数字，不要改动正文']);
    const withdrawn = (
      await office.post(`/api/campaigns/${campaign.id}/measures/${m40.id}/withdraw`, { reason: '与措施9重复' })
    ).json();
    expect(withdrawn.measures.at(-1)).toMatchObject({ active: false, withdrawnReason: '与措施9重复' });
  });

  it('take new parameter values into measure texts and the rules that use them', async () => {
    const c = (await office.get(`/api/campaigns/${campaign.id}`)).json();
    const res = await office.put(`/api/campaigns/${campaign.id}/params`, {
      params: { villageVisitsPerQuarter: 3, attendanceChecksMax: 4 },
      version: c.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().measures[4].renderedText).toContain('每季度到帮扶联系点调研3次以上');
    const rules = (await office.get(`/api/campaigns/${campaign.id}/rules`)).json();
    expect(rules.find((r: { title: string }) => r.title === '每季度到帮扶联系点调研').min).toBe(3);
    expect(rules.find((r: { title: string }) => r.title === '每月在岗情况不打招呼式检查')).toMatchObject({
      min: 1,
      max: 4,
    });
    expect(
      (
        await office.put(`/api/campaigns/${campaign.id}/params`, {
          params: { villageVisitsPerQuarter: 1 },
          version: c.version,
        })
      ).statusCode,
    ).toBe(409);
    const bad = await office.put(`/api/campaigns/${campaign.id}/params`, {
      params: { attendanceChecksMin: 9 },
      version: c.version + 1,
    });
    expect([bad.statusCode, bad.json().message]).toEqual([400, '最少次数不能大于最多次数']);
    expect(
      (await office.put(`/api/campaigns/${campaign.id}/params`, { params: { nope: 1 }, version: c.version + 1 })).json()
        .message,
    ).toBe('没有参数“nope”');
    await office.put(`/api/campaigns/${campaign.id}/params`, {
      params: { villageVisitsPerQuarter: 1, attendanceChecksMax: 2 },
      version: c.version + 1,
    });
  });

  it("break a measure down into supervised items, whose state is the measure's progress", async () => {
    const depts = (await office.get('/api/departments')).json();
    const m5 = campaign.measures[4]!;
    const res = await office.post(`/api/campaigns/${campaign.id}/measures/${m5.id}/breakdown`, {
      leaderPersonId: personId('李红梅'),
      leadDepartmentId: depts[0].id,
      cooperatingDepartmentIds: [depts[1].id],
      ownerPersonIds: [personId('周凯'), personId('朱晓燕')],
      receivedOn: '2026-11-30',
      milestones: [{ title: '确定联系村', due: '2026-12-10' }],
    });
    expect(res.statusCode).toBe(200);
    const { itemIds, campaign: after } = res.json();
    expect(itemIds).toHaveLength(2);
    expect(after.measures[4].progress).toEqual({ items: 2, closed: 0, overdue: 0, percent: 0 });
    const item = (await office.get(`/api/items/${itemIds[0]}`)).json();
    expect([item.source, item.sourceRef, item.category, item.due]).toEqual([
      'campaign_measure',
      '措施5',
      '大兴调查研究之风，摸实情、解难题',
      '2026-12-10',
    ]);
    expect((await office.get('/api/items?source=campaign_measure')).json().total).toBe(2);
    expect((await office.get(`/api/campaigns/${campaign.id}/departments`)).json()).toEqual([
      { department: depts[0].name, items: 2, closed: 0, overdue: 0 },
    ]);
  });
});

describe('activities and compliance', () => {
  let campaignId: string;
  let rules: { id: string; title: string }[];
  beforeAll(async () => {
    const u = await newDemoUnit(ctx);
    office = await signIn(ctx, u.user('office'));
    people = (await office.get('/api/people?pageSize=100')).json().items;
    campaignId = (await office.post('/api/campaigns', campaignBody())).json().id;
    rules = (await office.get(`/api/campaigns/${campaignId}/rules`)).json();
    unit = u;
  });

  it("count visits to each leader's contact village per quarter: met, at risk near the end, missed", async () => {
    const a = (
      await office.post('/api/contact-objects', { kind: 'village', name: '红星村', assigneeIds: [personId('李红梅')] })
    ).json();
    await office.post('/api/contact-objects', { kind: 'village', name: '光明村', assigneeIds: [personId('张志强')] });
    expect((await office.post('/api/contact-objects', { kind: 'village', name: '红星村' })).json().message).toBe(
      '已有同名对象“红星村”',
    );
    const leader = await signIn(ctx, unit.user('leader1'));
    for (const heldOn of ['2026-05-12', '2026-10-20']) {
      const res = await leader.post('/api/activities', {
        campaignId,
        type: 'visit',
        kind: 'village_research',
        title: '到红星村调研',
        heldOn,
        participantIds: [personId('李红梅')],
        objectIds: [a.id],
        measureNos: [5],
      });
      expect(res.statusCode).toBe(200);
    }
    const rule = rules.find((r) => r.title === '每季度到帮扶联系点调研')!;
    const m = (await office.get(`/api/campaigns/${campaignId}/rules/${rule.id}/compliance`)).json();
    expect(m.periods.map((p: { key: string }) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const cell = (name: string, q: string) =>
      m.cells.find(
        (c: { subjectKey: string; periodKey: string }) => c.subjectKey === personId(name) && c.periodKey === q,
      );
    // Q4 runs to the campaign's end (12-15): on 11-30, 61 of its 76 days are gone.
    expect([
      cell('李红梅', '2026-Q2').status,
      cell('李红梅', '2026-Q3').status,
      cell('李红梅', '2026-Q4').status,
    ]).toEqual(['met', 'missed', 'met']);
    expect([cell('张志强', '2026-Q4').status, cell('张志强', '2026-Q1').status]).toEqual(['at_risk', 'missed']);
    expect(cell('李红梅', '2026-Q4').activityIds).toHaveLength(1);
    const behind = (await office.get(`/api/activities?ids=${cell('李红梅', '2026-Q4').activityIds.join(',')}`)).json()
      .items;
    expect(behind.map((x: { title: string; objectNames: string[] }) => [x.title, x.objectNames])).toEqual([
      ['到红星村调研', ['红星村']],
    ]);
  });

  it('refuse activities in the future, outside the campaign, or naming unknown people, and let them be withdrawn with a reason', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ heldOn: '2026-12-01' }, '活动日期不能晚于今天'],
      [{ heldOn: '2026-02-01' }, '活动日期不在专项活动期间（2026-03-01 至 2026-12-15）内'],
      [{ participantIds: ['00000000-0000-4000-8000-000000000000'] }, '所选人员不存在'],
      [{ measureNos: [99] }, '措施99不存在或已撤销'],
      [{ type: 'party' }, '请求内容有误：活动类型不正确'],
      [{ kind: 'no_such_kind' }, '活动类别不存在或已停用：no_such_kind'],
      [{ kind: 'duty_check' }, '活动类别“在岗检查”属于“检查”，与所选活动类型不符'],
      [
        { kind: 'party_law_study', attendance: [{ personId: personId('王建国'), status: 'late' }] },
        '“党内法规学习”不登记出勤情况',
      ],
    ];
    for (const [over, message] of cases) {
      const res = await office.post('/api/activities', {
        campaignId,
        type: 'study',
        title: '专题学习党内法规',
        heldOn: '2026-11-20',
        ...over,
      });
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    const study = (
      await office.post('/api/activities', {
        campaignId,
        type: 'study',
        kind: 'party_law_study',
        title: '专题学习党内法规',
        heldOn: '2026-11-20',
        participantIds: [personId('王建国')],
      })
    ).json();
    const rule = rules.find((r) => r.title === '专题学习党内法规')!;
    const count = async () =>
      (await office.get(`/api/campaigns/${campaignId}/rules/${rule.id}/compliance`)).json().cells[0].count;
    expect(await count()).toBe(1);
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.post(`/api/activities/${study.id}/withdraw`, { reason: '误录' })).statusCode).toBe(403);
    expect((await office.post(`/api/activities/${study.id}/withdraw`, { reason: '重复录入' })).json()).toMatchObject({
      active: false,
      withdrawnReason: '重复录入',
    });
    expect(await count()).toBe(0);
  });

  it('cover every in-service cadre with 政治家访, and refuse impossible rules', async () => {
    const rule = rules.find((r) => r.title === '全覆盖开展“政治家访”')!;
    const secretary = await signIn(ctx, unit.user('secretary'));
    await secretary.post('/api/activities', {
      campaignId,
      type: 'home_visit',
      kind: 'political_home_visit',
      title: '政治家访',
      heldOn: '2026-09-10',
      participantIds: [personId('王建国')],
      objectIds: [personId('周凯'), personId('朱晓燕')],
    });
    const m = (await office.get(`/api/campaigns/${campaignId}/rules/${rule.id}/compliance`)).json();
    expect(m.coverage[0]).toMatchObject({ covered: 2, status: 'at_risk' });
    expect(m.coverage[0].total).toBeGreaterThanOrEqual(20);
    const bad = await office.post(`/api/campaigns/${campaignId}/rules`, {
      title: '每月谈心',
      subject: { kind: 'leadership' },
      activityKinds: ['meeting'],
      period: 'month',
      min: 3,
      max: 2,
    });
    expect([bad.statusCode, bad.json().message]).toEqual([400, '最少次数不能大于最多次数']);
    const empty = await office.post(`/api/campaigns/${campaignId}/rules`, {
      title: '每月谈心',
      subject: { kind: 'people', personIds: [] },
      activityKinds: ['meeting'],
      period: 'month',
    });
    expect(empty.statusCode).toBe(400);
    const ok = await office.post(`/api/campaigns/${campaignId}/rules`, {
      title: '班子成员每月谈心',
      subject: { kind: 'leadership' },
      activityKinds: ['meeting'],
      period: 'month',
      min: 1,
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('the campaign report', () => {
  it('is a GB/T 9704 document written from the data', async () => {
    const JSZip = (await import('jszip')).default;
    const u = await newDemoUnit(ctx);
    const o = await signIn(ctx, u.user('office'));
    const c = (await o.post('/api/campaigns', campaignBody())).json();
    const res = await o.get(`/api/campaigns/${c.id}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const doc = await zip.file('word/document.xml')!.async('string');
    // A4, margins 37/35/28/26 mm (in twips), 22 lines × 28 characters.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    // Title in 2号 小标宋, headings in 黑体, body in 3号 仿宋.
    const runOf = (text: string) =>
      [...doc.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).find((r) => r.includes(`>${text}<`)) ?? '';
    expect(runOf('示例县民政局兴“十风”治“十弊”专项活动工作情况报告')).toMatch(
      /w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/,
    );
    expect(runOf('一、总体情况')).toMatch(/w:eastAsia="黑体"[\s\S]*<w:spacing w:val="-5"\/>[\s\S]*<w:sz w:val="32"\/>/);
    expect(runOf('（二）大兴调查研究之风，摸实情、解难题')).toBe('');
    expect(doc).toContain('尚未将措施分解为督办事项'); // nothing recorded yet: said so, no 0-item rates
    expect(doc).toContain('每季度到帮扶联系点调研（措施5），要求每季度1次以上');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d+\.xml/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
    }
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
  });
});

describe('obligations at risk', () => {
  it('are written to the outbox once per period: to the person who owes them, or to the campaign office', async () => {
    const { sweepObligations } = await import('../src/server/jobs/obligation-sweep.js');
    const u = await newDemoUnit(ctx);
    const o = await signIn(ctx, u.user('office'));
    const all = (await o.get('/api/people?pageSize=100')).json().items as { id: string; name: string }[];
    const idOf = (name: string) => all.find((p) => p.name === name)!.id;
    const groups = (await o.get('/api/groups')).json() as { id: string; kind: string }[];
    await o.post(
      '/api/campaigns',
      campaignBody({ officeGroupId: groups.find((g) => g.kind === 'leading_group_office')!.id }),
    );
    await o.post('/api/contact-objects', { kind: 'village', name: '光明村', assigneeIds: [idOf('张志强')] });
    // 2026-12-01: 62 of the fourth quarter's 76 campaign days are gone.
    const at = new Date('2026-12-01T02:00:00Z');
    const first = await sweepObligations(ctx.database.db, at);
    expect(first.written).toBeGreaterThan(0);
    expect((await sweepObligations(ctx.database.db, at)).written).toBe(0);
    ctx.clock.advance(86_400_000); // sign-ins below see 12-01
    const leader2 = await signIn(ctx, u.user('leader2'));
    const notices = (await leader2.get('/api/inbox?pageSize=50'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'obligation');
    // 张志强 is a leader with no enterprise visited yet this year (至少联系服务2家), and owes his village's visit.
    expect(notices.map((n: { title: string }) => n.title).sort()).toEqual([
      '周期任务有风险：每季度到帮扶联系点调研',
      '周期任务有风险：班子成员联系服务涉林企业',
    ]);
    expect(notices.find((n: { title: string }) => n.title.includes('帮扶联系点')).body).toContain(
      '2026年第4季度将于 2026-12-15 结束',
    );
    // The unit-wide ones (警示教育 this year, …) go to the office: 李红梅 is its director.
    const director = await signIn(ctx, u.user('leader1'));
    const office = (await director.get('/api/inbox?pageSize=50'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'obligation')
      .map((n: { title: string }) => n.title);
    expect(office).toContain('周期任务有风险：年内开展警示教育');
    ctx.clock.advance(-86_400_000);
  });
});

describe('“1+N” roll call', () => {
  it('calls those not yet called first, once per session, and records what they shared', async () => {
    const u = await newDemoUnit(ctx);
    const o = await signIn(ctx, u.user('office'));
    const all = (await o.get('/api/people?pageSize=100')).json().items as { id: string; name: string }[];
    const four = ['周凯', '朱晓燕', '秦磊', '赵敏'].map((n) => all.find((p) => p.name === n)!.id);
    const session = async () =>
      (
        await o.post('/api/activities', {
          type: 'study',
          title: '党组中心组学习',
          heldOn: '2026-11-20',
          participantIds: four,
        })
      ).json().id;
    const first = await session();
    const called = (await o.post(`/api/activities/${first}/roll-call`, { count: 2 })).json();
    expect(called).toHaveLength(2);
    expect((await o.post(`/api/activities/${first}/roll-call`, { count: 2 })).json().message).toBe('本次学习已点名');
    const second = (await o.post(`/api/activities/${await session()}/roll-call`, { count: 2 })).json();
    // Nobody twice before all four have shared once.
    expect(new Set([...called, ...second].map((c: { personId: string }) => c.personId))).toEqual(new Set(four));
    const shared = (
      await o.put(`/api/activities/${first}/roll-call/${called[0].id}`, { shared: '要把学习成果转化为工作实效' })
    ).json();
    expect(shared[0].shared).toBe('要把学习成果转化为工作实效');
    const visit = (
      await o.post('/api/activities', { type: 'visit', title: '走访', heldOn: '2026-11-20', participantIds: four })
    ).json().id;
    expect((await o.post(`/api/activities/${visit}/roll-call`, { count: 1 })).json().message).toBe(
      '只有学习研讨可以随机点名',
    );
  });
});

describe('template import', () => {
  const tpl = (over: Record<string, unknown> = {}) => ({
    code: 'jiang-zuofeng',
    name: '讲作风专项',
    preparation: [],
    requirements: [],
    categories: [
      { no: 1, kind: 'promote', title: '大兴务实之风', focus: '重点解决不务实的问题。' },
      { no: 2, kind: 'rectify', title: '整治拖沓', focus: '重点整治拖沓。' },
    ],
    measures: [
      {
        no: 1,
        category: 1,
        title: '每月走访',
        text: '每月走访*次以上。',
        params: [{ run: 0, key: 'visitsPerMonth', label: '每月走访次数', unit: '次', default: 2 }],
      },
      { no: 2, category: 2, title: '限时办结', text: '按时办结。' },
    ],
    ...over,
  });

  it('lists every problem, stores nothing, and versions a good one', async () => {
    const u = await newDemoUnit(ctx);
    const o = await signIn(ctx, u.user('office'));
    const bad = await o.post(
      '/api/campaign-templates',
      tpl({
        measures: [
          {
            no: 1,
            category: 3,
            title: '每月走访',
            text: '每月走访。',
            params: [{ run: 0, key: 'k', label: '次数', unit: '次', default: 1 }],
          },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.errors).toEqual([
      '类别1“大兴务实之风”没有措施',
      '类别2“整治拖沓”没有措施',
      '措施1所属的类别3不存在',
      '措施1的参数“次数”没有对应的“*”',
    ]);
    expect((await o.get('/api/campaign-templates')).json().map((t: { code: string }) => t.code)).toEqual([
      'xing-shi-feng',
    ]);
    expect((await o.post('/api/campaign-templates', tpl({ code: 'xing-shi-feng' }))).json().message).toBe(
      '模板代码“xing-shi-feng”为内置模板所用，请换一个',
    );
    expect((await o.post('/api/campaign-templates', tpl())).json()).toMatchObject({
      code: 'jiang-zuofeng',
      version: 1,
      categories: 2,
      measures: 2,
    });
    expect((await o.post('/api/campaign-templates', tpl({ name: '讲作风专项（修订）' }))).json().version).toBe(2);
    const list = (await o.get('/api/campaign-templates')).json();
    expect(list.map((t: { code: string; version: number }) => `${t.code}@${t.version}`)).toEqual([
      'xing-shi-feng@1',
      'jiang-zuofeng@2',
    ]);
    const c = (
      await o.post('/api/campaigns', {
        templateCode: 'jiang-zuofeng',
        name: '讲作风',
        year: 2026,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        params: { visitsPerMonth: 4 },
      })
    ).json();
    expect(c.measures[0].renderedText).toBe('每月走访4次以上。');
    // Another unit does not see this unit's template.
    const other = await signIn(ctx, (await newDemoUnit(ctx)).user('office'));
    expect(
      (
        await other.post('/api/campaigns', {
          templateCode: 'jiang-zuofeng',
          name: '讲作风',
          year: 2026,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        })
      ).json().message,
    ).toBe('模板不存在');
  });
});

describe('contact objects import', () => {
  it('checks every row, writes nothing on a problem, and imports a clean file at once', async () => {
    const { multipartFile, readXlsx } = await import('./xlsx.js');
    const ExcelJS = (await import('exceljs')).default;
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('联系对象');
      ws.addRow(['类型', '名称', '联系人']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const u = await newDemoUnit(ctx);
    const o = await signIn(ctx, u.user('office'));
    const template = await o.get('/api/contact-objects/template.xlsx');
    expect((await readXlsx(template.rawPayload))[0]).toEqual(['类型', '名称', '联系人']);
    const upload = async (rows: string[][], dryRun = false) => {
      const { payload, headers } = multipartFile(await sheet(rows), '联系对象.xlsx');
      return o.request('POST', `/api/contact-objects/import?dryRun=${dryRun}`, payload, headers);
    };
    const bad = (
      await upload([
        ['帮扶联系村', '红星村', '李红梅、不存在的人'],
        ['乡镇', '光明村', ''],
        ['帮扶联系村', '红星村', '张志强'],
      ])
    ).json();
    expect(bad).toEqual({
      rows: 3,
      created: 0,
      problems: [
        { row: 2, column: '联系人', reason: '在职人员中没有“不存在的人”' },
        { row: 3, column: '类型', reason: '应为帮扶联系村、服务企业、督查对象县（市）、其他之一' },
        { row: 4, column: '名称', reason: '已存在（本文件或系统中）' },
      ],
    });
    expect((await o.get('/api/contact-objects')).json()).toEqual([]);
    const good = [
      ['帮扶联系村', '红星村', '李红梅、周凯'],
      ['服务企业', '绿源林业公司', '张志强'],
    ];
    expect((await upload(good, true)).json()).toEqual({ rows: 2, created: 0, problems: [] });
    expect((await upload(good)).json()).toEqual({ rows: 2, created: 2, problems: [] });
    const objects = (await o.get('/api/contact-objects')).json();
    expect(objects.map((x: { name: string; assigneeNames: string[] }) => [x.name, x.assigneeNames])).toEqual([
      ['绿源林业公司', ['张志强']],
      ['红星村', ['李红梅', '周凯']],
    ]);
    const junk = multipartFile(Buffer.from('not a spreadsheet'), 'x.xlsx');
    expect((await o.request('POST', '/api/contact-objects/import', junk.payload, junk.headers)).json().message).toBe(
      '文件无法读取：请上传由模板填写的 .xlsx 文件',
    );
  });
});

describe('activity files', () => {
  it('are checked by content, kept with the activity, and downloaded as attachments', async () => {
    const { multipartFile } = await import('./xlsx.js');
    const u = await newDemoUnit(ctx);
    const o = await signIn(ctx, u.user('office'));
    const a = (await o.post('/api/activities', { type: 'meeting', title: '周工作例会', heldOn: '2026-11-23' })).json();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = (name: string, data: Buffer, who = o) => {
      const m = multipartFile(data, name);
      return who.request('POST', `/api/activities/${a.id}/files`, m.payload, m.headers);
    };
    const res = await up('会议纪要.pdf', pdf);
    expect(res.json()).toMatchObject({ fileName: '会议纪要.pdf', kind: 'pdf' });
    expect((await up('假图片.png', pdf)).statusCode).toBe(400);
    const member = await signIn(ctx, u.user('leader1'));
    expect((await up('会议纪要.pdf', pdf, member)).statusCode).toBe(403);
    const listed = (await o.get(`/api/activities?ids=${a.id}`)).json().items[0].files;
    expect(listed.map((f: { fileName: string }) => f.fileName)).toEqual(['会议纪要.pdf']);
    const file = await o.get(`/api/activity-files/${listed[0].id}`);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);
    const elsewhere = await signIn(ctx, (await newDemoUnit(ctx)).user('office'));
    expect((await elsewhere.get(`/api/activity-files/${listed[0].id}`)).statusCode).toBe(404);
  });
});
