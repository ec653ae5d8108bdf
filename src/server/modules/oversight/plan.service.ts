/**
 * The upper level's year plan of inspections (督查检查计划, measures 35 and 39): the 督查室 drafts it, sees 扎堆
 * (domain/inspection-plan) with a merge suggestion, merges, and approves — a flag left open needs a recorded reason.
 * After approval the plan is frozen, except recording what happened (inspections.service.ts).
 */
import type { z } from 'zod';
import { changedFields } from '../../../domain/changes.js';
import { CLUSTER_RULE_TEXT, DEFAULT_CLUSTER_SETTINGS, mergeInspections } from '../../../domain/inspection-plan.js';
import { PLAN_STATUS_LABELS, unacknowledged, type PlanStatus } from '../../../domain/inspection-plan-text.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TPlanView,
  ZPlanApprove,
  ZPlanMerge,
  ZPlanSettingsBody,
} from '../../../shared/contracts/oversight-plan.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertDraft, flagsOf, planCanOr403, planOr404, settingsOf } from './plan-access.js';
import { getInspection } from './inspections.service.js';
import { inspectionPlanRepo as repo, type InspectionPlanRow } from './plan.repo.js';

async function viewOf(db: Db, actor: Actor, year: number, plan: InspectionPlanRow | undefined): Promise<TPlanView> {
  const can = planCanOr403(actor);
  if (!plan) return { year, plan: null, flags: [], ruleText: CLUSTER_RULE_TEXT(DEFAULT_CLUSTER_SETTINGS), can };
  const settings = settingsOf(plan);
  return {
    year,
    plan: {
      id: plan.id,
      year: plan.year,
      status: plan.status as PlanStatus,
      statusLabel: PLAN_STATUS_LABELS[plan.status as PlanStatus],
      settings,
      approvedAt: plan.approvedAt?.toISOString() ?? null,
      approvedByName: (await repo.userName(db, plan.approvedBy)) ?? null,
      version: plan.version,
    },
    flags: await flagsOf(db, actor, plan),
    ruleText: CLUSTER_RULE_TEXT(settings),
    can,
  };
}

export async function planView(deps: AppDeps, actor: Actor, year: number) {
  planCanOr403(actor);
  return viewOf(deps.db, actor, year, await repo.planByYear(deps.db, actor.unitId, year));
}

const viewById = async (deps: AppDeps, actor: Actor, id: string) => {
  const plan = (await repo.plan(deps.db, actor.unitId, id))!;
  return viewOf(deps.db, actor, plan.year, plan);
};

export async function createPlan(deps: AppDeps, actor: Actor, year: number) {
  planCanOr403(actor, true);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const plan = await repo.insertPlan(tx, {
      unitId: actor.unitId,
      year,
      ...DEFAULT_CLUSTER_SETTINGS,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    if (!plan) throw conflict(`${year}年度督查检查计划已存在`);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'inspection_plan',
      entityId: plan.id,
      action: 'create',
      after: { year, ...DEFAULT_CLUSTER_SETTINGS },
    });
    return plan.id;
  });
  return viewById(deps, actor, id);
}

export async function savePlanSettings(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZPlanSettingsBody>) {
  planCanOr403(actor, true);
  const plan = await planOr404(deps.db, actor, id);
  assertDraft(plan);
  const { version, ...values } = b;
  const diff = changedFields(settingsOf(plan), values);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await repo.updatePlan(tx, actor.unitId, id, version, { ...values, updatedAt: at });
    if (rows.length !== 1) throw conflict('督查检查计划已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'inspection_plan',
      entityId: id,
      action: 'update',
      before: diff.before,
      after: diff.after,
    });
  });
  return viewById(deps, actor, id);
}

/**
 * Merges planned inspections of a draft into one (domain mergeInspections): the earliest one survives with the
 * subjects, teams and units together; the others are marked merged into it.
 */
