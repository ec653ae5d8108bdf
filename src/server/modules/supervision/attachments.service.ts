import type { Actor } from '../../../domain/roles.js';
import type { AppDeps } from '../../types.js';
import * as store from '../attachments/attachments.service.js';
import { itemsRepo } from './items.repo.js';
import { loadItem } from './items.service.js';
import { canReadItemContent } from '../../../domain/policies/item.js';

/**
 * An item's attachments (evidence, results), kept in the shared file store: the owner (or acting
 * backup) and the supervisors may attach (the item policy's `attach`); the type is checked by
 * content; the bytes are written once under their sha256.
 */
/** Checked before the upload is read: another unit's item is a 404, someone else's a 403. */
export async function checkCanAttach(deps: AppDeps, actor: Actor, itemId: string) {
  await loadItem(deps, actor, itemId, 'attach', '只有承办人或督办人员可以上传附件');
}

export async function attach(deps: AppDeps, actor: Actor, itemId: string, fileName: string, data: Buffer) {
  await checkCanAttach(deps, actor, itemId);
  const r = await store.attach(deps, actor, { type: 'item', id: itemId }, fileName, data);
  return { id: r.id, fileName: r.fileName, kind: r.kind, size: r.size };
}

export async function listAttachments(deps: Pick<AppDeps, 'db'>, unitId: string, itemId: string) {
  return store.listOf(deps.db, unitId, { type: 'item', id: itemId });
}

/** The stored file of an attachment the actor may see. */
export async function openAttachment(deps: AppDeps, actor: Actor, id: string) {
  return store.openFile(deps, actor.unitId, 'item', id, async (itemId) => {
    const row = await itemsRepo.byId(deps.db, actor.unitId, itemId);
    // An attachment is the item's content: a personal item's outsiders do not get it.
    return !!row && canReadItemContent(actor, row.item);
  });
}
