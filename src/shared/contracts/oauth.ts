import { z } from 'zod';
import { isVendorUserId, OAUTH_VENDORS } from '../../domain/oauth.js';

export const ZOAuthVendor = z.enum(OAUTH_VENDORS, { message: '不支持的登录方式' });

/** A vendor the login page offers: its button opens `startUrl`; a phone scans the same address in the vendor's app. */
export const ZOAuthProvider = z.object({ vendor: ZOAuthVendor, label: z.string(), startUrl: z.string() });
export const ZOAuthProviders = z.object({ items: z.array(ZOAuthProvider) });

const zBase = z
  .string()
  .trim()
  .max(200)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.search;
    } catch {
      return false;
    }
  }, '请填写以 https:// 开头的地址（不含用户名、密码和查询参数）');

/** One vendor's sign-in settings as the administrator sees them: the secret is never sent back, only whether one is set. */
export const ZOAuthSetting = z.object({
  vendor: ZOAuthVendor,
  label: z.string(),
  enabled: z.boolean(),
  appId: z.string(),
  agentId: z.string(),
  authBase: z.string(),
  apiBase: z.string(),
  hasSecret: z.boolean(),
  trustAsSecondFactor: z.boolean(),
  /** The address to register at the vendor as the redirect (callback) URL. */
  redirectUri: z.string(),
});
export const ZOAuthSettings = z.object({ items: z.array(ZOAuthSetting), mayEdit: z.boolean() });

export const ZOAuthSettingBody = z.object({
  enabled: z.boolean(),
  appId: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w.-]*$/, '应用标识只能包含字母、数字、点、下划线和短横线'),
  agentId: z.string().trim().max(20).regex(/^\d*$/, 'AgentId 应为数字'),
  /** Empty: keep the stored secret. */
  secret: z.string().trim().max(200).default(''),
  authBase: zBase,
  apiBase: zBase,
  trustAsSecondFactor: z.boolean().default(false),
});
export const ZVendorParams = z.object({ vendor: ZOAuthVendor });

export const ZOAuthLink = z.object({
  vendor: ZOAuthVendor,
  label: z.string(),
  vendorUserId: z.string(),
  linkedBy: z.enum(['mobile', 'admin']),
  createdAt: z.string(),
});
export const ZOAuthLinks = z.object({ items: z.array(ZOAuthLink) });
export const ZOAuthLinkBody = z.object({
  vendor: ZOAuthVendor,
  vendorUserId: z.string().trim().refine(isVendorUserId, '请填写对方平台的用户ID（不含空格，最多128个字符）'),
});
export const ZOAuthUnlinkBody = z.object({ vendor: ZOAuthVendor });
