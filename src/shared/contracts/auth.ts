import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN } from '../../domain/session-idle.js';
import { z } from 'zod';
import { PERMISSIONS, ROLE_NAMES } from '../../domain/roles.js';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

/** Signed in, or the password was right and the authenticator's code is asked next (with the challenge to send back). */
export const ZLoginResult = z.object({
  signedIn: z.boolean(),
  totpRequired: z.boolean(),
  challenge: z.string().nullable(),
});

const zCode = z
  .string()
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, '请输入验证器中的6位数字');

export const ZTotpLoginBody = z.object({
  challenge: z.string().min(1).max(2000),
  code: zCode,
});

/** The new password is checked by the one rule (domain/password-policy.ts) in the service, which knows the username. */
export const ZPasswordChangeBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(200),
  newPassword: z.string().min(1, '请输入新密码').max(200, '新密码不能超过200位'),
});

export const ZTotpStatus = z.object({ enabled: z.boolean(), enabledAt: z.string().nullable(), required: z.boolean() });
export const ZTotpSetup = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
/** Turning TOTP on or off asks for the current password too: a session alone (perhaps stolen) is not enough. */
export const ZTotpEnableBody = z.object({ password: z.string().min(1, '请输入当前密码').max(200), code: zCode });
export const ZTotpDisableBody = ZTotpEnableBody;

export const ZSession = z.object({
  id: z.uuid(),
  device: z.string(),
  createdAt: z.string(),
  lastActiveAt: z.string(),
  current: z.boolean(),
});
export const ZSessionParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });

export const ZGrant = z.object({
  id: z.uuid(),
  role: z.enum(ROLE_NAMES as [string, ...string[]]),
  roleLabel: z.string(),
  scopeType: z.enum(['unit', 'department', 'group', 'subtree']),
  scopeId: z.uuid().nullable(),
  scopeName: z.string(),
});

export const ZMe = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    personId: z.uuid().nullable(),
    /** Every route but the account's own (me, password, logout, TOTP enrolment) answers 403 until it is changed. */
    mustChangePassword: z.boolean(),
    passwordExpired: z.boolean(),
    totpEnabled: z.boolean(),
    /** ZUOFENG_REQUIRE_TOTP and an administrator role, not yet enrolled: only enrolment is open. */
    totpSetupRequired: z.boolean(),
  }),
  unit: z.object({ id: z.uuid(), name: z.string(), isDemo: z.boolean() }),
  grants: z.array(ZGrant),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
  /** Today in Asia/Shanghai by the server's clock: the web's date defaults follow it. */
  today: z.string(),
  /** The installation's idle timeout: the page warns a minute before the server ends the session. */
  idleMinutes: z.number().int(),
  /** Banners this user has put away: 'demo', or 'calendar:<year>' for the notice about that year. */
  dismissedBanners: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;

export const ZIdleTimeout = z.object({
  minutes: z.number().int(),
  /** Only a security administrator of a top-level unit may change it. */
  editable: z.boolean(),
});
export const ZIdleTimeoutBody = z.object({
  minutes: z
    .number({ error: '请输入分钟数' })
    .int('请输入整数')
    .min(IDLE_MINUTES_MIN, `空闲超时不能少于 ${IDLE_MINUTES_MIN} 分钟`)
    .max(IDLE_MINUTES_MAX, `空闲超时不能超过 ${IDLE_MINUTES_MAX} 分钟`),
});

export const ZBannerBody = z.object({
  banner: z.string().regex(/^(demo|calendar:\d{4})$/, '未知的提示条'),
});
export const ZDismissedBanners = z.object({ dismissedBanners: z.array(z.string()) });
