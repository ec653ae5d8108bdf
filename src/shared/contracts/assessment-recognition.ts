import { z } from 'zod';
import { ARTICLE_CAN_KEYS, ARTICLE_STATUSES, ARTICLE_SUBJECT_KINDS } from '../../domain/policies/article.js';
import { PRACTICE_CAN_KEYS, PRACTICE_SOURCE_KINDS, PRACTICE_STATUSES } from '../../domain/policies/practice.js';
import {
  HONOUR_CAN_KEYS,
  HONOUR_HOLDER_KINDS,
  HONOUR_LEVELS,
  NOMINATION_CAN_KEYS,
  NOMINATION_STATUSES,
  NOMINEE_KINDS,
} from '../../domain/policies/recognition.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zVersion } from './common.js';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
/** Text of a field: trimmed, bounded, no control characters (line breaks and tabs too where `multiline`). */
const text = (label: string, min: number, max: number, multiline = false) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`)
    .regex(
      multiline ? /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u : /^[^\p{Cc}]*$/u,
      `${label}含有不可见字符`,
    );
const zId = (label: string) => z.uuid({ message: `${label}编号格式不正确` });
const zReason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不能超过 200 字');
const zTags = z
  .array(text('标签', 1, 20))
  .max(10, '标签最多 10 个')
  .default([])
  .transform((t) => [...new Set(t)]);
const zSearch = z.string().trim().max(100, '搜索词不能超过 100 字').optional();

export const ZWithdrawBody = z.object({ reason: zReason, version: zVersion });
export const ZVersionBody = z.object({ version: zVersion });

// ——— 经验做法 ———
export const ZPracticeFields = z.object({
  title: text('标题', 2, 100),
  problem: text('问题', 2, 2000, true),
  action: text('做法', 2, 4000, true),
  result: text('成效', 2, 2000, true),
  steps: text('可复制的步骤', 0, 4000, true).default(''),
  tags: zTags,
  departmentId: zId('科室').nullable().default(null),
});
export const ZPracticeSource = z.object({
  sourceKind: z.enum(keys(PRACTICE_SOURCE_KINDS), { message: '请选择来源（督办事项、活动记录或进展报告）' }),
  sourceId: zId('来源'),
});
export const ZPracticeBody = ZPracticeFields.extend(ZPracticeSource.shape);
export const ZPracticeEdit = ZPracticeFields.extend({ version: zVersion });
export const ZPracticeQuery = ZPageQuery.extend({
  q: zSearch,
  tag: z.string().trim().max(20).optional(),
  status: z.enum(keys(PRACTICE_STATUSES)).optional(),
});
/** What a source offers the practice form: its title and the fields it fills in. */
export const ZPracticePrefill = z.object({
  sourceKind: z.enum(keys(PRACTICE_SOURCE_KINDS)),
  sourceId: z.uuid(),
  sourceTitle: z.string(),
  title: z.string(),
  problem: z.string(),
  action: z.string(),
  result: z.string(),
  departmentId: z.uuid().nullable(),
});
export const ZPractice = z.object({
  id: z.uuid(),
  sourceKind: z.enum(keys(PRACTICE_SOURCE_KINDS)),
  sourceKindLabel: z.string(),
  sourceId: z.uuid(),
  title: z.string(),
  problem: z.string(),
  action: z.string(),
  result: z.string(),
  steps: z.string(),
  tags: z.array(z.string()),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(keys(PRACTICE_STATUSES)),
  statusLabel: z.string(),
  publishedOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(PRACTICE_CAN_KEYS),
});
export type TPractice = z.infer<typeof ZPractice>;

// ——— 先进典型：推荐与评审 ———
export const ZNominationBody = z.object({
  nomineeKind: z.enum(keys(NOMINEE_KINDS), { message: '请选择推荐对象类别（个人、科室或经验做法）' }),
  nomineeId: zId('推荐对象'),
  facts: text('主要事迹', 10, 4000, true),
});
export const ZNominationReview = z.object({
  decision: z.enum(['recommended', 'not_recommended'], { message: '请选择评审结论（推荐或不推荐）' }),
  reason: text('评审意见', 2, 500, true),
  version: zVersion,
});
export const ZNominationQuery = ZPageQuery.extend({
  q: zSearch,
  status: z.enum(keys(NOMINATION_STATUSES)).optional(),
});
export const ZNomination = z.object({
  id: z.uuid(),
  nomineeKind: z.enum(keys(NOMINEE_KINDS)),
  nomineeKindLabel: z.string(),
  nomineeId: z.uuid(),
  nomineeName: z.string(),
  facts: z.string(),
  status: z.enum(keys(NOMINATION_STATUSES)),
  statusLabel: z.string(),
  decisionReason: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  createdOn: z.string(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(NOMINATION_CAN_KEYS),
});
export type TNomination = z.infer<typeof ZNomination>;

// ——— 获评荣誉 ———
export const ZHonourBody = z.object({
  holderKind: z.enum(keys(HONOUR_HOLDER_KINDS), { message: '请选择获奖对象类别（个人或科室）' }),
  holderId: zId('获奖对象'),
  title: text('荣誉名称', 2, 100),
  level: z.enum(keys(HONOUR_LEVELS), { message: '请选择荣誉级别' }),
  awardedOn: zIsoDate,
  issuer: text('授予单位', 2, 100),
  nominationId: zId('推荐').nullable().default(null),
});
export const ZHonourEdit = ZHonourBody.extend({ version: zVersion });
export const ZHonourQuery = ZPageQuery.extend({ q: zSearch, level: z.enum(keys(HONOUR_LEVELS)).optional() });
export const ZHonour = z.object({
  id: z.uuid(),
  holderKind: z.enum(keys(HONOUR_HOLDER_KINDS)),
  holderId: z.uuid(),
  holderName: z.string(),
  title: z.string(),
  level: z.enum(keys(HONOUR_LEVELS)),
  levelLabel: z.string(),
  awardedOn: z.string(),
  issuer: z.string(),
  nominationId: z.uuid().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(HONOUR_CAN_KEYS),
});
export type THonour = z.infer<typeof ZHonour>;

// ——— 宣传稿件 ———
export const ZArticleFields = z.object({
  title: text('标题', 2, 100),
  body: text('正文', 10, 20000, true),
  subjectKind: z.enum(keys(ARTICLE_SUBJECT_KINDS), { message: '请选择稿件关联的对象类别' }).nullable().default(null),
  subjectId: zId('关联对象').nullable().default(null),
});
const pairRule = (b: { subjectKind: string | null; subjectId: string | null }) =>
  (b.subjectKind === null) === (b.subjectId === null);
const pairIssue = { message: '关联对象的类别和编号须同时填写或同时不填', path: ['subjectId'] };
export const ZArticleBody = ZArticleFields.refine(pairRule, pairIssue);
export const ZArticleEdit = ZArticleFields.extend({ version: zVersion }).refine(pairRule, pairIssue);
export const ZArticleReview = z
  .object({
    decision: z.enum(['approve', 'return'], { message: '请选择审核结论（同意发布或退回修改）' }),
    reason: z.string().trim().max(500, '意见不能超过 500 字').nullable().default(null),
    version: zVersion,
  })
  .refine((b) => b.decision === 'approve' || (b.reason ?? '').length >= 2, {
    message: '退回修改须说明原因（至少2个字）',
    path: ['reason'],
  });
export const ZArticleQuery = ZPageQuery.extend({ q: zSearch, status: z.enum(keys(ARTICLE_STATUSES)).optional() });
export const ZNewsQuery = ZPageQuery.extend({ q: zSearch });
const ZPhoto = z.object({ id: z.uuid(), fileName: z.string() });
export const ZArticle = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  subjectKind: z.enum(keys(ARTICLE_SUBJECT_KINDS)).nullable(),
  subjectId: z.uuid().nullable(),
  subjectTitle: z.string().nullable(),
  status: z.enum(keys(ARTICLE_STATUSES)),
  statusLabel: z.string(),
  returnReason: z.string().nullable(),
  writtenByName: z.string(),
  reviewedByName: z.string().nullable(),
  publishedOn: z.string().nullable(),
  photos: z.array(ZPhoto),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(ARTICLE_CAN_KEYS),
});
export type TArticle = z.infer<typeof ZArticle>;
