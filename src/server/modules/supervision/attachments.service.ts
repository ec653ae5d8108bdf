import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { detectFileKind, FILE_KINDS, type FileKind } from '../../../domain/file-kinds.js';
import type { Actor } from '../../../domain/roles.js';
import { attachments } from '../../db/schema/index.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { itemsRepo } from './items.repo.js';
import { actorFacts, backupActing, canSeeItem } from './items.service.js';
import { handles, type ItemStatus } from '../../../domain/supervision.js';

const fileOf = (dir: string, sha: string) => path.join(dir, sha.slice(0, 2), sha);

/**
 * Stores an attachment of an item: the owner (or acting backup) and the supervisors may attach;
 * the type is checked by content; the bytes are written once under their sha256.
 */
/** Checked before the upload is read: another unit's item is a 404, someone else's a 403. */
export async function checkCanAttach(deps: AppDeps, actor: Actor, itemId: string) {
  const row = await itemsRepo.byId(deps.db, actor.unitId, itemId);
  if (!row || !canSeeItem(actor, row.item)) throw notFound('督办事项');
  const facts = { status: row.item.status as ItemStatus, ownerPersonId: row.item.ownerPersonId, backupPersonId: row.item.backupPersonId, backupActing: await backupActing(deps, row.item) };
  const a = actorFacts(actor, row.item);
  if (!handles(facts, a) && !a.supervises) throw forbidden('只有承办人或督办人员可以上传附件');
}

export async function attach(deps: AppDeps, actor: Actor, itemId: string, fileName: string, data: Buffer) {
  await checkCanAttach(deps, actor, itemId);
  if (data.length === 0) throw badRequest('文件为空');
  const kind = detectFileKind(data.subarray(0, 16), fileName);
  if (!kind) throw badRequest(`不支持的文件类型或文件内容与扩展名不符：仅接受 ${Object.values(FILE_KINDS).map((k) => k.ext[0]).join('、')}`);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const target = fileOf(deps.config.filesDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  }
  const at = deps.clock.now();
  const name = path.basename(fileName).replace(/[\u0000-\u001f"\\/]/g, '_').slice(0, 120);
  return deps.db.transaction(async (tx) => {
    const [r] = await tx.insert(attachments).values({ unitId: actor.unitId, itemId, sha256, fileName: name, kind, size: data.length, uploadedBy: actor.userId, createdAt: at }).returning();
    await recordAudit(tx, auditActorOf(actor), at, { unitId: actor.unitId, entityType: 'item', entityId: itemId, action: 'attach', after: { fileName: name, sha256, size: data.length } });
    return { id: r!.id, fileName: name, kind, size: data.length };
  });
}

export async function listAttachments(deps: Pick<AppDeps, 'db'>, unitId: string, itemId: string) {
  const rows = await deps.db.select().from(attachments).where(and(eq(attachments.unitId, unitId), eq(attachments.itemId, itemId))).orderBy(asc(attachments.createdAt));
  return rows.map((r) => ({ id: r.id, fileName: r.fileName, kind: r.kind, size: r.size }));
}

/** The stored file of an attachment the actor may see. */
export async function openAttachment(deps: AppDeps, actor: Actor, id: string) {
  const [att] = await deps.db.select().from(attachments).where(and(eq(attachments.unitId, actor.unitId), eq(attachments.id, id)));
  if (!att) throw notFound('附件');
  const row = await itemsRepo.byId(deps.db, actor.unitId, att.itemId);
  if (!row || !canSeeItem(actor, row.item)) throw notFound('附件');
  const file = fileOf(deps.config.filesDir, att.sha256);
  if (!fs.existsSync(file)) throw notFound('附件文件');
  return { fileName: att.fileName, mime: FILE_KINDS[att.kind as FileKind].mime, data: fs.readFileSync(file) };
}
