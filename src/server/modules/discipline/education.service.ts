import type { z } from 'zod';
import { educationProgress, HOME_VISIT } from '../../../domain/education-progress.js';
import { CONFIDENTIAL_ACTIVITY_TITLE, canReadActivity, type ActivityFacts } from '../../../domain/policies/activity.js';
import { educationPlanPolicy } from '../../../domain/policies/integrity-education.js';
import type { Actor } from '../../../domain/roles.js';
import {
  EDUCATION_KINDS,
  type EducationKind,
  type ZEducationPlanBody,
  type ZEducationSessionBody,
} from '../../../shared/contracts/discipline-holiday.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { educationRepo } from './education.repo.js';

const MAX_SESSIONS = 100;

/** A confidential activity's title only for those who may read it (it may name whom it concerned). */
export const titleFor = (actor: Actor, a: ActivityFacts & { title: string }) =>
  canReadActivity(actor, a) ? a.title : CONFIDENTIAL_ACTIVITY_TITLE;

function canOf(actor: Actor) {
  const can = educationPlanPolicy(actor);
  if (!can.see) throw forbidden('廉政教育计划由机关纪委制定，班子成员查阅');
  return can;
}

/** The year's plan with its sessions and progress, each figure counted from the linked activity records. */
export async function educationPlanOfYear(deps: AppDeps, actor: Actor, year: number) {
  const can = canOf(actor);
  const plan = await educationRepo.planOfYear(deps.db, actor.unitId, year);
  if (!plan) return { plan: null, can };
  const sessions = await educationRepo.sessions(deps.db, actor.unitId, plan.id);
  const acts = new Map(
    (
      await educationRepo.activities(
        deps.db,
        actor.unitId,
        sessions.flatMap((x) => x.s.activityIds),
      )
    ).map((a) => [a.id, a]),
  );
  const rows = sessions.map(({ s, departmentName }) => ({
    s,
    departmentName,
    activities: s.activityIds.flatMap((id) => {
      const a = acts.get(id);
      return a ? [a] : [];
    }),
  }));
  const progress = educationProgress(
    rows.map((r) => ({ kind: r.s.kind, month: r.s.month, cadreIds: r.s.cadreIds, activities: r.activities })),
  );
  const names = await educationRepo.names(deps.db, actor.unitId, [...new Set(rows.flatMap((r) => r.s.cadreIds))]);
  const visited = new Set(
    rows.filter((r) => r.s.kind === HOME_VISIT).flatMap((r) => r.activities.flatMap((a) => a.objectIds)),
  );
  const { missingIds, ...coverage } = progress.coverage;
  return {
    can,
    plan: {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      months: progress.months,
      figures: {
        held: progress.held,
        attendance: progress.attendance,
        coverage: { ...coverage, missing: missingIds.map((id) => ({ id, name: names.get(id) ?? '（已不在本单位）' })) },
      },
      sessions: rows.map(({ s, departmentName, activities }) => ({
        id: s.id,
        kind: s.kind,
        kindLabel: EDUCATION_KINDS[s.kind as EducationKind] ?? s.kind,
        month: s.month,
        topic: s.topic,
        audience: s.audience,
        departmentId: s.departmentId,
        departmentName,
        cadres: s.cadreIds.map((id) => ({ id, name: names.get(id) ?? '', visited: visited.has(id) })),
        activities: activities.map((a) => ({
          id: a.id,
          title: titleFor(actor, a),
          heldOn: a.heldOn,
          present: a.participantIds.length,
          expected: a.participantIds.length + a.absentIds.length,
        })),
        held: activities.length > 0,
        version: s.version,
      })),
    },
  };
}

export async function createEducationPlan(deps: AppDeps, actor: Actor, b: z.infer<typeof ZEducationPlanBody>) {
  authorize(canOf(actor), 'manage', '廉政教育计划由机关纪委制定');
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const p = await educationRepo.insertPlan(tx, {
      unitId: actor.unitId,
      year: b.year,
      title: b.title,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    if (!p) throw badRequest(`${b.year}年的廉政教育计划已制定，请在原计划中增加场次`);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'integrity_education_plan',
      entityId: p.id,
      action: 'create',
      after: { year: b.year, title: b.title },
    });
    return { id: p.id };
  });
}

