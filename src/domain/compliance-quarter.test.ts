/**
 * A scripted fourth quarter (the same script as test/compliance-quarter.test.ts, plus a village
 * reassigned mid-quarter through effective-dated assignments): every cell of the plan's rules, with
 * its status, count and explanation. Today is 2026-12-06, past two thirds of the quarter.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams } from './campaign-template.js';
import type { ActivityFact } from './compliance.js';
import { evaluateRule, type StoredRule } from './rule-compliance.js';
import type { UnitFacts } from './rule-subjects.js';
import { XING_SHI_FENG } from './templates/xing-shi-feng.js';
import { XING_SHI_FENG_KINDS } from './templates/activity-kinds.js';

const params = defaultParams(XING_SHI_FENG);
const TODAY = '2026-12-06';
const span = { startsOn: '2026-10-01', endsOn: '2026-12-31' };
const facts: UnitFacts = {
  people: [
    { id: 'wang', name: '王建国', status: 'in_service', isLeadership: true, isPartyMember: true },
    { id: 'li', name: '李红梅', status: 'in_service', isLeadership: true, isPartyMember: true },
    { id: 'zhou', name: '周凯', status: 'in_service', isLeadership: false, isPartyMember: true },
  ],
  departments: [{ id: 'd1', name: '综合科', active: true }],
  objects: [
    {
      id: 'xihe',
      name: '西河村',
      kind: 'village',
      active: true,
      assigneeIds: ['li'],
      // 王建国 (who keeps 东山村) handed 西河村 to 李红梅 on 11月16日.
      assignments: [
        { personId: 'wang', from: null, to: '2026-11-15' },
        { personId: 'li', from: '2026-11-16', to: null },
      ],
    },
    { id: 'dongshan', name: '东山村', kind: 'village', active: true, assigneeIds: ['wang'] },
    { id: 'ent1', name: '青松林业公司', kind: 'enterprise', active: true, assigneeIds: [] },
    { id: 'ent2', name: '绿源木业', kind: 'enterprise', active: true, assigneeIds: [] },
  ],
  members: [],
};
const act = (
  id: string,
  kind: string,
  title: string,
  date: string,
  more: Partial<ActivityFact> = {},
): ActivityFact => ({
  id,
  kind,
  title,
  date,
  participantIds: [],
  objectIds: [],
  departmentId: null,
  ...more,
});
const late = (id: string, kind: string, title: string, date: string) =>
  act(id, kind, title, date, {
    participantIds: ['wang', 'li', 'zhou'],
    attendance: [
      { personId: 'wang', status: 'present' },
      { personId: 'li', status: 'present' },
      { personId: 'zhou', status: 'late' },
    ],
  });
const ACTIVITIES: ActivityFact[] = [
  act('law', 'party_law_study', '党内法规专题学习', '2026-10-20'),
  act('central', 'central_group_study', '党组中心组学习', '2026-10-21'),
  act('winds', 'four_winds_check', '国庆中秋“四风”检查', '2026-10-08'),
  act('duty', 'duty_check', '在岗情况检查', '2026-11-05'),
  act('weekly', 'weekly_work_meeting', '周工作例会', '2026-11-30'),
  act('monthly', 'monthly_dispatch_meeting', '11月重点工作调度会', '2026-11-20'),
  // 王建国 was to go (西河村 was still his) but was absent.
  act('v1', 'village_research', '走访西河村', '2026-11-03', {
    participantIds: ['li'],
    absentIds: ['wang'],
    objectIds: ['xihe'],
  }),
  act('v2', 'village_research', '西河村低保调研', '2026-11-20', { participantIds: ['li'], objectIds: ['xihe'] }),
  act('e1', 'enterprise_visit', '走访青松林业公司', '2026-10-15', { participantIds: ['wang'], objectIds: ['ent1'] }),
  act('e2', 'enterprise_visit', '再访青松林业公司', '2026-11-15', { participantIds: ['wang'], objectIds: ['ent1'] }),
  late('m1', 'staff_meeting', '干部职工会', '2026-11-09'),
  late('m2', 'director_office_meeting', '局长办公会', '2026-11-16'),
  late('m3', 'party_group_meeting', '党组会', '2026-11-23'),
  // 谈心谈话 counts for both: 王建国 talked, 周凯 was talked to.
  act('talk', 'heart_to_heart_talk', '谈心谈话', '2026-11-25', { participantIds: ['wang'], objectIds: ['zhou'] }),
];

const words = {
  kindLabels: Object.fromEntries(XING_SHI_FENG_KINDS.map((k) => [k.code, k.label])),
  objectNames: {
    xihe: '西河村',
    dongshan: '东山村',
    ent1: '青松林业公司',
    ent2: '绿源木业',
    wang: '王建国',
    li: '李红梅',
    zhou: '周凯',
  },
};

/** Every cell of the template rule of that title: subject label · period key → status, count, explanation. */
function cellsOf(title: string) {
  const r = XING_SHI_FENG.rules!.find((x) => x.title === title)!;
  const p = (k: string | undefined, d: number) => (k ? params[k]! : d);
  const stored: StoredRule = {
    kind: r.kind,
    activityKinds: [...r.activityKinds],
    period: r.period,
    min: p(r.minParam, r.min ?? 0),
    max: r.maxParam ? params[r.maxParam]! : (r.max ?? null),
    percent: p(r.percentParam, r.percent ?? 100),
    participantRequired: r.participantRequired,
    distinctObjects: r.distinctObjects,
    absenceLimit: p(r.absenceParam, 1),
    lateLimit: p(r.lateParam, 1),
  };
  const out = evaluateRule(
    stored,
    r.subject as Parameters<typeof evaluateRule>[1],
    span,
    facts,
    ACTIVITIES,
    TODAY,
    words,
  );
  const label = (k: string) => out.subjects.find((s) => s.key === k)!.label;
  return [
    ...out.cells.map((c) => `${label(c.subjectKey)} ${c.periodKey} ${c.status} ${c.count} ${c.explanation ?? '—'}`),
    ...out.coverage.map((c) => `${c.periodKey} ${c.status} ${c.covered}/${c.total} ${c.explanation ?? '—'}`),
  ];
}

