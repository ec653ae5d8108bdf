import type { Actor } from '../../../domain/roles.js';
import { notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import type { Db } from '../../db/client.js';
import { notificationsRepo } from './notifications.repo.js';

/** The item a notice is about: who owns it (and backs them up). */
export interface NoticeItem {
  id: string;
  unitId: string;
  title: string;
  ownerPersonId: string;
  backupPersonId: string | null;
}

/** Writes a notice about an item to its owner (and backup), in the caller's transaction. */
export async function notifyItem(
  tx: Db,
  at: Date,
  item: NoticeItem,
  n: { kind: string; title: string; body: string; key: string; to?: string[] },
) {
  const recipients = n.to ?? [item.ownerPersonId, ...(item.backupPersonId ? [item.backupPersonId] : [])];
  return notificationsRepo.add(
    tx,
    [...new Set(recipients)].map((recipientPersonId) => ({
      unitId: item.unitId,
      recipientPersonId,
      kind: n.kind,
      itemId: item.id,
      title: n.title,
      body: n.body,
      dedupeKey: `${n.key}:${recipientPersonId}`,
      createdAt: at,
    })),
  );
}

export async function inbox(deps: AppDeps, actor: Actor, q: { unread: boolean; page: number; pageSize: number }) {
  if (!actor.personId) return { items: [], total: 0, unread: 0, page: q.page, pageSize: q.pageSize };
  const r = await notificationsRepo.inbox(deps.db, actor.unitId, actor.personId, {
    unread: q.unread,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total: r.total,
    unread: r.unread,
    page: q.page,
    pageSize: q.pageSize,
    items: r.rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      itemId: n.itemId,
      title: n.title,
      body: n.body,
      createdAt: n.createdAt.toISOString(),
      read: !!n.readAt,
    })),
  };
}

/** Marks one notice (or all) read; a notice that is not the actor's answers 404. */
export async function markRead(deps: AppDeps, actor: Actor, id?: string) {
  if (id && (!actor.personId || !(await notificationsRepo.exists(deps.db, actor.unitId, actor.personId, id))))
    throw notFound('提醒');
  if (!actor.personId) return { updated: 0 };
  return { updated: await notificationsRepo.markRead(deps.db, actor.unitId, actor.personId, deps.clock.now(), id) };
}
