import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { computeDeadline, extendPolicy, ExtensionError, type DeadlinePolicy } from '../../../domain/deadlines.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  ZDecisionBody,
  ZExtensionBody,
  ZMilestoneDoneBody,
  ZReportBody,
} from '../../../shared/contracts/supervision.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { getDeadlineSettings } from '../calendar/calendar-admin.service.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { deadlinesRepo } from '../calendar/deadlines.repo.js';
import { itemsRepo } from './items.repo.js';
import { notifyItem } from '../notifications/notifications.service.js';
import { getItem, loadItem } from './items.service.js';
import { isOpenStatus, noticeTextOf, noticeTitleOf } from '../../../domain/policies/item.js';
import { authorize } from '../../authorize.js';

/** The item, when the actor may take `action` on it now (the owner's actions on an open item). */
async function loadForOwner(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: 'report' | 'requestExtension' | 'completeMilestone',
) {
  const { row, facts, can } = await loadItem(deps, actor, id);
  if (!isOpenStatus(facts.status)) throw badRequest('事项已办结或已撤销');
  if (action === 'requestExtension' && can.report && !can.requestExtension) {
    if (facts.pendingExtension) throw badRequest('已有待审批的延期申请');
    throw badRequest('该事项的办理时限不能申请延期（只有按工作日计算、未达上限的期限可以延期）');
  }
  authorize(can, action, '只有承办人可以办理此操作');
  return row;
}

/** A progress report; the same idempotency key sent twice is stored once. */
export async function reportProgress(deps: AppDeps, actor: Actor, id: string, body: z.infer<typeof ZReportBody>) {
  await loadForOwner(deps, actor, id, 'report');
  const at = deps.clock.now();
  const today = shanghaiDate(at);
  const stored = await deps.db.transaction(async (tx) => {
    const r = await itemsRepo.insertReport(tx, {
      unitId: actor.unitId,
      itemId: id,
      authorPersonId: actor.personId,
      text: body.text,
      percent: body.percent,
      idempotencyKey: body.idempotencyKey,
      reportedOn: today,
      createdAt: at,
    });
    if (!r) return false;
    await itemsRepo.setLastReportOn(tx, actor.unitId, id, today);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'item',
      entityId: id,
      action: 'report',
      after: { percent: body.percent, text: body.text },
    });
    return true;
  });
  return { stored, item: await getItem(deps, actor, id) };
}

/** 特殊情况: the owner asks for more working days; the total may not pass the unit's cap. */
export async function requestExtension(deps: AppDeps, actor: Actor, id: string, body: z.infer<typeof ZExtensionBody>) {
  const row = await loadForOwner(deps, actor, id, 'requestExtension');
  const settings = await getDeadlineSettings(deps, actor.unitId);
  try {
    extendPolicy(row.policy as DeadlinePolicy, body.extraDays, settings.extensionCapDays);
  } catch (e) {
    if (e instanceof ExtensionError) throw badRequest(e.message);
    throw e;
  }
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const r = await itemsRepo.insertExtension(tx, {
      unitId: actor.unitId,
      itemId: id,
      extraDays: body.extraDays,
      reason: body.reason,
      status: 'pending',
      createdAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'item',
      entityId: id,
      action: 'request_extension',
      after: { requestId: r.id, ...body },
    });
    const approver = settings.extensionApproverPersonId ?? row.item.leaderPersonId;
    if (approver)
      await notifyItem(tx, at, row.item, {
        kind: 'extension_request',
        title: `延期申请待审批：${noticeTitleOf(row.item)}`,
        body: `申请延期 ${body.extraDays} 个工作日：${noticeTextOf(row.item, body.reason)}`,
        key: `extension:${r.id}`,
        to: [approver],
      });
  });
  return getItem(deps, actor, id);
}

/** The unit's approver (or, when none is set, the party secretary or the item's leader) decides. */
export async function decideExtension(
  deps: AppDeps,
  actor: Actor,
  id: string,
  requestId: string,
  body: z.infer<typeof ZDecisionBody>,
) {
  const { row, can } = await loadItem(deps, actor, id);
  const req = await itemsRepo.extension(deps.db, actor.unitId, requestId);
  if (!req || req.itemId !== id) throw notFound('延期申请');
  if (req.status !== 'pending') throw badRequest('该申请已审批');
  if (actor.personId === row.item.ownerPersonId) throw forbidden('不能审批自己的延期申请');
  authorize(can, 'decideExtension', '只有本单位指定的审批人可以审批延期');
  const settings = await getDeadlineSettings(deps, actor.unitId);
  const at = deps.clock.now();
  let policy = row.policy as DeadlinePolicy;
  if (body.approve) {
    try {
      policy = extendPolicy(policy, req.extraDays, settings.extensionCapDays);
    } catch (e) {
      if (e instanceof ExtensionError) throw badRequest(e.message);
      throw e;
    }
  }
  const next = computeDeadline(policy, row.receivedOn, await calendarForUnit(deps.db, actor.unitId));
  await deps.db.transaction(async (tx) => {
    if (
      !(await itemsRepo.decideExtension(tx, actor.unitId, requestId, {
        status: body.approve ? 'approved' : 'rejected',
        decidedBy: actor.userId,
        decisionNote: body.note,
        decidedAt: at,
      }))
    )
      throw badRequest('该申请已审批');
    if (body.approve) {
      await deadlinesRepo.update(tx, actor.unitId, row.deadlineId, {
        policy,
        due: next.due,
        halfDue: next.halfway ?? null,
        provisional: next.provisional,
        updatedAt: at,
      });
      await itemsRepo.setDue(tx, actor.unitId, id, {
        due: next.due,
        provisional: next.provisional,
        halfDue: next.halfway ?? null,
      });
    }
    await notifyItem(tx, at, row.item, {
      kind: 'extension_decision',
      title: `${body.approve ? '延期已批准' : '延期未批准'}：${noticeTitleOf(row.item)}`,
      body: body.approve ? `新的办理时限 ${next.due}` : body.note || '请按原时限办理',
      key: `decision:${requestId}`,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'item',
      entityId: id,
      action: body.approve ? 'approve_extension' : 'reject_extension',
      before: { due: row.due },
      after: { requestId, due: body.approve ? next.due : row.due, note: body.note },
    });
  });
  return getItem(deps, actor, id);
}

/** The owner marks a milestone (节点) done; the item is then due on its next open milestone. */
export async function completeMilestone(
  deps: AppDeps,
  actor: Actor,
  id: string,
  milestoneId: string,
  body: z.infer<typeof ZMilestoneDoneBody>,
) {
  const row = await loadForOwner(deps, actor, id, 'completeMilestone');
  const milestone = (await itemsRepo.milestones(deps.db, actor.unitId, id)).find((m) => m.id === milestoneId);
  if (!milestone) throw notFound('节点');
  if (milestone.doneOn) throw badRequest('该节点已完成');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await itemsRepo.completeMilestone(tx, actor.unitId, id, milestoneId, shanghaiDate(at), body.note)))
      throw badRequest('该节点已完成');
    await itemsRepo.setDue(tx, actor.unitId, id, {
      due: row.due,
      provisional: row.provisional,
      halfDue: row.item.halfDue,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'item',
      entityId: id,
      action: 'milestone_done',
      after: { milestone: milestone.title, due: milestone.due, ...(body.note ? { note: body.note } : {}) },
    });
  });
  return getItem(deps, actor, id);
}
