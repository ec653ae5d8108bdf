import { parseIsoDate, toIsoDate, yearOf, type IsoDate } from './civil-date.js';
import { WorkdayCalendar, type CalendarSource, type DayRule } from './workdays.js';

/** An official schedule read from a file: the years it covers and their exceptional days. */
export interface ParsedSchedule {
  years: number[];
  days: { date: IsoDate; working: boolean; name: string }[];
}

export class ScheduleFileError extends Error {}

/** Ten years of days: an .ics of long events cannot expand a small upload into millions of days. */
export const MAX_SCHEDULE_DAYS = 3660;

const fail = (message: string): never => {
  throw new ScheduleFileError(message);
};

/**
 * The holiday-cn JSON format: {"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},…]}.
 * isOffDay false marks a make-up working day. Every day must lie in `year`.
 */
export function parseHolidayCnJson(text: string): ParsedSchedule {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('文件不是有效的 JSON');
  }
  const o = doc as { year?: unknown; days?: unknown };
  if (typeof o !== 'object' || o === null) return fail('文件内容应为对象：{"year":…, "days":[…]}');
  if (!Number.isInteger(o.year) || (o.year as number) < 1990 || (o.year as number) > 2100)
    return fail('缺少有效的 year（1990–2100 之间的年份）');
  if (!Array.isArray(o.days) || o.days.length === 0) return fail('缺少 days 列表，或列表为空');
  if (o.days.length > 366) return fail(`days 列表有 ${o.days.length} 项，一年最多366天`);
  const year = o.year as number;
  const days = o.days.map((d: unknown, i: number) => {
    const e = d as { name?: unknown; date?: unknown; isOffDay?: unknown };
    const where = `第${i + 1}项`;
    if (typeof e !== 'object' || e === null) return fail(`${where}不是对象`);
    if (typeof e.date !== 'string') return fail(`${where}缺少 date`);
    let day: number;
    try {
      day = parseIsoDate(e.date);
    } catch (err) {
      return fail(`${where}：${(err as Error).message}`);
    }
    if (yearOf(day) !== year) return fail(`${where}的日期 ${e.date} 不在 ${year} 年内`);
    if (typeof e.name !== 'string' || !e.name.trim() || e.name.length > 20)
      return fail(`${where}（${e.date}）缺少名称`);
    if (typeof e.isOffDay !== 'boolean') return fail(`${where}（${e.date}）的 isOffDay 应为 true 或 false`);
    return { date: e.date, working: !e.isOffDay, name: e.name.trim() };
  });
  return { years: [year], days: checkUnique(days) };
}

function checkUnique(days: ParsedSchedule['days']) {
  const seen = new Set<string>();
  for (const d of days) {
    if (seen.has(d.date)) fail(`日期 ${d.date} 出现了两次`);
    seen.add(d.date);
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Unfolds the continuation lines of an iCalendar file (RFC 5545 §3.1). */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
}

const icsDate = (v: string, what: string) => {
  const m = /(\d{4})(\d{2})(\d{2})/.exec(v);
  if (!m) return fail(`${what}的日期“${v}”无法识别`);
  try {
    return parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  } catch (err) {
    return fail(`${what}：${(err as Error).message}`);
  }
};

/**
 * An .ics file of whole-day events whose SUMMARY says 休 (off) or 班 (make-up working day), as
 * published for Chinese holidays: "国庆节(休)", "国庆节(班)". DTEND, when present, is exclusive.
 * The file covers the years its events fall in.
 */
export function parseIcs(text: string): ParsedSchedule {
  const lines = unfold(text);
  if (!lines.some((l) => l.trim() === 'BEGIN:VCALENDAR')) return fail('不是 iCalendar（.ics）文件');
  const days: ParsedSchedule['days'] = [];
  let ev: Record<string, string> | null = null;
  let n = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === 'BEGIN:VEVENT') ev = {};
    else if (line === 'END:VEVENT' && ev) {
      n++;
      const what = `第${n}个事件`;
      if (!ev.DTSTART) return fail(`${what}没有日期（DTSTART）`);
      const summary = (ev.SUMMARY ?? '').trim();
      const working = /班/.test(summary) && !/休/.test(summary);
      if (!working && !/休/.test(summary)) return fail(`${what}（${summary || '无标题'}）未注明“休”或“班”`);
      const name =
        summary
          .replace(/[（(][^）)]*[）)]/g, '')
          .replace(/[休班]$/, '')
          .trim() || (working ? '调休上班' : '休息');
      const start = icsDate(ev.DTSTART, what);
      const end = ev.DTEND ? icsDate(ev.DTEND, what) : start + 1;
      if (end <= start || end - start > 31) return fail(`${what}的起止日期不合理`);
      if (days.length + (end - start) > MAX_SCHEDULE_DAYS)
        return fail(`文件中的日期超过${MAX_SCHEDULE_DAYS}天，一次请导入不超过十年的安排`);
      for (let d = start; d < end; d++) days.push({ date: toIsoDate(d), working, name });
      ev = null;
    } else if (ev) {
      const colon = line.indexOf(':');
      if (colon > 0) ev[line.slice(0, colon).split(';')[0]!.toUpperCase()] = line.slice(colon + 1);
    }
  }
  if (days.length === 0) return fail('文件中没有带日期的节假日事件');
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort();
  return { years, days: checkUnique(days) };
}

/** Reads a schedule file by its content: JSON (holiday-cn) or iCalendar. */
export function parseScheduleFile(text: string): ParsedSchedule {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{')) return parseHolidayCnJson(t);
  if (t.startsWith('BEGIN:VCALENDAR')) return parseIcs(t);
  return fail('无法识别的文件：请上传 holiday-cn 格式的 JSON 或 .ics 日历文件');
}

export interface DayChange {
  date: IsoDate;
  before: { working: boolean; name: string; provisional: boolean };
  after: { working: boolean; name: string };
}

/**
 * What applying `parsed` would change in the official calendar: every day of its years whose
 * working status or name differs. An imported year replaces that year's data entirely.
 */
export function scheduleChanges(
  current: Pick<CalendarSource, 'years' | 'official'>,
  parsed: ParsedSchedule,
): DayChange[] {
  const years = new Set(parsed.years);
  const before = new WorkdayCalendar(current);
  const kept = [...current.official].filter(([d]) => !years.has(Number(d.slice(0, 4))));
  const after = new WorkdayCalendar({
    years: [...current.years, ...years],
    official: [
      ...kept,
      ...parsed.days.map((d) => [d.date, { working: d.working, name: d.name }] as [IsoDate, DayRule]),
    ],
  });
  const changes: DayChange[] = [];
  for (const y of parsed.years) {
    for (let day = parseIsoDate(`${y}-01-01`), last = parseIsoDate(`${y}-12-31`); day <= last; day++) {
      const date = toIsoDate(day);
      const b = before.dayInfo(date);
      const a = after.dayInfo(date);
      if (b.working !== a.working || b.name !== a.name) {
        changes.push({
          date,
          before: { working: b.working, name: b.name, provisional: b.provisional },
          after: { working: a.working, name: a.name },
        });
      }
    }
  }
  return changes;
}
