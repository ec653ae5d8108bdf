/**
 * A scripted fourth quarter for the demo unit, through the HTTP API: activities of mixed kinds (a
 * law study and a 中心组学习, a 四风 check and an 在岗 check, a weekly and a monthly meeting), a
 * leader absent from a village visit, meetings where one cadre is late three times and another is
 * absent without leave. Every cell of every rule the template gives is asserted: status, count and
 * explanation. A village is reassigned mid-quarter (东山村 moves from 张志强 to 刘海峰 from 11-25): the
 * quarter asks whoever answers for it at its end (张志强's row reads 不适用), and 刘海峰's visit before
 * his term does not count.
 * Today is 2026-12-06, past two thirds of the quarter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let office: Client;
let campaignId: string;
let people: { id: string; name: string; status: string; isPartyMember: boolean }[];
let departments: string[];
const id = (name: string) => people.find((p) => p.name === name)!.id;

type Cell = { subjectKey: string; periodKey: string; status: string; count: number; explanation: string | null };
type Coverage = { periodKey: string; status: string; covered: number; total: number; explanation: string | null };
type Matrix = {
  rule: { title: string };
  periods: { key: string; label: string; start: string }[];
  subjects: { key: string; label: string }[];
  cells: Cell[];
  coverage: Coverage[];
};
const matrices = new Map<string, Matrix>();

beforeAll(async () => {
  ctx = await testApp();
  ctx.clock.current = new Date('2026-12-06T02:00:00Z');
  const unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  people = (await office.get('/api/people?pageSize=100')).json().items;
  departments = ((await office.get('/api/departments')).json() as { name: string; active: boolean }[])
    .filter((d) => d.active)
    .map((d) => d.name);
  campaignId = (
    await office.post('/api/campaigns', { name: '第四季度', year: 2026, startsOn: '2026-10-01', endsOn: '2026-12-31' })
  ).json().id;
  const object = async (kind: string, name: string, who: string[]) =>
    (await office.post('/api/contact-objects', { kind, name, assigneeIds: who.map(id) })).json().id as string;
  const xihe = await object('village', '西河村', ['李红梅']);
  const dongshan = await object('village', '东山村', ['张志强']);
  const firm = await object('enterprise', '青松林业公司', []);
  const record = async (type: string, kind: string, title: string, heldOn: string, more = {}) => {
    const res = await office.post('/api/activities', { campaignId, type, kind, title, heldOn, ...more });
    expect([res.statusCode, res.json().kindLabel]).toEqual([200, expect.any(String)]);
  };
  await record('study', 'party_law_study', '党内法规专题学习', '2026-10-20');
  await record('study', 'central_group_study', '党组中心组学习', '2026-10-21');
  await record('inspection', 'four_winds_check', '国庆中秋“四风”检查', '2026-10-08');
  await record('inspection', 'duty_check', '在岗情况检查', '2026-11-05');
  await record('meeting', 'weekly_work_meeting', '周工作例会', '2026-11-30');
  await record('meeting', 'monthly_dispatch_meeting', '11月重点工作调度会', '2026-11-20');
  const visit = { participantIds: [id('张志强')], absentIds: [id('李红梅')], objectIds: [xihe] };
  await record('visit', 'village_research', '走访西河村', '2026-11-03', visit);
  await record('visit', 'village_research', '东山村低保调研', '2026-11-20', {
    participantIds: [id('张志强')],
    objectIds: [dongshan],
  });
  await record('visit', 'village_research', '东山村走访', '2026-11-12', {
    participantIds: [id('刘海峰')],
    objectIds: [dongshan],
  });
  const moved = await office.post(`/api/contact-objects/${dongshan}/assignments`, {
    personIds: [id('刘海峰')],
    from: '2026-11-25',
    version: 1,
  });
  expect(moved.statusCode).toBe(200);
  await record('visit', 'enterprise_visit', '走访青松林业公司', '2026-10-15', {
    participantIds: [id('王建国')],
    objectIds: [firm],
  });
  for (const [kind, title, heldOn] of [
    ['staff_meeting', '干部职工会', '2026-11-09'],
    ['director_office_meeting', '局长办公会', '2026-11-16'],
    ['party_group_meeting', '党组会', '2026-11-23'],
  ]) {
    const attendance = [
      { personId: id('王建国'), status: 'present' },
      { personId: id('周凯'), status: 'late' },
      ...(kind === 'staff_meeting' ? [{ personId: id('孙丽'), status: 'unexcused' }] : []),
    ];
    await record('meeting', kind!, title!, heldOn!, { attendance });
  }
  const rules = (await office.get(`/api/campaigns/${campaignId}/rules`)).json() as { id: string; title: string }[];
  for (const r of rules)
    matrices.set(r.title, (await office.get(`/api/campaigns/${campaignId}/rules/${r.id}/compliance`)).json());
});

/** Every cell of the rule as “subject period status count explanation”, in the matrix's order. */
function lines(title: string) {
  const m = matrices.get(title)!;
  const label = (k: string) => m.subjects.find((s) => s.key === k)!.label;
  return [
    ...m.cells.map((c) => `${label(c.subjectKey)} ${c.periodKey} ${c.status} ${c.count} ${c.explanation ?? '—'}`),
    ...m.coverage.map((c) => `${c.periodKey} ${c.status} ${c.covered}/${c.total} ${c.explanation ?? '—'}`),
  ];
}
/** The expected lines: `special` for the named cells, `otherwise` for every other subject × period. */
function expected(title: string, special: Record<string, string>, otherwise: (p: Matrix['periods'][number]) => string) {
  const m = matrices.get(title)!;
  return m.subjects.flatMap((s) =>
    m.periods.map((p) => `${s.label} ${p.key} ${special[`${s.label} ${p.key}`] ?? otherwise(p)}`),
  );
}
const inService = () => people.filter((p) => p.status === 'in_service');
const uncovered = (names: string[]) =>
  `${names.slice(0, 10).join('、')}${names.length > 10 ? `等 ${names.length} 个` : ''}`;
