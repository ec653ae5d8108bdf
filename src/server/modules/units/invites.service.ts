import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ROLES, type Actor, type AdminRole } from '../../../domain/roles.js';
import { INVITE_STATE_LABELS, inviteExpiry, inviteState } from '../../../domain/unit-tree.js';
import type { ZInviteAccept, ZInviteBody } from '../../../shared/contracts/unit-tree.js';
import { authorize } from '../../authorize.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { violatedUniqueIndex } from '../../db/errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { checkPasswordRule } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import { effectivePublicUrl } from '../installation/public-url.service.js';
import { orgRepo } from '../org/org.repo.js';
import { usersRepo } from '../users/users.repo.js';
import { unitsRepo } from './units.repo.js';
import { unitOr404 } from './units.service.js';

/**
 * Invitations to a new unit's first administrators (issue 20). The upper unit's system administrator invites
 * one account per administrator role (三员分立: three accounts) that the unit does not have yet; the link is
 * shown once, the table keeps its SHA-256; whoever opens it within 72 hours sets the account's password, once.
 * This is the one way an administrator role is given other than the operator's `zuofeng admin` command: a
 * unit made through the tree has nobody on its own server to run it.
 */
const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const gone = () => new AppError(410, 'invite_gone', '邀请链接无效、已使用或已过期，请联系上级单位管理员重新邀请');

type InviteRow = NonNullable<Awaited<ReturnType<typeof unitsRepo.invite>>>;
function presentInvite(i: InviteRow, now: Date) {
  const state = inviteState(i, now);
  return {
    id: i.id,
    unitId: i.unitId,
    role: i.role as AdminRole,
    roleLabel: ROLES[i.role as AdminRole].label,
    username: i.username,
    displayName: i.displayName,
    state,
    stateLabel: INVITE_STATE_LABELS[state],
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  };
}

export async function listInvites(deps: AppDeps, actor: Actor, unitId: string) {
  const { can } = await unitOr404(deps, actor, unitId);
  authorize(can, 'manage', '只有上级单位的系统管理员可以查看邀请');
  const now = deps.clock.now();
  return (await unitsRepo.invites(deps.db, unitId)).map((i) => presentInvite(i, now));
}

export async function createInvite(deps: AppDeps, actor: Actor, unitId: string, body: z.infer<typeof ZInviteBody>) {
  const { unit, can } = await unitOr404(deps, actor, unitId);
  authorize(can, 'manage', '只有上级单位的系统管理员可以邀请下级单位的管理员');
  if (unit.status === 'deactivated') throw conflict('该单位已停用，不能邀请管理员');
  const now = deps.clock.now();
  if (await usersRepo.unitHasActiveRole(deps.db, unitId, body.role))
    throw conflict(`该单位已有${ROLES[body.role].label}，其后的账号由本单位自行管理`);
  if ((await unitsRepo.openInvites(deps.db, unitId, body.role, now)).length)
    throw conflict(`已有一份未使用的${ROLES[body.role].label}邀请，请先撤销它`);
  if (
    (await usersRepo.usernameTaken(deps.db, body.username)) ||
    (await unitsRepo.openInviteForUsername(deps.db, body.username, now))
  )
    throw conflict(`用户名“${body.username}”已被使用`);
  const token = randomBytes(32).toString('base64url');
  const invite = await deps.db.transaction(async (tx) => {
    const i = await unitsRepo.insertInvite(tx, {
      unitId,
      invitedByUnitId: actor.unitId,
      role: body.role,
      username: body.username,
      displayName: body.displayName,
      tokenHash: tokenHashOf(token),
      expiresAt: inviteExpiry(now),
      createdBy: actor.userId,
      createdAt: now,
    });
    for (const where of [unitId, actor.unitId])
      await recordAudit(tx, auditActorOf(actor), now, {
        unitId: where,
        entityType: 'unit_invite',
        entityId: i.id,
        action: 'create',
        after: { unitId, role: body.role, username: body.username, expiresAt: i.expiresAt },
      });
    return i;
  });
  const link = `${await effectivePublicUrl(deps.db, deps.config.publicUrl)}/invite/${token}`;
  return { ...presentInvite(invite, now), link };
}

