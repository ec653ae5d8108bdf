import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { AppError, badRequest, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { holdsAdminRole, type Actor } from '../../../domain/roles.js';
import { base32Encode, matchTotp, otpauthUri } from '../../../domain/totp.js';
import { authRepo } from './auth.repo.js';
import type { Deps } from './auth.service.js';
import { reauthenticate } from './login.service.js';
import { verifyPassword } from './passwords.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';

/**
 * The TOTP second factor of one's own account: setup (a new secret, shown once as a QR code and
 * as text, kept sealed as pending), enable (the password and a code from the app, which proves it
 * was read), disable (the password and a code). The password is asked at both ends, through the
 * login's throttle, so a stolen session can neither enrol its own authenticator nor remove the
 * owner's, nor guess the password.
 */
const ISSUER = '作风';

const wrongCode = () => new AppError(400, 'invalid_totp', '验证码不正确，请输入验证器中当前显示的6位数字');
const wrongPassword = () => new AppError(400, 'wrong_password', '当前密码不正确');

async function me(deps: Deps, actor: Actor) {
  const u = await authRepo.userById(deps.db, actor.userId);
  if (!u) throw notFound('用户');
  return u;
}

export async function totpStatus(deps: Deps, actor: Actor) {
  const u = await me(deps, actor);
  return {
    enabled: u.totpSecret !== null,
    enabledAt: u.totpEnabledAt?.toISOString() ?? null,
    required: deps.config.requireTotp && holdsAdminRole(actor),
  };
}

/** A new secret for enrolment. Not in force until confirmed with the password and a code; calling again replaces it. */
export async function setupTotp(deps: Deps, actor: Actor) {
  const u = await me(deps, actor);
  if (u.totpSecret) throw badRequest('已启用两步验证；如需更换，请先停用');
  const secret = randomBytes(20);
  await authRepo.updateUser(deps.db, u.id, { totpPending: sealTotpSecret(deps, u.id, secret) });
  const secretText = base32Encode(secret);
  const uri = otpauthUri(secretText, u.username, ISSUER);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secretText, uri, qrSvg };
}

/** Confirms the pending secret: the current password (throttled like a login), then a code of the app. */
export async function enableTotp(deps: Deps, actor: Actor, password: string, code: string, deviceToken?: string) {
  const u = await me(deps, actor);
  if (u.totpSecret) throw badRequest('已启用两步验证');
  if (!u.totpPending) throw badRequest('请先生成二维码并用验证器扫描');
  await reauthenticate(deps, u, deviceToken, async () =>
    (await verifyPassword(u.passwordHash, password)) ? null : wrongPassword(),
  );
  // A mistyped code while enrolling is no guess at anything: it is not counted.
  const now = deps.clock.now();
  const step = matchTotp(openTotpSecret(deps, u.id, u.totpPending), code, now.getTime(), null);
  if (step === null) throw wrongCode();
  await deps.db.transaction(async (tx) => {
    await authRepo.updateUser(tx, u.id, {
      totpSecret: u.totpPending,
      totpPending: null,
      totpLastStep: step,
      totpEnabledAt: now,
    });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: u.unitId,
      entityType: 'user',
      entityId: u.id,
      action: 'enable_totp',
    });
  });
}

/** Turns the second factor off: the password and a code, both counted like a login attempt. */
export async function disableTotp(deps: Deps, actor: Actor, password: string, code: string, deviceToken?: string) {
  const u = await me(deps, actor);
  if (!u.totpSecret) throw badRequest('尚未启用两步验证');
  if (deps.config.requireTotp && holdsAdminRole(actor)) throw badRequest('本系统要求管理员使用两步验证，不能停用');
  const now = deps.clock.now();
  await reauthenticate(deps, u, deviceToken, async () => {
    if (!(await verifyPassword(u.passwordHash, password))) return wrongPassword();
    return matchTotp(openTotpSecret(deps, u.id, u.totpSecret!), code, now.getTime(), u.totpLastStep) === null
      ? wrongCode()
      : null;
  });
  await deps.db.transaction(async (tx) => {
    await authRepo.updateUser(tx, u.id, {
      totpSecret: null,
      totpPending: null,
      totpLastStep: null,
      totpEnabledAt: null,
    });
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: u.unitId,
      entityType: 'user',
      entityId: u.id,
      action: 'disable_totp',
    });
  });
}
