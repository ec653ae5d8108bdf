import type { z } from 'zod';
import { AssignmentError, effectiveDateProblem, reassign } from '../../../domain/assignments.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZDepartmentLeaderBody } from '../../../shared/contracts/org.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { departmentLeadersRepo, personForLeader } from './department-leaders.repo.js';
import { orgRepo } from './org.repo.js';

type LeaderBody = z.infer<typeof ZDepartmentLeaderBody>;

/** The 分管领导 of each department of the unit on a date (Shanghai), by department id. */
export async function leadersOn({ db }: AppDeps, unitId: string, date: string) {
  const rows = await departmentLeadersRepo.onDate(db, unitId, date);
  return new Map(rows.map((r) => [r.departmentId, r]));
}

/** The 分管领导 of one department on a date, or null when none is recorded. */
export async function leaderOf(deps: AppDeps, unitId: string, departmentId: string, date: string) {
  return (await leadersOn(deps, unitId, date)).get(departmentId)?.personId ?? null;
}

/** Today's 分管领导 of every department (for the departments list). */
export async function currentLeaders(deps: AppDeps, unitId: string) {
  return leadersOn(deps, unitId, shanghaiDate(deps.clock.now()));
}

/** A page of a department's 分管领导 history, the latest first. */
export async function leaderHistory(
  { db }: AppDeps,
  actor: Actor,
  q: { departmentId: string; page: number; pageSize: number },
) {
  await assertInUnit(db, actor.unitId, { department: q.departmentId });
  const { rows, total } = await departmentLeadersRepo.historyPage(
    db,
    actor.unitId,
    q.departmentId,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: rows, total, page: q.page, pageSize: q.pageSize };
}

async function checkLeaderBody({ db }: AppDeps, unitId: string, body: LeaderBody) {
  await assertInUnit(db, unitId, { department: body.departmentId, person: body.personId });
  const department = await orgRepo.department(db, unitId, body.departmentId);
  if (!department!.active) throw badRequest(`科室“${department!.name}”已撤销，不能设置分管领导`);
  const person = await personForLeader(db, unitId, body.personId);
  if (!person!.isLeadership || person!.status !== 'in_service')
    throw badRequest(`${person!.name}不是在职的班子成员，不能担任分管领导`);
  return { department: department!, person: person! };
}

/**
 * Sets a department's 分管领导 from a date: the one in charge then ends the day before, and the history is kept. A
 * date on or before a recorded change would overlap it and is refused (400), changing nothing.
 */
export async function setDepartmentLeader(deps: AppDeps, actor: Actor, body: LeaderBody) {
  const { department, person } = await checkLeaderBody(deps, actor.unitId, body);
  const now = deps.clock.now();
  const dateProblem = effectiveDateProblem(body.from, shanghaiDate(now));
  if (dateProblem) throw badRequest(dateProblem);
  await deps.db.transaction(async (tx) => {
    await departmentLeadersRepo.lockDepartment(tx, actor.unitId, body.departmentId);
    const rows = await departmentLeadersRepo.history(tx, actor.unitId, body.departmentId);
    const history = rows.map((r) => ({ id: r.id, holderId: r.personId, from: r.fromDate, to: r.toDate }));
    let change;
    try {
      change = reassign(history, [body.personId], body.from);
    } catch (e) {
      if (e instanceof AssignmentError) throw badRequest(`${department.name}：${e.message}`);
      throw e;
    }
    const closed = change.closed;
    for (const c of closed) await departmentLeadersRepo.close(tx, actor.unitId, c.id, c.to!, now);
    await departmentLeadersRepo.insert(tx, {
      unitId: actor.unitId,
      departmentId: body.departmentId,
      personId: body.personId,
      fromDate: body.from,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'department',
      entityId: body.departmentId,
      action: 'set_leader',
      before: { leaders: closed.map((c) => ({ personId: c.holderId, from: c.from, to: c.to })) },
      after: { personId: person.id, personName: person.name, from: body.from },
    });
  });
}
