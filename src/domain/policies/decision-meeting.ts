/**
 * Who may see and do what with a meeting that decides (党组会议, 局长办公会议) and its items. The office
 * (领导小组办公室) and the 党组书记 prepare and record meetings; the minutes (and so every item) are read by the
 * meeting's members and its 记录人, an item by those who attend it (列席) too — except 干部任免 items, which only
 * the members and the 记录人 read. Nobody else in the unit sees a meeting at all, the administrator included.
 */
import type { ItemCategory } from '../decision-rules.js';
import { holds, isMe, isPartySecretary, type WhoInUnit } from './who.js';

export type DecisionMeetingStatus = 'preparing' | 'in_session' | 'closed' | 'withdrawn';
export const DECISION_MEETING_STATUS_LABELS: Record<DecisionMeetingStatus, string> = {
  preparing: '筹备中',
  in_session: '已召开（记录中）',
  closed: '已形成纪要',
  withdrawn: '已撤销',
};

export interface DecisionMeetingFacts {
  unitId: string;
  status: DecisionMeetingStatus;
  memberIds: readonly string[];
  recorderPersonId: string | null;
  /** Everyone who attends at least one item (列席). */
  attendeeIds: readonly string[];
}
export interface AgendaItemFacts {
  category: ItemCategory;
  attendeeIds: readonly string[];
}

export const DECISION_MEETING_CAN_KEYS = [
  'see',
  'edit',
  'withdraw',
  'open',
  'record',
  'close',
  'readMinutes',
  'downloadMinutes',
] as const;
export type DecisionMeetingCan = Record<(typeof DECISION_MEETING_CAN_KEYS)[number], boolean>;

/** The office and the 党组书记 prepare and record meetings. */
export const managesDecisionMeetings = (a: Pick<WhoInUnit, 'grants'>) =>
  holds(a, 'campaign_office') || isPartySecretary(a);

const inUnit = (a: WhoInUnit, m: Pick<DecisionMeetingFacts, 'unitId'>) => a.unitId === m.unitId;
const isMemberOrRecorder = (a: WhoInUnit, m: DecisionMeetingFacts) =>
  m.memberIds.some((id) => isMe(a, id)) || isMe(a, m.recorderPersonId);

/** Does the reader see the meeting (its heading, and the items they may read)? The list's SQL scope mirrors this. */
export const canSeeDecisionMeeting = (a: WhoInUnit, m: DecisionMeetingFacts) =>
  inUnit(a, m) && (managesDecisionMeetings(a) || isMemberOrRecorder(a, m) || m.attendeeIds.some((id) => isMe(a, id)));

/**
 * May the reader read an item (its materials, positions and conclusion)? Members, the 记录人 and the managers read
 * every item but 干部任免, which the members and the 记录人 alone read; a 列席 person reads the items they attend.
 */
export function canReadAgendaItem(a: WhoInUnit, m: DecisionMeetingFacts, item: AgendaItemFacts): boolean {
  if (!inUnit(a, m)) return false;
  if (isMemberOrRecorder(a, m)) return true;
  if (item.category === 'cadre') return false;
  return managesDecisionMeetings(a) || item.attendeeIds.some((id) => isMe(a, id));
}

export function decisionMeetingPolicy(a: WhoInUnit, m: DecisionMeetingFacts): DecisionMeetingCan {
  const see = canSeeDecisionMeeting(a, m);
  const manage = see && managesDecisionMeetings(a);
  const live = m.status !== 'withdrawn';
  return {
    see,
    edit: manage && m.status === 'preparing',
    withdraw: manage && m.status === 'preparing',
    // Held: attendance recorded, the session opens for positions and decisions.
    open: manage && m.status === 'preparing',
    record: manage && m.status === 'in_session',
    close: manage && m.status === 'in_session',
    readMinutes: see && live && m.status !== 'preparing',
    downloadMinutes: see && m.status === 'closed',
  };
}
