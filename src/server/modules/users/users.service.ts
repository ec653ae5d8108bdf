import type { z } from 'zod';
import { ROLES, type Actor, type Role } from '../../../domain/roles.js';
import type { ZGrantBody, ZUserBody, ZUserPatch } from '../../../shared/contracts/users.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { hashPassword } from '../auth/passwords.js';
import { presentGrant, type ScopeNames } from '../auth/auth.presenter.js';
import { orgRepo } from '../org/org.repo.js';
import { usersRepo } from './users.repo.js';
import { assertInUnit } from '../unit-ids.js';

export async function scopeNames(db: Db, unitId: string): Promise<ScopeNames> {
  const [ds, gs] = await Promise.all([orgRepo.departments(db, unitId), orgRepo.groups(db, unitId)]);
  return { departments: new Map(ds.map((d) => [d.id, d.name])), groups: new Map(gs.map((g) => [g.id, g.name])) };
}

export const grantsOfUser = (db: Db, unitId: string, userId: string) => usersRepo.activeGrants(db, unitId, [userId]);

export async function listUsers({ db, clock }: AppDeps, actor: Actor, q: { q?: string; page: number; pageSize: number }) {
  const { rows, total } = await usersRepo.page(db, actor.unitId, q.q, q.pageSize, (q.page - 1) * q.pageSize);
  const [grants, names, unit] = await Promise.all([
    usersRepo.activeGrants(db, actor.unitId, rows.map((r) => r.user.id)), scopeNames(db, actor.unitId), orgRepo.unit(db, actor.unitId),
  ]);
  const now = clock.now();
  return {
    total, page: q.page, pageSize: q.pageSize,
    items: rows.map(({ user: u, personName }) => ({
      id: u.id, username: u.username, displayName: u.displayName, personId: u.personId, personName, active: u.active,
      locked: !!u.lockedUntil && u.lockedUntil > now,
      grants: grants.filter((g) => g.userId === u.id).map((g) => presentGrant(g, unit!.name, names)),
    })),
  };
}

async function checkPerson(db: Db, unitId: string, personId: string | null | undefined) {
  await assertInUnit(db, unitId, { person: personId });
}

export async function createUser({ db, clock }: AppDeps, actor: Actor, body: z.infer<typeof ZUserBody>) {
  if (await usersRepo.usernameTaken(db, body.username)) throw conflict(`用户名“${body.username}”已被使用`);
  await checkPerson(db, actor.unitId, body.personId);
  const passwordHash = await hashPassword(body.password);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const u = await usersRepo.insert(tx, { unitId: actor.unitId, username: body.username, displayName: body.displayName, personId: body.personId, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, { unitId: actor.unitId, entityType: 'user', entityId: u.id, action: 'create', after: { username: u.username, displayName: u.displayName, personId: u.personId } });
    return u;
  });
}

export async function patchUser({ db, clock }: AppDeps, actor: Actor, id: string, body: z.infer<typeof ZUserPatch>) {
  const u = await usersRepo.byId(db, actor.unitId, id);
  if (!u) throw notFound('用户');
  if (id === actor.userId && body.active === false) throw badRequest('不能停用自己的账号');
  await checkPerson(db, actor.unitId, body.personId);
  const diff = changedFields(u, body);
  if (!diff.changed) return;
  const now = clock.now();
  await db.transaction(async (tx) => {
    await usersRepo.update(tx, actor.unitId, id, { ...body, updatedAt: now });
    if (body.active === false) await usersRepo.endSessions(tx, id);
    await recordAudit(tx, auditActorOf(actor), now, { unitId: actor.unitId, entityType: 'user', entityId: id, action: 'update', before: diff.before, after: diff.after });
  });
}

/** Admin reset: sets a temporary password, unlocks, ends the user's sessions, asks for a change. */
export async function resetPassword({ db, clock }: AppDeps, actor: Actor, id: string, password: string) {
  const u = await usersRepo.byId(db, actor.unitId, id);
  if (!u) throw notFound('用户');
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await usersRepo.update(tx, actor.unitId, id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: now });
    await usersRepo.endSessions(tx, id);
    await recordAudit(tx, auditActorOf(actor), now, { unitId: actor.unitId, entityType: 'user', entityId: id, action: 'reset_password' });
  });
}

export async function addGrant({ db, clock }: AppDeps, actor: Actor, userId: string, body: z.infer<typeof ZGrantBody>) {
  if (!(await usersRepo.byId(db, actor.unitId, userId))) throw notFound('用户');
  await assertInUnit(db, actor.unitId, body.scopeType === 'department' ? { department: body.scopeId } : body.scopeType === 'group' ? { group: body.scopeId } : {});
  const existing = await usersRepo.activeGrants(db, actor.unitId, [userId]);
  if (existing.some((g) => g.role === body.role && g.scopeType === body.scopeType && g.scopeId === body.scopeId)) {
    throw conflict(`已授予“${ROLES[body.role as Role].label}”角色`);
  }
  const now = clock.now();
  await db.transaction(async (tx) => {
    const g = await usersRepo.insertGrant(tx, { unitId: actor.unitId, userId, role: body.role, scopeType: body.scopeType, scopeId: body.scopeId, createdAt: now });
    await recordAudit(tx, auditActorOf(actor), now, { unitId: actor.unitId, entityType: 'user', entityId: userId, action: 'grant_role', after: { grantId: g.id, ...body } });
  });
}

export async function revokeGrant({ db, clock }: AppDeps, actor: Actor, userId: string, grantId: string, reason: string) {
  const g = await usersRepo.grant(db, actor.unitId, grantId);
  if (!g || g.userId !== userId) throw notFound('角色授权');
  if (g.revokedAt) throw badRequest('该授权已撤销');
  if (userId === actor.userId && g.role === 'system_admin') throw badRequest('不能撤销自己的系统管理员角色');
  const now = clock.now();
  await db.transaction(async (tx) => {
    await usersRepo.revokeGrant(tx, actor.unitId, grantId, now, reason);
    await recordAudit(tx, auditActorOf(actor), now, { unitId: actor.unitId, entityType: 'user', entityId: userId, action: 'revoke_role', before: { grantId, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId }, after: { reason } });
  });
}
