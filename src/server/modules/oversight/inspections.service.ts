/**
 * The inspections of the upper level's plan: added, edited and withdrawn while the plan is a draft (at the version
 * read); once approved, only what happened is recorded — and an inspection not planned is added with its reason.
 */
import type { z } from 'zod';
import { changedFields } from '../../../domain/changes.js';
import {
  INSPECTION_KIND_LABELS,
  INSPECTION_STATUS_LABELS,
  type InspectionKind,
  type InspectionStatus,
} from '../../../domain/inspection-plan-text.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TInspection,
  ZInspectionBody,
  ZInspectionEdit,
  ZInspectionHappened,
  ZInspectionQuery,
  ZInspectionWithdraw,
} from '../../../shared/contracts/oversight-plan.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertDraft, checkInspectedUnits, planCanOr403, planOr404 } from './plan-access.js';
import { inspectionPlanRepo as repo, type InspectionRow } from './plan.repo.js';

async function present(db: Db, actor: Actor, rows: InspectionRow[]): Promise<TInspection[]> {
  const unitsOf = await repo.unitsOf(
    db,
    actor.unitId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    subject: r.subject,
    kind: r.kind as InspectionKind,
    kindLabel: INSPECTION_KIND_LABELS[r.kind as InspectionKind],
    team: r.team,
    startsOn: r.startsOn,
    units: unitsOf.get(r.id) ?? [],
    status: r.status as InspectionStatus,
    statusLabel: INSPECTION_STATUS_LABELS[r.status as InspectionStatus],
    mergedInto: r.mergedInto,
    withdrawnReason: r.withdrawnReason,
    unplannedReason: r.unplannedReason,
    happenedFrom: r.happenedFrom,
    happenedTo: r.happenedTo,
    happenedSummary: r.happenedSummary,
    version: r.version,
  }));
}

async function inspectionOr404(db: Db, actor: Actor, id: string) {
  const row = await repo.inspection(db, actor.unitId, id);
  if (!row) throw notFound('督查检查');
  return row;
}

export async function getInspection(deps: AppDeps, actor: Actor, id: string) {
  return (await present(deps.db, actor, [await inspectionOr404(deps.db, actor, id)]))[0]!;
}

export async function listInspections(
  deps: AppDeps,
  actor: Actor,
  planId: string,
  q: z.infer<typeof ZInspectionQuery>,
) {
  planCanOr403(actor);
  await planOr404(deps.db, actor, planId);
  const { rows, total } = await repo.inspectionsPage(
    deps.db,
    actor.unitId,
    planId,
    q.status,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: await present(deps.db, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

/** The start lies in the plan's year (a plan is a year's). */
function checkYear(year: number, startsOn: string) {
  if (!startsOn.startsWith(`${year}-`)) throw badRequest(`进驻日期应在${year}年度内`);
}

/**
 * Adds an inspection: to a draft freely; to an approved plan only as one that happened outside the plan, with the
 * reason (it is recorded as planned and then its happening is recorded like the others).
 */
export async function addInspection(deps: AppDeps, actor: Actor, planId: string, b: z.infer<typeof ZInspectionBody>) {
  planCanOr403(actor, true);
  const plan = await planOr404(deps.db, actor, planId);
  checkYear(plan.year, b.startsOn);
  if (plan.status === 'approved' && !b.unplannedReason) throw badRequest('计划已批准：计划外的督查检查须说明理由');
  const unitIds = await checkInspectedUnits(deps.db, actor, b.unitIds);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const locked = (await repo.lockPlan(tx, actor.unitId, planId))!;
    if (locked.status !== plan.status) throw conflict('督查检查计划的状态已变化，请刷新后再试');
    const unplannedReason = locked.status === 'approved' ? b.unplannedReason : null;
    const row = await repo.insertInspection(tx, {
      unitId: actor.unitId,
      planId,
      subject: b.subject,
      kind: b.kind,
      team: b.team,
      startsOn: b.startsOn,
      unplannedReason,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await repo.setUnits(tx, actor.unitId, row.id, unitIds);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'inspection',
      entityId: row.id,
      action: 'create',
      after: { ...b, unitIds, unplannedReason },
    });
    return row.id;
  });
  return getInspection(deps, actor, id);
}

/** A change of a draft's planned inspection at the version read. */
async function change(
  deps: AppDeps,
  actor: Actor,
  row: InspectionRow,
  version: number,
  set: Partial<InspectionRow>,
  action: 'update' | 'withdraw' | 'record',
  unitIds?: string[],
) {
  const before = unitIds
    ? (await repo.unitsOf(deps.db, actor.unitId, [row.id])).get(row.id)?.map((u) => u.id)
    : undefined;
  const diff = changedFields(row, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await repo.updateInspection(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该督查检查已被他人修改，请刷新后再试');
    if (unitIds) await repo.setUnits(tx, actor.unitId, row.id, unitIds);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'inspection',
      entityId: row.id,
      action,
      before: unitIds ? { ...diff.before, unitIds: before } : diff.before,
      after: unitIds ? { ...diff.after, unitIds } : diff.after,
    });
  });
  return getInspection(deps, actor, row.id);
}

async function draftInspection(deps: AppDeps, actor: Actor, id: string) {
  planCanOr403(actor, true);
  const row = await inspectionOr404(deps.db, actor, id);
  const plan = await planOr404(deps.db, actor, row.planId);
  assertDraft(plan);
  if (row.status !== 'planned') throw conflict('该督查检查已合并或撤销，不能修改');
  return { row, plan };
}

export async function editInspection(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZInspectionEdit>) {
  const { row, plan } = await draftInspection(deps, actor, id);
  checkYear(plan.year, b.startsOn);
  const unitIds = await checkInspectedUnits(deps.db, actor, b.unitIds);
  const { version, unitIds: _u, ...set } = b;
  return change(deps, actor, row, version, set, 'update', unitIds);
}

export async function withdrawInspection(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZInspectionWithdraw>,
) {
  const { row } = await draftInspection(deps, actor, id);
  return change(deps, actor, row, b.version, { status: 'withdrawn', withdrawnReason: b.reason }, 'withdraw');
}

/** Records that an inspection of an approved plan took place: its dates and a short summary, by whom. */
export async function recordHappened(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZInspectionHappened>) {
  planCanOr403(actor, true);
  const row = await inspectionOr404(deps.db, actor, id);
  const plan = await planOr404(deps.db, actor, row.planId);
  if (plan.status !== 'approved') throw conflict('计划批准后才能登记督查检查的开展情况');
  if (row.status !== 'planned')
    throw conflict(`该督查检查${INSPECTION_STATUS_LABELS[row.status as InspectionStatus]}，不能登记开展情况`);
  return change(
    deps,
    actor,
    row,
    b.version,
    {
      status: 'done',
      happenedFrom: b.from,
      happenedTo: b.to,
      happenedSummary: b.summary,
      happenedBy: actor.userId,
      happenedAt: deps.clock.now(),
    },
    'record',
  );
}
