import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { policyFor, type DeadlinePolicy } from '../../../domain/deadlines.js';
import { checkMilestones } from '../../../domain/milestones.js';
import { hasPermission, hasUnitWide, type Actor } from '../../../domain/roles.js';
import { checkTransition, colourOf, handles, type ActorFacts, type ItemAction, type ItemStatus, type ReportCadence } from '../../../domain/supervision.js';
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
import { assertInUnit } from '../unit-ids.js';

type ItemBody = z.infer<typeof ZItemBody>;

/** What the domain rules need to know about the actor for this item. */
export function actorFacts(actor: Actor, item: Pick<ItemRow, 'leaderPersonId'>): ActorFacts {
  return {
    personId: actor.personId,
    supervises: hasUnitWide(actor, 'supervision.manage'),
    leads: (!!actor.personId && actor.personId === item.leaderPersonId) || actor.grants.some((g) => g.role === 'party_secretary'),
  };
}

/** Is the B post acting today (the owner is recorded as away and the item has a backup)? */
export async function backupActing(deps: AppDeps, item: ItemRow): Promise<boolean> {
  return !!item.backupPersonId && (await isAway(deps.db, item.unitId, item.ownerPersonId, shanghaiDate(deps.clock.now())));
}

/** The actions the domain rules allow this actor now, so that the UI offers only those. */
function allowedActions(actor: Actor, item: ItemRow, pendingExtension: boolean, approverPersonId: string | null, acting: boolean) {
  const facts = { status: item.status as ItemStatus, ownerPersonId: item.ownerPersonId, backupPersonId: item.backupPersonId, backupActing: acting };
  const a = actorFacts(actor, item);
  const ok = (action: ItemAction) => checkTransition(facts, action, a, { reason: '-', result: '-' }).ok;
  const open = ['assigned', 'in_progress', 'under_review'].includes(item.status);
  const owns = handles(facts, a);
  const approver = approverPersonId ? actor.personId === approverPersonId : a.leads;
  return {
    sign: ok('sign'), submit: ok('submit'), return: ok('return'), close: ok('close'), withdraw: ok('withdraw'), reopen: ok('reopen'),
    report: open && owns, requestExtension: open && owns && !pendingExtension, decideExtension: pendingExtension && approver && !owns,
    chase: open && a.supervises,
  };
}

/** May the actor see this item? Supervisors and ledger readers, the owner, the backup, the leader. */
export function canSeeItem(actor: Actor, item: ItemRow): boolean {
  if (actor.unitId !== item.unitId) return false;
  if (hasPermission(actor, 'supervision.read')) return true;
  return !!actor.personId && [item.ownerPersonId, item.backupPersonId, item.leaderPersonId].includes(actor.personId);
}

