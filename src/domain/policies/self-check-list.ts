/**
 * Who may see and do what with a self-check list (自查清单). The branch's own list (no owner) is
 * discussed openly; a member's is personal: its author, the branch secretary and the leadership.
 * Records derived from it (rectification rows and items) keep that class.
 */
import { hasPermission } from '../roles.js';
import { isBranchSecretary, isLeadership, isMe, type Who } from './who.js';

export type ListStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export interface ListFacts {
  /** The member whose list it is; null for the branch's own list. */
  personId: string | null;
  status: ListStatus;
  meetingStatus: string;
}
export const LIST_CAN_KEYS = ['see', 'edit', 'submit', 'decide', 'readOpinionsAbout'] as const;
export type ListCan = Record<(typeof LIST_CAN_KEYS)[number], boolean>;

export function canSeeList(a: Who, ownerPersonId: string | null): boolean {
  if (ownerPersonId === null) return true;
  return isMe(a, ownerPersonId) || isBranchSecretary(a) || isLeadership(a);
}

/** Only the branch secretary returns or approves a member's list. */
export const canDecideList = (a: Who) => isBranchSecretary(a);

export function selfCheckListPolicy(a: Who, l: ListFacts): ListCan {
  const see = canSeeList(a, l.personId);
  const branchList = l.personId === null;
  const mine = isMe(a, l.personId);
  const open = l.status === 'draft' || l.status === 'returned';
  return {
    see,
    // The branch's list stays open after the meeting: owners, measures and deadlines of rectification are set then.
    edit:
      see &&
      (branchList
        ? hasPermission(a, 'orglife.manage') && l.status !== 'approved'
        : mine && open && l.meetingStatus === 'preparing'),
    submit: see && !branchList && mine && open && l.meetingStatus === 'preparing',
    decide: see && canDecideList(a) && (branchList ? l.status !== 'approved' : l.status === 'submitted'),
    readOpinionsAbout: see && !branchList && (mine || isBranchSecretary(a)),
  };
}
