/**
 * Who may see and change the annual plan of documents and meetings, the 发文 register and the 减负 view
 * (measure 38). The office (领导小组办公室) and the 党组书记 manage them; the leadership (党组成员) reads them.
 * Nobody else — a member, a department head, the system administrator — opens the plan at all.
 */
import { holds, isLeadership, isPartySecretary, type WhoInUnit } from './who.js';

export const PLAN_CAN_KEYS = ['see', 'manage'] as const;
export type PlanCan = Record<(typeof PLAN_CAN_KEYS)[number], boolean>;
export const PLAN_RECORD_CAN_KEYS = ['see', 'edit', 'withdraw'] as const;
export type PlanRecordCan = Record<(typeof PLAN_RECORD_CAN_KEYS)[number], boolean>;

/** Manages the plan, the register, the settings and the reasons of unplanned meetings. */
export const managesPlan = (a: Pick<WhoInUnit, 'grants'>) => holds(a, 'campaign_office') || isPartySecretary(a);

/** The plan as a whole, in the actor's own unit. */
export function planPolicy(a: Pick<WhoInUnit, 'grants'>): PlanCan {
  const manage = managesPlan(a);
  return { see: manage || isLeadership(a), manage };
}

/** One plan entry or registered document: changed while live, by those who manage the plan of its unit. */
export function planRecordPolicy(a: WhoInUnit, r: { unitId: string; withdrawnReason: string | null }): PlanRecordCan {
  const see = a.unitId === r.unitId && planPolicy(a).see;
  const change = see && managesPlan(a) && r.withdrawnReason === null;
  return { see, edit: change, withdraw: change };
}