export async function createItemChecks(db: Db, unitId: string, b: Pick<ItemBody, 'leadDepartmentId' | 'cooperatingDepartmentIds' | 'ownerPersonId' | 'leaderPersonId'>) {
  const departmentIds = [b.leadDepartmentId, ...b.cooperatingDepartmentIds];
  await assertInUnit(db, unitId, { department: departmentIds, person: [b.ownerPersonId, b.leaderPersonId] }, { department: '所选科室不存在或已撤销' });
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
export async function prepareItem(deps: AppDeps, actor: Actor, b: ItemBody) {
  if (b.explicitDue && b.explicitDue < b.receivedOn) throw badRequest('办理时限不能早于收文日期');
  const milestones = checkMilestones(b.receivedOn, b.explicitDue, b.milestones);
  if (!milestones.ok) throw badRequest(milestones.message);
  // With milestones and no deadline of its own, the item is due on its last milestone.
  if (!b.explicitDue && b.milestones.length) b = { ...b, explicitDue: b.milestones.at(-1)!.due };
  await createItemChecks(deps.db, actor.unitId, b);
  const [settings, backupPersonId, calendar] = await Promise.all([
    getDeadlineSettings(deps, actor.unitId), backupOf(deps.db, actor.unitId, b.ownerPersonId), calendarForUnit(deps.db, actor.unitId),
  ]);
  return { body: b, policy: policyFor(b.urgency, b.explicitDue, settings), backupPersonId, calendar };
}

/** Creates a prepared item and its deadline in the caller's transaction (document registration wraps it). */
export async function insertItem(tx: Db, deps: AppDeps, actor: Actor, p: Awaited<ReturnType<typeof prepareItem>>) {
  const b = p.body;
  const at = deps.clock.now();
  const item = await itemsRepo.insert(tx, {
    unitId: actor.unitId, title: b.title, content: b.content, source: b.source, sourceRef: b.sourceRef, category: b.category,
    leadDepartmentId: b.leadDepartmentId, cooperatingDepartmentIds: b.cooperatingDepartmentIds, ownerPersonId: b.ownerPersonId,
    leaderPersonId: b.leaderPersonId, backupPersonId: p.backupPersonId, cadence: b.cadence, urgency: b.urgency,
    status: 'assigned', assignedOn: shanghaiDate(at), createdBy: actor.userId, createdAt: at, updatedAt: at,
  });
  await recordAudit(tx, auditActorOf(actor), at, { unitId: actor.unitId, entityType: 'item', entityId: item.id, action: 'create', after: { title: b.title, source: b.source, ownerPersonId: b.ownerPersonId, urgency: b.urgency } });
  const deadline = await createDeadline(tx, p.calendar, auditActorOf(actor), at, { unitId: actor.unitId, subjectType: 'item', subjectId: item.id, title: b.title, ownerPersonId: b.ownerPersonId, receivedOn: b.receivedOn, policy: p.policy });
  await itemsRepo.insertMilestones(tx, b.milestones.map((m, i) => ({ unitId: actor.unitId, itemId: item.id, seq: i + 1, title: m.title, due: m.due, createdAt: at })));
  await itemsRepo.setDue(tx, actor.unitId, item.id, { due: deadline.due, provisional: deadline.provisional, halfDue: deadline.halfDue, receivedOn: deadline.receivedOn });
  await notifyItem(tx, at, item, { kind: 'assigned', title: `新交办：${b.title}`, body: `请签收并办理，办理时限 ${deadline.due}${deadline.provisional ? '（暂定）' : ''}。`, key: `assigned:${item.id}` });
  return item;
}

export async function createItem(deps: AppDeps, actor: Actor, b: ItemBody) {
  const prepared = await prepareItem(deps, actor, b);
  const item = await deps.db.transaction((tx) => insertItem(tx, deps, actor, prepared));
  return getItem(deps, actor, item.id);
}

export async function getItem(deps: AppDeps, actor: Actor, id: string) {
  const row = await itemsRepo.byId(deps.db, actor.unitId, id);
  if (!row || !canSeeItem(actor, row.item)) throw notFound('督办事项');
  const [calendar, reports, extensions, dept, owner, events, settings, acting, files, milestones, cooperating] = await Promise.all([
    calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR), itemsRepo.reports(deps.db, actor.unitId, id), itemsRepo.extensions(deps.db, actor.unitId, id),
    row.item.leadDepartmentId ? orgRepo.department(deps.db, actor.unitId, row.item.leadDepartmentId) : undefined,
    peopleRepo.byId(deps.db, actor.unitId, row.item.ownerPersonId),
    auditRepo.page(deps.db, actor.unitId, { entityType: 'item', entityId: id, limit: 100, offset: 0 }),
    getDeadlineSettings(deps, actor.unitId),
    backupActing(deps, row.item),
    listAttachments(deps, actor.unitId, id),
    itemsRepo.milestones(deps.db, actor.unitId, id),
    orgRepo.departmentsByIds(deps.db, actor.unitId, row.item.cooperatingDepartmentIds as string[]),
  ]);
  return {
    backupActing: acting,
    deadline: row.due,
    milestones: milestones.map((m) => ({ id: m.id, seq: m.seq, title: m.title, due: m.due, doneOn: m.doneOn, doneNote: m.doneNote })),
    cooperatingDepartments: cooperating.map((d) => ({ id: d.id, name: d.name })),
    attachments: files,
    timeline: events.items.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actorName: e.actorName, action: e.action, after: e.after })),
    can: allowedActions(actor, row.item, extensions.some((e) => e.status === 'pending'), settings.extensionApproverPersonId, acting),
    ...present(row.item, row.item.due, row.provisional, calendar, shanghaiDate(deps.clock.now()), dept?.name ?? null, owner?.person.name ?? null),
    policy: row.policy as DeadlinePolicy, receivedOn: row.receivedOn,
    reports: reports.map((r) => ({ id: r.id, text: r.text, percent: r.percent, reportedOn: r.reportedOn })),
    extensions: extensions.map((e) => ({ id: e.id, extraDays: e.extraDays, reason: e.reason, status: e.status, decisionNote: e.decisionNote })),
  };
}

