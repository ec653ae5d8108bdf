import type { z } from 'zod';
import { hasPermission, type Actor } from '../../../domain/roles.js';
import type { ZUnitBody } from '../../../shared/contracts/org.js';
import { conflict } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';

/** The own unit only, or (with oversight) a page of it and every unit below it, searched by name or code. */
export async function listUnits(deps: AppDeps, actor: Actor, q: { q?: string; page: number; pageSize: number }) {
  if (!hasPermission(actor, 'units.oversee')) {
    const own = (await orgRepo.unit(deps.db, actor.unitId))!;
    const items =
      q.page === 1 ? [{ id: own.id, parentId: own.parentId, code: own.code, name: own.name, isDemo: own.isDemo }] : [];
    return { items, total: 1, page: q.page, pageSize: q.pageSize };
  }
  const { rows, total } = await orgRepo.subtreePage(deps.db, actor.unitId, {
    q: q.q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows, total, page: q.page, pageSize: q.pageSize };
}

/** A unit below the actor's own; audited in both units (create_child above, create in the new one). */
export async function createChildUnit(deps: AppDeps, actor: Actor, body: z.infer<typeof ZUnitBody>) {
  if (await orgRepo.unitByCode(deps.db, body.code)) throw conflict(`单位代码“${body.code}”已被使用`);
  const now = deps.clock.now();
  const u = await deps.db.transaction(async (tx) => {
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
    return unit;
  });
  return { id: u.id, parentId: u.parentId, code: u.code, name: u.name, isDemo: u.isDemo };
}
