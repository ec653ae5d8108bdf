/**
 * The year's plan of documents and meetings (measure 38) and the unit's 减负 settings: read by the leadership,
 * managed by the office and the 党组书记 (domain/policies/decision-plan). Entries are withdrawn with a reason,
 * never deleted; edits at the version read.
 */
import type { z } from 'zod';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../../domain/decision-rules.js';
import {
  burdenSettingsProblems,
  DEFAULT_BURDEN_SETTINGS,
  DOCUMENT_SUB_KINDS,
  PLAN_KIND_LABELS,
  SAME_AS_DECISION_KIND,
  type BurdenSettings,
  type PlanKind,
} from '../../../domain/burden.js';
import { changedFields } from '../../../domain/changes.js';
import { planPolicy, planRecordPolicy } from '../../../domain/policies/decision-plan.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  ZBurdenSettingsBody,
  ZPlanEntryBody,
  ZPlanEntryEdit,
  ZPlanEntryQuery,
  TPlanEntry,
} from '../../../shared/contracts/decision-plan.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { unitKinds } from '../campaigns/activity-kinds.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { planRepo, type PlanEntryRow } from './plan.repo.js';

/** The plan as a whole: 403 for those who may not open it. */
export function planCanOr403(actor: Actor, manage = false) {
  const can = planPolicy(actor);
  if (!can.see) throw forbidden('发文会议计划只有领导小组办公室和党组成员可以查看');
  if (manage) authorize(can, 'manage', '只有领导小组办公室或党组书记可以修改发文会议计划');
  return can;
}

/** The labels of sub-kinds: 文种 for documents; decision meeting kinds and the unit's meeting activity kinds. */
export async function subKindLabels(db: Db, unitId: string) {
  const kinds = await unitKinds(db, unitId);
  const meeting = new Map<string, string>([
    ...(Object.entries(MEETING_KIND_LABELS) as [MeetingKind, string][]),
    // A 党组会 activity counts as a 党组会议 (domain/burden SAME_AS_DECISION_KIND): the plan names the decision kind.
    ...kinds
      .filter((k) => k.type === 'meeting' && !SAME_AS_DECISION_KIND[k.code])
      .map((k) => [k.code, k.label] as [string, string]),
  ]);
  return (kind: PlanKind, sub: string) => (kind === 'document' ? DOCUMENT_SUB_KINDS[sub] : meeting.get(sub)) ?? sub;
}

export async function burdenSettingsOf(db: Db, unitId: string): Promise<BurdenSettings & { version: number }> {
  const row = await planRepo.settings(db, unitId);
  if (!row) return { ...DEFAULT_BURDEN_SETTINGS, version: 0 };
  const { unitId: _u, updatedAt: _t, ...s } = row;
  return s;
}

async function presenter(db: Db, actor: Actor) {
  const [label, depts] = await Promise.all([
    subKindLabels(db, actor.unitId),
    planRepo.departmentNames(db, actor.unitId),
  ]);
  return (r: PlanEntryRow): TPlanEntry => ({
    id: r.id,
    year: r.year,
    kind: r.kind as PlanKind,
    kindLabel: PLAN_KIND_LABELS[r.kind as PlanKind],
    subKind: r.subKind,
    subKindLabel: label(r.kind as PlanKind, r.subKind),
    title: r.title,
    month: r.month,
    organiserDepartmentId: r.organiserDepartmentId,
    organiserDepartmentName: r.organiserDepartmentId ? (depts.get(r.organiserDepartmentId) ?? null) : null,
    durationMinutes: r.durationMinutes,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: planRecordPolicy(actor, r),
  });
}

export async function listPlanEntries(deps: AppDeps, actor: Actor, q: z.infer<typeof ZPlanEntryQuery>) {
  planCanOr403(actor);
  const { rows, total } = await planRepo.entriesPage(deps.db, actor.unitId, q, q.pageSize, (q.page - 1) * q.pageSize);
  const present = await presenter(deps.db, actor);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}

async function entryOr404(db: Db, actor: Actor, id: string) {
  const row = await planRepo.entry(db, actor.unitId, id);
  if (!row || !planRecordPolicy(actor, row).see) throw notFound('计划条目');
  return row;
}

async function getEntry(deps: AppDeps, actor: Actor, id: string) {
  return (await presenter(deps.db, actor))(await entryOr404(deps.db, actor, id));
}

/** A meeting's planned length belongs to meetings only; the sub-kind must be one the unit knows. */
async function checkEntry(
  deps: AppDeps,
  actor: Actor,
  kind: PlanKind,
  b: z.infer<typeof ZPlanEntryEdit> | z.infer<typeof ZPlanEntryBody>,
) {
  await assertInUnit(deps.db, actor.unitId, { department: b.organiserDepartmentId });
  if (kind === 'document' && b.durationMinutes !== null) throw badRequest('发文不填写会议时长');
  const decisionKind = kind === 'meeting' ? SAME_AS_DECISION_KIND[b.subKind] : undefined;
  if (decisionKind) throw badRequest(`请选择会议类别“${MEETING_KIND_LABELS[decisionKind as MeetingKind]}”`);
  const label = await subKindLabels(deps.db, actor.unitId);
  if (label(kind, b.subKind) === b.subKind)
    throw badRequest(`${kind === 'document' ? '文种' : '会议类别'}“${b.subKind}”不存在`);
}

