import type { z } from 'zod';
import type {
  GROUP_KINDS,
  ZDepartmentBody,
  ZGroupBody,
  ZGroupMembersBody,
  ZPostBody,
} from '../../../shared/contracts/org.js';
import type { Actor } from '../../../domain/roles.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { changedFields } from '../../../domain/changes.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from './org.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { currentLeaders } from './department-leaders.service.js';

type DepartmentBody = z.infer<typeof ZDepartmentBody>;
type PostBody = z.infer<typeof ZPostBody>;
type GroupBody = z.infer<typeof ZGroupBody>;

/**
 * Departments and groups are short reference lists, returned whole (for pickers); the caps keep
 * them short, so that the unpaged lists stay honest.
 */
export const MAX_DEPARTMENTS = 200;
export const MAX_GROUPS = 100;

/** The unit's departments, withdrawn ones too, with their in-service head counts and today's 分管领导. */
export async function listDepartments(deps: AppDeps, actor: Actor) {
  const [rows, leaders] = await Promise.all([
    orgRepo.departments(deps.db, actor.unitId),
    currentLeaders(deps, actor.unitId),
  ]);
  return rows.map((d) => {
    const l = leaders.get(d.id);
    return { ...d, leaderId: l?.personId ?? null, leaderName: l?.personName ?? null, leaderFrom: l?.from ?? null };
  });
}

export async function createDepartment({ db, clock }: AppDeps, actor: Actor, body: DepartmentBody) {
  if (await orgRepo.departmentByName(db, actor.unitId, body.name)) throw conflict(`科室“${body.name}”已存在`);
  if ((await orgRepo.countDepartments(db, actor.unitId)) >= MAX_DEPARTMENTS)
    throw badRequest(`一个单位最多设置${MAX_DEPARTMENTS}个科室（中心）`);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const d = await orgRepo.insertDepartment(tx, { unitId: actor.unitId, ...body, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'department',
      entityId: d.id,
      action: 'create',
      after: body,
    });
    return d;
  });
}

export async function updateDepartment({ db, clock }: AppDeps, actor: Actor, id: string, body: DepartmentBody) {
  const d = await orgRepo.department(db, actor.unitId, id);
  if (!d) throw notFound('科室');
  const other = await orgRepo.departmentByName(db, actor.unitId, body.name);
  if (other && other.id !== id) throw conflict(`科室“${body.name}”已存在`);
  const diff = changedFields(d, body);
  if (!diff.changed) return;
  const now = clock.now();
  await db.transaction(async (tx) => {
    await orgRepo.updateDepartment(tx, actor.unitId, id, { ...body, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'department',
      entityId: id,
      action: 'update',
      ...diff,
    });
  });
}

/** Withdraws (撤销) or restores a department; nothing is deleted. */
export async function setDepartmentActive(
  { db, clock }: AppDeps,
  actor: Actor,
  id: string,
  active: boolean,
  reason: string,
) {
  const d = await orgRepo.department(db, actor.unitId, id);
  if (!d) throw notFound('科室');
  if (d.active === active) throw badRequest(active ? '该科室未被撤销' : '该科室已撤销');
  const now = clock.now();
  await db.transaction(async (tx) => {
    await orgRepo.updateDepartment(tx, actor.unitId, id, {
      active,
      withdrawnReason: active ? null : reason,
      updatedAt: now,
    });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'department',
      entityId: id,
      action: active ? 'restore' : 'withdraw',
      before: { active: d.active },
      after: { active, reason },
    });
  });
}

async function checkPostRefs(deps: AppDeps, unitId: string, body: PostBody) {
  await assertInUnit(deps.db, unitId, { department: body.departmentId, person: [body.holderAId, body.holderBId] });
  if (body.holderAId && body.holderAId === body.holderBId) throw badRequest('A岗和B岗不能是同一人');
}