function present(i: ItemRow, due: string, provisional: boolean, calendar: Awaited<ReturnType<typeof calendarForUnit>>, today: string, departmentName: string | null, ownerName: string | null) {
  return {
    id: i.id, title: i.title, content: i.content, source: i.source, sourceRef: i.sourceRef, category: i.category,
    leadDepartmentId: i.leadDepartmentId, departmentName, ownerPersonId: i.ownerPersonId, ownerName, leaderPersonId: i.leaderPersonId,
    backupPersonId: i.backupPersonId, cadence: i.cadence, status: i.status as ItemStatus, result: i.result, assignedOn: i.assignedOn,
    closedOn: i.closedOn, due, provisional, version: i.version,
    colour: colourOf({ status: i.status as ItemStatus, due, cadence: i.cadence as ReportCadence, lastReportOn: i.lastReportOn, assignedOn: i.assignedOn }, today, calendar),
  };
}

/** Lists show colours from a calendar checked at most a second ago (a calendar change shows within a second). */
const LIST_CALENDAR = { maxAgeMs: 1000 };

/** The supervision ledger (督办台账): filtered in SQL, colour included, paginated. */
export async function ledger(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>, mine = false) {
  const calendar = await calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR);
  const today = shanghaiDate(deps.clock.now());
  const filter = { ...q, today, yellowUntil: calendar.addWorkingDays(today, 2).date, ownerPersonId: mine ? actor.personId ?? '00000000-0000-0000-0000-000000000000' : undefined };
  const offset = (q.page - 1) * q.pageSize;
  // Counted exactly up to `ledgerCountCap` rows past this page's start; beyond that, "N+".
  const countCap = offset + deps.config.ledgerCountCap;
  const { rows, total, totalExact } = await itemsRepo.ledger(deps.db, actor.unitId, filter, q.pageSize, offset, countCap);
  return { total, totalExact, page: q.page, pageSize: q.pageSize, items: rows.map((r) => present(r.item, r.due, r.provisional, calendar, today, r.departmentName, r.ownerName)) };
}

async function exportFilter(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>) {
  const calendar = await calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR);
  const today = shanghaiDate(deps.clock.now());
  return { calendar, today, filter: { ...q, today, yellowUntil: calendar.addWorkingDays(today, 2).date } };
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
    yield rows.map((r) => present(r.item, r.due, r.provisional, calendar, today, r.departmentName, r.ownerName));
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { due: last.due, id: last.item.id };
  }
}

/** Moves an item along its life cycle: domain rules, version check (409), audit, deadline state. */
export async function transition(deps: AppDeps, actor: Actor, id: string, body: { action: ItemAction; version: number; reason?: string; result?: string }) {
  const row = await itemsRepo.byId(deps.db, actor.unitId, id);
  if (!row || !canSeeItem(actor, row.item)) throw notFound('督办事项');
  const item = row.item;
  const verdict = checkTransition({ status: item.status as ItemStatus, ownerPersonId: item.ownerPersonId, backupPersonId: item.backupPersonId, backupActing: await backupActing(deps, item) }, body.action, actorFacts(actor, item), body);
  if (!verdict.ok) throw new AppError(verdict.status, verdict.status === 403 ? 'forbidden' : 'invalid_transition', verdict.message);
  const at = deps.clock.now();
  const today = shanghaiDate(at);
  const patch = {
    status: verdict.next, updatedAt: at,
    ...(body.action === 'submit' ? { result: body.result } : {}),
    ...(body.action === 'close' ? { closedOn: today } : {}),
    ...(body.action === 'reopen' ? { closedOn: null } : {}),
    ...(body.action === 'return' ? { returnedCount: item.returnedCount + 1 } : {}),
  };
  await deps.db.transaction(async (tx) => {
    if (!(await itemsRepo.updateVersioned(tx, actor.unitId, id, body.version, patch))) throw conflict('该事项已被他人更新，请刷新后再操作');
    const closes = verdict.next === 'closed' || verdict.next === 'withdrawn';
    if (closes || body.action === 'reopen') await deadlinesRepo.update(tx, actor.unitId, row.deadlineId, { status: closes ? 'closed' : 'open', updatedAt: at });
    if (body.action === 'return') await notifyItem(tx, at, item, { kind: 'returned', title: `退回：${item.title}`, body: `退回原因：${body.reason}`, key: `return:${id}:${item.returnedCount + 1}` });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId, entityType: 'item', entityId: id, action: body.action,
      before: { status: item.status }, after: { status: verdict.next, ...(body.reason ? { reason: body.reason } : {}), ...(body.result ? { result: body.result } : {}) },
    });
  });
  return getItem(deps, actor, id);
}