export async function createPlanEntry(deps: AppDeps, actor: Actor, b: z.infer<typeof ZPlanEntryBody>) {
  planCanOr403(actor, true);
  await checkEntry(deps, actor, b.kind, b);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const [r] = await planRepo.insertEntries(tx, [
      { unitId: actor.unitId, ...b, createdBy: actor.userId, createdAt: at, updatedAt: at },
    ]);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'plan_entry',
      entityId: r!.id,
      action: 'create',
      after: b,
    });
    return r!.id;
  });
  return getEntry(deps, actor, id);
}

async function changeEntry(
  deps: AppDeps,
  actor: Actor,
  row: PlanEntryRow,
  version: number,
  set: Partial<PlanEntryRow>,
  action: 'update' | 'withdraw',
) {
  const diff = changedFields(row, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await planRepo.updateEntry(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该计划条目已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'plan_entry',
      entityId: row.id,
      action,
      before: diff.before,
      after: diff.after,
    });
  });
  return getEntry(deps, actor, row.id);
}

export async function editPlanEntry(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZPlanEntryEdit>) {
  const row = await entryOr404(deps.db, actor, id);
  authorize(planRecordPolicy(actor, row), 'edit', '只有领导小组办公室或党组书记可以修改未撤销的计划条目');
  await checkEntry(deps, actor, row.kind as PlanKind, b);
  const { version, ...set } = b;
  return changeEntry(deps, actor, row, version, set, 'update');
}

/** An entry a live meeting or document fulfils stays: withdrawing it would leave that one planned by nothing. */
async function checkUnused(db: Db, unitId: string, entryId: string) {
  const [meeting, document] = await Promise.all([
    planRepo.meetingUsing(db, unitId, entryId),
    planRepo.documentUsing(db, unitId, entryId),
  ]);
  if (meeting) throw conflict(`“${meeting.title}”按该计划条目召开，不能撤销；请先修改或撤销该会议`);
  if (document)
    throw conflict(`发文“${document.docNo} ${document.title}”按该计划条目登记，不能撤销；请先修改或撤销该发文登记`);
}

export async function withdrawPlanEntry(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { reason: string; version: number },
) {
  const row = await entryOr404(deps.db, actor, id);
  authorize(planRecordPolicy(actor, row), 'withdraw', '只有领导小组办公室或党组书记可以撤销未撤销的计划条目');
  await checkUnused(deps.db, actor.unitId, row.id);
  return changeEntry(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}

/** A start for a new year: last year's live entries, copied once (a year that has entries is not copied into). */
export async function copyPlanYear(deps: AppDeps, actor: Actor, b: { fromYear: number; toYear: number }) {
  planCanOr403(actor, true);
  if (b.toYear !== b.fromYear + 1) throw badRequest('只能以上一年度的计划为基础生成本年度计划');
  const source = await planRepo.liveEntries(deps.db, actor.unitId, b.fromYear);
  if (!source.length) throw badRequest(`${b.fromYear}年度没有计划条目可以复制`);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Two copies at once would both find the year empty: the check and the insert run under one lock per unit.
    await planRepo.lockPlan(tx, actor.unitId);
    if (await planRepo.hasEntries(tx, actor.unitId, b.toYear))
      throw conflict(`${b.toYear}年度已有计划条目，不能重复生成`);
    const rows = await planRepo.insertEntries(
      tx,
      source.map((e) => ({
        unitId: actor.unitId,
        year: b.toYear,
        kind: e.kind,
        subKind: e.subKind,
        title: e.title,
        month: e.month,
        organiserDepartmentId: e.organiserDepartmentId,
        durationMinutes: e.durationMinutes,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      })),
    );
    for (const r of rows)
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId: actor.unitId,
        entityType: 'plan_entry',
        entityId: r.id,
        action: 'create',
        after: { copiedFrom: b.fromYear, title: r.title, month: r.month },
      });
  });
  return { copied: source.length };
}

export async function getBurdenSettings(deps: AppDeps, actor: Actor) {
  const can = planCanOr403(actor);
  return { ...(await burdenSettingsOf(deps.db, actor.unitId)), can };
}

export async function saveBurdenSettings(deps: AppDeps, actor: Actor, b: z.infer<typeof ZBurdenSettingsBody>) {
  planCanOr403(actor, true);
  const { version, ...values } = b;
  const problems = burdenSettingsProblems(values);
  if (problems.length) throw badRequest(problems.join('；'));
  const current = await burdenSettingsOf(deps.db, actor.unitId);
  const diff = changedFields(current, values);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await planRepo.saveSettings(tx, actor.unitId, version, { ...values, updatedAt: at })))
      throw conflict('减负设置已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'burden_settings',
      entityId: actor.unitId,
      action: 'update',
      before: diff.before,
      after: diff.after,
    });
  });
  return getBurdenSettings(deps, actor);
}
