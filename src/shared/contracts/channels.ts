import { z } from 'zod';
import { zName } from './common.js';

export const ZChannelBody = z.object({
  kind: z.enum(['wecom', 'dingtalk', 'feishu', 'webhook'], { message: '请选择渠道类型' }),
  name: zName('名称', 40),
  departmentId: z.uuid({ message: '科室编号格式不正确' }).nullable().default(null),
  /** The robot's full address as the chat tool shows it. */
  address: z.string().trim().max(500, '地址过长').regex(/^https?:\/\/[^\s]+$/, '请粘贴完整的机器人地址（以 http:// 或 https:// 开头）'),
  /** Empty on update: keep the stored secret. */
  secret: z.string().trim().max(200, '密钥过长').regex(/^[^\s]*$/, '密钥不能含空格').default(''),
});
export const ZChannelUpdate = ZChannelBody.extend({ version: z.number().int().min(1) });

export const ZChannel = z.object({
  id: z.uuid(), kind: z.enum(['wecom', 'dingtalk', 'feishu', 'webhook']), kindLabel: z.string(), name: z.string(), departmentId: z.uuid().nullable(), departmentName: z.string().nullable(),
  /** The address with its key or token hidden but for a few characters. */
  address: z.string(), hasSecret: z.boolean(), active: z.boolean(), withdrawnReason: z.string().nullable(), version: z.number().int(),
  lastTestAt: z.string().nullable(), lastTestOk: z.boolean().nullable(), lastTestAnswer: z.string().nullable(),
});
export const ZTestResult = z.object({ ok: z.boolean(), code: z.string(), message: z.string(), status: z.number().int(), raw: z.string() });
