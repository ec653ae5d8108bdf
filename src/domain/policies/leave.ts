/**
 * Who may see and do what with a leave request (请销假). The person requests, withdraws and closes (销假)
 * their own leave; the awaited approvers decide the current step (the head of the person's department,
 * then above the threshold the 分管领导; a head's own leave goes to the 分管领导, a leader's to the 党组书记 —
 * nobody approves their own). The office, the discipline staff and the party secretary see the unit's
 * leaves; the REASON is personal data: the person, the approvers (and the department's heads, who approve
 * such requests) and the discipline staff read it, nobody else.
 */
import type { Actor } from '../roles.js';
import { mayReturnFromLeave, mayWithdrawLeave, LeaveError, type LeaveStatus } from '../leave.js';
import { holds, isDisciplineStaff, isMe, isPartySecretary } from './who.js';

export interface LeaveFacts {
  unitId: string;
  personId: string;
  departmentId: string | null;
  status: LeaveStatus;
  fromDate: string;
  /** Whoever may decide the step the leave awaits (empty unless pending). */
  awaitingIds: readonly string[];
  headDecidedBy: string | null;
  leaderDecidedBy: string | null;
}

/** The facts of a stored leave (its row), as the policy reads them. */
export const leaveFactsOf = (l: Omit<LeaveFacts, 'status'> & { status: string }): LeaveFacts => ({
  unitId: l.unitId,
  personId: l.personId,
  departmentId: l.departmentId,
  status: l.status as LeaveStatus,
  fromDate: l.fromDate,
  awaitingIds: l.awaitingIds,
  headDecidedBy: l.headDecidedBy,
  leaderDecidedBy: l.leaderDecidedBy,
});

export const LEAVE_CAN_KEYS = ['see', 'reason', 'approve', 'reject', 'withdraw', 'return'] as const;
export type LeaveCan = Record<(typeof LEAVE_CAN_KEYS)[number], boolean>;

/** The departments whose heads the actor is (department_head granted for that department). */
export const headedDepartments = (a: Pick<Actor, 'grants'>): string[] =>
  a.grants.flatMap((g) =>
    g.role === 'department_head' && g.scopeType === 'department' && g.scopeId ? [g.scopeId] : [],
  );

/** Sees every leave of the unit (reasons per `leavePolicy`): the office, the discipline staff, the party secretary. */
export const seesUnitLeave = (a: Pick<Actor, 'grants'>) =>
  isDisciplineStaff(a) || isPartySecretary(a) || holds(a, 'campaign_office');

const approverOf = (a: Actor, l: LeaveFacts) =>
  [...l.awaitingIds, l.headDecidedBy, l.leaderDecidedBy].some((p) => isMe(a, p)) ||
  (l.departmentId !== null && headedDepartments(a).includes(l.departmentId));

/** `today`: the Asia/Shanghai date, for withdrawing (before the start) and 销假 (after it). */
export function leavePolicy(a: Actor, l: LeaveFacts, today: string): LeaveCan {
  const none: LeaveCan = { see: false, reason: false, approve: false, reject: false, withdraw: false, return: false };
  if (a.unitId !== l.unitId) return none;
  const mine = isMe(a, l.personId);
  const approver = approverOf(a, l);
  const see = mine || approver || seesUnitLeave(a);
  if (!see) return none;
  const decides = l.status === 'pending' && !mine && l.awaitingIds.some((p) => isMe(a, p));
  return {
    see,
    reason: mine || approver || isDisciplineStaff(a),
    approve: decides,
    reject: decides,
    withdraw: mine && mayWithdrawLeave(l, today),
    return: mine && mayReturnFromLeave(l, today),
  };
}

/** Who may approve the leave's first step, and whether they stand in for the 分管领导 too. */
export interface HeadStep {
  ids: string[];
  /** The step is decided by the 分管领导 (or above), so the 分管领导's own step is done with it. */
  byLeader: boolean;
}

/**
 * The first step's approvers: the department's heads other than the requester; for a head (or a person
 * without one) the 分管领导 on the leave's first day; for the 分管领导 (or when none is set) the party
 * secretary. Nobody approves their own leave: refused when nobody remains.
 */
export function headStepOf(f: {
  requesterId: string;
  heads: readonly string[];
  leader: string | null;
  secretaries: readonly string[];
}): HeadStep {
  const others = (ids: readonly string[]) => [...new Set(ids.filter((id) => id !== f.requesterId))];
  if (!f.heads.includes(f.requesterId) && others(f.heads).length > 0) return { ids: others(f.heads), byLeader: false };
  if (f.leader && f.leader !== f.requesterId) return { ids: [f.leader], byLeader: true };
  const above = others(f.secretaries);
  if (above.length > 0) return { ids: above, byLeader: true };
  throw new LeaveError('没有可以审批您请假的人：请先请办公室设置科室负责人或分管领导');
}

/** The second step's approvers: the 分管领导, or the party secretary when none is set; empty: no second step. */
export function leaderStepOf(f: {
  requesterId: string;
  leader: string | null;
  secretaries: readonly string[];
}): string[] {
  if (f.leader && f.leader !== f.requesterId) return [f.leader];
  return [...new Set(f.secretaries.filter((id) => id !== f.requesterId))];
}
