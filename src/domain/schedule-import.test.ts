import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { officialFromChineseDays, type ChineseDaysData } from './workdays.js';
import {
  MAX_SCHEDULE_DAYS,
  parseHolidayCnJson,
  parseIcs,
  parseScheduleFile,
  scheduleChanges,
  ScheduleFileError,
} from './schedule-import.js';

const builtin = officialFromChineseDays(
  createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData,
);

/** An invented 2027 schedule for tests (the real one is published in the autumn of 2026). */
const SCHEDULE_2027 = {
  year: 2027,
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    { name: '春节', date: '2027-02-05', isOffDay: true },
    { name: '春节', date: '2027-02-08', isOffDay: true },
    { name: '春节', date: '2027-02-20', isOffDay: false },
  ],
};

describe('holiday-cn JSON', () => {
  it('reads off days and make-up days', () => {
    const s = parseHolidayCnJson(JSON.stringify(SCHEDULE_2027));
    expect(s.years).toEqual([2027]);
    expect(s.days[0]).toEqual({ date: '2027-01-01', working: false, name: '元旦' });
    expect(s.days.at(-1)).toEqual({ date: '2027-02-20', working: true, name: '春节' });
  });

  it('refuses malformed or partial files with the problem named', () => {
    const bad: [string, string][] = [
      ['{', '不是有效的 JSON'],
      ['{"days":[]}', '缺少有效的 year'],
      ['{"year":2027}', '缺少 days'],
      ['{"year":2027,"days":[{"name":"元旦","date":"2027-02-30","isOffDay":true}]}', '第1项：日期“2027-02-30”不存在'],
      ['{"year":2027,"days":[{"name":"元旦","date":"2026-12-31","isOffDay":true}]}', '不在 2027 年内'],
      ['{"year":2027,"days":[{"date":"2027-01-01","isOffDay":true}]}', '缺少名称'],
      ['{"year":2027,"days":[{"name":"元旦","date":"2027-01-01"}]}', 'isOffDay 应为 true 或 false'],
      [
        '{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"元旦","date":"2027-01-01","isOffDay":true}]}',
        '出现了两次',
      ],
      [
        JSON.stringify({ year: 2027, days: Array(367).fill({ name: '元旦', date: '2027-01-01', isOffDay: true }) }),
        'days 列表有 367 项，一年最多366天',
      ],
    ];
    for (const [text, message] of bad) expect(() => parseHolidayCnJson(text), text).toThrow(message);
  });
});

describe('iCalendar', () => {
  const ics = (events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');
  const event = (start: string, summary: string, end?: string) =>
    [
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${start}`,
      ...(end ? [`DTEND;VALUE=DATE:${end}`] : []),
      `SUMMARY:${summary}`,
      'END:VEVENT',
    ].join('\r\n');

  it('reads the chinese-days .ics shape: one event a day, (休) or (班)', () => {
    const s = parseIcs(ics([event('20270101', '元旦(休)', '20270102'), event('20270220', '春节(班)', '20270221')]));
    expect(s.days).toEqual([
      { date: '2027-01-01', working: false, name: '元旦' },
      { date: '2027-02-20', working: true, name: '春节' },
    ]);
  });

  it('expands a multi-day event (DTEND exclusive)', () => {
    expect(parseIcs(ics([event('20271001', '国庆节 休', '20271008')])).days).toHaveLength(7);
  });

  it('refuses an .ics without dates, or without 休/班', () => {
    expect(() => parseIcs(ics([]))).toThrow('没有带日期的节假日事件');
    expect(() => parseIcs(ics(['BEGIN:VEVENT', 'SUMMARY:元旦(休)', 'END:VEVENT']))).toThrow('没有日期（DTSTART）');
    expect(() => parseIcs(ics([event('20270101', '生日')]))).toThrow('未注明“休”或“班”');
    expect(() => parseScheduleFile('hello')).toThrow(ScheduleFileError);
  });

  it('refuses a file whose events expand to more than ten years of days, before expanding them all', () => {
    // 27 days off in every month from January 2000.
    const month = (i: number) => {
      const ym = `${2000 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`;
      return event(`${ym}01`, '长假(休)', `${ym}28`);
    };
    expect(() => parseIcs(ics(Array.from({ length: 20_000 }, (_, i) => month(i % 1200))))).toThrow(
      `文件中的日期超过${MAX_SCHEDULE_DAYS}天`,
    );
    expect(parseIcs(ics(Array.from({ length: 130 }, (_, i) => month(i)))).days).toHaveLength(130 * 27);
  });

  it('reads the .ics file that chinese-days ships for 2024–2026 to the same calendar as its data', async () => {
    const fs = await import('node:fs');
    const file = createRequire(import.meta.url).resolve('chinese-days/dist/holidays.ics');
    const parsed = parseScheduleFile(fs.readFileSync(file, 'utf8'));
    expect(parsed.years).toEqual([2024, 2025, 2026]);
    const changes = scheduleChanges(builtin, parsed);
    expect(changes.filter((c) => c.before.working !== c.after.working)).toEqual([]);
  });
});

describe('scheduleChanges', () => {
  it('lists what an import changes: 2027 was provisional Monday–Friday', () => {
    const changes = scheduleChanges(builtin, parseHolidayCnJson(JSON.stringify(SCHEDULE_2027)));
    expect(changes.map((c) => [c.date, c.before.working, c.after.working, c.after.name])).toEqual([
      ['2027-01-01', true, false, '元旦'],
      ['2027-01-02', false, false, '元旦'],
      ['2027-01-03', false, false, '元旦'],
      ['2027-02-05', true, false, '春节'],
      ['2027-02-08', true, false, '春节'],
      ['2027-02-20', false, true, '调休上班'],
    ]);
    expect(changes[0]!.before.provisional).toBe(true);
  });
});
