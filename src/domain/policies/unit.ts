/**
 * Who may see and change a unit of the tree (issue 20). A unit's own members see it; an overseer sees the units
 * of the subtrees it oversees (domain/unit-tree `oversees`), read-only. The system administrator of a unit
 * (units.manage, unit-wide) manages the units strictly below its own: creates, renames, moves, deactivates and
 * invites their first administrators. Nobody manages their own unit through the tree, nor a unit above it.
 */
import { hasUnitWide, type Actor } from '../roles.js';
import { oversees } from '../unit-tree.js';

export const UNIT_CAN_KEYS = ['see', 'manage', 'view'] as const;
export type UnitCan = Record<(typeof UNIT_CAN_KEYS)[number], boolean>;

/** `ancestors`: the unit's ancestors, nearest first. `view`: open its pages read-only (drill-down). */
export function unitPolicy(
  a: Pick<Actor, 'grants' | 'unitId'>,
  u: { id: string; ancestors: readonly string[] },
): UnitCan {
  const below = u.ancestors.includes(a.unitId);
  const view = oversees(a, u.id, u.ancestors);
  const manage = below && hasUnitWide(a, 'units.manage');
  return { see: a.unitId === u.id || view || manage, manage, view };
}
