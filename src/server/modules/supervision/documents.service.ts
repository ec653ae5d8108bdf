import type { z } from 'zod';
import { documentsPolicy } from '../../../domain/policies/document.js';
import type { Actor } from '../../../domain/roles.js';
import { authorize } from '../../authorize.js';
import type { ZDocumentBody } from '../../../shared/contracts/supervision.js';
import { conflict } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { itemsRepo } from './items.repo.js';
import { getItem, insertItem, prepareItem } from './items.service.js';

/**
 * 收文登记: registers an incoming document and, in the same transaction, the supervised item that
 * follows it, with the deadline of the unit's policy (explicit date, or by urgency).
 */
export async function registerDocument(
  deps: AppDeps,
  actor: Actor,
  b: z.infer<typeof ZDocumentBody>,
  /** Runs in the registration's transaction with the new item's id (上级来文 links its target to it). */
  alsoInTx?: (tx: Db, itemId: string) => Promise<void>,
) {
  authorize(documentsPolicy(actor), 'register', '没有收文登记的权限');
  if (await itemsRepo.documentByNo(deps.db, actor.unitId, b.docNo)) throw conflict(`文号“${b.docNo}”已登记`);
  const itemBody = {
    title: b.title,
    content: b.instructions ? `领导批示：${b.instructions}` : '',
    source: 'document' as const,
    sourceRef: b.docNo,
    category: null,
    leadDepartmentId: b.handlingDepartmentId,
    cooperatingDepartmentIds: [],
    milestones: [],
    ownerPersonId: b.ownerPersonId,
    leaderPersonId: b.leaderPersonId,
    cadence: 'none' as const,
    receivedOn: b.receivedOn,
    urgency: b.urgency,
    explicitDue: b.explicitDue,
  };
  const prepared = await prepareItem(deps, actor, itemBody);
  const at = deps.clock.now();
  const item = await deps.db.transaction(async (tx) => {
    const created = await insertItem(tx, deps, actor, prepared);
    const doc = await itemsRepo.insertDocument(tx, {
      unitId: actor.unitId,
      docNo: b.docNo,
      issuer: b.issuer,
      title: b.title,
      receivedOn: b.receivedOn,
      urgency: b.urgency,
      explicitDue: b.explicitDue,
      handlingDepartmentId: b.handlingDepartmentId,
      leaderPersonId: b.leaderPersonId,
      instructions: b.instructions,
      notClassified: true,
      itemId: created.id,
      createdAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'document',
      entityId: doc.id,
      action: 'create',
      after: { docNo: b.docNo, issuer: b.issuer, title: b.title, urgency: b.urgency, itemId: created.id },
    });
    if (alsoInTx) await alsoInTx(tx, created.id);
    return created;
  });
  return getItem(deps, actor, item.id);
}
