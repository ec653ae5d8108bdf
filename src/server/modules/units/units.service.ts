import type { z } from 'zod';
import { hasUnitWide, type Actor } from '../../../domain/roles.js';
import { unitPolicy } from '../../../domain/policies/unit.js';
import { moveProblem, overseenRoots } from '../../../domain/unit-tree.js';
import type { ZUnitBody } from '../../../shared/contracts/org.js';
import type { ZUnitDeactivate, ZUnitListQuery, ZUnitMove, ZUnitPatch } from '../../../shared/contracts/unit-tree.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { usersRepo } from '../users/users.repo.js';
import { unitsRepo, type UnitRow } from './units.repo.js';

/**
 * The tree of units (issue 20). A reader without oversight sees its own unit; an overseer pages through its own
 * unit and the subtrees it oversees, or the children of one unit it may see. The system administrator manages
 * the units below its own (domain/policies/unit).
 */
export async function listUnits(deps: AppDeps, actor: Actor, q: z.infer<typeof ZUnitListQuery>) {
  const page = { q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const paged = (r: { rows: UnitRow[]; total: number }) => ({
    items: r.rows,
    total: r.total,
    page: q.page,
    pageSize: q.pageSize,
  });
  const roots = overseenRoots(actor);
  if (q.parentId) {
    const { can } = await unitOr404(deps, actor, q.parentId);
    const own = q.parentId === actor.unitId;
    // The children of a unit the reader oversees or manages below; for its own unit, only when its oversight or
    // management reaches the whole unit — an overseer of one subtree gets that subtree's root instead.
    if (can.view || can.manage || (own && (roots.includes(actor.unitId) || hasUnitWide(actor, 'units.manage'))))
      return paged(await unitsRepo.childrenPage(deps.db, q.parentId, page));
    if (!own) throw notFound('单位');
    const below = (await Promise.all(roots.map((id) => unitsRepo.get(deps.db, id)))).filter((u): u is UnitRow => !!u);
    return paged({ rows: below.slice(page.offset, page.offset + page.limit), total: below.length });
  }
  // An overseer whose only grant names a subtree below sees its own unit and that subtree's root (then opens it).
  if (!roots.includes(actor.unitId)) {
    const own = (await unitsRepo.get(deps.db, actor.unitId))!;
    const below = await Promise.all(roots.map((id) => unitsRepo.get(deps.db, id)));
    const all = [own, ...below.filter((u): u is UnitRow => !!u)].filter(
      (u) => !q.q || u.name.includes(q.q) || u.code.includes(q.q),
    );
    return paged({ rows: all.slice(page.offset, page.offset + page.limit), total: all.length });
  }
  return paged(await unitsRepo.subtreePage(deps.db, actor.unitId, page));
}

/** A unit the actor may see, with its policy; 404 otherwise (another tree's unit is never confirmed). */
export async function unitOr404(deps: Pick<AppDeps, 'db'>, actor: Actor, id: string) {
  const unit = await unitsRepo.get(deps.db, id);
  if (!unit) throw notFound('单位');
  const ancestors = await orgRepo.ancestors(deps.db, id);
  const can = unitPolicy(actor, { id, ancestors });
  if (!can.see) throw notFound('单位');
  return { unit, ancestors, can };
}

/** A unit below the actor's own; audited in both units (create_child above, create in the new one). */
export async function createChildUnit(deps: AppDeps, actor: Actor, body: z.infer<typeof ZUnitBody>) {
  if (await orgRepo.unitByCode(deps.db, body.code)) throw conflict(`单位代码“${body.code}”已被使用`);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const unit = await orgRepo.insertUnit(tx, { ...body, parentId: actor.unitId, createdAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'unit',
      entityId: unit.id,
      action: 'create_child',
      after: body,
    });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: unit.id,
      entityType: 'unit',
      entityId: unit.id,
      action: 'create',
      after: { ...body, parentId: actor.unitId },
    });
    return unit.id;
  });
  return (await unitsRepo.get(deps.db, id))!;
}

