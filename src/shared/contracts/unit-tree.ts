import { z } from 'zod';
import { ADMIN_ROLES, type AdminRole } from '../../domain/roles.js';
import { UNIT_KIND_CODES, type UnitKind } from '../../domain/unit-tree.js';
import { zName, ZPageQuery } from './common.js';
import { USERNAME_PATTERN, USERNAME_RULE_MESSAGE } from './username.js';

/** The tree of units (issue 20): listing a unit's children, renaming, moving, deactivating, inviting. */
export const ZUnitListQuery = ZPageQuery.extend({
  q: z.string().trim().max(30, '搜索词不能超过30个字').optional(),
  /** The children of this unit (the own unit or one the reader oversees); without it, the own unit and every unit below. */
  parentId: z.uuid({ message: '上级单位编号格式不正确' }).optional(),
});
export const ZUnitPatch = z
  .object({
    name: zName('单位名称', 60).optional(),
    kind: z.enum(UNIT_KIND_CODES as [UnitKind, ...UnitKind[]], { message: '单位类型不正确' }).optional(),
  })
  .refine((b) => b.name !== undefined || b.kind !== undefined, { message: '请填写要修改的名称或类型' });
export const ZUnitMove = z.object({ parentId: z.uuid({ message: '请选择新的上级单位' }) });
export const ZUnitDeactivate = z.object({
  reason: z.string().trim().min(2, '请填写停用理由（至少2个字）').max(200, '停用理由不能超过200字'),
});

export const ZInviteBody = z.object({
  role: z.enum(ADMIN_ROLES as unknown as [AdminRole, ...AdminRole[]], { message: '只能邀请系统、安全或审计管理员' }),
  username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_RULE_MESSAGE),
  displayName: zName('显示名称', 30),
});
export const ZInvite = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  role: z.enum(ADMIN_ROLES as unknown as [AdminRole, ...AdminRole[]]),
  roleLabel: z.string(),
  username: z.string(),
  displayName: z.string(),
  state: z.enum(['unused', 'used', 'expired', 'revoked']),
  stateLabel: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
/** The answer to making an invitation: the link, shown this once (only its hash is kept). */
export const ZInviteCreated = ZInvite.extend({ link: z.string() });
export const ZInviteParams = z.object({
  id: z.uuid({ message: '编号格式不正确' }),
  inviteId: z.uuid({ message: '编号格式不正确' }),
});

/** The public side of an invitation: what the invited person sees before setting a password. */
export const ZInviteTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,80}$/, '邀请链接无效') });
export const ZInviteInfo = z.object({
  unitName: z.string(),
  username: z.string(),
  displayName: z.string(),
  roleLabel: z.string(),
  expiresAt: z.string(),
});
export const ZInviteAccept = z.object({
  password: z.string().min(1, '请设置密码').max(200, '密码不能超过200位'),
});
