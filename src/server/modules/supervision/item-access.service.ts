/** Loading an item: the policy's facts from the database, and what the actor may do with it. */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { canExtend, type DeadlinePolicy } from '../../../domain/deadlines.js';
import type { Actor } from '../../../domain/roles.js';
import type { ItemStatus } from '../../../domain/supervision.js';
import { canSeeItem, itemPolicy, type ItemCan, type ItemPolicyFacts } from '../../../domain/policies/item.js';
import { authorize } from '../../authorize.js';
import { notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { getDeadlineSettings } from '../calendar/calendar-admin.service.js';
import { itemsRepo, type ItemRow } from './items.repo.js';
import { isAway } from '../availability/availability.service.js';

/** Is the B post acting today (the owner is recorded as away and the item has a backup)? */
export async function backupActing(deps: AppDeps, item: ItemRow): Promise<boolean> {
  return (
    !!item.backupPersonId && (await isAway(deps.db, item.unitId, item.ownerPersonId, shanghaiDate(deps.clock.now())))
  );
}

/** The facts of domain/policies/item.ts, read from the database. */
export async function itemFactsOf(deps: AppDeps, row: { item: ItemRow; policy: unknown }): Promise<ItemPolicyFacts> {
  const i = row.item;
  const [acting, extensions, settings] = await Promise.all([
    backupActing(deps, i),
    itemsRepo.extensions(deps.db, i.unitId, i.id),
    getDeadlineSettings(deps, i.unitId),
  ]);
  return {
    unitId: i.unitId,
    status: i.status as ItemStatus,
    ownerPersonId: i.ownerPersonId,
    backupPersonId: i.backupPersonId,
    backupActing: acting,
    leaderPersonId: i.leaderPersonId,
    personalOf: i.personalOf,
    pendingExtension: extensions.some((e) => e.status === 'pending'),
    extendable: canExtend(row.policy as DeadlinePolicy, settings.extensionCapDays),
    approverPersonId: settings.extensionApproverPersonId,
  };
}

/**
 * Loads an item and what the actor may do with it; 404 when the actor may not see it (nor learn
 * that it exists), 403 with `refusal` when it sees it but may not take `action`.
 */
export async function loadItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action?: keyof ItemCan,
  refusal = '没有办理此操作的权限',
) {
  const row = await itemsRepo.byId(deps.db, actor.unitId, id);
  if (!row || !canSeeItem(actor, row.item)) throw notFound('督办事项');
  const facts = await itemFactsOf(deps, row);
  const can = itemPolicy(actor, facts);
  if (action) authorize(can, action, refusal);
  return { row, facts, can };
}
