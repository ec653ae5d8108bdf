import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../domain/roles.js';
import { canChaseItem, canSeeItem } from '../../../domain/policies/item.js';
import type { ItemStatus } from '../../../domain/supervision.js';
import { forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { notifyItem } from '../notifications/notifications.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { itemsRepo } from './items.repo.js';
import { noticeTitleOf } from '../../../domain/policies/item.js';

/** 催办: the office chases one item or a selection with a message; owners see it in their inbox. */
export async function chaseItems(deps: AppDeps, actor: Actor, itemIds: string[], message: string) {
  const at = deps.clock.now();
  await assertInUnit(deps.db, actor.unitId, { item: itemIds });
  const rows = await Promise.all(itemIds.map((id) => itemsRepo.byId(deps.db, actor.unitId, id)));
  if (rows.some((r) => !r || !canSeeItem(actor, r.item))) throw notFound('督办事项');
  // A selection may mix closed items in: those the policy does not let chase are left out.
  const open = rows.filter((r) => canChaseItem(actor, { ...r!.item, status: r!.item.status as ItemStatus }));
  if (open.length === 0) throw forbidden('所选事项均已办结或撤销，无需催办');
  await deps.db.transaction(async (tx) => {
    for (const r of open) {
      const key = `chase:${randomUUID()}`;
      await notifyItem(tx, at, r!.item, {
        kind: 'chase',
        title: `催办：${noticeTitleOf(r!.item)}`,
        body: message,
        key,
      });
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId: actor.unitId,
        entityType: 'item',
        entityId: r!.item.id,
        action: 'chase',
        after: { message },
      });
    }
  });
  return { chased: open.length };
}
