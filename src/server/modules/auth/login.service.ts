import { createHash, randomBytes } from 'node:crypto';
import { keyringFor } from '../../crypto/keyring.js';
import { AppError } from '../../errors.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { SYSTEM_USER_ID } from '../audit-actor.js';
import { describeUserAgent } from '../../../domain/user-agent.js';
import { matchTotp } from '../../../domain/totp.js';
import { authRepo } from './auth.repo.js';
import { sessionIdOf, type Deps } from './auth.service.js';
import { devicesRepo } from './devices.repo.js';
import { dummyHash, dummyKindFor, hashKindOf, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { CRYPTO_MODE } from '../../crypto/suite.js';
import type { Db } from '../../db/client.js';
import { throttleRepo, type Attempt } from './throttle.repo.js';
import { openTotpSecret } from './totp-secret.js';

/**
 * Signing in (docs/ARCHITECTURE.md, “Sessions and login”). Every attempt is counted before its
 * password is checked: on the user's known device against that device's own budget, otherwise
 * against the account name (known or not, by a keyed hash), whose lock grows with each repetition.
 * Unknown names, wrong passwords and locked names cost one password verification each and give
 * the same answers, so neither the answer nor its timing tells whether a name exists.
 */
type User = NonNullable<Awaited<ReturnType<typeof authRepo.userByUsername>>>;

export interface LoginInput {
  username: string;
  password: string;
  /** The known-device cookie, if the browser sent one. */
  deviceToken?: string;
  userAgent?: string;
}

export interface SignedIn {
  kind: 'signed_in';
  /** Whose session it is (a vendor link waiting for this user's password is made after it, see oauth-link.service). */
  userId: string;
  token: string;
  csrfToken: string;
  /** The known-device token to (re)set in the browser. */
  deviceToken: string;
}
export type LoginOutcome = SignedIn | { kind: 'totp_required'; challenge: string };

const CHALLENGE_MINUTES = 5;
const NO_ID = SYSTEM_USER_ID;

export const normaliseUsername = (name: string) => name.normalize('NFKC').trim().toLowerCase();
export const throttleKeyOf = (deps: Pick<Deps, 'config'>, username: string) =>
  keyringFor(deps.config).mac('login-throttle', normaliseUsername(username));
export const deviceTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidLogin = () => new AppError(401, 'invalid_credentials', '用户名或密码不正确');

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const wait = minutes >= 120 ? `${Math.ceil(minutes / 60)}小时` : `${minutes}分钟`;
  return new AppError(
    423,
    'account_locked',
    `连续登录失败次数过多，该账号已临时锁定，请${wait}后再试（在本人常用的浏览器上仍可用正确密码登录）`,
  );
}

const ruleOf = (deps: Deps) => ({
  threshold: deps.config.lockoutThreshold,
  baseMinutes: deps.config.lockoutMinutes,
  maxMinutes: deps.config.lockoutMaxMinutes,
});

/** Takes one attempt for a user: on the device when it is theirs and has budget, else on the name. */
async function takeAttempt(
  deps: Deps,
  name: string,
  user: User | undefined,
  device: { token?: string; id?: string | null },
) {
  const budget = deps.config.deviceFailureBudget;
  const deviceId =
    device.id !== undefined
      ? device.id && user && (await devicesRepo.takeAttemptById(deps.db, user.id, device.id, budget))
        ? device.id
        : null
      : // Run for unknown names too (with ids that match nothing), so that the work done is the same.
        await devicesRepo.takeAttempt(
          deps.db,
          user?.unitId ?? NO_ID,
          user?.id ?? NO_ID,
          deviceTokenHash(device.token ?? ''),
          budget,
        );
  const attempt: Attempt | null = deviceId
    ? null
    : await throttleRepo.takeAttempt(deps.db, throttleKeyOf(deps, name), deps.clock.now(), ruleOf(deps));
  return { deviceId, attempt };
}

