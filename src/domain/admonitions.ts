/**
 * 提醒谈话 / 诫勉 / 函询 (measure 36): kinds, statuses and their labels, and the reply deadline of a 函询.
 * Pure: the calendar and the dates are arguments.
 */
import type { IsoDate } from './civil-date.js';
import type { WorkdayCalendar } from './workdays.js';

export const ADMONITION_KINDS = ['reminder_talk', 'admonition', 'inquiry'] as const;
export type AdmonitionKind = (typeof ADMONITION_KINDS)[number];
export const ADMONITION_KIND_LABELS: Record<AdmonitionKind, string> = {
  reminder_talk: '提醒谈话',
  admonition: '诫勉',
  inquiry: '函询',
};

export const ADMONITION_STATUSES = [
  'recorded',
  'delivered',
  'awaiting_reply',
  'answered',
  'closed',
  'withdrawn',
] as const;
export type AdmonitionStatus = (typeof ADMONITION_STATUSES)[number];
export const ADMONITION_STATUS_LABELS: Record<AdmonitionStatus, string> = {
  recorded: '已登记（未送达）',
  delivered: '已送达',
  awaiting_reply: '待答复',
  answered: '已答复',
  closed: '已办结',
  withdrawn: '已撤销',
};

/** The status a record takes when it is delivered to the person: a 函询 then waits for the reply. */
export const deliveredStatus = (kind: AdmonitionKind): AdmonitionStatus =>
  kind === 'inquiry' ? 'awaiting_reply' : 'delivered';

/** Has the record reached the person (so that the person reads it)? */
export const isDelivered = (status: AdmonitionStatus) =>
  status === 'delivered' || status === 'awaiting_reply' || status === 'answered' || status === 'closed';

/** The 函询's reply deadline: `replyDays` working days after the day of delivery, by the unit calendar. */
export const inquiryReplyDue = (deliveredOn: IsoDate, replyDays: number, calendar: WorkdayCalendar): IsoDate =>
  calendar.addWorkingDays(deliveredOn, replyDays).date;

/** Answered after its deadline: kept on record as 逾期答复. */
export const answeredLate = (replyDue: IsoDate | null, answeredOn: IsoDate | null) =>
  !!replyDue && !!answeredOn && answeredOn > replyDue;
