/** Creating an item: checks, what the insert reads beforehand, and the insert with its deadline and notice. */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { policyFor } from '../../../domain/deadlines.js';
import { checkMilestones } from '../../../domain/milestones.js';
import type { Actor } from '../../../domain/roles.js';
import { noticeTitleOf, PERSONAL_ITEM_TITLE } from '../../../domain/policies/item.js';
import type { ZItemBody } from '../../../shared/contracts/supervision.js';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { getDeadlineSettings } from '../calendar/calendar-admin.service.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { createDeadline } from '../calendar/deadlines.service.js';
import { orgRepo } from '../org/org.repo.js';
import { leaderOf } from '../org/department-leaders.service.js';
import { itemsRepo } from './items.repo.js';
import { notifyItem } from '../notifications/notifications.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { getItem } from './item-view.service.js';

type ItemBody = z.infer<typeof ZItemBody>;

export async function createItemChecks(
  db: Db,
  unitId: string,
  b: Pick<ItemBody, 'leadDepartmentId' | 'cooperatingDepartmentIds' | 'ownerPersonId' | 'leaderPersonId'>,
) {
  const departmentIds = [b.leadDepartmentId, ...b.cooperatingDepartmentIds];
  await assertInUnit(
    db,
    unitId,
    { department: departmentIds, person: [b.ownerPersonId, b.leaderPersonId] },
    { department: '所选科室不存在或已撤销' },
  );
  for (const id of new Set(departmentIds)) {
    if (!(await orgRepo.department(db, unitId, id))!.active) throw badRequest('所选科室不存在或已撤销');
  }
}

/** The B holder of a post whose A holder is the owner: the backup who acts when the owner is away. */
async function backupOf(db: Db, unitId: string, ownerPersonId: string): Promise<string | null> {
  const page = await orgRepo.postsPage(db, unitId, { limit: 100, offset: 0 });
  return page.rows.find((r) => r.post.holderAId === ownerPersonId && r.post.holderBId)?.post.holderBId ?? null;
}

/** Everything an insert needs from the database, read before the transaction opens. */
export async function prepareItem(deps: AppDeps, actor: Actor, b: ItemBody, personalOf: string | null = null) {
  if (b.explicitDue && b.explicitDue < b.receivedOn) throw badRequest('办理时限不能早于收文日期');
  const milestones = checkMilestones(b.receivedOn, b.explicitDue, b.milestones);
  if (!milestones.ok) throw badRequest(milestones.message);
  // With milestones and no deadline of its own, the item is due on its last milestone.
  if (!b.explicitDue && b.milestones.length) b = { ...b, explicitDue: b.milestones.at(-1)!.due };
  await createItemChecks(deps.db, actor.unitId, b);
  // Without an explicit leader, the item's leader is today's 分管领导 of its lead department (when one is recorded).
  if (!b.leaderPersonId)
    b = {
      ...b,
      leaderPersonId: await leaderOf(deps, actor.unitId, b.leadDepartmentId, shanghaiDate(deps.clock.now())),
    };
  const [settings, backupPersonId, calendar] = await Promise.all([
    getDeadlineSettings(deps, actor.unitId),
    backupOf(deps.db, actor.unitId, b.ownerPersonId),
    calendarForUnit(deps.db, actor.unitId),
  ]);
  return { body: b, policy: policyFor(b.urgency, b.explicitDue, settings), backupPersonId, calendar, personalOf };
}

/** Creates a prepared item and its deadline in the caller's transaction (document registration wraps it). */
export async function insertItem(tx: Db, deps: AppDeps, actor: Actor, p: Awaited<ReturnType<typeof prepareItem>>) {
  const b = p.body;
  const at = deps.clock.now();
  const item = await itemsRepo.insert(tx, {
    unitId: actor.unitId,
    title: b.title,
    content: b.content,
    source: b.source,
    sourceRef: b.sourceRef,
    category: b.category,
    leadDepartmentId: b.leadDepartmentId,
    cooperatingDepartmentIds: b.cooperatingDepartmentIds,
    ownerPersonId: b.ownerPersonId,
    leaderPersonId: b.leaderPersonId,
    backupPersonId: p.backupPersonId,
    cadence: b.cadence,
    urgency: b.urgency,
    status: 'assigned',
    assignedOn: shanghaiDate(at),
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    personalOf: p.personalOf,
  });
  await recordAudit(tx, auditActorOf(actor), at, {
    unitId: actor.unitId,
    entityType: 'item',
    entityId: item.id,
    action: 'create',
    after: { title: b.title, source: b.source, ownerPersonId: b.ownerPersonId, urgency: b.urgency },
  });
  // The deadline list is read more widely than a personal item: it carries a neutral title.
  const deadlineTitle = p.personalOf ? PERSONAL_ITEM_TITLE : b.title;
  const deadline = await createDeadline(tx, p.calendar, auditActorOf(actor), at, {
    unitId: actor.unitId,
    subjectType: 'item',
    subjectId: item.id,
    title: deadlineTitle,
    ownerPersonId: b.ownerPersonId,
    receivedOn: b.receivedOn,
    policy: p.policy,
  });
  await itemsRepo.insertMilestones(
    tx,
    b.milestones.map((m, i) => ({
      unitId: actor.unitId,
      itemId: item.id,
      seq: i + 1,
      title: m.title,
      due: m.due,
      createdAt: at,
    })),
  );
  await itemsRepo.setDue(tx, actor.unitId, item.id, {
    due: deadline.due,
    provisional: deadline.provisional,
    halfDue: deadline.halfDue,
    receivedOn: deadline.receivedOn,
  });
  await notifyItem(tx, at, item, {
    kind: 'assigned',
    title: `新交办：${noticeTitleOf(item)}`,
    body: `请签收并办理，办理时限 ${deadline.due}${deadline.provisional ? '（暂定）' : ''}。`,
    key: `assigned:${item.id}`,
  });
  return item;
}

export async function createItem(deps: AppDeps, actor: Actor, b: ItemBody) {
  const prepared = await prepareItem(deps, actor, b);
  const item = await deps.db.transaction((tx) => insertItem(tx, deps, actor, prepared));
  return getItem(deps, actor, item.id);
}
