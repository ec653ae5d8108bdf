/** Who may see and void a heart-to-heart talk record (谈心谈话): personal to its two sides and the few above. */
import { hasPermission } from '../roles.js';
import { isBranchSecretary, isLeadership, isMe, type Who } from './who.js';

export interface TalkFacts {
  aPersonId: string;
  bPersonId: string;
  recordedBy: string;
  voided: boolean;
}
export type TalkCan = { see: boolean; void: boolean };

export function canSeeTalk(a: Who, t: Pick<TalkFacts, 'aPersonId' | 'bPersonId' | 'recordedBy'>): boolean {
  if ([t.aPersonId, t.bPersonId, t.recordedBy].some((p) => isMe(a, p))) return true;
  return isBranchSecretary(a) || isLeadership(a);
}

export function talkPolicy(a: Who, t: TalkFacts): TalkCan {
  const see = canSeeTalk(a, t);
  return { see, void: see && !t.voided && (isMe(a, t.recordedBy) || hasPermission(a, 'orglife.manage')) };
}

/** Recording a talk: one of its two sides, or the meeting's organisers (orglife.manage). */
export const mayRecordTalk = (a: Who, t: Pick<TalkFacts, 'aPersonId' | 'bPersonId'>) =>
  isMe(a, t.aPersonId) || isMe(a, t.bPersonId) || hasPermission(a, 'orglife.manage');
