import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';
import { computeDeadline, DEFAULT_DEADLINE_SETTINGS, extendPolicy, ExtensionError, policyFor } from './deadlines.js';

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const calendar = new WorkdayCalendar(officialFromChineseDays(data));
const S = DEFAULT_DEADLINE_SETTINGS;

describe('deadline policies of measure 26', () => {
  it('紧急: due the day of receipt (Shanghai date of the instant)', () => {
    const d = computeDeadline(policyFor('urgent', null, S), new Date('2026-09-27T17:00:00Z'), calendar);
    expect(d).toEqual({ due: '2026-09-28', provisional: false, policy: { kind: 'same_day' } });
  });

  it('重要 and 一般: 7 working days', () => {
    for (const u of ['important', 'normal'] as const) {
      expect(computeDeadline(policyFor(u, null, S), '2026-09-28', calendar)).toMatchObject({
        due: '2026-10-13',
        provisional: false,
        policy: { kind: 'working_days', days: 7 },
      });
    }
  });

  it('有时限要求: the explicit date wins over urgency', () => {
    expect(computeDeadline(policyFor('normal', '2026-10-20', S), '2026-09-28', calendar)).toEqual({
      due: '2026-10-20',
      provisional: false,
      policy: { kind: 'explicit', due: '2026-10-20' },
    });
  });

  it('is provisional when it runs into 2027, whose schedule is not loaded', () => {
    expect(computeDeadline(policyFor('normal', null, S), '2026-12-28', calendar)).toMatchObject({
      due: '2027-01-06',
      provisional: true,
    });
  });

  it('follows the unit settings', () => {
    const s = { ...S, normalDays: 5, urgentSameDay: false };
    expect(policyFor('normal', null, s)).toEqual({ kind: 'working_days', days: 5 });
    expect(policyFor('urgent', null, s)).toEqual({ kind: 'working_days', days: 1 });
  });
});

describe('extension for special cases (特殊情况)', () => {
  it('extends up to 15 working days in total from receipt, not beyond', () => {
    const p = extendPolicy({ kind: 'working_days', days: 7 }, 8, 15);
    expect(computeDeadline(p, '2026-09-28', calendar).due).toBe(calendar.addWorkingDays('2026-09-28', 15).date);
    expect(() => extendPolicy(p, 1, 15)).toThrow('不得超过15个工作日');
    expect(() => extendPolicy({ kind: 'same_day' }, 1, 15)).toThrow(ExtensionError);
  });

  it('never lets repeated extensions pass the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 6 }), (steps) => {
        let p: ReturnType<typeof extendPolicy> = { kind: 'working_days', days: 7 };
        for (const s of steps) {
          try {
            p = extendPolicy(p, s, 15);
          } catch (e) {
            expect(e).toBeInstanceOf(ExtensionError);
          }
        }
        return p.kind === 'working_days' && p.days + (p.extendedBy ?? 0) <= 15;
      }),
    );
  });
});
