import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { drawMonth, gapBound, replayMatches, type DrawInputs } from '../../../domain/check-draw.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { canSeeChecks, checkPolicy, mayDrawChecks } from '../../../domain/policies/check.js';
import type { Actor } from '../../../domain/roles.js';
import type { ObservationStatus, ZRecordBody } from '../../../shared/contracts/discipline-checks.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { checksRepo, type CheckRow, type PlanRow } from './checks.repo.js';
import { findingsRepo } from './findings.repo.js';
import { disciplineSettingsRepo } from './settings.repo.js';

/** Observations that call for an explanation: they become findings (kind on_duty). */
const FINDING_STATUSES = new Set<ObservationStatus>(['absent', 'late']);

/** The draw is unannounced: to anyone but the discipline staff, plans and checks do not exist. */
function mustSee(actor: Actor, what: string) {
  if (!canSeeChecks(actor)) throw notFound(what);
}

function presentCheck(actor: Actor, c: CheckRow, names: Map<string, string>) {
  return {
    id: c.id,
    ordinal: c.ordinal,
    departments: c.departmentIds.map((id) => ({ id, name: names.get(id) ?? '（已撤销的科室）' })),
    status: c.status,
    checkedOn: c.checkedOn,
    withdrawnReason: c.withdrawnReason,
    version: c.version,
    can: checkPolicy(actor, c),
  };
}

async function presentPlans(deps: AppDeps, actor: Actor, plans: PlanRow[]) {
  const [checks, names] = await Promise.all([
    checksRepo.checksOf(
      deps.db,
      actor.unitId,
      plans.map((p) => p.id),
    ),
    checksRepo.departmentNames(deps.db, actor.unitId),
  ]);
  return plans.map((p) => ({
    id: p.id,
    month: p.month,
    plannedCount: p.plannedCount,
    seed: p.seed,
    createdAt: p.createdAt.toISOString(),
    checks: checks.filter((c) => c.planId === p.id).map((c) => presentCheck(actor, c, names)),
  }));
}

