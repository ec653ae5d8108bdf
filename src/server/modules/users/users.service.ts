import type { z } from 'zod';
import { mayGrantRole, userPolicy } from '../../../domain/policies/user.js';
import {
  ADMIN_RESET_BY_OPERATOR,
  ADMIN_ROLES_BY_OPERATOR,
  ROLES,
  type Actor,
  type Role,
} from '../../../domain/roles.js';
import type { ZGrantBody, ZUserBody, ZUserPatch } from '../../../shared/contracts/users.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { changedFields } from '../../../domain/changes.js';
import { auditActorOf } from '../audit-actor.js';
import { hashPassword } from '../auth/passwords.js';
import { checkPasswordRule } from '../auth/auth.service.js';
import { throttleKeyOf } from '../auth/login.service.js';
import { throttleRepo } from '../auth/throttle.repo.js';
import { presentGrant } from '../auth/auth.presenter.js';
import { authRepo } from '../auth/auth.repo.js';
import { scopeNames } from '../auth/grants.service.js';
import { orgRepo } from '../org/org.repo.js';
import { usersRepo } from './users.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';

export async function listUsers(deps: AppDeps, actor: Actor, q: { q?: string; page: number; pageSize: number }) {
  const { db, clock } = deps;
  const { rows, total } = await usersRepo.page(db, actor.unitId, q.q, q.pageSize, (q.page - 1) * q.pageSize);
  const now = clock.now();
  const keys = new Map(rows.map((r) => [r.user.id, throttleKeyOf(deps, r.user.username)]));
  const [grants, names, unit, locked] = await Promise.all([
    authRepo.activeGrants(
      db,
      actor.unitId,
      rows.map((r) => r.user.id),
    ),
    scopeNames(db, actor.unitId),
    orgRepo.unit(db, actor.unitId),
    throttleRepo.lockedKeys(db, [...keys.values()], now),
  ]);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map(({ user: u, personName }) => {
      const held = grants.filter((g) => g.userId === u.id);
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        personId: u.personId,
        personName,
        active: u.active,
        locked: locked.has(keys.get(u.id)!),
        totpEnabled: u.totpSecret !== null,
        mustChangePassword: u.mustChangePassword,
        grants: held.map((g) => presentGrant(g, unit!.name, names)),
        can: userPolicy(actor, { unitId: u.unitId, id: u.id, roles: held.map((g) => g.role as Role) }),
      };
    }),
  };
}

async function checkPerson(db: Db, unitId: string, personId: string | null | undefined) {
  await assertInUnit(db, unitId, { person: personId });
}

export async function createUser({ db, clock }: AppDeps, actor: Actor, body: z.infer<typeof ZUserBody>) {
  if (await usersRepo.usernameTaken(db, body.username)) throw conflict(`用户名“${body.username}”已被使用`);
  checkPasswordRule(body.password, body.username);
  await checkPerson(db, actor.unitId, body.personId);
  const passwordHash = await hashPassword(body.password);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const u = await usersRepo.insert(tx, {
      unitId: actor.unitId,
      username: body.username,
      displayName: body.displayName,
      personId: body.personId,
      passwordHash,
      mustChangePassword: true,
      passwordSetAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: u.id,
      action: 'create',
      after: { username: u.username, displayName: u.displayName, personId: u.personId },
    });
    return u;
  });
}

/** The account if the actor may see it (404 otherwise), with what the actor may do with it (domain/policies/user). */
export async function userOr404(db: Db, actor: Actor, id: string) {
  const u = await usersRepo.byId(db, actor.unitId, id);
  if (!u) throw notFound('用户');
  const roles = (await authRepo.activeGrants(db, actor.unitId, [id])).map((g) => g.role as Role);
  const can = userPolicy(actor, { unitId: u.unitId, id: u.id, roles });
  if (!can.see) throw notFound('用户');
  return { u, can };
}

export async function patchUser({ db, clock }: AppDeps, actor: Actor, id: string, body: z.infer<typeof ZUserPatch>) {
  const { u, can } = await userOr404(db, actor, id);
  authorize(can, 'edit', '没有管理用户的权限');
  if (body.active === false && !can.deactivate) throw badRequest('不能停用自己的账号');
  await checkPerson(db, actor.unitId, body.personId);
  const diff = changedFields(u, body);
  if (!diff.changed) return;
  const now = clock.now();
  await db.transaction(async (tx) => {
    await usersRepo.update(tx, actor.unitId, id, { ...body, updatedAt: now });
    if (body.active === false) await usersRepo.endSessions(tx, id);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: id,
      action: 'update',
      before: diff.before,
      after: diff.after,
    });
  });
}

