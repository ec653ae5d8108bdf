import type { Actor } from '../../../domain/roles.js';
import { attachmentsRepo } from './attachments.repo.js';
import { notFound } from '../../errors.js';
import { readStoredFile, storeFile } from '../../files.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { itemsRepo } from './items.repo.js';
import { loadItem } from './items.service.js';
import { canReadItemContent } from '../../../domain/policies/item.js';

/**
 * Stores an attachment of an item: the owner (or acting backup) and the supervisors may attach;
 * the type is checked by content; the bytes are written once under their sha256.
 */
/** Checked before the upload is read: another unit's item is a 404, someone else's a 403. */
export async function checkCanAttach(deps: AppDeps, actor: Actor, itemId: string) {
  await loadItem(deps, actor, itemId, 'attach', '只有承办人或督办人员可以上传附件');
}

export async function attach(deps: AppDeps, actor: Actor, itemId: string, fileName: string, data: Buffer) {
  await checkCanAttach(deps, actor, itemId);
  const f = storeFile(deps.config.filesDir, fileName, data);
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const r = await attachmentsRepo.insert(tx, { unitId: actor.unitId, itemId, ...f, uploadedBy: actor.userId, createdAt: at });
    await recordAudit(tx, auditActorOf(actor), at, { unitId: actor.unitId, entityType: 'item', entityId: itemId, action: 'attach', after: { fileName: f.fileName, sha256: f.sha256, size: f.size } });
    return { id: r.id, fileName: f.fileName, kind: f.kind, size: f.size };
  });
}

export async function listAttachments(deps: Pick<AppDeps, 'db'>, unitId: string, itemId: string) {
  const rows = await attachmentsRepo.ofItem(deps.db, unitId, itemId);
  return rows.map((r) => ({ id: r.id, fileName: r.fileName, kind: r.kind, size: r.size }));
}

/** The stored file of an attachment the actor may see. */
export async function openAttachment(deps: AppDeps, actor: Actor, id: string) {
  const att = await attachmentsRepo.byId(deps.db, actor.unitId, id);
  if (!att) throw notFound('附件');
  const row = await itemsRepo.byId(deps.db, actor.unitId, att.itemId);
  // An attachment is the item's content: a personal item's outsiders do not get it.
  if (!row || !canReadItemContent(actor, row.item)) throw notFound('附件');
  return readStoredFile(deps.config.filesDir, att);
}