/** Written out by hand from the script above (and checked line by line against it). */
const EXPECTED: Record<string, string[]> = {
  每季度到帮扶联系点调研: [
    '王建国 2026-Q4 at_risk 0 2026年第4季度在东山村未开展“联系村调研”，还差 1 次；11月3日走访西河村时缺席，不计入',
    '李红梅 2026-Q4 met 1 11月3日走访西河村时尚未负责联系西河村，不计入',
  ],
  每年为每个帮扶联系村办实事好事: [
    '西河村 2026 at_risk 0 2026年未开展“实事好事”，还差 1 次',
    '东山村 2026 at_risk 0 2026年未开展“实事好事”，还差 1 次',
  ],
  周工作例会: [
    '本单位 W2026-09-28 missed 0 9月28日–10月4日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-10-05 missed 0 10月5日–10月11日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-10-12 missed 0 10月12日–10月18日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-10-19 missed 0 10月19日–10月25日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-10-26 missed 0 10月26日–11月1日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-11-02 missed 0 11月2日–11月8日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-11-09 missed 0 11月9日–11月15日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-11-16 missed 0 11月16日–11月22日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-11-23 missed 0 11月23日–11月29日未开展“周工作例会”，还差 1 次',
    '本单位 W2026-11-30 met 1 —',
    '本单位 W2026-12-07 not_started 0 —',
    '本单位 W2026-12-14 not_started 0 —',
    '本单位 W2026-12-21 not_started 0 —',
    '本单位 W2026-12-28 not_started 0 —',
  ],
  月重点工作调度会: [
    '本单位 2026-10 missed 0 2026年10月未开展“月重点工作调度会”，还差 1 次',
    '本单位 2026-11 met 1 —',
    '本单位 2026-12 open 0 2026年12月未开展“月重点工作调度会”，还差 1 次',
  ],
  民族团结进步模范科室比例: ['2026 at_risk 0/1 2026年已覆盖 0/1，应达 1，还差 1 个；未覆盖：综合科'],
  民族团结进步模范职工比例: ['2026 at_risk 0/3 2026年已覆盖 0/3，应达 2，还差 2 个；未覆盖：王建国、李红梅、周凯'],
  班子成员联系服务涉林企业: [
    '王建国 2026 at_risk 1 2026年已联系服务 1 家（青松林业公司），还差 1 家',
    '李红梅 2026 at_risk 0 2026年未开展“走访企业”，还差 2 家',
  ],
  走访服务涉林企业全覆盖: ['2026 at_risk 1/2 2026年已覆盖 1/2，应达 2，还差 1 个；未覆盖：绿源木业'],
  年内开展警示教育: ['本单位 2026 at_risk 0 2026年未开展“警示教育”，还差 1 次'],
  专题学习党内法规: ['本单位 2026 at_risk 1 2026年已开展“党内法规学习” 1 次，还差 1 次'],
  '全覆盖开展“政治家访”': ['2026 at_risk 0/3 2026年已覆盖 0/3，应达 3，还差 3 个；未覆盖：王建国、李红梅、周凯'],
  '重要时间节点“四风”监督检查': ['本单位 2026 at_risk 1 2026年已开展“四风检查” 1 次，还差 3 次'],
  每月在岗情况不打招呼式检查: [
    '本单位 2026-10 missed 0 2026年10月未开展“在岗检查”，还差 1 次',
    '本单位 2026-11 met 1 —',
    '本单位 2026-12 open 0 2026年12月未开展“在岗检查”，还差 1 次',
  ],
  重要会议会风会纪: [
    '王建国 2026-10 not_reached 0 2026年10月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '王建国 2026-11 not_reached 0 2026年11月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '王建国 2026-12 not_reached 0 2026年12月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '李红梅 2026-10 not_reached 0 2026年10月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '李红梅 2026-11 not_reached 0 2026年11月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '李红梅 2026-12 not_reached 0 2026年12月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '周凯 2026-10 not_reached 0 2026年10月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '周凯 2026-11 reached 3 2026年11月无故缺席 0 次，迟到、早退 3 次（11月9日干部职工会迟到、11月16日局长办公会迟到、11月23日党组会迟到）；达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
    '周凯 2026-12 not_reached 0 2026年12月无故缺席 0 次，迟到、早退 0 次；未达到通报标准（无故不参加 1 次或迟到、早退 3 次）',
  ],
  '每季度听取各科室（中心）工作汇报': ['综合科 2026-Q4 at_risk 0 2026年第4季度未开展“科室工作汇报”，还差 1 次'],
  '党支部：支部党员大会（每季度）': ['本单位 2026-Q4 at_risk 0 2026年第4季度未开展“支部党员大会”，还差 1 次'],
  '党支部：支委会（每月）': [
    '本单位 2026-10 missed 0 2026年10月未开展“支委会”，还差 1 次',
    '本单位 2026-11 missed 0 2026年11月未开展“支委会”，还差 1 次',
    '本单位 2026-12 open 0 2026年12月未开展“支委会”，还差 1 次',
  ],
  '党支部：党小组会（每月）': [
    '本单位 2026-10 missed 0 2026年10月未开展“党小组会”，还差 1 次',
    '本单位 2026-11 missed 0 2026年11月未开展“党小组会”，还差 1 次',
    '本单位 2026-12 open 0 2026年12月未开展“党小组会”，还差 1 次',
  ],
  '党支部：党课（每季度）': ['本单位 2026-Q4 at_risk 0 2026年第4季度未开展“党课”，还差 1 次'],
  '党支部：主题党日（每月）': [
    '本单位 2026-10 missed 0 2026年10月未开展“主题党日”，还差 1 次',
    '本单位 2026-11 missed 0 2026年11月未开展“主题党日”，还差 1 次',
    '本单位 2026-12 open 0 2026年12月未开展“主题党日”，还差 1 次',
  ],
  '党支部：组织生活会（每年）': ['本单位 2026 at_risk 0 2026年未开展“组织生活会”，还差 1 次'],
  '党支部：民主评议党员（每年）': ['本单位 2026 at_risk 0 2026年未开展“民主评议党员”，还差 1 次'],
  '党支部：谈心谈话（每名党员每年）': [
    '王建国 2026 met 1 —',
    '李红梅 2026 at_risk 0 2026年未开展“谈心谈话”，还差 1 次',
    '周凯 2026 met 1 —',
  ],
};

