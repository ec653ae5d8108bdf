import { canReadUnit, type Actor } from '../../../domain/roles.js';
import { canSeePhone, canWritePerson, phoneSearchScope } from '../../../domain/policies/person.js';
import type { TPersonBody } from '../../../shared/contracts/people.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { shanghaiDateStamp } from '../../http.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { changedFields } from '../../../domain/changes.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo, type PeopleFilter } from './people.repo.js';
import { personAuditView, presentPerson } from './people.presenter.js';
import { rosterExport, rosterTemplate } from './roster-xlsx.js';
import { assertInUnit } from '../unit-ids.repo.js';

/**
 * The unit whose roster the actor asks for: the own one, or (with oversight) one below it.
 * A unit the actor may not see answers 404, as if it did not exist.
 */
export async function readableUnit({ db }: AppDeps, actor: Actor, unitId?: string): Promise<string> {
  if (!unitId || unitId === actor.unitId) return actor.unitId;
  const ancestors = await orgRepo.ancestors(db, unitId);
  if (!canReadUnit(actor, unitId, ancestors)) throw notFound('单位');
  return unitId;
}

export async function listPeople(
  deps: AppDeps,
  actor: Actor,
  q: PeopleFilter & { unitId?: string; page: number; pageSize: number },
) {
  const unitId = await readableUnit(deps, actor, q.unitId);
  const phone = { scope: phoneSearchScope(actor, unitId), personId: actor.personId };
  const { rows, total } = await peopleRepo.page(deps.db, unitId, q, phone, q.pageSize, (q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => presentPerson(r, canSeePhone(actor, r.person))),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getPerson({ db }: AppDeps, actor: Actor, id: string) {
  const row = await peopleRepo.byId(db, actor.unitId, id);
  if (!row) throw notFound('人员');
  return presentPerson(row, canSeePhone(actor, row.person));
}

/** The whole roster of a readable unit as .xlsx (with phones), named after the unit and the day. */
export async function exportRoster(deps: AppDeps, actor: Actor, unitId?: string) {
  const readable = await readableUnit(deps, actor, unitId);
  const unit = await orgRepo.unit(deps.db, readable);
  const rows = (await peopleRepo.all(deps.db, readable)).map((r) => presentPerson(r));
  return { fileName: `${unit!.name}花名册${shanghaiDateStamp(deps.clock.now())}.xlsx`, data: await rosterExport(rows) };
}

/** The import template, its department column offering the unit's active departments. */
export async function rosterImportTemplate({ db }: AppDeps, actor: Actor) {
  const names = (await orgRepo.departments(db, actor.unitId)).filter((d) => d.active).map((d) => d.name);
  return rosterTemplate(names);
}

async function checkDepartment({ db }: AppDeps, unitId: string, departmentId: string | null) {
  if (!departmentId) return;
  await assertInUnit(db, unitId, { department: departmentId });
  const d = (await orgRepo.department(db, unitId, departmentId))!;
  if (!d.active) throw badRequest(`科室“${d.name}”已撤销，不能再分配人员`);
}

export async function createPerson(deps: AppDeps, actor: Actor, body: TPersonBody) {
  if (!canWritePerson(actor, { unitId: actor.unitId, departmentId: body.departmentId }))
    throw forbidden('只能在自己负责的科室中添加人员');
  await checkDepartment(deps, actor.unitId, body.departmentId);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const p = await peopleRepo.insert(tx, { unitId: actor.unitId, ...body, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'person',
      entityId: p.id,
      action: 'create',
      after: personAuditView(p),
    });
    return p.id;
  });
  return getPerson(deps, actor, id);
}

/**
 * Updates a person; `expectedUpdatedAt` guards against overwriting someone else's edit made
 * since the form was opened. Leaving (离职) is a status, not a deletion.
 */
export async function updatePerson(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: TPersonBody,
  expectedUpdatedAt?: string,
) {
  const row = await peopleRepo.byId(deps.db, actor.unitId, id);
  if (!row) throw notFound('人员');
  if (!canWritePerson(actor, row.person, { departmentId: body.departmentId }))
    throw forbidden('只能修改自己负责科室的人员');
  if (expectedUpdatedAt && row.person.updatedAt.toISOString() !== expectedUpdatedAt) {
    throw badRequest('该人员信息已被他人修改，请刷新后再编辑');
  }
  if (body.departmentId !== row.person.departmentId) await checkDepartment(deps, actor.unitId, body.departmentId);
  const diff = changedFields(personAuditView(row.person), body);
  if (diff.changed) {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await peopleRepo.update(tx, actor.unitId, id, { ...body, updatedAt: now });
      await recordAudit(tx, auditActorOf(actor), now, {
        unitId: actor.unitId,
        entityType: 'person',
        entityId: id,
        action: 'update',
        before: diff.before,
        after: diff.after,
      });
    });
  }
  return getPerson(deps, actor, id);
}