export async function addEducationSession(
  deps: AppDeps,
  actor: Actor,
  planId: string,
  b: z.infer<typeof ZEducationSessionBody>,
) {
  const can = educationPlanPolicy(actor);
  const plan = await educationRepo.plan(deps.db, actor.unitId, planId);
  if (!plan || !can.see) throw notFound('廉政教育计划');
  authorize(can, 'manage', '廉政教育计划由机关纪委制定');
  if (b.audience === 'department' && !b.departmentId) throw badRequest('对象为科室时请选择科室');
  if (b.audience !== 'department' && b.departmentId) throw badRequest('只有对象为科室时才选择科室');
  if (b.kind === HOME_VISIT && !b.cadreIds.length) throw badRequest('政治家访需列出要走访的干部（全覆盖）');
  if (b.kind !== HOME_VISIT && b.cadreIds.length) throw badRequest('只有政治家访需要列出走访的干部');
  if ((await educationRepo.countSessions(deps.db, actor.unitId, planId)) >= MAX_SESSIONS)
    throw badRequest(`一个计划最多${MAX_SESSIONS}个场次`);
  await assertInUnit(deps.db, actor.unitId, { person: b.cadreIds, department: b.departmentId });
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const s = await educationRepo.insertSession(tx, {
      unitId: actor.unitId,
      planId,
      kind: b.kind,
      month: b.month,
      topic: b.topic,
      audience: b.audience,
      departmentId: b.departmentId,
      cadreIds: [...new Set(b.cadreIds)],
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'integrity_education_plan',
      entityId: planId,
      action: 'add_session',
      after: { sessionId: s.id, kind: b.kind, month: b.month, topic: b.topic, cadres: s.cadreIds.length },
    });
    return { id: s.id };
  });
}

async function sessionFor(deps: AppDeps, actor: Actor, id: string) {
  const can = educationPlanPolicy(actor);
  const s = await educationRepo.session(deps.db, actor.unitId, id);
  if (!s || !can.see) throw notFound('计划场次');
  const plan = (await educationRepo.plan(deps.db, actor.unitId, s.planId))!;
  authorize(can, 'manage', '廉政教育计划由机关纪委制定');
  if (!s.active) throw badRequest('该场次已撤销');
  return { s, plan };
}

/** Activities of the session's kind held in the plan's year, to link. */
export async function educationCandidates(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: { page: number; pageSize: number },
) {
  const { s, plan } = await sessionFor(deps, actor, id);
  const { rows, total } = await educationRepo.candidates(
    deps.db,
    actor.unitId,
    s.kind,
    plan.year,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((a) => ({ id: a.id, title: titleFor(actor, a), heldOn: a.heldOn })),
  };
}

/** A session is held by an activity of its kind, in the plan's year, recorded in the unit. */
export async function linkEducationActivity(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { activityId: string; version: number },
) {
  const { s, plan } = await sessionFor(deps, actor, id);
  const [a] = await educationRepo.activities(deps.db, actor.unitId, [b.activityId]);
  if (!a) throw badRequest('所选活动不存在或已撤销');
  const kindLabel = EDUCATION_KINDS[s.kind as EducationKind] ?? s.kind;
  if (a.kind !== s.kind) throw badRequest(`只能关联“${kindLabel}”类别的活动`);
  if (!a.heldOn.startsWith(`${plan.year}-`)) throw badRequest(`只能关联${plan.year}年开展的活动`);
  if (s.activityIds.includes(a.id)) throw badRequest('该活动已关联到此场次');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const ok = await educationRepo.updateSession(tx, actor.unitId, id, b.version, {
      activityIds: [...s.activityIds, a.id],
      updatedAt: at,
    });
    if (!ok) throw conflict('该场次已被修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'integrity_education_plan',
      entityId: plan.id,
      action: 'link',
      after: { sessionId: id, activityId: a.id, heldOn: a.heldOn },
    });
  });
}

export async function withdrawEducationSession(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const { plan } = await sessionFor(deps, actor, id);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await educationRepo.updateSession(tx, actor.unitId, id, null, {
      active: false,
      withdrawnReason: reason,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'integrity_education_plan',
      entityId: plan.id,
      action: 'withdraw_session',
      after: { sessionId: id, reason },
    });
  });
}
