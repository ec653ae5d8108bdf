import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor, Role, ScopeType } from '../../../domain/roles.js';
import { authRepo } from './auth.repo.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
}

const invalidLogin = () => new AppError(401, 'invalid_credentials', '用户名或密码不正确');

/**
 * Checks the password and opens a session. After `lockoutThreshold` failures in a row the
 * account is locked for `lockoutMinutes`; a locked account says so, without checking the password.
 */
export async function login(deps: Deps, username: string, password: string) {
  const { db, clock, config } = deps;
  const now = clock.now();
  const user = await authRepo.userByUsername(db, username);
  if (!user || !user.active) {
    await verifyPassword(await dummyHash(), password);
    throw invalidLogin();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError(423, 'account_locked', `连续登录失败次数过多，账号已临时锁定，请${minutes}分钟后再试`);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failedLogins = user.failedLogins + 1;
    const lock = failedLogins >= config.lockoutThreshold;
    await db.transaction(async (tx) => {
      await authRepo.setLoginState(tx, user.id, {
        failedLogins: lock ? 0 : failedLogins,
        lockedUntil: lock ? new Date(now.getTime() + config.lockoutMinutes * 60_000) : user.lockedUntil,
      });
      if (lock) await recordAudit(tx, { userId: null, name: '系统' }, now, { unitId: user.unitId, entityType: 'user', entityId: user.id, action: 'lock', after: { reason: '连续登录失败', minutes: config.lockoutMinutes } });
    });
    if (lock) throw new AppError(423, 'account_locked', `连续登录失败次数过多，账号已锁定${config.lockoutMinutes}分钟`);
    throw invalidLogin();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await authRepo.deleteExpiredSessions(tx, user.id, now);
    await authRepo.setLoginState(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await authRepo.createSession(tx, {
      id: sessionIdOf(token),
      unitId: user.unitId,
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.sessionHours * 3_600_000),
    });
    await recordAudit(tx, { userId: user.id, name: user.displayName }, now, { unitId: user.unitId, entityType: 'user', entityId: user.id, action: 'login' });
  });
  return { token, csrfToken };
}

export async function logout(deps: Deps, token: string) {
  await authRepo.deleteSession(deps.db, sessionIdOf(token));
}

export interface SessionContext {
  actor: Actor;
  csrfToken: string;
  unit: { id: string; name: string; isDemo: boolean };
  mustChangePassword: boolean;
}

/** A cookie token's session and its expiry as stored, or null (the caller checks the expiry against the clock). */
export async function loadSession(deps: Deps, token: string): Promise<{ session: SessionContext; expiresAt: Date } | null> {
  const row = await authRepo.sessionWithUser(deps.db, sessionIdOf(token));
  if (!row || !row.user.active) return null;
  const grants = row.grants;
  const session: SessionContext = {
    csrfToken: row.session.csrfToken,
    unit: { id: row.unit.id, name: row.unit.name, isDemo: row.unit.isDemo },
    mustChangePassword: row.user.mustChangePassword,
    actor: {
      userId: row.user.id,
      unitId: row.user.unitId,
      username: row.user.username,
      displayName: row.user.displayName,
      personId: row.user.personId,
      grants: grants.map((g) => ({ role: g.role as Role, scopeType: g.scopeType as ScopeType, scopeId: g.scopeId })),
    },
  };
  return { session, expiresAt: row.session.expiresAt };
}

/** Changes one's own password; every other session of the user is closed, this one stays. */
export async function changePassword(deps: Deps, actor: Actor, current: string, next: string, keepToken: string) {
  const user = await authRepo.userById(deps.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError(400, 'wrong_password', '当前密码不正确');
  }
  if (current === next) throw new AppError(400, 'same_password', '新密码不能与当前密码相同');
  const now = deps.clock.now();
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await authRepo.setPassword(tx, user.id, passwordHash, false, now);
    await authRepo.deleteOtherSessions(tx, user.id, sessionIdOf(keepToken));
    await recordAudit(tx, { userId: actor.userId, name: actor.displayName }, now, {
      unitId: user.unitId, entityType: 'user', entityId: user.id, action: 'change_password',
    });
  });
}