describe('a scripted fourth quarter', () => {
  it('gives every cell of every rule of the plan its status, count and explanation', () => {
    expect(Object.keys(EXPECTED)).toEqual(XING_SHI_FENG.rules!.map((r) => r.title));
    for (const r of XING_SHI_FENG.rules!)
      expect([r.title, ...cellsOf(r.title)]).toEqual([r.title, ...EXPECTED[r.title]!]);
  });

  it('counts a law study, not a 中心组学习; 四风 checks apart from 在岗 checks; weekly and monthly meetings apart', () => {
    expect(cellsOf('专题学习党内法规')).toEqual(['本单位 2026 at_risk 1 2026年已开展“党内法规学习” 1 次，还差 1 次']);
    expect(cellsOf('重要时间节点“四风”监督检查')[0]).toContain('已开展“四风检查” 1 次');
    expect(cellsOf('每月在岗情况不打招呼式检查')[1]).toBe('本单位 2026-11 met 1 —');
    expect(cellsOf('周工作例会').filter((c) => c.includes(' met '))).toEqual(['本单位 W2026-11-30 met 1 —']);
    expect(cellsOf('月重点工作调度会').filter((c) => c.includes(' met '))).toEqual(['本单位 2026-11 met 1 —']);
  });

  it('does not count an absent leader, and counts a reassigned village for whoever had it on the day', () => {
    expect(cellsOf('每季度到帮扶联系点调研')).toEqual([
      '王建国 2026-Q4 at_risk 0 2026年第4季度在东山村未开展“联系村调研”，还差 1 次；11月3日走访西河村时缺席，不计入',
      '李红梅 2026-Q4 met 1 11月3日走访西河村时尚未负责联系西河村，不计入',
    ]);
  });
});
