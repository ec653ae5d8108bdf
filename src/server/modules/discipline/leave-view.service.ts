/** Reading leave requests: one with what the reader may do, and the lists (mine, to approve, the unit's). */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  needsLeaderApproval,
  pendingStep,
  requestedHalfDays,
  checkLeaveBounds,
  LeaveError,
  type LeaveStatus,
} from '../../../domain/leave.js';
import {
  headedDepartments,
  leaveFactsOf,
  leavePolicy,
  seesUnitLeave,
  type LeaveCan,
} from '../../../domain/policies/leave.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZLeaveQuery } from '../../../shared/contracts/leave.js';
import { badRequest, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { disciplineSettingsRepo } from './settings.repo.js';
import { leaveRepo, type LeaveView } from './leave.repo.js';

export const today = (deps: AppDeps) => shanghaiDate(deps.clock.now());

export const factsOf = leaveFactsOf;

/** The leave with the reader's `can`; 404 for a reader the policy does not let see it. */
export async function loadLeave(deps: AppDeps, actor: Actor, id: string): Promise<{ l: LeaveView; can: LeaveCan }> {
  const l = await leaveRepo.byId(deps.db, actor.unitId, id);
  const can = l && leavePolicy(actor, factsOf(l), today(deps));
  if (!l || !can?.see) throw notFound('请假记录');
  return { l, can };
}

function present(l: LeaveView, can: LeaveCan, names: Map<string, string>) {
  return {
    id: l.id,
    personId: l.personId,
    personName: l.personName,
    departmentName: l.departmentName,
    kind: l.kind,
    fromDate: l.fromDate,
    startsAfternoon: l.startsAfternoon,
    toDate: l.toDate,
    endsAtNoon: l.endsAtNoon,
    halfDays: l.halfDays,
    // Personal data: only for the person, the approvers and the discipline staff (the policy's `reason`).
    reason: can.reason ? l.reason : null,
    status: l.status as LeaveStatus,
    step: pendingStep({
      status: l.status as LeaveStatus,
      fromDate: l.fromDate,
      headDecided: !!l.headDecidedBy,
      leaderRequired: l.leaderRequired,
    }),
    awaitingNames: l.awaitingIds.map((p) => names.get(p) ?? '—'),
    leaderRequired: l.leaderRequired,
    rejectedReason: can.reason ? l.rejectedReason : null,
    withdrawnReason: can.reason ? l.withdrawnReason : null,
    returnedOn: l.returnedOn,
    createdAt: l.createdAt.toISOString(),
    version: l.version,
    can,
  };
}

export async function getLeave(deps: AppDeps, actor: Actor, id: string) {
  const { l, can } = await loadLeave(deps, actor, id);
  return present(l, can, await leaveRepo.names(deps.db, actor.unitId, l.awaitingIds));
}

export async function listLeave(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLeaveQuery>) {
  if (q.personId) await assertInUnit(deps.db, actor.unitId, { person: q.personId });
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  if (q.scope !== 'unit' && !actor.personId) return empty;
  // The unit list shows what the policy lets the reader see; the other two are parts of it.
  const scope = seesUnitLeave(actor) ? 'all' : { personId: actor.personId, headed: headedDepartments(actor) };
  const filter = {
    personId: q.scope === 'mine' ? actor.personId! : q.personId,
    status: q.status,
    month: q.month,
    awaiting: q.scope === 'approve' ? actor.personId! : undefined,
  };
  const { rows, total } = await leaveRepo.page(
    deps.db,
    actor.unitId,
    scope,
    filter,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const names = await leaveRepo.names(
    deps.db,
    actor.unitId,
    rows.flatMap((r) => r.awaitingIds),
  );
  const day = today(deps);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((l) => present(l, leavePolicy(actor, factsOf(l), day), names)),
  };
}

/** The length of a span by the unit's calendar, and whether the 分管领导 would approve too (shown before submitting). */
export async function leaveLength(
  deps: AppDeps,
  actor: Actor,
  s: { fromDate: string; toDate: string; startsAfternoon: boolean; endsAtNoon: boolean },
) {
  const [calendar, settings] = await Promise.all([
    calendarForUnit(deps.db, actor.unitId),
    disciplineSettingsRepo.of(deps.db, actor.unitId),
  ]);
  try {
    checkLeaveBounds(s, shanghaiDate(deps.clock.now()));
    const halfDays = requestedHalfDays(calendar, s);
    return { halfDays, leaderRequired: needsLeaderApproval(halfDays, settings.leaveLeaderDays) };
  } catch (e) {
    if (e instanceof LeaveError) throw badRequest(e.message);
    throw e;
  }
}
