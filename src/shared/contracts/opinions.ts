import { z } from 'zod';
import { OPINION_FORM_CAN_KEYS } from '../../domain/policies/opinion-form.js';
import { zCan, zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';

export const AUDIENCES = {
  staff: '在职干部职工',
  villages: '帮扶联系村',
  service: '服务对象',
  masses: '党员群众',
  custom: '其他',
} as const;
const zAudience = z.enum(Object.keys(AUDIENCES) as [keyof typeof AUDIENCES, ...(keyof typeof AUDIENCES)[]], {
  message: '对象类型不正确',
});

export const ZQuestion = z.object({
  // Not a name objects already have ("__proto__", "constructor"…): answers are keyed by it.
  id: z
    .string()
    .regex(/^[a-z0-9_]{1,20}$/, '问题编号格式不正确')
    .refine((id) => !(id in Object.prototype) && id !== 'prototype', '问题编号格式不正确'),
  kind: z.enum(['text', 'choice', 'rating'], { message: '问题类型不正确' }),
  label: zName('问题', 200),
  categoryNo: z.number().int().min(1).max(100).nullable().default(null),
  options: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  required: z.boolean().default(false),
});
export type Question = z.infer<typeof ZQuestion>;

export const ZFormBody = z.object({
  campaignId: z.uuid().nullable().default(null),
  title: zName('标题', 100),
  intro: z.string().trim().max(2000).default(''),
  /** Empty with a campaign: one question per category of the campaign, then the leadership and members. */
  questions: z.array(ZQuestion).max(60).default([]),
  opensOn: zIsoDate,
  closesOn: zIsoDate,
});

export const ZDistributionBody = z.object({
  audience: zAudience,
  label: zName('名称', 60),
  mode: z.enum(['link', 'codes']).default('link'),
  codeCount: z.number().int().min(1).max(2000).default(50),
});

/** The public form as a respondent sees it (no unit ids, nothing about other respondents). */
export const ZPublicForm = z.object({
  title: z.string(),
  intro: z.string(),
  questions: z.array(ZQuestion),
  anonymity: z.string(),
  needsCode: z.boolean(),
  open: z.boolean(),
  closesOn: z.string(),
  audience: z.string(),
});

export const ZPublicSubmit = z.object({
  answers: z.record(
    z.string().max(20),
    z.union([z.string().max(2000, '每项意见不超过2000字'), z.number().int().min(1).max(5)]),
  ),
  code: z.string().trim().max(20).optional(),
  /** The solved burst challenge, when the server asked for one. */
  proof: z.object({ seed: z.string().max(120), nonce: z.string().regex(/^\d{1,10}$/) }).optional(),
});

/** A form as its managers see it: the questions, the anonymity promise, the counts and the distributions. */
export const ZFormDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(ZQuestion),
  status: z.enum(['draft', 'open', 'closed']),
  opensOn: z.string(),
  closesOn: z.string(),
  version: z.number().int(),
  anonymity: z.string(),
  responses: z.number().int(),
  pending: z.number().int(),
  batchSize: z.number().int(),
  distributions: z.array(
    z.object({
      id: z.uuid(),
      audience: z.string(),
      audienceLabel: z.string(),
      label: z.string(),
      mode: z.enum(['link', 'codes']),
      token: z.string(),
      responses: z.number().int(),
      pending: z.number().int(),
      codes: z.object({ total: z.number().int(), used: z.number().int() }).nullable(),
    }),
  ),
  /** What the reader may do with it (domain/policies/opinion-form). */
  can: zCan(OPINION_FORM_CAN_KEYS),
});
export const ZFormRow = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  can: zCan(OPINION_FORM_CAN_KEYS),
});
/** A new distribution: its single-use codes are shown this once. */
export const ZDistributionCreated = z.object({ id: z.uuid(), token: z.string(), codes: z.array(z.string()) });
export const ZFormStatusBody = z.object({ status: z.enum(['open', 'closed']), version: zVersion });
export const ZToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/, '链接不正确') });

/** The address the links, QR codes and posters use, and whether a phone can reach it. */
export const ZPublicAddress = z.object({
  url: z.string(),
  /** localhost / 127.0.0.1: ZUOFENG_PUBLIC_URL is unset or wrong and no address is set in the page. */
  loopback: z.boolean(),
  fromSetting: z.boolean(),
  /** Only a system administrator of a top-level unit may set it. */
  editable: z.boolean(),
});
export const ZPublicAddressBody = z.object({ url: z.string().trim().min(1, '请输入网址').max(200, '网址过长') });
