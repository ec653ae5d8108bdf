/**
 * Who may see and do what with the on-duty checks (在岗检查): the monthly plan, its draw and the records of
 * what the inspectors saw. The draw is unannounced: only the discipline staff know it, so everyone else is
 * answered as if it did not exist (404) — the 党组书记 and the office included.
 */
import { isDisciplineStaff, type Who } from './who.js';

export type CheckStatus = 'planned' | 'recorded' | 'withdrawn';
export const CHECK_CAN_KEYS = ['see', 'record', 'withdraw'] as const;
export type CheckCan = Record<(typeof CHECK_CAN_KEYS)[number], boolean>;

export const canSeeChecks = (a: Pick<Who, 'grants'>) => isDisciplineStaff(a);
/** Drawing a month's plan (and replaying a stored one). */
export const mayDrawChecks = (a: Pick<Who, 'grants'>) => isDisciplineStaff(a);

export function checkPolicy(a: Pick<Who, 'grants'>, c: { status: CheckStatus | string }): CheckCan {
  const see = canSeeChecks(a);
  return { see, record: see && c.status === 'planned', withdraw: see && c.status === 'planned' };
}
