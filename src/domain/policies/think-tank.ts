/**
 * Who may see and change the think tank (智库, measure 7): the experts and their advice are read by the leadership
 * (班子成员, the 党组书记 included), the office and department heads — never by a member — and managed by the
 * office alone. An outside expert's contact is personal data: the office alone reads it.
 */
import { headedDepartments } from './leave.js';
import { isLeadership, type WhoInUnit } from './who.js';
import { isOffice } from './project.js';

export const THINK_TANK_CAN_KEYS = ['see', 'manage', 'seeContact'] as const;
export type ThinkTankCan = Record<(typeof THINK_TANK_CAN_KEYS)[number], boolean>;
export const TANK_RECORD_CAN_KEYS = ['see', 'edit', 'withdraw'] as const;
export type TankRecordCan = Record<(typeof TANK_RECORD_CAN_KEYS)[number], boolean>;
export const ADVICE_CAN_KEYS = ['see', 'edit', 'withdraw', 'recordOutcome'] as const;
export type AdviceCan = Record<(typeof ADVICE_CAN_KEYS)[number], boolean>;

/** The think tank as a whole, in the actor's own unit. */
export function thinkTankPolicy(a: Pick<WhoInUnit, 'grants'>): ThinkTankCan {
  const manage = isOffice(a);
  return { see: manage || isLeadership(a) || headedDepartments(a).length > 0, manage, seeContact: manage };
}

/** An expert: changed while live, by the office of its unit. */
export function expertPolicy(a: WhoInUnit, e: { unitId: string; withdrawnReason: string | null }): TankRecordCan {
  const see = a.unitId === e.unitId && thinkTankPolicy(a).see;
  const change = see && thinkTankPolicy(a).manage && e.withdrawnReason === null;
  return { see, edit: change, withdraw: change };
}

/** An advice record: changed and its outcome recorded while live, by the office of its unit. */
export function advicePolicy(a: WhoInUnit, r: { unitId: string; withdrawnReason: string | null }): AdviceCan {
  const can = expertPolicy(a, r);
  return { ...can, recordOutcome: can.edit };
}
