import type { Db } from '../../db/client.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { upwardRepo } from './upward.repo.js';

/**
 * Tells each addressed unit's office (domain: its 领导小组办公室, else its system administrators) in that unit's
 * inbox; with `andOwners`, also the owner and backup of the item the unit registered, so that a chase reaches who
 * handles it (the closed loop's 催办).
 */
export async function notifyOffices(
  tx: Db,
  at: Date,
  targets: { id: string; targetUnitId: string; itemId: string | null }[],
  n: { key: string; title: string; body: string },
  andOwners = false,
) {
  for (const t of targets) {
    const people = await upwardRepo.officePeople(tx, t.targetUnitId);
    const owners = andOwners && t.itemId ? await upwardRepo.itemOwners(tx, t.targetUnitId, t.itemId) : [];
    await notificationsRepo.add(
      tx,
      [...new Set([...people, ...owners])].map((recipientPersonId) => ({
        unitId: t.targetUnitId,
        recipientPersonId,
        kind: 'upward',
        itemId: owners.includes(recipientPersonId) ? t.itemId : null,
        title: n.title,
        body: n.body,
        dedupeKey: `upward:${t.id}:${n.key}:${recipientPersonId}`,
        createdAt: at,
      })),
    );
  }
}
