import { z } from 'zod';
import { PERMISSIONS, ROLE_NAMES } from '../../domain/roles.js';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

export const ZPasswordChangeBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(200),
  newPassword: z
    .string()
    .min(8, '新密码至少8位')
    .max(200)
    .regex(/[A-Za-z]/, '新密码须包含字母')
    .regex(/\d/, '新密码须包含数字'),
});

export const ZGrant = z.object({
  id: z.uuid(),
  role: z.enum(ROLE_NAMES as [string, ...string[]]),
  roleLabel: z.string(),
  scopeType: z.enum(['unit', 'department', 'group']),
  scopeId: z.uuid().nullable(),
  scopeName: z.string(),
});

export const ZMe = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), personId: z.uuid().nullable(), mustChangePassword: z.boolean() }),
  unit: z.object({ id: z.uuid(), name: z.string(), isDemo: z.boolean() }),
  grants: z.array(ZGrant),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
  /** Today in Asia/Shanghai by the server's clock: the web's date defaults follow it. */
  today: z.string(),
});
export type TMe = z.infer<typeof ZMe>;
