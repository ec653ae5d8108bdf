import type { AuditAction } from '../../../domain/audit-vocabulary.js';
/** 联系对象 maintained: renamed, deactivated and reactivated with a reason, reassigned from a date, and its history. */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { AssignmentError, effectiveDateProblem, reassign } from '../../../domain/assignments.js';
import { contactObjectPolicy, type ContactObjectCan } from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZObjectEditBody, ZObjectReassignBody } from '../../../shared/contracts/contact-objects.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { campaignsRepo } from './campaigns.repo.js';
import { contactObjectsRepo } from './contact-objects.repo.js';
import { presentObjects } from './contact-objects.service.js';

const STALE = '该联系对象已被他人修改，请刷新后再试';

/** The object, or 404 when the actor may not see it; then 403 unless the policy allows `action`. */
async function objectFor(deps: AppDeps, actor: Actor, id: string, action: keyof ContactObjectCan, refusal: string) {
  const o = await contactObjectsRepo.object(deps.db, actor.unitId, id);
  const can = o && contactObjectPolicy(actor, o);
  if (!o || !can!.see) throw notFound('联系对象');
  authorize(can!, action, refusal);
  return o;
}

async function audited(deps: AppDeps, actor: Actor, id: string, action: AuditAction, before: unknown, after: unknown) {
  await recordAudit(deps.db, auditActorOf(actor), deps.clock.now(), {
    unitId: actor.unitId,
    entityType: 'contact_object',
    entityId: id,
    action,
    before,
    after,
  });
}

async function presentOne(deps: AppDeps, actor: Actor, id: string) {
  return (await presentObjects(deps, actor, [(await contactObjectsRepo.object(deps.db, actor.unitId, id))!]))[0]!;
}

export async function editObject(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZObjectEditBody>) {
  const o = await objectFor(deps, actor, id, 'edit', '没有修改该联系对象的权限（已停用的须先启用）');
  const same = await campaignsRepo.objectByName(deps.db, actor.unitId, o.kind, b.name);
  if (same && same.id !== id) throw badRequest(`已有同名对象“${b.name}”`);
  if (b.name !== o.name)
    await deps.db.transaction(async () => {
      const rows = await contactObjectsRepo.updateObject(deps.db, actor.unitId, id, b.version, {
        name: b.name,
        updatedAt: deps.clock.now(),
      });
      if (rows.length !== 1) throw conflict(STALE);
      await audited(deps, actor, id, 'update', { name: o.name }, { name: b.name });
    });
  return presentOne(deps, actor, id);
}

/**
 * 停用 / 启用 with a reason; a deactivated object stays (activities keep naming it) and can be reactivated. Both
 * take effect today (Shanghai): 停用 ends the open assignments yesterday, so the past keeps counting them and
 * compliance keeps the object for the periods that started before; 启用 assigns its last assignees still in
 * service again from today.
 */
export async function setObjectActive(deps: AppDeps, actor: Actor, id: string, active: boolean, reason: string) {
  const action = active ? 'reactivate' : 'deactivate';
  const o = await objectFor(deps, actor, id, action, active ? '该联系对象未停用' : '该联系对象已停用或无权停用');
  const at = deps.clock.now();
  const today = shanghaiDate(at);
  const inService = new Set(
    (await campaignsRepo.people(deps.db, actor.unitId)).filter((p) => p.status === 'in_service').map((p) => p.id),
  );
  const assignees = active ? o.assigneeIds.filter((p) => inService.has(p)) : [];
  await deps.db.transaction(async () => {
    const rows = await contactObjectsRepo.assignmentRows(deps.db, actor.unitId, id);
    const history = rows.map((r) => ({ id: r.id, holderId: r.personId, from: r.fromDate, to: r.toDate }));
    let change;
    try {
      change = reassign(history, assignees, today);
    } catch (e) {
      throw e instanceof AssignmentError ? badRequest(`${o.name}：${e.message}`) : e;
    }
    for (const c of change.closed) await contactObjectsRepo.closeAssignment(deps.db, actor.unitId, c.id, c.to!, at);
    await contactObjectsRepo.insertAssignments(
      deps.db,
      assignees.map((personId) => ({
        unitId: actor.unitId,
        objectId: id,
        personId,
        fromDate: today,
        createdAt: at,
        updatedAt: at,
      })),
    );
    const updated = await contactObjectsRepo.updateObject(deps.db, actor.unitId, id, o.version, {
      active,
      withdrawnReason: active ? null : reason,
      ...(active ? { assigneeIds: assignees } : {}),
      updatedAt: at,
    });
    if (updated.length !== 1) throw conflict(STALE);
    await audited(
      deps,
      actor,
      id,
      active ? 'restore' : 'withdraw',
      { active: o.active },
      { active, reason, on: today },
    );
  });
  return presentOne(deps, actor, id);
}

async function checkAssignees(deps: AppDeps, unitId: string, personIds: string[]) {
  await assertInUnit(deps.db, unitId, { person: personIds });
  const people = await campaignsRepo.people(deps.db, unitId);
  const gone = people.filter((p) => personIds.includes(p.id) && p.status !== 'in_service');
  if (gone.length) throw badRequest(`${gone.map((p) => p.name).join('、')}不在职，不能担任联系人`);
}

/**
 * 调整联系人 from a date: the present assignees end the day before, the chosen people are assigned from it. A date
 * on or before a recorded change would overlap it and is refused (400), changing nothing.
 */
export async function reassignObject(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZObjectReassignBody>) {
  const o = await objectFor(deps, actor, id, 'reassign', '没有调整该联系对象联系人的权限（已停用的须先启用）');
  await checkAssignees(deps, actor.unitId, b.personIds);
  const at = deps.clock.now();
  const dateProblem = effectiveDateProblem(b.from, shanghaiDate(at));
  if (dateProblem) throw badRequest(dateProblem);
  await deps.db.transaction(async () => {
    const rows = await contactObjectsRepo.assignmentRows(deps.db, actor.unitId, id);
    const history = rows.map((r) => ({ id: r.id, holderId: r.personId, from: r.fromDate, to: r.toDate }));
    let change;
    try {
      change = reassign(history, b.personIds, b.from);
    } catch (e) {
      throw e instanceof AssignmentError ? badRequest(`${o.name}：${e.message}`) : e;
    }
    for (const c of change.closed) await contactObjectsRepo.closeAssignment(deps.db, actor.unitId, c.id, c.to!, at);
    await contactObjectsRepo.insertAssignments(
      deps.db,
      b.personIds.map((personId) => ({
        unitId: actor.unitId,
        objectId: id,
        personId,
        fromDate: b.from,
        createdAt: at,
        updatedAt: at,
      })),
    );
    // assignee_ids keeps the latest (open-ended) assignees for the code that still reads it.
    const updated = await contactObjectsRepo.updateObject(deps.db, actor.unitId, id, b.version, {
      assigneeIds: b.personIds,
      updatedAt: at,
    });
    if (updated.length !== 1) throw conflict(STALE);
    const before = change.closed.map((c) => ({ personId: c.holderId, from: c.from, to: c.to }));
    await audited(deps, actor, id, 'reassign', { assignees: before }, { personIds: b.personIds, from: b.from });
  });
  return presentOne(deps, actor, id);
}

/** A page of an object's terms (who, from, through), the latest first. */
export async function objectAssignments(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: { page: number; pageSize: number },
) {
  await objectFor(deps, actor, id, 'see', '没有查看联系对象的权限');
  const { rows, total } = await contactObjectsRepo.assignmentsPage(
    deps.db,
    actor.unitId,
    id,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: rows, total, page: q.page, pageSize: q.pageSize };
}
