import type { AuditAction, AuditEntityType } from '../../../domain/audit-vocabulary.js';
import { changedFields } from '../../../domain/changes.js';
import type { Actor } from '../../../domain/roles.js';
import type { Db } from '../../db/client.js';
import { conflict } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';

/** Inserts a record and its audit event ('create') in one transaction; answers the new id. */
export async function createAudited(
  deps: AppDeps,
  actor: Actor,
  entityType: AuditEntityType,
  insert: (tx: Db, at: Date) => Promise<{ id: string }[]>,
  after: unknown,
) {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [r] = await insert(tx, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType,
      entityId: r!.id,
      action: 'create',
      after,
    });
    return r!.id;
  });
}

/**
 * Changes a record at the version the caller read (a stale one is a 409 and changes nothing) and records what
 * changed, in one transaction.
 */
export async function changeAudited<R extends { id: string }>(
  deps: AppDeps,
  actor: Actor,
  entityType: AuditEntityType,
  row: R,
  version: number,
  set: Partial<R>,
  action: AuditAction,
  update: (tx: Db, set: Partial<R> & { updatedAt: Date }) => Promise<{ id: string }[]>,
) {
  const diff = changedFields(row, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await update(tx, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该记录已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType,
      entityId: row.id,
      action,
      before: diff.before,
      after: diff.after,
    });
  });
}
