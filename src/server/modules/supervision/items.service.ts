import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { canExtend, policyFor, type DeadlinePolicy } from '../../../domain/deadlines.js';
import { checkMilestones } from '../../../domain/milestones.js';
import type { Actor } from '../../../domain/roles.js';
import {
  checkTransition,
  colourOf,
  type ItemAction,
  type ItemStatus,
  type ReportCadence,
} from '../../../domain/supervision.js';
import {
  actorFactsFor,
  canReadItemContent,
  canSeeItem,
  itemPolicy,
  noticeTextOf,
  noticeTitleOf,
  PERSONAL_ITEM_TITLE,
  personalReaderOf,
  reviewScope,
  type ItemCan,
  type ItemPolicyFacts,
} from '../../../domain/policies/item.js';
import { authorize } from '../../authorize.js';
import type { ZItemBody, ZLedgerQuery } from '../../../shared/contracts/supervision.js';
import type { Db } from '../../db/client.js';
import { AppError, badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { getDeadlineSettings } from '../calendar/calendar-admin.service.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { createDeadline } from '../calendar/deadlines.service.js';
import { deadlinesRepo } from '../calendar/deadlines.repo.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo } from '../people/people.repo.js';
import { itemsRepo, type ItemRow } from './items.repo.js';
import { auditRepo } from '../audit/audit.repo.js';
import { notifyItem } from '../notifications/notifications.service.js';
import { isAway } from '../availability/availability.service.js';
import { listAttachments } from './attachments.service.js';
import { assertInUnit } from '../unit-ids.repo.js';

type ItemBody = z.infer<typeof ZItemBody>;

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

export { PERSONAL_ITEM_TITLE };
const HIDDEN = '（内容不可见）';

export async function getItem(deps: AppDeps, actor: Actor, id: string) {
  const { row, facts, can } = await loadItem(deps, actor, id);
  const readable = can.readContent;
  const [calendar, reports, extensions, dept, owner, events, files, milestones, cooperating] = await Promise.all([
    calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR),
    itemsRepo.reports(deps.db, actor.unitId, id),
    itemsRepo.extensions(deps.db, actor.unitId, id),
    row.item.leadDepartmentId ? orgRepo.department(deps.db, actor.unitId, row.item.leadDepartmentId) : undefined,
    peopleRepo.byId(deps.db, actor.unitId, row.item.ownerPersonId),
    auditRepo.page(deps.db, actor.unitId, { entityType: 'item', entityId: id, limit: 100, offset: 0 }),
    readable ? listAttachments(deps, actor.unitId, id) : Promise.resolve([]),
    itemsRepo.milestones(deps.db, actor.unitId, id),
    orgRepo.departmentsByIds(deps.db, actor.unitId, row.item.cooperatingDepartmentIds as string[]),
  ]);
  return {
    backupActing: facts.backupActing,
    deadline: row.due,
    milestones: milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: readable ? m.title : HIDDEN,
      due: m.due,
      doneOn: m.doneOn,
      doneNote: readable ? m.doneNote : '',
    })),
    cooperatingDepartments: cooperating.map((d) => ({ id: d.id, name: d.name })),
    attachments: files,
    // The history keeps who did what when; what they wrote is the item's content.
    timeline: events.items.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorName: e.actorName,
      action: e.action,
      after: readable ? e.after : null,
    })),
    can,
    ...present(
      row.item,
      row.item.due,
      row.provisional,
      calendar,
      shanghaiDate(deps.clock.now()),
      dept?.name ?? null,
      owner?.person.name ?? null,
      readable,
    ),
    policy: row.policy as DeadlinePolicy,
    receivedOn: row.receivedOn,
    reports: reports.map((r) => ({
      id: r.id,
      text: readable ? r.text : HIDDEN,
      percent: r.percent,
      reportedOn: r.reportedOn,
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      extraDays: e.extraDays,
      reason: readable ? e.reason : HIDDEN,
      status: e.status,
      decisionNote: readable ? e.decisionNote : null,
    })),
  };
}