export async function revokeInvite(deps: AppDeps, actor: Actor, unitId: string, inviteId: string) {
  const { can } = await unitOr404(deps, actor, unitId);
  authorize(can, 'manage', '只有上级单位的系统管理员可以撤销邀请');
  const i = await unitsRepo.invite(deps.db, unitId, inviteId);
  if (!i) throw notFound('邀请');
  const now = deps.clock.now();
  if (inviteState(i, now) !== 'unused') throw conflict(`该邀请${INVITE_STATE_LABELS[inviteState(i, now)]}，无需撤销`);
  await deps.db.transaction(async (tx) => {
    await unitsRepo.markInvite(tx, i.id, { revokedAt: now });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId,
      entityType: 'unit_invite',
      entityId: i.id,
      action: 'withdraw',
      before: { username: i.username, role: i.role },
    });
  });
  return presentInvite({ ...i, revokedAt: now }, now);
}

/** The account, its name refused as taken when another account got it first (the unique index decides). */
async function insertAccount(tx: AppDeps['db'], row: Parameters<typeof usersRepo.insert>[1]) {
  try {
    return await usersRepo.insert(tx, row);
  } catch (e) {
    if (violatedUniqueIndex(e) !== undefined)
      throw conflict(`用户名“${row.username}”已被使用，请联系上级单位管理员重新邀请`);
    throw e;
  }
}

/** What the invited person sees; any token that is not a live invitation answers the same 410. */
export async function inviteInfo(deps: AppDeps, token: string) {
  const i = await unitsRepo.inviteByTokenHash(deps.db, tokenHashOf(token));
  if (!i || inviteState(i, deps.clock.now()) !== 'unused') throw gone();
  const unit = (await orgRepo.unit(deps.db, i.unitId))!;
  return {
    unitName: unit.name,
    username: i.username,
    displayName: i.displayName,
    roleLabel: ROLES[i.role as AdminRole].label,
    expiresAt: i.expiresAt.toISOString(),
  };
}

/** Sets the invited account's password: makes the account with its role, once (the row is locked). */
export async function acceptInvite(deps: AppDeps, token: string, body: z.infer<typeof ZInviteAccept>) {
  const pre = await unitsRepo.inviteByTokenHash(deps.db, tokenHashOf(token));
  if (!pre || inviteState(pre, deps.clock.now()) !== 'unused') throw gone();
  checkPasswordRule(body.password, pre.username);
  const hash = await hashPassword(body.password);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // The unit's row first: two invitations of one unit are accepted one after the other, never both past the checks.
    const unit = await unitsRepo.lock(tx, pre.unitId);
    if (!unit || unit.deactivatedAt) throw conflict('该单位已停用，邀请不能再使用，请联系上级单位管理员');
    const i = await unitsRepo.inviteByTokenHash(tx, tokenHashOf(token), true);
    if (!i || inviteState(i, now) !== 'unused') throw gone();
    if (await usersRepo.usernameTaken(tx, i.username))
      throw conflict(`用户名“${i.username}”已被使用，请联系上级单位管理员重新邀请`);
    if (await usersRepo.unitHasActiveRole(tx, i.unitId, i.role)) throw gone();
    const user = await insertAccount(tx, {
      unitId: i.unitId,
      username: i.username,
      displayName: i.displayName,
      passwordHash: hash,
      mustChangePassword: false,
      passwordSetAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await usersRepo.insertGrant(tx, {
      unitId: i.unitId,
      userId: user.id,
      role: i.role,
      scopeType: 'unit',
      createdAt: now,
    });
    await unitsRepo.markInvite(tx, i.id, { usedAt: now, userId: user.id });
    await recordAudit(tx, SYSTEM_ACTOR, now, {
      unitId: i.unitId,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      after: { username: user.username, roles: [i.role], via: 'invite', inviteId: i.id },
    });
  });
  return { username: pre.username };
}
