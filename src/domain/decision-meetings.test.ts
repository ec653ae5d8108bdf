import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import { OUTCOMES } from './decision-rules.js';
import {
  decisionItemsCheck,
  defaultMeetingTitle,
  heldOnCheck,
  materialsDueBy,
  materialsLate,
  minutesNumber,
} from './decision-meetings.js';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const calendar = new WorkdayCalendar(officialFromChineseDays(data));
const day = fc.integer({ min: parseIsoDate('2025-01-01'), max: parseIsoDate('2026-11-30') }).map(toIsoDate);

describe('materials due before a meeting', () => {
  it('is the latest day leaving the lead in working days before the meeting', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 10 }), (heldOn, lead) => {
        const due = materialsDueBy(heldOn, lead, calendar);
        expect(calendar.workingDaysBetween(due, heldOn).days).toBeGreaterThanOrEqual(lead);
        const next = toIsoDate(parseIsoDate(due) + 1);
        expect(calendar.workingDaysBetween(next, heldOn).days).toBeLessThan(lead);
      }),
    );
  });
  it('counts the 国庆 holiday out: a meeting on Friday 2026-10-09 needs materials by Tuesday 2026-09-29 for 3 days', () => {
    // Sent on 09-29, the members have 09-30, 10-08 and 10-09 (as a Monday's materials serve a Thursday's meeting).
    expect(materialsDueBy('2026-10-09', 3, calendar)).toBe('2026-09-29');
    expect(materialsLate('2026-09-30', '2026-09-29', '2026-10-09')).toBe(true);
    expect(materialsLate('2026-09-29', '2026-09-29', '2026-10-09')).toBe(false);
    expect(materialsLate(null, '2026-09-29', '2026-09-28')).toBe(false);
    expect(materialsLate(null, '2026-09-29', '2026-09-30')).toBe(true);
  });
});

describe('what a decision carries', () => {
  it('an adopted item names at least one 议定事项 unless only noted; nothing else names any', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OUTCOMES), fc.boolean(), fc.integer({ min: 0, max: 5 }), (outcome, noted, n) => {
        const ok = decisionItemsCheck(outcome, noted, n).ok;
        expect(ok).toBe(outcome === 'adopted' ? (noted ? n === 0 : n > 0) : !noted && n === 0);
      }),
    );
  });
});

describe('names and numbers', () => {
  it('titles a meeting by year, number and kind, and numbers the minutes by year', () => {
    expect(defaultMeetingTitle(2026, 3, 'party_group', null)).toBe('2026年第3次党组会议');
    expect(defaultMeetingTitle(2026, 1, 'director_office', null)).toBe('2026年第1次局长办公会议');
    expect(defaultMeetingTitle(2026, 2, 'other', '安全生产委员会会议')).toBe('2026年第2次安全生产委员会会议');
    expect(minutesNumber(2026, 5)).toBe('〔2026〕5号');
  });
});

describe('heldOnCheck (finding 10a)', () => {
  it('accepts a year back to two years ahead of today and nothing outside', () => {
    const day = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (today, heldOn) => {
        const back = Number(heldOn.slice(0, 4)) - Number(today.slice(0, 4));
        const r = heldOnCheck(heldOn, today);
        if (back > -1 && back < 2) expect(r.ok).toBe(true);
        if (back < -1 || back > 2) expect(r.ok).toBe(false);
      }),
    );
    expect(heldOnCheck('2025-11-30', '2026-11-30').ok).toBe(true);
    expect(heldOnCheck('2025-11-29', '2026-11-30')).toEqual({
      ok: false,
      message: '会议日期应在今天（2026-11-30）前一年至后两年之内',
    });
    expect(heldOnCheck('2028-11-30', '2026-11-30').ok).toBe(true);
    expect(heldOnCheck('2028-12-01', '2026-11-30').ok).toBe(false);
    expect(heldOnCheck('9999-12-31', '2026-11-30').ok).toBe(false);
    expect(heldOnCheck('1900-01-01', '2026-11-30').ok).toBe(false);
  });
});