function present(
  i: ItemRow,
  due: string,
  provisional: boolean,
  calendar: Awaited<ReturnType<typeof calendarForUnit>>,
  today: string,
  departmentName: string | null,
  ownerName: string | null,
  readable: boolean,
) {
  return {
    // A personal item's source names the member's list: withheld with its text.
    id: i.id,
    title: readable ? i.title : PERSONAL_ITEM_TITLE,
    content: readable ? i.content : '',
    source: i.source,
    sourceRef: readable ? i.sourceRef : '',
    category: readable ? i.category : null,
    leadDepartmentId: i.leadDepartmentId,
    departmentName,
    ownerPersonId: i.ownerPersonId,
    ownerName,
    leaderPersonId: i.leaderPersonId,
    backupPersonId: i.backupPersonId,
    cadence: i.cadence,
    status: i.status as ItemStatus,
    result: readable ? i.result : null,
    assignedOn: i.assignedOn,
    closedOn: i.closedOn,
    due,
    provisional,
    version: i.version,
    personal: i.personalOf !== null,
    colour: colourOf(
      {
        status: i.status as ItemStatus,
        due,
        cadence: i.cadence as ReportCadence,
        lastReportOn: i.lastReportOn,
        assignedOn: i.assignedOn,
      },
      today,
      calendar,
    ),
  };
}

/** Lists show colours from a calendar checked at most a second ago (a calendar change shows within a second). */
const LIST_CALENDAR = { maxAgeMs: 1000 };

/** The supervision ledger (督办台账): filtered in SQL, colour included, paginated. */
export async function ledger(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>, mine = false) {
  const calendar = await calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR);
  const today = shanghaiDate(deps.clock.now());
  const filter = {
    ...q,
    today,
    yellowUntil: calendar.addWorkingDays(today, 2).date,
    ownerPersonId: mine ? (actor.personId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    personalReader: personalReaderOf(actor),
    review: q.reviewable ? reviewScope(actor) : undefined,
  };
  const offset = (q.page - 1) * q.pageSize;
  // Counted exactly up to `ledgerCountCap` rows past this page's start; beyond that, "N+".
  const countCap = offset + deps.config.ledgerCountCap;
  const { rows, total, totalExact } = await itemsRepo.ledger(
    deps.db,
    actor.unitId,
    filter,
    q.pageSize,
    offset,
    countCap,
  );
  return {
    total,
    totalExact,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) =>
      present(
        r.item,
        r.due,
        r.provisional,
        calendar,
        today,
        r.departmentName,
        r.ownerName,
        canReadItemContent(actor, r.item),
      ),
    ),
  };
}

async function exportFilter(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>) {
  const calendar = await calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR);
  const today = shanghaiDate(deps.clock.now());
  return {
    calendar,
    today,
    filter: {
      ...q,
      today,
      yellowUntil: calendar.addWorkingDays(today, 2).date,
      personalReader: personalReaderOf(actor),
      review: q.reviewable ? reviewScope(actor) : undefined,
    },
  };
}

/** How many rows an export of the ledger with these filters will have. */
export async function ledgerCount(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>) {
  return itemsRepo.count(deps.db, actor.unitId, (await exportFilter(deps, actor, q)).filter);
}

/**
 * The whole filtered ledger in batches (keyset, no count), for exports. Small batches keep few
 * rows alive at once: 250 held a 100,000-row export to ~20 MB above idle, 1,000 to ~120 MB.
 */
export async function* ledgerBatches(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>, batch = 250) {
  const { calendar, today, filter } = await exportFilter(deps, actor, q);
  for (let after: { due: string; id: string } | null = null; ; ) {
    const rows = await itemsRepo.ledgerAfter(deps.db, actor.unitId, filter, after, batch);
    if (rows.length === 0) return;
    yield rows.map((r) =>
      present(
        r.item,
        r.due,
        r.provisional,
        calendar,
        today,
        r.departmentName,
        r.ownerName,
        canReadItemContent(actor, r.item),
      ),
    );
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { due: last.due, id: last.item.id };
  }
}

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
