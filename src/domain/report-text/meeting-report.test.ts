import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingReportBlocks, type MeetingReportFacts } from './meeting-report.js';
import { paragraphFlaws } from './text.js';

const AUDIENCE_LABELS = ['在职干部职工', '帮扶联系村', '服务对象', '党员群众'];
// Text the unit wrote may hold anything, redactions and empty strings included.
const written = fc.oneof(fc.constantFrom('', ' ', '**', '*县*局', '整改：'), fc.string({ maxLength: 12 }));
const n = fc.nat({ max: 80 });

const facts: fc.Arbitrary<MeetingReportFacts> = fc.record({
  unitName: fc.constantFrom('示例县民政局', '**县民政局'),
  meetingTitle: fc.constantFrom('专题组织生活会', '兴“十风”治“十弊”专题组织生活会'),
  heldOn: fc.constant('2026-12-01'),
  place: written,
  members: n,
  study: fc.array(
    fc.record({
      kindLabel: fc.constantFrom('支委会', '集中研讨'),
      signedIn: n,
      materials: fc.array(written, { maxLength: 3 }),
    }),
    { maxLength: 3 },
  ),
  opinions: fc.record({
    formLinked: fc.boolean(),
    responses: n,
    audiences: fc.subarray(AUDIENCE_LABELS),
    items: n,
    unclassified: n,
    adopted: n,
    aboutPersons: n,
  }),
  lists: fc.record({ approved: n, expected: n, branchApproved: fc.boolean() }),
  talks: fc.record({
    planned: n,
    plannedDone: n,
    held: n,
    byKind: fc.array(fc.record({ label: fc.constantFrom('支部委员之间', '班子成员“一对三”'), count: n }), {
      maxLength: 2,
    }),
    membersTalked: n,
  }),
  attendance: fc.record({
    present: n,
    pct: fc.nat({ max: 100 }),
    absent: fc.array(fc.record({ name: written, reason: written }), { maxLength: 3 }),
  }),
  secretaryReported: fc.boolean(),
  selfCriticisms: n,
  criticisms: n,
  problems: fc.array(fc.record({ category: written, problems: fc.array(written, { maxLength: 3 }) }), { maxLength: 3 }),
  rectification: fc.array(
    fc.record({
      measures: written,
      owner: fc.option(written, { nil: null }),
      due: fc.option(fc.constant('2027-01-31'), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  inLedger: n,
  override: fc.option(
    fc.record({
      gaps: fc.array(fc.constantFrom('71次谈心谈话未完成', '19份个人问题自查清单未审核通过'), {
        minLength: 1,
        maxLength: 2,
      }),
      by: written,
      reason: written,
    }),
    { nil: null },
  ),
});

const textOf = (f: MeetingReportFacts) => meetingReportBlocks(f).map((b) => b.text);

describe('the meeting report states the records only', () => {
  it('has no redaction, missing value or empty field, whatever was recorded', () => {
    fc.assert(
      fc.property(facts, (f) => {
        for (const p of textOf(f)) expect(paragraphFlaws(p), p).toEqual([]);
      }),
    );
  });

  it('claims the recorded counts and no audience, self-criticism round or override that is not recorded', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const all = textOf(f).join('\n');
        for (const label of AUDIENCE_LABELS)
          if (!f.opinions.audiences.includes(label) || !f.opinions.formLinked || f.opinions.responses === 0) {
            expect(all).not.toContain(`${label}、`);
            expect(all).not.toContain(`向${label}`);
          }
        expect(all).not.toContain('逐一');
        expect(all).toContain(`实到${f.attendance.present}名`);
        if (f.selfCriticisms) expect(all).toContain(`${f.selfCriticisms}名党员作了自我批评`);
        else expect(all).toContain('未登记自我批评');
        if (f.talks.planned) expect(all).toContain(`谈心谈话计划${f.talks.planned}次，已完成${f.talks.plannedDone}次`);
        if (f.talks.held) expect(all).toContain(`共登记谈心谈话${f.talks.held}次`);
        else expect(all).toContain('尚未登记谈心谈话记录');
        expect(all).toContain(`经支部书记审核通过${f.lists.approved}份`);
        if (f.override) expect(all).toContain('确认召开，理由：');
        else expect(all).not.toContain('确认召开');
        if (f.study.length === 0) expect(all).toContain('会前学习未登记');
      }),
    );
  });

  it('writes the example of the issue as it happened', () => {
    const text = textOf({
      unitName: '示例县民政局',
      meetingTitle: '专题组织生活会',
      heldOn: '2026-12-01',
      place: '三楼会议室',
      members: 20,
      study: [],
      opinions: {
        formLinked: true,
        responses: 12,
        audiences: ['在职干部职工', '服务对象'],
        items: 5,
        unclassified: 2,
        adopted: 1,
        aboutPersons: 0,
      },
      lists: { approved: 1, expected: 20, branchApproved: false },
      talks: { planned: 72, plannedDone: 1, held: 1, byKind: [{ label: '支部委员之间', count: 1 }], membersTalked: 2 },
      attendance: { present: 18, pct: 90, absent: [{ name: '张三', reason: '出差' }] },
      secretaryReported: false,
      selfCriticisms: 1,
      criticisms: 0,
      problems: [],
      rectification: [{ measures: '加强学习', owner: null, due: null }],
      inLedger: 0,
      override: { gaps: ['71次谈心谈话未完成'], by: '李书记', reason: '上级要求本周召开' },
    }).join('\n');
    expect(text).toContain('向在职干部职工、服务对象征求意见，共收回征求意见表12份');
    expect(text).not.toContain('帮扶联系村');
    expect(text).toContain('谈心谈话计划72次，已完成1次');
    expect(text).toContain('1名党员作了自我批评');
    expect(text).toContain('召开时尚有71次谈心谈话未完成，经李书记确认召开，理由：上级要求本周召开。');
    expect(text).toContain('加强学习（责任人：未指定）');
  });
});
