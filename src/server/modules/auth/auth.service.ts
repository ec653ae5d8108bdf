import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { holdsAdminRole, type Actor, type Role, type ScopeType } from '../../../domain/roles.js';
import { passwordRuleViolation } from '../../../domain/password-policy.js';
import { authRepo } from './auth.repo.js';

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
}

export interface SessionContext {
  actor: Actor;
  /** The session's primary key (the token's SHA-256) and the handle its owner sees. */
  sessionId: string;
  handle: string;
  csrfToken: string;
  unit: { id: string; name: string; isDemo: boolean };
  mustChangePassword: boolean;
  passwordSetAt: Date;
  totpEnabled: boolean;
  lastActiveAt: Date;
}

/** Has the password outlived ZUOFENG_PASSWORD_MAX_AGE_DAYS? The demo unit's printed passwords never expire. */
export function passwordExpired(
  s: Pick<SessionContext, 'passwordSetAt' | 'unit'>,
  now: Date,
  config: Pick<Config, 'passwordMaxAgeDays'>,
): boolean {
  if (config.passwordMaxAgeDays <= 0 || s.unit.isDemo) return false;
  return now.getTime() - s.passwordSetAt.getTime() > config.passwordMaxAgeDays * 86_400_000;
}

/** Must the user change the password before anything else (set by an administrator, or expired)? */
export const passwordChangeDue = (s: SessionContext, now: Date, config: Config) =>
  s.mustChangePassword || passwordExpired(s, now, config);

/** Must the user enrol a second factor before anything else (ZUOFENG_REQUIRE_TOTP and an administrator role)? */
export const totpSetupDue = (s: SessionContext, config: Config) =>
  config.requireTotp && !s.totpEnabled && holdsAdminRole(s.actor);

export async function logout(deps: Deps, token: string) {
  await authRepo.deleteSession(deps.db, sessionIdOf(token));
}

/** A cookie token's session and its expiry as stored, or null (the caller checks the expiry against the clock). */
export async function loadSession(
  deps: Deps,
  token: string,
): Promise<{ session: SessionContext; expiresAt: Date } | null> {
  const sessionId = sessionIdOf(token);
  const row = await authRepo.sessionWithUser(deps.db, sessionId);
  // A deactivated unit's accounts are signed out (domain/unit-tree): their sessions end with it.
  if (!row || !row.user.active || row.unit.deactivatedAt) return null;
  const session: SessionContext = {
    sessionId,
    handle: row.session.handle,
    csrfToken: row.session.csrfToken,
    unit: { id: row.unit.id, name: row.unit.name, isDemo: row.unit.isDemo },
    mustChangePassword: row.user.mustChangePassword,
    passwordSetAt: row.user.passwordSetAt,
    totpEnabled: row.user.totpSecret !== null,
    lastActiveAt: row.session.lastActiveAt,
    actor: {
      userId: row.user.id,
      unitId: row.user.unitId,
      username: row.user.username,
      displayName: row.user.displayName,
      personId: row.user.personId,
      grants: row.grants.map((g) => ({
        role: g.role as Role,
        scopeType: g.scopeType as ScopeType,
        scopeId: g.scopeId,
      })),
    },
  };
  return { session, expiresAt: row.session.expiresAt };
}

/** The password rule as an error the user can act on (the web shows the message). */
export function checkPasswordRule(password: string, username: string, field = 'password') {
  const problem = passwordRuleViolation(password, username);
  if (problem) throw new AppError(400, 'weak_password', problem, { fields: [{ path: field, message: problem }] });
}
