/**
 * Who may do the upper level's own work on the units below it (issue 20: 督查检查计划, 上报, 上级交办, 随机抽查,
 * the cross-unit dashboard). Reading is for whoever oversees some subtree (domain/unit-tree `overseenRoots`);
 * managing — drafting the plan, asking for reports, assigning, chasing, drawing spot checks — is for the unit's
 * 督查室: an `oversight` grant over the whole unit. An overseer whose grant covers one subtree only reads.
 */
import { hasUnitWide, type Actor } from '../roles.js';
import { overseenRoots } from '../unit-tree.js';

export const OVERSIGHT_CAN_KEYS = ['read', 'manage'] as const;
export type OversightCan = Record<(typeof OVERSIGHT_CAN_KEYS)[number], boolean>;

export function oversightPolicy(a: Pick<Actor, 'grants' | 'unitId'>): OversightCan {
  const read = overseenRoots(a).length > 0;
  return { read, manage: read && hasUnitWide(a, 'oversight.manage') };
}
