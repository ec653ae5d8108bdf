import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredLate, deliveredStatus, inquiryReplyDue, isDelivered } from './admonitions.js';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const calendar = new WorkdayCalendar(officialFromChineseDays(data));
const day = fc.integer({ min: parseIsoDate('2025-01-01'), max: parseIsoDate('2026-11-30') }).map(toIsoDate);

describe('a 函询’s reply deadline', () => {
  it('is a working day exactly N working days after delivery, whatever the holidays between', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (delivered, n) => {
        const due = inquiryReplyDue(delivered, n, calendar);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(delivered, due).days).toBe(n);
      }),
    );
  });
  it('spans the National Day holiday: delivered 2026-09-30, ten working days end on 2026-10-20', () => {
    expect(inquiryReplyDue('2026-09-30', 10, calendar)).toBe('2026-10-20');
  });
  it('answered on the due date is on time; a day later is late', () => {
    expect(answeredLate('2026-12-14', '2026-12-14')).toBe(false);
    expect(answeredLate('2026-12-14', '2026-12-15')).toBe(true);
    expect(answeredLate(null, '2026-12-15')).toBe(false);
  });
  it('a delivered 函询 awaits the reply; talks and 诫勉 are simply delivered', () => {
    expect(deliveredStatus('inquiry')).toBe('awaiting_reply');
    expect(deliveredStatus('admonition')).toBe('delivered');
    expect(isDelivered('recorded')).toBe(false);
    expect(isDelivered('withdrawn')).toBe(false);
  });
});
