import { z } from 'zod';
import { CHANNEL_CAN_KEYS, DELIVERY_CAN_KEYS } from '../../domain/policies/channel.js';
import { ZPageQuery, zCan, zInt, zName, zVersion } from './common.js';

function isUrl(s: string) {
  try {
    return Boolean(new URL(s));
  } catch {
    return false;
  }
}

export const ZChannelBody = z.object({
  kind: z.enum(['wecom', 'dingtalk', 'feishu', 'webhook'], { message: '请选择渠道类型' }),
  name: zName('名称', 40),
  departmentId: z.uuid({ message: '科室编号格式不正确' }).nullable().default(null),
  /** The robot's full address as the chat tool shows it. */
  address: z
    .string()
    .trim()
    .max(500, '地址过长')
    .regex(/^https?:\/\/[^\s]+$/, '请粘贴完整的机器人地址（以 http:// 或 https:// 开头）')
    .refine(isUrl, '机器人地址格式不正确'),
  /** Empty on update: keep the stored secret. */
  secret: z
    .string()
    .trim()
    .max(200, '密钥过长')
    .regex(/^[^\s]*$/, '密钥不能含空格')
    .default(''),
});
export const ZChannelUpdate = ZChannelBody.extend({ version: zVersion });

export const ZChannel = z.object({
  id: z.uuid(),
  kind: z.enum(['wecom', 'dingtalk', 'feishu', 'webhook']),
  kindLabel: z.string(),
  name: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  /** The address with its user name, every query value and every token in its path shown as ***. */
  address: z.string(),
  hasSecret: z.boolean(),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  lastTestAt: z.string().nullable(),
  lastTestOk: z.boolean().nullable(),
  lastTestAnswer: z.string().nullable(),
  /** What the reader may do with it (domain/policies/channel). */
  can: zCan(CHANNEL_CAN_KEYS),
});
/** A test message's outcome: the channel's code and message (never its raw answer). */
export const ZTestResult = z.object({ ok: z.boolean(), code: z.string(), message: z.string() });
/** Where robot messages may go: the vendors' documented hosts, and what the system administrator allowed besides. */
export const ZChannelPolicy = z.object({
  vendorHosts: z.array(
    z.object({ kind: z.enum(['wecom', 'dingtalk', 'feishu']), label: z.string(), hosts: z.array(z.string()) }),
  ),
  allowHosts: z.array(z.string()),
});

export const DELIVERY_STATUSES = { pending: '等待发送', sending: '发送中', sent: '已送达', failed: '失败' } as const;
export const ZDeliveryQuery = ZPageQuery.extend({
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
  medium: z.enum(['robot', 'mail']).optional(),
  channelId: z.uuid({ message: '渠道编号格式不正确' }).optional(),
});
export const ZDelivery = z.object({
  id: z.uuid(),
  notificationId: z.uuid(),
  title: z.string(),
  kind: z.string(),
  recipientName: z.string(),
  medium: z.enum(['robot', 'mail']),
  channelName: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  held: z.boolean(),
  urgency: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  lastCode: z.string().nullable(),
  lastMessage: z.string().nullable(),
  batchKey: z.string().nullable(),
  createdAt: z.string(),
  /** What the reader may do with it (domain/policies/channel.deliveryPolicy). */
  can: zCan(DELIVERY_CAN_KEYS),
});
export const ZDeliveryPage = z.object({
  items: z.array(ZDelivery),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({
    pending: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
  }),
});

const minuteOfDay = (label: string) =>
  z
    .number()
    .int()
    .min(0, `${label}不正确`)
    .max(24 * 60 - 1, `${label}不正确`);
export const ZNotifySettings = z
  .object({
    quietHours: z.boolean(),
    workStartMin: minuteOfDay('上班时间'),
    workEndMin: minuteOfDay('下班时间'),
    requireGroupRobot: z.boolean(),
    version: zInt(0),
  })
  .refine((s) => s.workStartMin < s.workEndMin, { message: '下班时间应晚于上班时间', path: ['workEndMin'] });

export const ZNotifySettingsView = z.object({
  quietHours: z.boolean(),
  workStartMin: z.number().int(),
  workEndMin: z.number().int(),
  requireGroupRobot: z.boolean(),
  version: z.number().int(),
});

export const ZPreferences = z
  .object({
    groupRobot: z.boolean(),
    mail: z.boolean(),
    email: z.union([z.literal(''), z.email({ message: '邮箱格式不正确' }).max(200, '邮箱过长')]).default(''),
    mailDigest: z.boolean(),
  })
  .refine((p) => !p.mail || p.email !== '', { message: '选择邮件提醒时请填写邮箱', path: ['email'] });
export const ZPreferencesView = z.object({
  groupRobot: z.boolean(),
  mail: z.boolean(),
  email: z.string(),
  mailDigest: z.boolean(),
  /** What the unit decides: the person sees why an option is fixed or missing. */
  requireGroupRobot: z.boolean(),
  mailAvailable: z.boolean(),
  mobile: z.string(),
  robots: z.array(z.string()),
});
