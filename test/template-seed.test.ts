import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XING_SHI_FENG } from '../src/domain/templates/xing-shi-feng.js';

/**
 * The user's specification is ../shared/seed/ (next to the repository); a copy is kept in
 * test/fixtures so that a clone elsewhere still runs this comparison.
 */
const SHARED = new URL('../../shared/seed/', import.meta.url);
const COPY = new URL('./fixtures/seed-plan.txt', import.meta.url);
const sharedText = () =>
  fs.existsSync(SHARED)
    ? fs
        .readdirSync(SHARED)
        .map((f) => fs.readFileSync(new URL(f, SHARED), 'utf8'))
        .join('\n')
    : null;

/** The seed (the county bureau's plan), read as a user would: numbered categories and measures. */
function parse(text: string) {
  const tasks = text.slice(text.indexOf('二、主要任务及措施'), text.indexOf('三、工作要求'));
  const categories = [...tasks.matchAll(/^（([一二三四五六七八九十]+)）(.+?)。(重点.*)$/gm)].map((m) => ({
    title: m[2]!,
    focus: m[3]!,
  }));
  const measures = [...tasks.matchAll(/^(\d+)\.(.+?)。(.*)$/gm)].map((m) => ({
    no: Number(m[1]),
    title: m[2]!,
    text: m[3]!,
  }));
  return { categories, measures };
}

describe('the built-in template 兴“十风”治“十弊” against the seed', () => {
  it('carries its 20 categories and 39 measures word for word, in order', () => {
    const s = parse(sharedText() ?? fs.readFileSync(COPY, 'utf8'));
    expect(s.categories).toHaveLength(20);
    expect(s.measures).toHaveLength(39);
    expect(XING_SHI_FENG.categories.map((c) => ({ title: c.title, focus: c.focus }))).toEqual(s.categories);
    expect(XING_SHI_FENG.measures.map((m) => ({ no: m.no, title: m.title, text: m.text }))).toEqual(s.measures);
    expect(XING_SHI_FENG.categories.map((c) => c.kind)).toEqual([
      ...Array(10).fill('promote'),
      ...Array(10).fill('rectify'),
    ]);
    // Measures 1–3 serve category 1 …, 38–39 serve category 20.
    expect(XING_SHI_FENG.measures.filter((m) => m.category === 1).map((m) => m.no)).toEqual([1, 2, 3]);
    expect(XING_SHI_FENG.measures.filter((m) => m.category === 20).map((m) => m.no)).toEqual([38, 39]);
    expect(XING_SHI_FENG.preparation.map((p) => p.title)).toEqual(['强化会前学习', '强化问题查摆', '强化交心谈心']);
    expect(XING_SHI_FENG.requirements.map((r) => r.title)).toEqual([
      '注重加强领导，压实责任',
      '注重督促指导，扎实推进',
      '注重挺纪在前、一严到底',
      '注重宣传引导，营造氛围',
    ]);
  });

  it.runIf(sharedText() !== null)('keeps its copy of the seed identical to ../shared/seed', () => {
    expect(fs.readFileSync(COPY, 'utf8')).toBe(sharedText());
  });
});