/** Audits one change of a unit in the unit itself and in the actor's unit above it. */
async function auditBoth(
  deps: AppDeps,
  tx: AppDeps['db'],
  actor: Actor,
  unitId: string,
  action: 'update' | 'move' | 'deactivate' | 'reactivate',
  before: unknown,
  after: unknown,
) {
  const now = deps.clock.now();
  for (const where of [unitId, actor.unitId])
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: where,
      entityType: 'unit',
      entityId: unitId,
      action,
      before,
      after,
    });
}

export async function editUnit(deps: AppDeps, actor: Actor, id: string, body: z.infer<typeof ZUnitPatch>) {
  const { unit, can } = await unitOr404(deps, actor, id);
  authorize(can, 'manage', '只有上级单位的系统管理员可以修改下级单位');
  await deps.db.transaction(async (tx) => {
    await unitsRepo.update(tx, id, {
      ...(body.name ? { name: body.name } : {}),
      ...(body.kind ? { kind: body.kind } : {}),
    });
    await auditBoth(deps, tx, actor, id, 'update', { name: unit.name, kind: unit.kind }, body);
  });
  return (await unitsRepo.get(deps.db, id))!;
}

export async function moveUnit(deps: AppDeps, actor: Actor, id: string, body: z.infer<typeof ZUnitMove>) {
  const { unit, can } = await unitOr404(deps, actor, id);
  authorize(can, 'manage', '只有上级单位的系统管理员可以调整下级单位的隶属关系');
  if (body.parentId === unit.parentId) throw badRequest('新的上级单位与原上级单位相同');
  const target = await unitsRepo.get(deps.db, body.parentId);
  if (!target) throw badRequest('新的上级单位不存在');
  const problem = moveProblem(id, body.parentId, await orgRepo.ancestors(deps.db, body.parentId), actor.unitId);
  if (problem) throw badRequest(problem);
  if (target.status === 'deactivated') throw badRequest('不能移到已停用的单位之下');
  await deps.db.transaction(async (tx) => {
    await unitsRepo.update(tx, id, { parentId: body.parentId });
    await auditBoth(deps, tx, actor, id, 'move', { parentId: unit.parentId }, { parentId: body.parentId });
  });
  return (await unitsRepo.get(deps.db, id))!;
}

/** Deactivated, never deleted: its accounts are signed out and cannot sign in; its records stay. */
export async function deactivateUnit(deps: AppDeps, actor: Actor, id: string, body: z.infer<typeof ZUnitDeactivate>) {
  const { unit, can } = await unitOr404(deps, actor, id);
  authorize(can, 'manage', '只有上级单位的系统管理员可以停用下级单位');
  if (unit.status === 'deactivated') throw conflict('该单位已停用');
  if ((await unitsRepo.activeChildren(deps.db, id)) > 0) throw badRequest('请先停用或移出它的下级单位');
  await deps.db.transaction(async (tx) => {
    await unitsRepo.update(tx, id, { deactivatedAt: deps.clock.now(), deactivatedReason: body.reason });
    await usersRepo.endSessionsOfUnit(tx, id);
    await auditBoth(deps, tx, actor, id, 'deactivate', null, { reason: body.reason });
  });
  return (await unitsRepo.get(deps.db, id))!;
}

export async function reactivateUnit(deps: AppDeps, actor: Actor, id: string) {
  const { unit, can } = await unitOr404(deps, actor, id);
  authorize(can, 'manage', '只有上级单位的系统管理员可以启用下级单位');
  if (unit.status === 'active') throw conflict('该单位未停用');
  const parent = unit.parentId ? await unitsRepo.get(deps.db, unit.parentId) : undefined;
  if (parent?.status === 'deactivated') throw badRequest('上级单位已停用，请先启用上级单位');
  await deps.db.transaction(async (tx) => {
    await unitsRepo.update(tx, id, { deactivatedAt: null, deactivatedReason: null });
    await auditBoth(deps, tx, actor, id, 'reactivate', { reason: unit.deactivatedReason }, null);
  });
  return (await unitsRepo.get(deps.db, id))!;
}