/** A page of posts (AB岗) with the names a list shows. */
export async function listPosts(
  { db }: AppDeps,
  unitId: string,
  q: { q?: string; departmentId?: string; withdrawn?: boolean; page: number; pageSize: number },
) {
  const { rows, total } = await orgRepo.postsPage(db, unitId, {
    ...q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map(({ post: p, departmentName, holderAName, holderBName }) => ({
      id: p.id,
      title: p.title,
      departmentId: p.departmentId,
      departmentName,
      holderAId: p.holderAId,
      holderAName,
      holderBId: p.holderBId,
      holderBName,
      active: p.active,
    })),
  };
}

export async function createPost(deps: AppDeps, actor: Actor, body: PostBody) {
  await checkPostRefs(deps, actor.unitId, body);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const p = await orgRepo.insertPost(tx, { unitId: actor.unitId, ...body, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'post',
      entityId: p.id,
      action: 'create',
      after: body,
    });
    return p;
  });
}

export async function updatePost(deps: AppDeps, actor: Actor, id: string, body: PostBody) {
  const p = await orgRepo.post(deps.db, actor.unitId, id);
  if (!p) throw notFound('岗位');
  await checkPostRefs(deps, actor.unitId, body);
  const diff = changedFields(p, body);
  if (!diff.changed) return;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await orgRepo.updatePost(tx, actor.unitId, id, { ...body, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'post',
      entityId: id,
      action: 'update',
      ...diff,
    });
  });
}

export async function withdrawPost({ db, clock }: AppDeps, actor: Actor, id: string, reason: string) {
  const p = await orgRepo.post(db, actor.unitId, id);
  if (!p) throw notFound('岗位');
  if (!p.active) throw badRequest('该岗位已撤销');
  const now = clock.now();
  await db.transaction(async (tx) => {
    await orgRepo.updatePost(tx, actor.unitId, id, { active: false, withdrawnReason: reason, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'post',
      entityId: id,
      action: 'withdraw',
      before: { active: true },
      after: { active: false, reason },
    });
  });
}

export async function createGroup({ db, clock }: AppDeps, actor: Actor, body: GroupBody) {
  if ((await orgRepo.countGroups(db, actor.unitId)) >= MAX_GROUPS)
    throw badRequest(`一个单位最多设置${MAX_GROUPS}个小组`);
  await assertInUnit(db, actor.unitId, { group: body.parentGroupId }, { group: '所选上级小组不存在' });
  const now = clock.now();
  return db.transaction(async (tx) => {
    const g = await orgRepo.insertGroup(tx, { unitId: actor.unitId, ...body, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'group',
      entityId: g.id,
      action: 'create',
      after: body,
    });
    return g;
  });
}

export async function setGroupMembers(
  { db, clock }: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZGroupMembersBody>,
) {
  const g = await orgRepo.group(db, actor.unitId, id);
  if (!g) throw notFound('小组');
  await assertInUnit(db, actor.unitId, { person: body.members.map((m) => m.personId) });
  const before = (await orgRepo.groupMembers(db, actor.unitId))
    .filter((m) => m.groupId === id)
    .map(({ personId, roleInGroup }) => ({ personId, roleInGroup }));
  const now = clock.now();
  await db.transaction(async (tx) => {
    await orgRepo.replaceGroupMembers(tx, actor.unitId, id, body.members);
    await orgRepo.updateGroup(tx, actor.unitId, id, { updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'group',
      entityId: id,
      action: 'set_members',
      before: { members: before },
      after: { members: body.members },
    });
  });
}

export async function withdrawGroup({ db, clock }: AppDeps, actor: Actor, id: string, reason: string) {
  const g = await orgRepo.group(db, actor.unitId, id);
  if (!g) throw notFound('小组');
  if (!g.active) throw badRequest('该小组已撤销');
  const now = clock.now();
  await db.transaction(async (tx) => {
    await orgRepo.updateGroup(tx, actor.unitId, id, { active: false, withdrawnReason: reason, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'group',
      entityId: id,
      action: 'withdraw',
      before: { active: true },
      after: { active: false, reason },
    });
  });
}

/** Groups with their members, and posts with names, for lists and the org chart. */
export async function listGroups({ db }: AppDeps, unitId: string) {
  const [gs, members] = await Promise.all([orgRepo.groups(db, unitId), orgRepo.groupMembers(db, unitId)]);
  return gs.map((g) => ({
    id: g.id,
    kind: g.kind as keyof typeof GROUP_KINDS,
    name: g.name,
    parentGroupId: g.parentGroupId,
    active: g.active,
    members: members
      .filter((m) => m.groupId === g.id)
      .map(({ personId, personName, roleInGroup }) => ({ personId, personName, roleInGroup })),
  }));
}