/** After a failed check: a lock this attempt set (audited for a real user), or the plain refusal. */
async function failure(deps: Deps, user: User | undefined, attempt: Attempt | null, plain: AppError): Promise<never> {
  const now = deps.clock.now();
  if (attempt && !attempt.counted) throw lockedError(attempt.lockedUntil, now);
  if (attempt?.counted && attempt.lockedUntil) {
    if (user) {
      const minutes = Math.round((attempt.lockedUntil.getTime() - now.getTime()) / 60_000);
      await deps.db.transaction((tx) =>
        recordAudit(tx, SYSTEM_ACTOR, now, {
          unitId: user.unitId,
          entityType: 'user',
          entityId: user.id,
          action: 'lock',
          after: { reason: '连续登录失败', minutes },
        }),
      );
    }
    throw lockedError(attempt.lockedUntil, now);
  }
  throw plain;
}

/** The share of PBKDF2-SM3 hashes among active accounts: it moves slowly, so it is read at most every 10 minutes. */
const SHARE_EVERY_MS = 10 * 60_000;
const shares = new WeakMap<Db, { at: number; share: Promise<number> }>();
function sm3Share(deps: Deps): Promise<number> {
  const now = deps.clock.now().getTime();
  const cached = shares.get(deps.db);
  if (cached && now >= cached.at && now - cached.at < SHARE_EVERY_MS) return cached.share;
  const share = authRepo
    .hashKinds(deps.db)
    .then(({ sm3, total }) => (total === 0 ? (CRYPTO_MODE === 'gm' ? 1 : 0) : sm3 / total));
  share.catch(() => shares.delete(deps.db));
  shares.set(deps.db, { at: now, share });
  return share;
}

/**
 * The hash checked where there is no real one (passwords.ts#dummyKindFor): a locked account's
 * own kind, so that its timing does not change with the lock; for an unknown name, a kind chosen by
 * the name's keyed hash in the proportion the accounts have.
 */
export async function dummyHashFor(deps: Deps, name: string, lockedUser?: Pick<User, 'passwordHash'>): Promise<string> {
  if (lockedUser) return dummyHash(hashKindOf(lockedUser.passwordHash));
  const position = parseInt(throttleKeyOf(deps, name).slice(0, 12), 16) / 2 ** 48;
  return dummyHash(dummyKindFor(position, await sm3Share(deps)));
}

/** The sealed ticket of a first step passed (password, or a vendor's sign-in): the TOTP code is asked next. */
export function totpChallenge(deps: Deps, userId: string, deviceId: string | null): string {
  const expires = deps.clock.now().getTime() + CHALLENGE_MINUTES * 60_000;
  return keyringFor(deps.config).seal('login-challenge', JSON.stringify({ u: userId, d: deviceId, e: expires }));
}

export async function login(deps: Deps, input: LoginInput): Promise<LoginOutcome> {
  const { db } = deps;
  const name = normaliseUsername(input.username);
  const found = await authRepo.userByUsername(db, name);
  const user = found?.active ? found : undefined;
  const { deviceId, attempt } = await takeAttempt(deps, name, user, { token: input.deviceToken });
  const refused = !!attempt && !attempt.counted;
  // Exactly one verification whatever happens: a locked name or an unknown one checks a dummy hash.
  const checked = await verifyPassword(
    refused || !user ? await dummyHashFor(deps, name, refused ? user : undefined) : user.passwordHash,
    input.password,
  );
  if (!checked || refused || !user) return failure(deps, user, attempt, invalidLogin());
  if (needsRehash(user.passwordHash)) await authRepo.rehash(db, user.id, await hashPassword(input.password));
  if (user.totpSecret) return { kind: 'totp_required', challenge: totpChallenge(deps, user.id, deviceId) };
  return completeLogin(deps, user, { deviceId, deviceToken: input.deviceToken, userAgent: input.userAgent });
}

