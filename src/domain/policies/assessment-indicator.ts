/**
 * Who may see and act on 考核指标 (measure 9). The office (领导小组办公室) creates, edits and withdraws indicators
 * and reviews reported values; a department head reports the values of their department's indicators, a person
 * their own, the office any. A department's indicators are seen by the unit's leadership, the office, the
 * department's head and its members; a person's by the person, their department head, the office and the
 * leadership. Nobody else (an administrator, a member of another department) sees them at all.
 */
import type { Actor } from '../roles.js';
import { hasPermission, holds, isLeadership, isMe, type WhoInUnit } from './who.js';

export const INDICATOR_CAN_KEYS = ['see', 'edit', 'withdraw', 'report', 'review'] as const;
export type IndicatorCan = Record<(typeof INDICATOR_CAN_KEYS)[number], boolean>;
export const INDICATORS_CAN_KEYS = ['create'] as const;

/** The indicator as the policy needs it: for a person's, `ownerDepartmentId` is the person's department. */
export interface IndicatorAccessFacts {
  unitId: string;
  ownerKind: 'department' | 'person';
  ownerId: string;
  ownerDepartmentId: string | null;
  source: string;
  withdrawnReason: string | null;
}

/** The actor with the department of its own person (null: none, or an account without a person). */
export type IndicatorActor = WhoInUnit & { departmentId: string | null };

export const managesIndicators = (a: Pick<Actor, 'grants'>) => holds(a, 'campaign_office');

/** The departments whose heads the actor is. */
export const headOf = (a: Pick<Actor, 'grants'>): string[] =>
  a.grants.flatMap((g) =>
    g.role === 'department_head' && g.scopeType === 'department' && g.scopeId ? [g.scopeId] : [],
  );

/** Sees every indicator of the unit: the office and the leadership. */
export const seesAllIndicators = (a: Pick<Actor, 'grants'>) => managesIndicators(a) || isLeadership(a);

/** May the tab open at all: whoever may see some indicator (an account without a person sees none of its own). */
export const opensIndicators = (a: Pick<Actor, 'grants' | 'personId'>) =>
  seesAllIndicators(a) || headOf(a).length > 0 || a.personId !== null;

/**
 * Reads the items behind a value (their titles and states): those who read the unit's ledger, and a person the
 * items of their own indicator (they are that person's). Others see the value and its reason, not the items.
 */
export const readsItemEvidence = (a: IndicatorActor, i: Pick<IndicatorAccessFacts, 'ownerKind' | 'ownerId'>) =>
  hasPermission(a, 'supervision.read') || (i.ownerKind === 'person' && isMe(a, i.ownerId));

/** Reviews one reported value: a reviewer of the indicator, still waiting, and never the one who reported it. */
export const mayReviewReport = (
  can: Pick<IndicatorCan, 'review'>,
  a: Pick<Actor, 'personId'> & Partial<Pick<Actor, 'userId'>>,
  r: { status: string; reportedBy: string; reportedByPerson: string | null },
) => can.review && r.status === 'submitted' && r.reportedBy !== a.userId && !isMe(a, r.reportedByPerson);

export function indicatorsPolicy(a: Pick<Actor, 'grants'>) {
  return { create: managesIndicators(a) };
}

export function indicatorPolicy(a: IndicatorActor, i: IndicatorAccessFacts): IndicatorCan {
  const none = { see: false, edit: false, withdraw: false, report: false, review: false };
  if (a.unitId !== i.unitId) return none;
  const heads = i.ownerDepartmentId !== null && headOf(a).includes(i.ownerDepartmentId);
  const own = i.ownerKind === 'person' ? isMe(a, i.ownerId) : heads;
  const member = i.ownerKind === 'department' && a.departmentId !== null && a.departmentId === i.ownerId;
  const see = seesAllIndicators(a) || heads || own || member;
  if (!see) return none;
  const live = i.withdrawnReason === null;
  const office = managesIndicators(a);
  return {
    see,
    edit: live && office,
    withdraw: live && office,
    report: live && i.source === 'reported' && (office || own),
    review: live && i.source === 'reported' && office,
  };
}
