import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLeftovers, openLeftovers, type LeftoverSource } from './template-leftovers.js';
import { XING_SHI_FENG } from './templates/xing-shi-feng.js';

const builtIn = (edit: (no: number, text: string) => string = (_, t) => t): LeftoverSource[] => [
  ...XING_SHI_FENG.categories.map((c) => ({
    kind: 'category' as const,
    no: c.no,
    label: `第${c.no}类`,
    text: `${c.title}${c.focus}`,
  })),
  ...XING_SHI_FENG.measures.map((m) => ({
    kind: 'measure' as const,
    no: m.no,
    label: `措施${m.no}`,
    text: edit(m.no, `${m.title}${m.text}`),
    paramRuns: (m.params ?? []).map((p) => p.run + (m.title.match(/\*+/g)?.length ?? 0)),
  })),
];
const measureNo = (fragment: string) => XING_SHI_FENG.measures.find((m) => m.text.includes(fragment))!.no;

describe('template leftovers', () => {
  const all = findLeftovers({ year: 2026, unitName: '示例县民政局', sources: builtIn() });
  const at = (match: string) => all.filter((l) => l.match === match).map((l) => l.no);

  it('lists the built-in template’s redactions, old years and forestry terms with their measure numbers', () => {
    expect(at('2022年')).toEqual(
      expect.arrayContaining([measureNo('将2022年工作任务'), measureNo('紧扣省、市下达2022年')]),
    );
    expect(at('涉林')).toEqual(expect.arrayContaining([measureNo('涉林高质量考核指标'), measureNo('*家涉林企业')]));
    expect(at('林草')).toContain(measureNo('国家林草局'));
    expect(at('国土绿化')).toContain(measureNo('国家林草局'));
    expect(at('**')).toContain(measureNo('明确**、**同志联系**村'));
    const links = all.find((l) => l.no === measureNo('明确**、**同志联系**村') && l.match === '**')!;
    expect(links.occurrences).toBe(9); // nine names and villages; the two counts are parameters
    expect(links.reason).toContain('请填写本单位的实际内容');
    expect(all.find((l) => l.match === '涉林')!.reason).toContain('林草系统的用语');
  });

  it('does not flag a parameter, nor the campaign’s own year', () => {
    const rollCall = measureNo('随机点*名干部');
    expect(all.filter((l) => l.no === rollCall && l.kind === 'measure')).toEqual([]);
    const y = findLeftovers({ year: 2022, unitName: '示例县民政局', sources: builtIn() });
    expect(y.some((l) => l.match === '2022年')).toBe(false);
  });

  it('a leftover disappears when its text is edited away, and a kept one is no longer open', () => {
    const no = measureNo('将2022年工作任务');
    const edited = findLeftovers({
      year: 2026,
      unitName: '示例县民政局',
      sources: builtIn((n, t) => (n === no ? t.replace('2022年', '2026年') : t)),
    });
    expect(edited.some((l) => l.no === no && l.match === '2022年')).toBe(false);
    const key = all.find((l) => l.no === no && l.match === '2022年')!.key;
    expect(openLeftovers(all, new Set([key])).some((l) => l.key === key)).toBe(false);
  });

  it('a forestry unit is not told its own terms are another sector’s', () => {
    const own = findLeftovers({ year: 2026, unitName: '示例县林业和草原局', sources: builtIn() });
    expect(own.some((l) => l.match === '涉林')).toBe(false);
  });

  it('every flagged item is in its text, and text without stars, years or terms has none', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('*', '**', '2022年', '2026年', '涉林', '民政', '，')), (parts) => {
        const text = parts.join('');
        const found = findLeftovers({
          year: 2026,
          unitName: '某县民政局',
          sources: [{ kind: 'measure', no: 1, label: '措施1', text }],
        });
        for (const l of found) expect(l.match === '**' ? text.includes('*') : text.includes(l.match)).toBe(true);
        const keys = found.map((l) => l.key);
        expect(new Set(keys).size).toBe(keys.length);
        const clean = parts.filter((p) => ['2026年', '民政', '，'].includes(p)).join('');
        expect(
          findLeftovers({
            year: 2026,
            unitName: '某县民政局',
            sources: [{ kind: 'measure', no: 1, label: '措施1', text: clean }],
          }),
        ).toEqual([]);
      }),
    );
  });
});
