import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnDate, orUnspecified, paragraphFlaws, scrub, sentence } from './text.js';

describe('report text helpers', () => {
  it('scrubs every redaction run, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('*', '**', '＊', '民政', '2026年', '：', '')), (parts) => {
        expect(scrub(parts.join(''))).not.toMatch(/[*＊]/);
      }),
    );
    expect(scrub('**县民政局')).toBe('〔待补充〕县民政局');
  });

  it('leaves no empty colon in a scrubbed fragment, even where dropping one empties another', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(':', '：', '"', '，', ' ', '学习', '。')), (parts) => {
        expect(paragraphFlaws(`学习了${scrub(parts.join('')) || '材料'}。`)).toEqual([]);
      }),
    );
    expect(scrub('"::')).toBe('"');
  });

  it('never leaves a field empty', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), (v) => {
        expect(paragraphFlaws(`（责任人：${orUnspecified(v)}）`)).toEqual([]);
      }),
    );
    expect(orUnspecified('  ')).toBe('未指定');
  });

  it('finds the flaws a signed report must not have', () => {
    expect(paragraphFlaws('1.整改（责任人：）')).toEqual(['字段为空']);
    expect(paragraphFlaws('责任人：')).toEqual(['字段为空']);
    expect(paragraphFlaws('**县民政局')).toEqual(['含“*”']);
    expect(paragraphFlaws('责任人：undefined')).toEqual(['含未定义的值']);
    expect(paragraphFlaws('现将有关情况报告如下：')).toEqual(['字段为空']); // the reports end such a line with 。
    expect(paragraphFlaws('开展谈心谈话1次。')).toEqual([]);
    expect(sentence('已完成')).toBe('已完成。');
    expect(sentence('已完成。')).toBe('已完成。');
  });
});

describe('cnDate', () => {
  it('writes ISO dates the way official text does', () => {
    expect(cnDate('2026-03-01')).toBe('2026年3月1日');
    expect(cnDate('2026-11-30')).toBe('2026年11月30日');
    expect(cnDate('')).toBe('');
  });
});
