import type { z } from 'zod';
import type { Actor } from '../../../domain/roles.js';
import type { ZUnavailabilityBody } from '../../../shared/contracts/availability.js';
import type { Db } from '../../db/client.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { mayRecordAbsenceOf, maySeeAbsenceReason, type AbsentPerson } from '../../../domain/policies/person.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { availabilityRepo } from './availability.repo.js';
import { leaveRepo } from '../discipline/leave.repo.js';

/** Is the person away on `day` (Asia/Shanghai civil date): a recorded absence, or approved leave (请销假)? */
export async function isAway(db: Db, unitId: string, personId: string, day: string): Promise<boolean> {
  const [absent, onLeave] = await Promise.all([
    availabilityRepo.activeOn(db, unitId, personId, day),
    leaveRepo.awayOn(db, unitId, personId, day),
  ]);
  return !!absent || onLeave;
}

async function absentPerson(db: Db, unitId: string, personId: string): Promise<AbsentPerson> {
  return (await availabilityRepo.person(db, unitId, personId))!;
}

/** Records that someone is away: one's own absence, or (the office, the person's department head) anyone's. */
export async function addUnavailability(deps: AppDeps, actor: Actor, b: z.infer<typeof ZUnavailabilityBody>) {
  if (b.toDate < b.fromDate) throw badRequest('结束日期不能早于开始日期');
  await assertInUnit(deps.db, actor.unitId, { person: b.personId });
  if (!mayRecordAbsenceOf(actor, await absentPerson(deps.db, actor.unitId, b.personId)))
    throw forbidden('只能登记本人的不在岗情况');
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await availabilityRepo.insert(tx, { unitId: actor.unitId, ...b, createdAt: at });
    // The reason is personal data and stays out of the audit trail, which more people read.
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'unavailability',
      entityId: row!.id,
      action: 'create',
      after: { personId: b.personId, fromDate: b.fromDate, toDate: b.toDate },
    });
    return { id: row!.id };
  });
}

export async function withdrawUnavailability(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const row = await availabilityRepo.byId(deps.db, actor.unitId, id);
  if (!row) throw notFound('不在岗记录');
  if (!mayRecordAbsenceOf(actor, await absentPerson(deps.db, actor.unitId, row.personId)))
    throw forbidden('只能撤销本人的不在岗记录');
  if (!row.active) throw badRequest('该记录已撤销');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await availabilityRepo.withdraw(tx, actor.unitId, id, reason);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'unavailability',
      entityId: id,
      action: 'withdraw',
      after: { reason },
    });
  });
}

export async function listUnavailability(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }) {
  const { rows, total } = await availabilityRepo.activePage(
    deps.db,
    actor.unitId,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map(({ u, personName, departmentId }) => {
      const person = { id: u.personId, unitId: u.unitId, departmentId };
      return {
        id: u.id,
        personId: u.personId,
        personName,
        fromDate: u.fromDate,
        toDate: u.toDate,
        active: u.active,
        reason: maySeeAbsenceReason(actor, person) ? u.reason : null,
        canWithdraw: mayRecordAbsenceOf(actor, person),
      };
    }),
  };
}