/** The second step: the code of the user's authenticator app. A wrong code counts like a wrong password. */
export async function loginWithTotp(
  deps: Deps,
  input: { challenge: string; code: string; userAgent?: string; deviceToken?: string },
): Promise<SignedIn> {
  const expired = () => new AppError(400, 'login_expired', '登录已超时，请重新输入用户名和密码');
  let claim: { u: string; d: string | null; e: number };
  try {
    claim = JSON.parse(keyringFor(deps.config).open('login-challenge', input.challenge).toString());
  } catch {
    throw expired();
  }
  const now = deps.clock.now();
  if (typeof claim.e !== 'number' || claim.e < now.getTime()) throw expired();
  const found = await authRepo.userById(deps.db, claim.u);
  if (!found?.active || !found.totpSecret) throw expired();
  const user = found;
  const { deviceId, attempt } = await takeAttempt(deps, user.username, user, { id: claim.d });
  const wrongCode = new AppError(401, 'invalid_totp', '验证码不正确或已使用，请输入验证器中最新的6位数字');
  if (attempt && !attempt.counted) return failure(deps, user, attempt, wrongCode);
  const step = matchTotp(openTotpSecret(deps, user.id, user.totpSecret!), input.code, now.getTime(), user.totpLastStep);
  if (step === null || !(await authRepo.spendTotpStep(deps.db, user.id, step)))
    return failure(deps, user, attempt, wrongCode);
  return completeLogin(deps, user, { deviceId, deviceToken: input.deviceToken, userAgent: input.userAgent });
}

/**
 * Proof of the password inside a session (changing it, turning TOTP on or off), counted through the
 * login's throttle BEFORE the check, on the same path as a login from this browser (its known device,
 * else the name): a stolen session cannot guess the password faster than a login could, and a lock
 * answers 423 as at login. `check` returns the refusal (a wrong password or code) or null; a pass
 * forgets the path's failures, as a login does.
 */
export async function reauthenticate(
  deps: Deps,
  user: User,
  deviceToken: string | undefined,
  check: () => Promise<AppError | null>,
) {
  const { deviceId, attempt } = await takeAttempt(deps, user.username, user, { token: deviceToken });
  if (attempt && !attempt.counted) throw lockedError(attempt.lockedUntil, deps.clock.now());
  const refusal = await check();
  if (refusal) return failure(deps, user, attempt, refusal);
  if (deviceId) await devicesRepo.resetFailures(deps.db, deviceId);
  else await throttleRepo.clear(deps.db, throttleKeyOf(deps, user.username), deps.clock.now());
}

/**
 * Opens the session, remembers the device, forgets the name's failures (when they were on the name's path).
 * `vendor`: signed in through 企业微信 / 钉钉 / 飞书 instead of the password (recorded in the audit event).
 */
export async function completeLogin(
  deps: Deps,
  user: User,
  via: { deviceId: string | null; deviceToken?: string; userAgent?: string; vendor?: string },
): Promise<SignedIn> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const device = describeUserAgent(via.userAgent);
  const deviceToken = via.deviceId && via.deviceToken ? via.deviceToken : randomBytes(32).toString('base64url');
  // A lock set by strangers stays when the owner came in through a known device.
  if (!via.deviceId) await throttleRepo.clear(db, throttleKeyOf(deps, user.username), now);
  await db.transaction(async (tx) => {
    await authRepo.deleteExpiredSessions(tx, user.id, now);
    await authRepo.createSession(tx, {
      id: sessionIdOf(token),
      unitId: user.unitId,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastActiveAt: now,
      device,
      expiresAt: new Date(now.getTime() + config.sessionHours * 3_600_000),
    });
    if (via.deviceId) await devicesRepo.signedIn(tx, via.deviceId, device, now);
    else
      await devicesRepo.insert(tx, {
        unitId: user.unitId,
        userId: user.id,
        tokenHash: deviceTokenHash(deviceToken),
        description: device,
        createdAt: now,
        lastUsedAt: now,
      });
    await recordAudit(tx, { userId: user.id, name: user.displayName }, now, {
      unitId: user.unitId,
      entityType: 'user',
      entityId: user.id,
      action: 'login',
      after: { device, knownDevice: !!via.deviceId, ...(via.vendor ? { via: via.vendor } : {}) },
    });
  });
  return { kind: 'signed_in', userId: user.id, token, csrfToken, deviceToken };
}
