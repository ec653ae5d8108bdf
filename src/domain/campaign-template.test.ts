import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkTemplate,
  defaultParams,
  redactionRuns,
  renderMeasureText,
  type TemplateData,
} from './campaign-template.js';
import { XING_SHI_FENG } from './templates/xing-shi-feng.js';

describe('the built-in template 兴“十风”治“十弊”', () => {
  it('passes its own checks, with 20 categories and 39 measures (compared with the seed in test/template-seed.test.ts)', () => {
    expect(checkTemplate(XING_SHI_FENG)).toEqual({ ok: true });
    expect([XING_SHI_FENG.categories.length, XING_SHI_FENG.measures.length]).toEqual([20, 39]);
  });

  it('turns its redacted counts into named parameters with defaults', () => {
    const m5 = XING_SHI_FENG.measures[4]!;
    expect(renderMeasureText(m5, { villageVisitsPerQuarter: 2, deedsPerVillagePerYear: 3 })).toContain(
      '每季度到帮扶联系点调研2次以上，每年为每个帮扶联系村办3件以上实事好事',
    );
    // The names of people and villages stay redacted.
    expect(renderMeasureText(m5)).toMatch(/^明确\*\*、\*\*同志联系\*\*村/);
    expect(renderMeasureText(XING_SHI_FENG.measures[24]!)).toContain('不打招呼式检查1至2次');
    expect(Object.keys(defaultParams(XING_SHI_FENG))).toEqual(
      expect.arrayContaining(['studyShareCount', 'modelDepartmentPercent', 'enterprisesPerLeader']),
    );
  });
});

describe('template checks', () => {
  const tiny: TemplateData = {
    code: 't',
    version: 1,
    name: '测试',
    preparation: [],
    requirements: [],
    categories: [
      { no: 1, kind: 'promote', title: '甲', focus: '重点解决甲' },
      { no: 2, kind: 'rectify', title: '乙', focus: '重点整治乙' },
    ],
    measures: [
      { no: 1, category: 1, title: '一', text: '每月*次' },
      { no: 2, category: 2, title: '二', text: '无' },
    ],
  };
  it('list every problem of a bad import', () => {
    const bad = {
      ...tiny,
      measures: [
        {
          no: 1,
          category: 1,
          title: '一',
          text: '每月*次',
          params: [{ run: 1, key: 'k', label: '次数', unit: '次', default: 1 }],
        },
        { no: 3, category: 9, title: '二', text: '无' },
      ],
    };
    const r = checkTemplate(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      '措施编号应从1起连续，第2个为3',
      '类别2“乙”没有措施',
      '措施1的参数“次数”没有对应的“*”',
      '措施3所属的类别9不存在',
    ]);
    expect(checkTemplate(tiny)).toEqual({ ok: true });
  });

  it('render only the parameter runs, leaving the rest of the text unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('甲', '*', '**', '次', '，'), { maxLength: 20 }),
        fc.nat(5),
        fc.nat(99),
        (parts, run, value) => {
          const text = parts.join('');
          const runs = redactionRuns(text);
          const params = run < runs.length ? [{ run, key: 'k', label: 'k', unit: '', default: 0 }] : [];
          const out = renderMeasureText({ text, params }, { k: value });
          if (params.length)
            expect(out.replace(String(value), text.slice(runs[run]!.start, runs[run]!.end))).toBe(text);
          else expect(out).toBe(text);
        },
      ),
    );
  });
});
