import { z } from 'zod';
import { ROLE_NAMES } from '../../domain/roles.js';
import { USER_CAN_KEYS } from '../../domain/policies/user.js';
import { zCan, zName } from './common.js';
import { ZGrant } from './auth.js';
import { USERNAME_PATTERN, USERNAME_RULE_MESSAGE } from './username.js';

export const ZUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  active: z.boolean(),
  /** The account name is locked for strangers (too many failed logins). */
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  grants: z.array(ZGrant),
  /** What the reader may do with the account (domain/policies/user). */
  can: zCan(USER_CAN_KEYS),
});

export const ZUserBody = z.object({
  username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_RULE_MESSAGE),
  displayName: zName('显示名称', 30),
  personId: z.uuid().nullable().default(null),
  /** Checked by the one password rule (domain/password-policy.ts) in the service. */
  password: z.string().min(1, '请输入初始密码').max(200, '密码不能超过200位'),
});
export const ZUserPatch = z.object({
  displayName: zName('显示名称', 30).optional(),
  active: z.boolean().optional(),
  personId: z.uuid().nullable().optional(),
});
export const ZResetPasswordBody = z.object({
  password: z.string().min(1, '请输入临时密码').max(200, '密码不能超过200位'),
});
export const ZGrantBody = z
  .object({
    // oversight_view is never granted: it is the actor of an overseer's read of a unit below.
    role: z.enum(ROLE_NAMES.filter((r) => r !== 'oversight_view') as [string, ...string[]], { message: '角色不正确' }),
    /** `subtree`: an oversight grant reaching one unit below and everything under it (scopeId: that unit). */
    scopeType: z.enum(['unit', 'department', 'group', 'subtree']).default('unit'),
    scopeId: z.uuid().nullable().default(null),
  })
  .refine((g) => (g.scopeType === 'unit') === (g.scopeId === null), {
    message: '科室、小组或下级单位范围须选择具体对象',
    path: ['scopeId'],
  })
  .refine((g) => g.scopeType !== 'subtree' || g.role === 'oversight', {
    message: '只有上级督查角色可以限定到某个下级单位',
    path: ['scopeType'],
  });
