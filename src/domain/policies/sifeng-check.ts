/**
 * Who may see and do what with a 四风 check (measure 23) and the 节日廉政提醒: the 机关纪委 (discipline
 * staff) manage both; an inspector sees the checks where they hold an item and records only their own
 * items; the 党组书记 reads. Nobody else — not the office, not a department head: a check names the
 * people and departments concerned.
 */
import { isDisciplineStaff, isMe, isPartySecretary, type Who } from './who.js';

export interface SifengCheckFacts {
  status: string;
  inspectorPersonIds: readonly string[];
}
export type SifengCheckCan = { see: boolean; manage: boolean; withdraw: boolean; seeAllItems: boolean };

export function sifengCheckPolicy(a: Who, c: SifengCheckFacts): SifengCheckCan {
  const staff = isDisciplineStaff(a);
  const reader = staff || isPartySecretary(a);
  const inspector = c.inspectorPersonIds.some((p) => isMe(a, p));
  const open = c.status === 'open';
  return {
    see: reader || inspector,
    manage: staff && open,
    withdraw: staff && open,
    // An inspector sees their own items only; what others found is not theirs to read.
    seeAllItems: reader,
  };
}

export type SifengItemCan = { see: boolean; record: boolean };

/** One item: its inspector records it while the check is open (and may correct it then). */
export function sifengItemPolicy(a: Who, c: SifengCheckFacts, item: { inspectorPersonId: string }): SifengItemCan {
  const check = sifengCheckPolicy(a, c);
  const mine = isMe(a, item.inspectorPersonId);
  return { see: check.seeAllItems || mine, record: c.status === 'open' && mine };
}

/** The list of checks: everything for the readers; for others, the checks where they inspect an item. */
export const seesAllSifengChecks = (a: Who) => isDisciplineStaff(a) || isPartySecretary(a);

/** 节日廉政: the periods and reminders are the discipline staff's to send, the party secretary's to read. */
export const mayReadHolidayReminders = (a: Who) => isDisciplineStaff(a) || isPartySecretary(a);
export const maySendHolidayReminder = (a: Who) => isDisciplineStaff(a);