const standard = '（无故不参加 1 次或迟到、早退 3 次）';

describe('a scripted fourth quarter for the demo unit', () => {
  it('counts what each measure says, and only that', () => {
    expect(lines('专题学习党内法规')).toEqual(['本单位 2026 at_risk 1 2026年已开展“党内法规学习” 1 次，还差 1 次']);
    expect(lines('年内开展警示教育')).toEqual(['本单位 2026 at_risk 0 2026年未开展“警示教育”，还差 1 次']);
    expect(lines('重要时间节点“四风”监督检查')).toEqual([
      '本单位 2026 at_risk 1 2026年已开展“四风检查” 1 次，还差 3 次',
    ]);
    expect(lines('每月在岗情况不打招呼式检查')).toEqual([
      '本单位 2026-10 missed 0 2026年10月未开展“在岗检查”，还差 1 次',
      '本单位 2026-11 met 1 —',
      '本单位 2026-12 open 0 2026年12月未开展“在岗检查”，还差 1 次',
    ]);
    expect(lines('月重点工作调度会')).toEqual([
      '本单位 2026-10 missed 0 2026年10月未开展“月重点工作调度会”，还差 1 次',
      '本单位 2026-11 met 1 —',
      '本单位 2026-12 open 0 2026年12月未开展“月重点工作调度会”，还差 1 次',
    ]);
    expect(lines('周工作例会')).toEqual(
      expected('周工作例会', { '本单位 W2026-11-30': 'met 1 —' }, (p) =>
        p.start > '2026-12-06' ? 'not_started 0 —' : `missed 0 ${p.label}未开展“周工作例会”，还差 1 次`,
      ),
    );
  });

  it("does not count a leader absent from a visit nor a visit before one's term, and counts distinct enterprises per leader", () => {
    expect(lines('每季度到帮扶联系点调研')).toEqual([
      '李红梅 2026-Q4 at_risk 0 2026年第4季度在西河村未开展“联系村调研”，还差 1 次；11月3日走访西河村时缺席，不计入',
      // 张志强 visited while it was his, but at the quarter's end the village is 刘海峰's: the quarter is not his to answer.
      '张志强 2026-Q4 none 1 2026年第4季度末张志强不负责联系此类对象，不适用',
      '刘海峰 2026-Q4 at_risk 0 2026年第4季度在东山村未开展“联系村调研”，还差 1 次；11月12日东山村走访时尚未负责联系东山村，不计入',
    ]);
    expect(lines('每年为每个帮扶联系村办实事好事')).toEqual([
      '东山村 2026 at_risk 0 2026年未开展“实事好事”，还差 1 次',
      '西河村 2026 at_risk 0 2026年未开展“实事好事”，还差 1 次',
    ]);
    expect(lines('班子成员联系服务涉林企业')).toEqual(
      expected(
        '班子成员联系服务涉林企业',
        { '王建国 2026': 'at_risk 1 2026年已联系服务 1 家（青松林业公司），还差 1 家' },
        () => 'at_risk 0 2026年未开展“走访企业”，还差 2 家',
      ),
    );
    expect(lines('走访服务涉林企业全覆盖')).toEqual(['2026 met 1/1 —']);
  });

  it('flags meeting discipline from recorded attendance', () => {
    expect(lines('重要会议会风会纪')).toEqual(
      expected(
        '重要会议会风会纪',
        {
          '周凯 2026-11': `reached 3 2026年11月无故缺席 0 次，迟到、早退 3 次（11月9日干部职工会迟到、11月16日局长办公会迟到、11月23日党组会迟到）；达到通报标准${standard}`,
          '孙丽 2026-11': `reached 1 2026年11月无故缺席 1 次（11月9日干部职工会无故缺席），迟到、早退 0 次；达到通报标准${standard}`,
        },
        (p) => `not_reached 0 ${p.label}无故缺席 0 次，迟到、早退 0 次；未达到通报标准${standard}`,
      ),
    );
  });

  it('gives the shares and the coverage with what is missing', () => {
    const staff = inService().map((p) => p.name);
    expect(lines('民族团结进步模范科室比例')).toEqual([
      `2026 at_risk 0/${departments.length} 2026年已覆盖 0/${departments.length}，应达 ${Math.ceil(departments.length * 0.8)}，还差 ${Math.ceil(departments.length * 0.8)} 个；未覆盖：${uncovered(departments)}`,
    ]);
    const staffNeeded = Math.ceil(staff.length * 0.6);
    expect(lines('民族团结进步模范职工比例')).toEqual([
      `2026 at_risk 0/${staff.length} 2026年已覆盖 0/${staff.length}，应达 ${staffNeeded}，还差 ${staffNeeded} 个；未覆盖：${uncovered(staff)}`,
    ]);
    expect(lines('全覆盖开展“政治家访”')).toEqual([
      `2026 at_risk 0/${staff.length} 2026年已覆盖 0/${staff.length}，应达 ${staff.length}，还差 ${staff.length} 个；未覆盖：${uncovered(staff)}`,
    ]);
    expect(lines('每季度听取各科室（中心）工作汇报')).toEqual(
      departments.map((d) => `${d} 2026-Q4 at_risk 0 2026年第4季度未开展“科室工作汇报”，还差 1 次`),
    );
  });

  it('asks the branch for its 三会一课, and each party member for a 谈心谈话', () => {
    const branch = (title: string, label: string) =>
      expected(title, {}, (p) => {
        const status =
          p.key === '2026-12' ? 'open' : p.key.startsWith('2026-1') && p.key.length === 7 ? 'missed' : 'at_risk';
        return `${status} 0 ${p.label}未开展“${label}”，还差 1 次`;
      });
    for (const [title, label] of [
      ['党支部：支部党员大会（每季度）', '支部党员大会'],
      ['党支部：支委会（每月）', '支委会'],
      ['党支部：党小组会（每月）', '党小组会'],
      ['党支部：党课（每季度）', '党课'],
      ['党支部：主题党日（每月）', '主题党日'],
      ['党支部：组织生活会（每年）', '组织生活会'],
      ['党支部：民主评议党员（每年）', '民主评议党员'],
    ])
      expect(lines(title!)).toEqual(branch(title!, label!));
    const members = inService().filter((p) => p.isPartyMember);
    expect(lines('党支部：谈心谈话（每名党员每年）')).toEqual(
      members.map((p) => `${p.name} 2026 at_risk 0 2026年未开展“谈心谈话”，还差 1 次`),
    );
  });

  it('has asserted every rule the template gave', () => {
    expect(matrices.size).toBe(23);
  });
});
