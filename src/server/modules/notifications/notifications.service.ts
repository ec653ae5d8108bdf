import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../domain/roles.js';
import { forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { itemsRepo, type ItemRow } from '../supervision/items.repo.js';
import { canSeeItem } from '../../../domain/policies/item.js';
import { isOpenStatus, type ItemStatus } from '../../../domain/supervision.js';
import { notificationsRepo } from './notifications.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';

/** Writes a notice about an item to its owner (and backup), in the caller's transaction. */
export async function notifyItem(tx: Db, at: Date, item: Pick<ItemRow, 'id' | 'unitId' | 'title' | 'ownerPersonId' | 'backupPersonId'>, n: { kind: string; title: string; body: string; key: string; to?: string[] }) {
  const recipients = n.to ?? [item.ownerPersonId, ...(item.backupPersonId ? [item.backupPersonId] : [])];
  return notificationsRepo.add(tx, [...new Set(recipients)].map((recipientPersonId) => ({
    unitId: item.unitId, recipientPersonId, kind: n.kind, itemId: item.id, title: n.title, body: n.body, dedupeKey: `${n.key}:${recipientPersonId}`, createdAt: at,
  })));
}

/** 催办: the office chases one item or a selection with a message; owners see it in their inbox. */
export async function chaseItems(deps: AppDeps, actor: Actor, itemIds: string[], message: string) {
  const at = deps.clock.now();
  await assertInUnit(deps.db, actor.unitId, { item: itemIds });
  const rows = await Promise.all(itemIds.map((id) => itemsRepo.byId(deps.db, actor.unitId, id)));
  if (rows.some((r) => !r || !canSeeItem(actor, r.item))) throw notFound('督办事项');
  const open = rows.filter((r) => isOpenStatus(r!.item.status as ItemStatus));
  if (open.length === 0) throw forbidden('所选事项均已办结或撤销，无需催办');
  await deps.db.transaction(async (tx) => {
    for (const r of open) {
      const key = `chase:${randomUUID()}`;
      await notifyItem(tx, at, r!.item, { kind: 'chase', title: `催办：${r!.item.title}`, body: message, key });
      await recordAudit(tx, auditActorOf(actor), at, { unitId: actor.unitId, entityType: 'item', entityId: r!.item.id, action: 'chase', after: { message } });
    }
  });
  return { chased: open.length };
}

export async function inbox(deps: AppDeps, actor: Actor, q: { unread: boolean; page: number; pageSize: number }) {
  if (!actor.personId) return { items: [], total: 0, unread: 0, page: q.page, pageSize: q.pageSize };
  const r = await notificationsRepo.inbox(deps.db, actor.unitId, actor.personId, { unread: q.unread, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    total: r.total, unread: r.unread, page: q.page, pageSize: q.pageSize,
    items: r.rows.map((n) => ({ id: n.id, kind: n.kind, itemId: n.itemId, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), read: !!n.readAt })),
  };
}

/** Marks one notice (or all) read; a notice that is not the actor's answers 404. */
export async function markRead(deps: AppDeps, actor: Actor, id?: string) {
  if (id && (!actor.personId || !(await notificationsRepo.exists(deps.db, actor.unitId, actor.personId, id)))) throw notFound('提醒');
  if (!actor.personId) return { updated: 0 };
  return { updated: await notificationsRepo.markRead(deps.db, actor.unitId, actor.personId, deps.clock.now(), id) };
}
