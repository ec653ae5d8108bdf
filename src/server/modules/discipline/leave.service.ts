/**
 * 请销假: requesting leave, the head's and the 分管领导's decisions, withdrawal and 销假. Every write is one
 * transaction with its audit event; the reason (personal data) stays out of audit details and notices.
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { z } from 'zod';
import {
  afterApproval,
  formatHalfDays,
  leavesOverlap,
  needsLeaderApproval,
  pendingStep,
  requestedHalfDays,
  checkLeaveBounds,
  returnDateProblem,
  LeaveError,
  type LeaveStatus,
} from '../../../domain/leave.js';
import { headStepOf, leaderStepOf } from '../../../domain/policies/leave.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZLeaveBody } from '../../../shared/contracts/leave.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { disciplineSettingsRepo } from './settings.repo.js';
import { leaveRepo, type LeaveRow } from './leave.repo.js';
import { getLeave, loadLeave, today } from './leave-view.service.js';

const refused = (e: unknown) => (e instanceof LeaveError ? badRequest(e.message) : e);
const span = (l: Pick<LeaveRow, 'fromDate' | 'toDate' | 'halfDays'>) =>
  `${l.fromDate} 至 ${l.toDate}，${formatHalfDays(l.halfDays)}`;

/** An inbox notice about a leave: neutral words (who and when), never the reason. */
async function notify(
  tx: Db,
  at: Date,
  l: Pick<LeaveRow, 'id' | 'unitId' | 'version'>,
  to: string[],
  title: string,
  body: string,
) {
  await notificationsRepo.add(
    tx,
    [...new Set(to)].map((recipientPersonId) => ({
      unitId: l.unitId,
      recipientPersonId,
      kind: 'leave',
      itemId: null,
      title,
      body,
      dedupeKey: `leave:${l.id}:${l.version}:${recipientPersonId}`,
      createdAt: at,
    })),
  );
}

/** The approvers' facts of the organisation: heads, the 分管领导 on the first day, the party secretary. */
async function approversOf(db: Db, unitId: string, departmentId: string | null, fromDate: string) {
  const [heads, leader, secretaries] = await Promise.all([
    departmentId ? leaveRepo.holdersOf(db, unitId, 'department_head', departmentId) : Promise.resolve([]),
    leaveRepo.leaderOn(db, unitId, departmentId, fromDate),
    leaveRepo.holdersOf(db, unitId, 'party_secretary'),
  ]);
  return { heads, leader, secretaries };
}

export async function requestLeave(deps: AppDeps, actor: Actor, b: z.infer<typeof ZLeaveBody>) {
  if (!actor.personId) throw forbidden('该账号未关联人员，不能请假');
  const u = actor.unitId;
  const me = (await leaveRepo.person(deps.db, u, actor.personId))!;
  const [calendar, settings, org] = await Promise.all([
    calendarForUnit(deps.db, u),
    disciplineSettingsRepo.of(deps.db, u),
    approversOf(deps.db, u, me.departmentId, b.fromDate),
  ]);
  let halfDays: number;
  let step: ReturnType<typeof headStepOf>;
  try {
    checkLeaveBounds(b, shanghaiDate(deps.clock.now()));
    halfDays = requestedHalfDays(calendar, b);
    step = headStepOf({ requesterId: me.id, ...org });
  } catch (e) {
    throw refused(e);
  }
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    await leaveRepo.lockPerson(tx, u, me.id);
    const held = await leaveRepo.holdingBetween(tx, u, me.id, b.fromDate, b.toDate);
    const clash = held.find((h) =>
      leavesOverlap({ ...h, status: h.status as LeaveStatus }, { ...b, status: 'pending' }),
    );
    if (clash)
      throw badRequest(`与已有的请假（${clash.fromDate} 至 ${clash.toDate}）时间重叠，请调整日期或先撤销原请假`);
    const row = {
      unitId: u,
      personId: me.id,
      departmentId: me.departmentId,
      kind: b.kind,
      fromDate: b.fromDate,
      startsAfternoon: b.startsAfternoon,
      toDate: b.toDate,
      endsAtNoon: b.endsAtNoon,
      halfDays,
      reason: b.reason,
      status: 'pending',
      leaderRequired: needsLeaderApproval(halfDays, settings.leaveLeaderDays),
      awaitingIds: step.ids,
      headByLeader: step.byLeader,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    };
    const newId = await leaveRepo.insert(tx, row);
    const { reason: _personal, ...audited } = row;
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: u,
      entityType: 'leave_request',
      entityId: newId,
      action: 'create',
      after: audited,
    });
    await notify(
      tx,
      at,
      { id: newId, unitId: u, version: 1 },
      step.ids,
      '请假待审批',
      `${me.name}申请请假（${span(row)}），请审批。`,
    );
    return newId;
  });
  return getLeave(deps, actor, id);
}