/**
 * The user another may reset (password, TOTP): of the actor's unit, and no administrator — those
 * are reset by the operator on the server (`zuofeng admin reset`), so that no security
 * administrator can take over another administrator's account.
 */
async function resettableUser(db: Db, actor: Actor, id: string, action: 'resetPassword' | 'resetTotp') {
  const { u, can } = await userOr404(db, actor, id);
  if (action === 'resetTotp' && id === actor.userId) throw badRequest('不能重置自己的两步验证，请在“账号安全”中操作');
  authorize(can, action, ADMIN_RESET_BY_OPERATOR);
  return u;
}

/** Security administrator's reset: sets a temporary password, unlocks the name, ends the user's sessions, asks for a change. */
export async function resetPassword(deps: AppDeps, actor: Actor, id: string, password: string) {
  const { db, clock } = deps;
  const u = await resettableUser(db, actor, id, 'resetPassword');
  checkPasswordRule(password, u.username);
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await usersRepo.update(tx, actor.unitId, id, {
      passwordHash,
      mustChangePassword: true,
      passwordSetAt: now,
      updatedAt: now,
    });
    await throttleRepo.remove(tx, throttleKeyOf(deps, u.username));
    await usersRepo.endSessions(tx, id);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: id,
      action: 'reset_password',
    });
  });
}

/** The security administrator turns off another user's second factor (a lost phone), with a reason; the user's sessions end. */
export async function resetTotp({ db, clock }: AppDeps, actor: Actor, userId: string, reason: string) {
  const u = await resettableUser(db, actor, userId, 'resetTotp');
  if (!u.totpSecret && !u.totpPending) throw badRequest('该用户未启用两步验证');
  const now = clock.now();
  await db.transaction(async (tx) => {
    await usersRepo.update(tx, actor.unitId, u.id, {
      totpSecret: null,
      totpPending: null,
      totpLastStep: null,
      totpEnabledAt: null,
      updatedAt: now,
    });
    await usersRepo.endSessions(tx, u.id);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: u.unitId,
      entityType: 'user',
      entityId: u.id,
      action: 'reset_totp',
      after: { reason },
    });
  });
}

/** Business roles only: the three administrator roles are the operator's (`zuofeng admin add`), see ADMIN_ROLES_BY_OPERATOR. */
export async function addGrant({ db, clock }: AppDeps, actor: Actor, userId: string, body: z.infer<typeof ZGrantBody>) {
  const { can } = await userOr404(db, actor, userId);
  if (!mayGrantRole(actor, body.role as Role)) throw forbidden(ADMIN_ROLES_BY_OPERATOR);
  // The security administrator gives others their rights, never itself (三员分立).
  if (!can.grant) throw badRequest('不能给自己授予角色');
  if (body.scopeType === 'subtree' && !(await orgRepo.ancestors(db, body.scopeId!)).includes(actor.unitId))
    throw notFound('下级单位');
  await assertInUnit(
    db,
    actor.unitId,
    body.scopeType === 'department'
      ? { department: body.scopeId }
      : body.scopeType === 'group'
        ? { group: body.scopeId }
        : {},
  );
  const existing = await authRepo.activeGrants(db, actor.unitId, [userId]);
  if (existing.some((g) => g.role === body.role && g.scopeType === body.scopeType && g.scopeId === body.scopeId)) {
    throw conflict(`已授予“${ROLES[body.role as Role].label}”角色`);
  }
  const now = clock.now();
  await db.transaction(async (tx) => {
    const g = await usersRepo.insertGrant(tx, {
      unitId: actor.unitId,
      userId,
      role: body.role,
      scopeType: body.scopeType,
      scopeId: body.scopeId,
      createdAt: now,
    });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: userId,
      action: 'grant_role',
      after: { grantId: g.id, ...body },
    });
  });
}

export async function revokeGrant(
  { db, clock }: AppDeps,
  actor: Actor,
  userId: string,
  grantId: string,
  reason: string,
) {
  const { can } = await userOr404(db, actor, userId);
  const g = await usersRepo.grant(db, actor.unitId, grantId);
  if (!g || g.userId !== userId) throw notFound('角色授权');
  if (g.revokedAt) throw badRequest('该授权已撤销');
  if (!mayGrantRole(actor, g.role as Role)) throw forbidden(ADMIN_ROLES_BY_OPERATOR);
  if (!can.revoke) throw badRequest('不能撤销自己的角色');
  const now = clock.now();
  await db.transaction(async (tx) => {
    await usersRepo.revokeGrant(tx, actor.unitId, grantId, now, reason);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: userId,
      action: 'revoke_role',
      before: { grantId, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId },
      after: { reason },
    });
  });
}
