import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import { checkTransition, type ItemAction } from '../../../domain/supervision.js';
import { actorFactsFor, noticeTextOf, noticeTitleOf, PERSONAL_ITEM_TITLE } from '../../../domain/policies/item.js';
import { AppError, conflict } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { deadlinesRepo } from '../calendar/deadlines.repo.js';
import { itemsRepo } from './items.repo.js';
import { notifyItem } from '../notifications/notifications.service.js';
import { loadItem } from './item-access.service.js';
import { getItem } from './item-view.service.js';

// The item's use cases live in item-access, item-create, item-view and ledger; this module keeps
// the life cycle and answers for all of them.
export { backupActing, itemFactsOf, loadItem } from './item-access.service.js';
export { createItem, createItemChecks, insertItem, prepareItem } from './item-create.service.js';
export { getItem } from './item-view.service.js';
export { ledger, ledgerBatches, ledgerCount } from './ledger.service.js';
export { PERSONAL_ITEM_TITLE };

/** Moves an item along its life cycle: domain rules, version check (409), audit, deadline state. */
export async function transition(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: { action: ItemAction; version: number; reason?: string; result?: string },
) {
  const { row, facts } = await loadItem(deps, actor, id);
  const item = row.item;
  const verdict = checkTransition(facts, body.action, actorFactsFor(actor, item), body);
  if (!verdict.ok)
    throw new AppError(verdict.status, verdict.status === 403 ? 'forbidden' : 'invalid_transition', verdict.message);
  const at = deps.clock.now();
  const today = shanghaiDate(at);
  const patch = {
    status: verdict.next,
    updatedAt: at,
    ...(body.action === 'submit' ? { result: body.result } : {}),
    ...(body.action === 'close' ? { closedOn: today } : {}),
    ...(body.action === 'reopen' ? { closedOn: null } : {}),
    ...(body.action === 'return' ? { returnedCount: item.returnedCount + 1 } : {}),
  };
  await deps.db.transaction(async (tx) => {
    if (!(await itemsRepo.updateVersioned(tx, actor.unitId, id, body.version, patch)))
      throw conflict('该事项已被他人更新，请刷新后再操作');
    const closes = verdict.next === 'closed' || verdict.next === 'withdrawn';
    if (closes || body.action === 'reopen')
      await deadlinesRepo.update(tx, actor.unitId, row.deadlineId, {
        status: closes ? 'closed' : 'open',
        updatedAt: at,
      });
    if (body.action === 'return')
      await notifyItem(tx, at, item, {
        kind: 'returned',
        title: `退回：${noticeTitleOf(item)}`,
        body: `退回原因：${noticeTextOf(item, body.reason ?? '')}`,
        key: `return:${id}:${item.returnedCount + 1}`,
      });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'item',
      entityId: id,
      action: body.action,
      before: { status: item.status },
      after: {
        status: verdict.next,
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.result ? { result: body.result } : {}),
      },
    });
  });
  return getItem(deps, actor, id);
}
