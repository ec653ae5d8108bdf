import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate, toIsoDate, weekdayOf, yearOf } from './civil-date.js';

describe('civil dates', () => {
  it('agree with Date.UTC for any day from year 1000 to 3000', () => {
    fc.assert(
      fc.property(fc.integer({ min: -354285, max: 376200 }), (day) => {
        const d = new Date(day * 86_400_000);
        const iso = d.toISOString().slice(0, 10);
        expect(toIsoDate(day)).toBe(iso);
        expect(parseIsoDate(iso)).toBe(day);
        expect(yearOf(day)).toBe(d.getUTCFullYear());
        expect(weekdayOf(day)).toBe(d.getUTCDay());
      }),
    );
  });

  it('refuses what is not a date, naming the problem', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow('日期“2026-02-30”不存在');
    expect(() => parseIsoDate('2026-13-01')).toThrow('日期“2026-13-01”的月份不存在');
    expect(() => parseIsoDate('')).toThrow('日期不能为空');
    expect(() => parseIsoDate('2026/01/01')).toThrow('格式不正确');
    expect(parseIsoDate('2024-02-29')).toBe(19782);
    expect(() => parseIsoDate('2100-02-29')).toThrow('不存在');
  });
});