/** Writes a decision or the person's step: the version check, the audit event, the notices. */
async function change(
  deps: AppDeps,
  actor: Actor,
  l: LeaveRow,
  version: number,
  patch: Partial<LeaveRow>,
  event: { action: 'approve' | 'reject_leave' | 'withdraw' | 'return'; to: string[]; title: string; body: string },
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await leaveRepo.update(tx, actor.unitId, l.id, version, { ...patch, updatedAt: at })))
      throw conflict('该请假已被他人处理，请刷新后再试');
    // Reasons (the leave's, a refusal's, a withdrawal's) are personal: the event keeps the facts only.
    const { rejectedReason: _r, withdrawnReason: _w, ...after } = patch;
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'leave_request',
      entityId: l.id,
      action: event.action,
      before: { status: l.status, awaitingIds: l.awaitingIds },
      after,
    });
    await notify(tx, at, { ...l, version: version + 1 }, event.to, event.title, event.body);
  });
  return getLeave(deps, actor, l.id);
}

export async function approveLeave(deps: AppDeps, actor: Actor, id: string, version: number) {
  const { l, can } = await loadLeave(deps, actor, id);
  authorize(can, 'approve', '您不是这项请假当前的审批人');
  const state = {
    status: l.status as LeaveStatus,
    fromDate: l.fromDate,
    headDecided: !!l.headDecidedBy,
    leaderRequired: l.leaderRequired,
  };
  const step = pendingStep(state)!;
  const at = deps.clock.now();
  const decided =
    step === 'head'
      ? { headDecidedBy: actor.personId, headDecidedAt: at }
      : { leaderDecidedBy: actor.personId, leaderDecidedAt: at };
  let status = afterApproval(state, step, l.headByLeader);
  let next: string[] = [];
  if (status === 'pending') {
    const org = await approversOf(deps.db, actor.unitId, l.departmentId, l.fromDate);
    next = leaderStepOf({ requesterId: l.personId, ...org }).filter((p) => p !== actor.personId);
    if (next.length === 0) status = 'approved';
  }
  const who = `${l.personName}的请假（${span(l)}）`;
  return change(
    deps,
    actor,
    l,
    version,
    { ...decided, status, awaitingIds: next, leaderPersonId: next[0] ?? l.leaderPersonId },
    status === 'approved'
      ? { action: 'approve', to: [l.personId], title: '请假已批准', body: `您的请假（${span(l)}）已批准。` }
      : {
          action: 'approve',
          to: [l.personId, ...next],
          title: '请假待分管领导审批',
          body: `${who}已经科室负责人同意，待分管领导审批。`,
        },
  );
}

export async function rejectLeave(deps: AppDeps, actor: Actor, id: string, b: { version: number; reason: string }) {
  const { l, can } = await loadLeave(deps, actor, id);
  authorize(can, 'reject', '您不是这项请假当前的审批人');
  const at = deps.clock.now();
  const decided = l.headDecidedBy
    ? { leaderDecidedBy: actor.personId, leaderDecidedAt: at }
    : { headDecidedBy: actor.personId, headDecidedAt: at };
  return change(
    deps,
    actor,
    l,
    b.version,
    { ...decided, status: 'rejected', awaitingIds: [], rejectedReason: b.reason },
    {
      action: 'reject_leave',
      to: [l.personId],
      title: '请假未获批准',
      body: `您的请假（${span(l)}）未获批准，详情请在系统中查看。`,
    },
  );
}

const decidersOf = (l: LeaveRow) =>
  [l.headDecidedBy, l.leaderDecidedBy, ...l.awaitingIds].flatMap((p) => (p ? [p] : []));

export async function withdrawLeave(deps: AppDeps, actor: Actor, id: string, b: { version: number; reason: string }) {
  const { l, can } = await loadLeave(deps, actor, id);
  authorize(can, 'withdraw', '只有本人可以撤销尚未开始的请假');
  return change(
    deps,
    actor,
    l,
    b.version,
    { status: 'withdrawn', awaitingIds: [], withdrawnReason: b.reason },
    {
      action: 'withdraw',
      to: decidersOf(l),
      title: '请假已撤销',
      body: `${l.personName}撤销了请假（${span(l)}）。`,
    },
  );
}

export async function returnFromLeave(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { version: number; returnedOn: string },
) {
  const { l, can } = await loadLeave(deps, actor, id);
  authorize(can, 'return', '只有本人可以为已开始的请假销假');
  const problem = returnDateProblem(l, b.returnedOn, today(deps));
  if (problem) throw badRequest(problem);
  return change(
    deps,
    actor,
    l,
    b.version,
    { status: 'returned', returnedOn: b.returnedOn },
    {
      action: 'return',
      to: [l.personId, ...decidersOf(l)],
      title: '已销假',
      body: `${l.personName}已销假，${b.returnedOn} 起到岗。`,
    },
  );
}
