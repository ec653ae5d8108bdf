/**
 * The facts of a meeting that decides which are not 议事规则 proper: its default title and 纪要 number, when
 * materials are due, what a decision must carry. Pure: calendars and dates are arguments.
 */
import { parseIsoDate, toIsoDate, type IsoDate } from './civil-date.js';
import { MEETING_KIND_LABELS, type MeetingKind, type Outcome } from './decision-rules.js';
import type { RuleResult } from './decision-rules.js';
import type { WorkdayCalendar } from './workdays.js';

/** The name of a meeting's kind: the unit's own name for kind 'other'. */
export const kindNameOf = (kind: MeetingKind, kindName: string | null) =>
  kind === 'other' && kindName ? kindName : MEETING_KIND_LABELS[kind];

/** “2026年第3次党组会议”. */
export const defaultMeetingTitle = (year: number, sessionNo: number, kind: MeetingKind, kindName: string | null) =>
  `${year}年第${sessionNo}次${kindNameOf(kind, kindName)}`;

/** The 纪要 number of the year: 〔2026〕5号. */
export const minutesNumber = (year: number, n: number) => `〔${year}〕${n}号`;

/** The 版头 of the minutes: “党组会议纪要”, “局长办公会议纪要”. */
export const minutesHeading = (kind: MeetingKind, kindName: string | null) => `${kindNameOf(kind, kindName)}纪要`;

/**
 * A meeting is held from a year before today to two years after it: 1900 or 9999 would give “9999年第1次党组会议”
 * and a 纪要 number of that year. ISO dates compare as strings; shifting the year keeps the day (a 29 February
 * bound is still a correct bound in the order of strings).
 */
export function heldOnCheck(heldOn: IsoDate, today: IsoDate): RuleResult {
  const shift = (years: number) => `${String(Number(today.slice(0, 4)) + years).padStart(4, '0')}${today.slice(4)}`;
  if (heldOn < shift(-1) || heldOn > shift(2))
    return { ok: false, message: `会议日期应在今天（${today}）前一年至后两年之内` };
  return { ok: true };
}

/** The title of the opening item that reports on the previous meeting's decisions (measure 26). */
export const FOLLOW_UP_TITLE = '上次会议议定事项落实情况';

/**
 * The last day materials may reach the members: `leadDays` working days before the meeting, i.e. the latest
 * day D with at least `leadDays` working days in (D, heldOn]. Bounded: a lead of up to 60 working days.
 */
export function materialsDueBy(heldOn: IsoDate, leadDays: number, calendar: WorkdayCalendar): IsoDate {
  const held = parseIsoDate(heldOn);
  if (leadDays <= 0) return heldOn;
  for (let d = held - 1; d > held - 200; d--) {
    if (calendar.workingDaysBetween(toIsoDate(d), heldOn).days >= leadDays) return toIsoDate(d);
  }
  return toIsoDate(held - 200);
}

/** Late: sent after the day due, or not sent while that day has passed. */
export const materialsLate = (sentOn: IsoDate | null, dueBy: IsoDate, today: IsoDate) =>
  sentOn ? sentOn > dueBy : today > dueBy;

/**
 * What a decision carries. An adopted item charges someone with at least one 议定事项, unless the meeting only
 * takes note of it (知悉: a report heard); an item not adopted, or only noted, charges no one.
 */
export function decisionItemsCheck(outcome: Outcome, noted: boolean, count: number): RuleResult {
  if (noted && outcome !== 'adopted') return { ok: false, message: '“知悉”只用于会议听取、通过的报告事项' };
  if (noted && count > 0) return { ok: false, message: '仅“知悉”的议题不形成议定事项，请去掉议定事项或取消“知悉”' };
  if (outcome === 'adopted' && !noted && count === 0)
    return { ok: false, message: '通过的议题须至少写明一条议定事项（责任人、牵头科室和完成时限）' };
  if (outcome !== 'adopted' && count > 0) return { ok: false, message: '未通过或缓议的议题不形成议定事项' };
  return { ok: true };
}

/** 议定事项 become supervised items: the source reference names the meeting and the item, “…党组会议 议题2”. */
export const decisionSourceRef = (meetingTitle: string, itemSeq: number) => `${meetingTitle} 议题${itemSeq}`;
