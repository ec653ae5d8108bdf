import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { keyringFor } from '../../crypto/keyring.js';
import { AppError, badRequest, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { holdsAdminRole, type Actor } from '../../../domain/roles.js';
import { base32Encode, matchTotp, otpauthUri } from '../../../domain/totp.js';
import { usersRepo } from '../users/users.repo.js';
import { authRepo } from './auth.repo.js';
import type { Deps } from './auth.service.js';
import { verifyPassword } from './passwords.js';

/**
 * The TOTP second factor of one's own account: setup (a new secret, shown once as a QR code and
 * as text, kept sealed as pending), enable (a code from the app proves it was read), disable (the
 * password and a code). Secrets are sealed with the master key, bound to the user (AAD), so a
 * database copy holds none and a secret copied onto another user does not open.
 */
const ISSUER = '作风';
const aadOf = (userId: string) => `totp:${userId}`;

export const openTotpSecret = (deps: Pick<Deps, 'config'>, userId: string, sealed: string) => keyringFor(deps.config).open('totp', sealed, aadOf(userId));
const seal = (deps: Pick<Deps, 'config'>, userId: string, secret: Buffer) => keyringFor(deps.config).seal('totp', secret, aadOf(userId));

const wrongCode = () => new AppError(400, 'invalid_totp', '验证码不正确，请输入验证器中当前显示的6位数字');

async function me(deps: Deps, actor: Actor) {
  const u = await authRepo.userById(deps.db, actor.userId);
  if (!u) throw notFound('用户');
  return u;
}

export async function totpStatus(deps: Deps, actor: Actor) {
  const u = await me(deps, actor);
  return { enabled: u.totpSecret !== null, enabledAt: u.totpEnabledAt?.toISOString() ?? null, required: deps.config.requireTotp && holdsAdminRole(actor) };
}

/** A new secret for enrolment. Not in force until confirmed; calling again replaces it. */
export async function setupTotp(deps: Deps, actor: Actor) {
  const u = await me(deps, actor);
  if (u.totpSecret) throw badRequest('已启用两步验证；如需更换，请先停用');
  const secret = randomBytes(20);
  await authRepo.updateUser(deps.db, u.id, { totpPending: seal(deps, u.id, secret) });
  const secretText = base32Encode(secret);
  const uri = otpauthUri(secretText, u.username, ISSUER);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secretText, uri, qrSvg };
}

export async function enableTotp(deps: Deps, actor: Actor, code: string) {
  const u = await me(deps, actor);
  if (u.totpSecret) throw badRequest('已启用两步验证');
  if (!u.totpPending) throw badRequest('请先生成二维码并用验证器扫描');
  const now = deps.clock.now();
  const step = matchTotp(openTotpSecret(deps, u.id, u.totpPending), code, now.getTime(), null);
  if (step === null) throw wrongCode();
  await deps.db.transaction(async (tx) => {
    await authRepo.updateUser(tx, u.id, { totpSecret: u.totpPending, totpPending: null, totpLastStep: step, totpEnabledAt: now });
    await recordAudit(tx, auditActorOf(actor), now, { unitId: u.unitId, entityType: 'user', entityId: u.id, action: 'enable_totp' });
  });
}

export async function disableTotp(deps: Deps, actor: Actor, password: string, code: string) {
  const u = await me(deps, actor);
  if (!u.totpSecret) throw badRequest('尚未启用两步验证');
  if (deps.config.requireTotp && holdsAdminRole(actor)) throw badRequest('本系统要求管理员使用两步验证，不能停用');
  if (!(await verifyPassword(u.passwordHash, password))) throw new AppError(400, 'wrong_password', '当前密码不正确');
  const now = deps.clock.now();
  const step = matchTotp(openTotpSecret(deps, u.id, u.totpSecret), code, now.getTime(), u.totpLastStep);
  if (step === null) throw wrongCode();
  await deps.db.transaction(async (tx) => {
    await authRepo.updateUser(tx, u.id, { totpSecret: null, totpPending: null, totpLastStep: null, totpEnabledAt: null });
    await recordAudit(tx, auditActorOf(actor), now, { unitId: u.unitId, entityType: 'user', entityId: u.id, action: 'disable_totp' });
  });
}

/** The security administrator turns off another user's second factor (a lost phone), with a reason; the user's sessions end. */
export async function resetTotp(deps: Deps, actor: Actor, userId: string, reason: string) {
  if (userId === actor.userId) throw badRequest('不能重置自己的两步验证，请在“账号安全”中操作');
  const u = await usersRepo.byId(deps.db, actor.unitId, userId);
  if (!u) throw notFound('用户');
  if (!u.totpSecret && !u.totpPending) throw badRequest('该用户未启用两步验证');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await authRepo.updateUser(tx, u.id, { totpSecret: null, totpPending: null, totpLastStep: null, totpEnabledAt: null, updatedAt: now });
    await usersRepo.endSessions(tx, u.id);
    await recordAudit(tx, auditActorOf(actor), now, { unitId: u.unitId, entityType: 'user', entityId: u.id, action: 'reset_totp', after: { reason } });
  });
}
