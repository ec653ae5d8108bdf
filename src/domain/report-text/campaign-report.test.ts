import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignReportBlocks, type CampaignReportFacts } from './campaign-report.js';
import { paragraphFlaws } from './text.js';

const n = fc.nat({ max: 60 });
const written = fc.oneof(fc.constantFrom('', '**', '**局组长', '领导小组：'), fc.string({ maxLength: 10 }));
const progress = { measures: n, brokenDown: n, items: n, closed: n, overdue: n };
const facts: fc.Arbitrary<CampaignReportFacts> = fc
  .record({
    campaignName: fc.constantFrom('兴“十风”治“十弊”', '**专项'),
    startsOn: fc.constantFrom('2026-03-01', '2027-03-01'),
    today: fc.constant('2026-12-06'),
    totals: fc.record({ ...progress, categories: n }),
    leadingGroup: fc.option(
      fc.record({
        name: written,
        leaders: fc.array(fc.record({ name: written, role: fc.constantFrom('组长', '副组长', '成员', '') }), {
          maxLength: 3,
        }),
      }),
      { nil: null },
    ),
    officeGroupName: fc.option(written, { nil: null }),
    categories: fc.array(fc.record({ ...progress, no: fc.integer({ min: 1, max: 20 }), title: written }), {
      maxLength: 4,
    }),
    rules: fc.array(
      fc.record({
        title: written,
        measureNo: fc.option(fc.integer({ min: 1, max: 39 }), { nil: null }),
        requirement: fc.record({
          kind: fc.constantFrom('count' as const, 'coverage' as const, 'attendance' as const),
          period: fc.constantFrom('week', 'month', 'campaign'),
          min: fc.option(n, { nil: undefined }),
          max: fc.option(n, { nil: undefined }),
          percent: fc.option(n, { nil: undefined }),
        }),
        met: n,
        atRisk: n,
        missed: n,
        over: n,
        reached: fc.option(n, { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    articlesPublished: n,
    // Items of measures withdrawn since: the campaign's figures count them, its categories do not.
    withdrawn: fc.record({ items: fc.nat({ max: 3 }), overdue: fc.nat({ max: 3 }) }),
  })
  .map(({ withdrawn, ...f }) => {
    // The totals are the categories' sums, as the service counts them, plus the withdrawn measures' items.
    const sum = (k: keyof typeof progress) => f.categories.reduce((t, c) => t + c[k], 0);
    const totals = { categories: f.categories.length, measures: sum('measures'), brokenDown: sum('brokenDown') };
    const overdue = sum('overdue') + Math.min(withdrawn.overdue, withdrawn.items);
    return { ...f, totals: { ...totals, items: sum('items') + withdrawn.items, closed: sum('closed'), overdue } };
  });

describe('the campaign report states the records only', () => {
  it('has no redaction, missing value or empty field, and quotes the totals it is given', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const text = campaignReportBlocks(f).map((b) => b.text);
        for (const p of text) expect(paragraphFlaws(p), p).toEqual([]);
        const all = text.join('\n');
        expect(all).not.toMatch(/涉及[。，；]/);
        if (f.totals.items) expect(all).toContain(`生成督办事项${f.totals.items}项`);
        if (f.totals.items) expect(all).toContain(`已办结${f.totals.closed}项（办结率`);
        else expect(all).toContain('尚未将措施分解为督办事项');
        if (f.totals.overdue) expect(all).toContain(`逾期未办结${f.totals.overdue}项`);
        else expect(all).not.toMatch(/逾期(未办结)?[1-9]/);
        if (f.startsOn > f.today) expect(all).not.toMatch(/自\d{4}年\d+月\d+日开始/);
        if (f.articlesPublished) expect(all).toContain(`发布宣传稿件${f.articlesPublished}篇`);
        else expect(all).toContain('活动期间尚未发布宣传稿件。');
      }),
    );
  });

  it('an almost empty campaign says that nothing has been recorded yet', () => {
    const text = campaignReportBlocks({
      campaignName: '兴“十风”治“十弊”',
      startsOn: '2026-12-01',
      today: '2026-12-06',
      totals: { categories: 20, measures: 39, brokenDown: 0, items: 0, closed: 0, overdue: 0 },
      leadingGroup: { name: '领导小组', leaders: [] },
      officeGroupName: null,
      categories: [{ no: 1, title: '大兴勤学善思之风', measures: 2, brokenDown: 0, items: 0, closed: 0, overdue: 0 }],
      rules: [],
      articlesPublished: 0,
    }).map((b) => b.text);
    expect(text).toContain(
      '兴“十风”治“十弊”自2026年12月1日开始，共20个方面39条措施。截至2026年12月6日，尚未将措施分解为督办事项。',
    );
    expect(text).toContain('成立领导小组。');
    expect(text).toContain('活动期间尚未发布宣传稿件。');
    expect(text).toContain('尚无督办事项和周期性工作记录，无法评估存在的问题。');
    expect(text.join('')).not.toContain('办结率');
  });
});