export async function listPlans(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }) {
  mustSee(actor, '在岗检查计划');
  const { rows, total } = await checksRepo.plansPage(deps.db, actor.unitId, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: await presentPlans(deps, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

async function planOr404(deps: AppDeps, actor: Actor, id: string) {
  mustSee(actor, '在岗检查计划');
  const p = await checksRepo.plan(deps.db, actor.unitId, id);
  if (!p) throw notFound('在岗检查计划');
  return p;
}

export async function getPlan(deps: AppDeps, actor: Actor, id: string) {
  return (await presentPlans(deps, actor, [await planOr404(deps, actor, id)]))[0]!;
}

/**
 * This month's plan: the number of checks and each one's departments, drawn from a fresh seed and the year's
 * earlier draws. One plan a month: a second draw would let the draw be repeated until it suits someone.
 */
export async function drawPlan(deps: AppDeps, actor: Actor, b: { month: string }) {
  mustSee(actor, '在岗检查计划');
  authorize({ draw: mayDrawChecks(actor) }, 'draw', '只有纪检人员可以抽取');
  const at = deps.clock.now();
  const thisMonth = shanghaiDate(at).slice(0, 7);
  if (b.month !== thisMonth) throw badRequest(`只能制定本月（${thisMonth}）的检查计划`);
  if (await checksRepo.planOfMonth(deps.db, actor.unitId, b.month))
    throw badRequest(`${b.month} 的检查计划已经制定，不能重复抽取`);
  const [settings, depts, history] = await Promise.all([
    disciplineSettingsRepo.of(deps.db, actor.unitId),
    checksRepo.activeDepartments(deps.db, actor.unitId),
    checksRepo.historyBefore(deps.db, actor.unitId, b.month),
  ]);
  if (!depts.length) throw badRequest('本单位还没有科室，无法抽取');
  const inputs: DrawInputs = {
    month: b.month,
    departmentIds: depts.map((d) => d.id).sort(),
    history,
    checksPerMonthMin: settings.checksPerMonthMin,
    checksPerMonthMax: settings.checksPerMonthMax,
    departmentsPerCheck: settings.departmentsPerCheck,
  };
  const seed = randomBytes(32).toString('hex');
  const draw = drawMonth(inputs, seed);
  const id = await deps.db.transaction(async (tx) => {
    const plan = await checksRepo.insertPlan(tx, {
      unitId: actor.unitId,
      month: b.month,
      plannedCount: draw.count,
      seed,
      inputs,
      createdBy: actor.userId,
      createdAt: at,
    });
    if (!plan) throw badRequest(`${b.month} 的检查计划已经制定，不能重复抽取`);
    await checksRepo.insertChecks(
      tx,
      draw.checks.map((departmentIds, i) => ({
        unitId: actor.unitId,
        planId: plan.id,
        ordinal: i + 1,
        departmentIds,
        createdAt: at,
        updatedAt: at,
      })),
    );
    // The draw itself is in the (sensitive) trail: shown only to those who may read the plan.
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'check_plan',
      entityId: plan.id,
      action: 'draw',
      after: { month: b.month, plannedCount: draw.count, seed, checks: draw.checks },
    });
    return plan.id;
  });
  return getPlan(deps, actor, id);
}

/**
 * Recomputes the stored draw from its stored inputs and seed: does it match what was drawn? And were the
 * stored inputs' history the year's carried-out checks as the database now holds them? The plan's
 * withdrawn checks are listed with their reasons: a withdrawal is the one way round a draw.
 */
export async function replayPlan(deps: AppDeps, actor: Actor, id: string) {
  const p = await planOr404(deps, actor, id);
  const inputs = p.inputs as DrawInputs;
  const [checks, history] = await Promise.all([
    checksRepo.checksOf(deps.db, actor.unitId, [p.id]),
    checksRepo.historyBefore(deps.db, actor.unitId, p.month),
  ]);
  const stored = checks.map((c) => c.departmentIds);
  return {
    matches: replayMatches(inputs, p.seed, stored) && stored.length === p.plannedCount,
    historyMatches: JSON.stringify(history) === JSON.stringify(inputs.history),
    withdrawn: checks
      .filter((c) => c.status === 'withdrawn')
      .map((c) => ({ ordinal: c.ordinal, reason: c.withdrawnReason ?? '' })),
    stored,
    recomputed: drawMonth(inputs, p.seed).checks,
    gapBound: gapBound(inputs.departmentIds.length, inputs.departmentsPerCheck),
  };
}

async function checkOr404(deps: AppDeps, actor: Actor, id: string) {
  mustSee(actor, '在岗检查');
  const r = await checksRepo.check(deps.db, actor.unitId, id);
  if (!r) throw notFound('在岗检查');
  return r;
}

/** The people of the drawn departments, prefilled from leave (请假) and absence (公出) records of `day`. */
async function prefill(db: Db, unitId: string, c: CheckRow, day: string, names: Map<string, string>) {
  const roster = await checksRepo.peopleOf(db, unitId, c.departmentIds);
  const ids = roster.map((p) => p.id);
  const [leave, away] = await Promise.all([
    checksRepo.onLeave(db, unitId, ids, day),
    checksRepo.away(db, unitId, ids, day),
  ]);
  return roster.map((p) => {
    const status: ObservationStatus = leave.has(p.id) ? 'on_leave' : away.has(p.id) ? 'business_trip' : 'on_duty';
    return {
      personId: p.id,
      name: p.name,
      departmentId: p.departmentId,
      departmentName: names.get(p.departmentId ?? '') ?? '',
      status,
      note: '',
      prefilled: status !== 'on_duty',
    };
  });
}

export async function getCheck(deps: AppDeps, actor: Actor, id: string, on?: string) {
  const { c, month } = await checkOr404(deps, actor, id);
  const names = await checksRepo.departmentNames(deps.db, actor.unitId);
  let rows;
  if (c.status === 'recorded') {
    const [obs, roster] = await Promise.all([
      checksRepo.observations(deps.db, actor.unitId, c.id),
      checksRepo.peopleOf(deps.db, actor.unitId, c.departmentIds),
    ]);
    const nameOf = new Map(roster.map((p) => [p.id, p.name]));
    rows = obs.map((o) => ({
      personId: o.personId,
      name: nameOf.get(o.personId) ?? '（已调出）',
      departmentId: o.departmentId,
      departmentName: names.get(o.departmentId ?? '') ?? '',
      status: o.status as ObservationStatus,
      note: o.note,
      prefilled: false,
    }));
  } else rows = await prefill(deps.db, actor.unitId, c, on ?? shanghaiDate(deps.clock.now()), names);
  return { ...presentCheck(actor, c, names), planId: c.planId, month, inspectorIds: c.inspectorIds, rows };
}

/** What the inspector saw, once: absences without leave and late arrivals become findings to be explained. */
export async function recordCheck(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZRecordBody>) {
  const { c, month } = await checkOr404(deps, actor, id);
  if (c.status === 'recorded') throw badRequest('该检查已经记录，不能重复记录');
  if (c.status === 'withdrawn') throw badRequest('该检查已撤销，不能记录');
  authorize(checkPolicy(actor, c), 'record', '只有纪检人员可以记录检查情况');
  const at = deps.clock.now();
  if (b.checkedOn.slice(0, 7) !== month) throw badRequest(`检查日期应在计划月份（${month}）内，计划外的检查不能记录`);
  if (b.checkedOn > shanghaiDate(at)) throw badRequest('检查日期不能晚于今天');
  const personIds = b.observations.map((o) => o.personId);
  if (new Set(personIds).size !== personIds.length) throw badRequest('同一人员只能记录一次');
  await assertInUnit(deps.db, actor.unitId, { person: personIds }, { person: '检查记录中有不属于本单位的人员' });
  await assertInUnit(deps.db, actor.unitId, { person: b.inspectorIds }, { person: '所选检查人不属于本单位' });
  const deptOf = new Map((await checksRepo.peopleByIds(deps.db, actor.unitId, personIds)).map((p) => [p.id, p]));
  if (personIds.some((p) => !c.departmentIds.includes(deptOf.get(p)?.departmentId ?? '')))
    throw badRequest('只能记录本次抽取科室的人员，计划外的科室不在本次检查范围内');
  await deps.db.transaction(async (tx) => {
    const patch = { status: 'recorded', checkedOn: b.checkedOn, inspectorIds: b.inspectorIds };
    if (
      !(await checksRepo.updatePlanned(tx, actor.unitId, id, b.version, {
        ...patch,
        recordedBy: actor.userId,
        recordedAt: at,
        updatedAt: at,
      }))
    )
      throw conflict('该检查已被他人修改，请刷新后再试');
    await checksRepo.insertObservations(
      tx,
      b.observations.map((o) => ({
        unitId: actor.unitId,
        checkId: id,
        personId: o.personId,
        departmentId: deptOf.get(o.personId)!.departmentId,
        status: o.status,
        note: o.note,
        createdAt: at,
      })),
    );
    const findings = b.observations
      .filter((o) => FINDING_STATUSES.has(o.status))
      .map((o) => ({
        id: randomUUID(),
        unitId: actor.unitId,
        kind: 'on_duty',
        sourceType: 'check',
        sourceId: id,
        personId: o.personId,
        departmentId: deptOf.get(o.personId)!.departmentId,
        onDate: b.checkedOn,
        observed: o.status,
        note: o.note,
        dedupeKey: `check:${id}:${o.personId}`,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      }));
    await findingsRepo.insert(tx, findings);
    const counts = Object.fromEntries(
      [...new Set(b.observations.map((o) => o.status))].map((s) => [
        s,
        b.observations.filter((o) => o.status === s).length,
      ]),
    );
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_check',
      entityId: id,
      action: 'record_check',
      after: { checkedOn: b.checkedOn, counts, findings: findings.length },
    });
    for (const f of findings)
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId: actor.unitId,
        entityType: 'discipline_finding',
        entityId: f.id,
        action: 'create',
        after: { kind: f.kind, observed: f.observed, onDate: f.onDate, personId: f.personId },
      });
  });
  return getCheck(deps, actor, id);
}

export async function withdrawCheck(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const { c } = await checkOr404(deps, actor, id);
  if (c.status !== 'planned') throw badRequest('只能撤销尚未记录的检查');
  authorize(checkPolicy(actor, c), 'withdraw', '只有纪检人员可以撤销检查');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (
      !(await checksRepo.updatePlanned(tx, actor.unitId, id, null, {
        status: 'withdrawn',
        withdrawnReason: reason,
        updatedAt: at,
      }))
    )
      throw conflict('该检查已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_check',
      entityId: id,
      action: 'withdraw',
      after: { reason },
    });
  });
}