export async function mergePlanInspections(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZPlanMerge>) {
  planCanOr403(actor, true);
  const ids = [...new Set(b.inspectionIds)];
  if (ids.length < 2) throw badRequest('请至少选择两项不同的督查检查合并');
  const at = deps.clock.now();
  const survivorId = await deps.db.transaction(async (tx) => {
    const plan = await repo.lockPlan(tx, actor.unitId, id);
    if (!plan) throw badRequest('督查检查计划不存在');
    assertDraft(plan);
    const rows = await repo.inspectionsByIds(tx, actor.unitId, id, ids);
    if (rows.length !== ids.length) throw badRequest('所选督查检查不在该计划中');
    const notPlanned = rows.find((r) => r.status !== 'planned');
    if (notPlanned) throw conflict(`“${notPlanned.subject}”已合并或撤销，请刷新后再试`);
    const unitsOf = await repo.unitsOf(tx, actor.unitId, ids);
    const sorted = [...rows].sort((a, c) =>
      a.startsOn === c.startsOn ? (a.id < c.id ? -1 : 1) : a.startsOn < c.startsOn ? -1 : 1,
    );
    const survivor = sorted[0]!;
    const planned = rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      kind: r.kind as 'comprehensive' | 'special',
      team: r.team,
      startsOn: r.startsOn,
      unitIds: (unitsOf.get(r.id) ?? []).map((u) => u.id),
    }));
    const one = mergeInspections(planned, ids, survivor.id).find((x) => x.id === survivor.id)!;
    const set = { subject: one.subject, kind: one.kind, team: one.team, startsOn: one.startsOn };
    await repo.updateInspection(tx, actor.unitId, survivor.id, survivor.version, { ...set, updatedAt: at });
    await repo.setUnits(tx, actor.unitId, survivor.id, [...one.unitIds]);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'inspection',
      entityId: survivor.id,
      action: 'merge',
      before: { subject: survivor.subject, team: survivor.team, startsOn: survivor.startsOn },
      after: { ...set, unitIds: one.unitIds, merged: ids.filter((x) => x !== survivor.id) },
    });
    for (const r of sorted.slice(1)) {
      await repo.updateInspection(tx, actor.unitId, r.id, r.version, {
        status: 'merged',
        mergedInto: survivor.id,
        updatedAt: at,
      });
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId: actor.unitId,
        entityType: 'inspection',
        entityId: r.id,
        action: 'merge',
        before: { status: r.status },
        after: { status: 'merged', mergedInto: survivor.id },
      });
    }
    return survivor.id;
  });
  return getInspection(deps, actor, survivorId);
}

/** Approves a draft: refused while a 扎堆 flag is open without a reason for keeping it; the reasons are stored. */
export async function approvePlan(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZPlanApprove>) {
  planCanOr403(actor, true);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const plan = await repo.lockPlan(tx, actor.unitId, id);
    if (!plan) throw badRequest('督查检查计划不存在');
    assertDraft(plan);
    if (plan.version !== b.version) throw conflict('督查检查计划已被他人修改，请刷新后再试');
    if (!(await repo.live(tx, actor.unitId, id)).length) throw badRequest('计划中还没有督查检查，不能批准');
    const flags = await flagsOf(tx, actor, plan);
    const reasons = new Map(b.keep.map((k) => [k.key, k.reason]));
    const open = unacknowledged(flags, reasons);
    if (open.length)
      throw badRequest(
        `仍有${open.length}处“扎堆”未合并，请合并或逐条说明保留理由：${open.map((f) => f.text).join('；')}`,
        { flags: open.map((f) => f.key) },
      );
    const kept = flags.map((f) => ({ key: f.key, text: f.text, reason: reasons.get(f.key)! }));
    await repo.insertAcks(
      tx,
      kept.map((k) => ({
        unitId: actor.unitId,
        planId: id,
        flagKey: k.key,
        reason: k.reason,
        recordedBy: actor.userId,
        createdAt: at,
      })),
    );
    await repo.updatePlan(tx, actor.unitId, id, plan.version, {
      status: 'approved',
      approvedBy: actor.userId,
      approvedAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'inspection_plan',
      entityId: id,
      action: 'approve',
      before: { status: 'draft' },
      after: { status: 'approved', keptFlags: kept },
    });
  });
  return viewById(deps, actor, id);
}
