/**
 * Changing the project library (measure 6): registering a project, editing it at the version read, changing its
 * stage (in order, or back with a reason; kept as history), withdrawing it with a reason, and adding a task —
 * a supervised item made by the item-create service and linked to the project. domain/policies/project decides
 * who; domain/projects decides the stage and funding rules. Every write is audited.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { changedFields } from '../../../domain/changes.js';
import { fundingVerdict, stageChangeVerdict, type ProjectStage } from '../../../domain/projects.js';
import { mayCreateFor, projectPolicy, projectsPolicy } from '../../../domain/policies/project.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  ZProjectBody,
  ZProjectEdit,
  ZProjectStageBody,
  ZProjectTaskBody,
} from '../../../shared/contracts/assessment-projects.js';
import { ZItemBody } from '../../../shared/contracts/supervision.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { insertItem, prepareItem } from '../supervision/item-create.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { getProject, projectOr404 } from './projects.service.js';
import { projectsRepo, type ProjectRow } from './projects.repo.js';

const refuse = (v: { ok: true } | { ok: false; message: string }) => {
  if (!v.ok) throw badRequest(v.message);
};

async function checkRefs(deps: AppDeps, actor: Actor, b: { ownerPersonId: string; departmentId: string }) {
  await assertInUnit(
    deps.db,
    actor.unitId,
    { person: b.ownerPersonId, department: b.departmentId },
    { person: '所选项目负责人不存在', department: '所选责任科室不存在' },
  );
}

export async function createProject(deps: AppDeps, actor: Actor, b: z.infer<typeof ZProjectBody>) {
  if (!projectsPolicy(actor).create) throw forbidden('只有领导小组办公室或科室负责人可以登记项目');
  await checkRefs(deps, actor, b);
  if (!mayCreateFor(actor, b.departmentId)) throw forbidden('科室负责人只能为本科室登记项目');
  refuse(fundingVerdict(b.stage, b.fundingObtained));
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const row = await projectsRepo.insert(tx, {
      unitId: actor.unitId,
      ...b,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await projectsRepo.insertStage(tx, {
      unitId: actor.unitId,
      projectId: row.id,
      fromStage: null,
      toStage: b.stage,
      changedOn: shanghaiDate(at),
      changedBy: actor.userId,
      createdAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'project',
      entityId: row.id,
      action: 'create',
      after: b,
    });
    return row.id;
  });
  return getProject(deps, actor, id);
}

async function change(
  deps: AppDeps,
  actor: Actor,
  row: ProjectRow,
  version: number,
  set: Partial<ProjectRow>,
  action: 'update' | 'withdraw' | 'change_stage',
  stage?: { reason: string | null },
) {
  const diff = changedFields(row, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await projectsRepo.update(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该项目已被他人修改，请刷新后再试');
    if (stage)
      await projectsRepo.insertStage(tx, {
        unitId: actor.unitId,
        projectId: row.id,
        fromStage: row.stage,
        toStage: set.stage!,
        changedOn: shanghaiDate(at),
        reason: stage.reason,
        changedBy: actor.userId,
        createdAt: at,
      });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'project',
      entityId: row.id,
      action,
      before: diff.before,
      after: stage ? { ...diff.after, reason: stage.reason } : diff.after,
    });
  });
  return getProject(deps, actor, row.id);
}

export async function editProject(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZProjectEdit>) {
  const row = await projectOr404(deps.db, actor, id);
  authorize(projectPolicy(actor, row), 'edit', '只有领导小组办公室、项目负责人或科室负责人可以修改未撤销的项目');
  await checkRefs(deps, actor, b);
  // Moving a project to another department is the office's: a head would hand it out of their own reach.
  if (b.departmentId !== row.departmentId && !mayCreateFor(actor, b.departmentId))
    throw forbidden('只能将项目调整到本人负责的科室');
  refuse(fundingVerdict(row.stage as ProjectStage, b.fundingObtained));
  const { version, ...set } = b;
  return change(deps, actor, row, version, set, 'update');
}

export async function changeProjectStage(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZProjectStageBody>,
) {
  const row = await projectOr404(deps.db, actor, id);
  authorize(projectPolicy(actor, row), 'changeStage', '只有领导小组办公室、项目负责人或科室负责人可以变更项目阶段');
  refuse(stageChangeVerdict(row.stage as ProjectStage, b.stage, b.reason, row.fundingObtained));
  const backwards = b.reason && b.reason.trim() ? b.reason.trim() : null;
  return change(deps, actor, row, b.version, { stage: b.stage }, 'change_stage', { reason: backwards });
}

export async function withdrawProject(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const row = await projectOr404(deps.db, actor, id);
  authorize(projectPolicy(actor, row), 'withdraw', '只有领导小组办公室、项目负责人或科室负责人可以撤销未撤销的项目');
  return change(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}

/** A task of the project: a supervised item (made as the ledger makes it), received today, linked to the project. */
export async function addProjectTask(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZProjectTaskBody>) {
  const row = await projectOr404(deps.db, actor, id);
  authorize(projectPolicy(actor, row), 'addTask', '只有领导小组办公室可以为未撤销的项目新增任务（任务即督办事项）');
  const body = ZItemBody.parse({
    title: b.title,
    content: b.content,
    source: 'manual',
    sourceRef: `争资争项项目：${row.name}`.slice(0, 200),
    leadDepartmentId: b.leadDepartmentId ?? row.departmentId,
    ownerPersonId: b.ownerPersonId,
    cadence: b.cadence,
    urgency: b.urgency,
    receivedOn: shanghaiDate(deps.clock.now()),
    explicitDue: b.explicitDue,
  });
  const prepared = await prepareItem(deps, actor, body);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const item = await insertItem(tx, deps, actor, prepared);
    await projectsRepo.linkItem(tx, { unitId: actor.unitId, projectId: row.id, itemId: item.id, createdAt: at });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'project',
      entityId: row.id,
      action: 'add_task',
      after: { itemId: item.id, title: b.title },
    });
  });
  return getProject(deps, actor, row.id);
}
