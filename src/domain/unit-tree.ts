/**
 * The tree of units (issue 20): what kinds of unit there are, where a unit may move, which units an oversight
 * grant reaches, and the state of an invitation to a new unit's first administrator. Pure: the caller gives the
 * ancestors it read and the time.
 */
import type { Actor, Grant } from './roles.js';
import { hasPermission } from './roles.js';

export const UNIT_KINDS = {
  province: '省级单位',
  city: '市级单位',
  county: '县（市、区）',
  bureau: '部门（局、委、办）',
  township: '乡镇（街道）',
  institution: '事业单位',
  other: '其他',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_CODES = Object.keys(UNIT_KINDS) as UnitKind[];

export type UnitStatus = 'active' | 'deactivated';

/** An invitation sets the password of a new unit's first administrator once, within 72 hours. */
export const INVITE_VALID_HOURS = 72;
export type InviteState = 'unused' | 'used' | 'expired' | 'revoked';
export const INVITE_STATE_LABELS: Record<InviteState, string> = {
  unused: '待使用',
  used: '已使用',
  expired: '已过期',
  revoked: '已撤销',
};

export function inviteState(
  i: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null },
  now: Date,
): InviteState {
  if (i.usedAt) return 'used';
  if (i.revokedAt) return 'revoked';
  return now >= i.expiresAt ? 'expired' : 'unused';
}

export const inviteExpiry = (createdAt: Date) => new Date(createdAt.getTime() + INVITE_VALID_HOURS * 3_600_000);

/**
 * Why `unitId` may not move under `newParentId` (null when it may): not under itself or one of its own
 * descendants (`newParentAncestors` lists the new parent's ancestors, nearest first), and only inside the
 * subtree the mover manages (`managedRoot`, the mover's own unit): the new parent is that unit or below it.
 */
export function moveProblem(
  unitId: string,
  newParentId: string,
  newParentAncestors: readonly string[],
  managedRoot: string,
): string | null {
  if (unitId === managedRoot) return '不能移动本单位';
  if (newParentId === unitId || newParentAncestors.includes(unitId)) return '不能把单位移到它自己或它的下级单位之下';
  if (newParentId !== managedRoot && !newParentAncestors.includes(managedRoot))
    return '只能移到本单位或本单位的下级单位之下';
  return null;
}

/**
 * The roots of the subtrees an actor oversees: for an `oversight` grant scoped to a subtree, that subtree's
 * root; for a unit-wide grant carrying units.oversee (the oversight role, the system administrator), the
 * actor's own unit. The actor reads the units strictly below each root — and the root itself when it is not
 * the actor's own unit (a subtree grant names a unit below the actor's).
 */
export function overseenRoots(actor: Pick<Actor, 'grants' | 'unitId'>): string[] {
  if (!hasPermission(actor, 'units.oversee')) return [];
  const roots = new Set<string>();
  for (const g of actor.grants as Grant[]) {
    if (g.scopeType === 'subtree' && g.role === 'oversight' && g.scopeId) roots.add(g.scopeId);
    else if (g.scopeType === 'unit' && (g.role === 'oversight' || g.role === 'system_admin')) roots.add(actor.unitId);
  }
  return [...roots];
}

/** May the actor oversee (read, never write) `target`, whose ancestors are `ancestorsOfTarget` (nearest first)? */
export function oversees(
  actor: Pick<Actor, 'grants' | 'unitId'>,
  target: string,
  ancestorsOfTarget: readonly string[],
): boolean {
  if (target === actor.unitId) return false;
  return overseenRoots(actor).some((root) => root === target || ancestorsOfTarget.includes(root));
}
