import { z } from 'zod';
import { DRAFT_KINDS, DRAFT_STATUSES, TARGET_KINDS, VERDICTS } from '../../domain/consultation.js';
import { CONSULTATION_CAN_KEYS } from '../../domain/policies/consultation.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zInt, zName, zVersion } from './common.js';

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min > 0 ? `请填写${label}` : undefined)
    .max(max, `${label}不能超过 ${max} 字`);

export const ZDraftBody = z.object({
  title: zName('标题', 100),
  kind: z.enum(DRAFT_KINDS, { message: '请选择类别（政策文件、规范性文件或民生事项）' }),
  departmentId: z.uuid({ message: '请选择起草科室' }),
  body: text('征求意见稿正文', 10, 50_000),
  confidential: z.boolean().default(false),
});
export const ZDraftEdit = ZDraftBody.omit({ departmentId: true }).extend({ version: zVersion });

export const ZOpenConsultation = z.object({
  departmentIds: z
    .array(z.uuid({ message: '科室编号格式不正确' }))
    .max(50, '科室最多 50 个')
    .default([]),
  personIds: z
    .array(z.uuid({ message: '人员编号格式不正确' }))
    .max(100, '人员最多 100 名')
    .default([]),
  contactObjectIds: z
    .array(z.uuid({ message: '联系对象编号格式不正确' }))
    .max(100, '联系对象最多 100 个')
    .default([]),
  /** 向社会公众公开征求意见 (民生事项 only, never a confidential draft). */
  public: z.boolean().default(false),
  /** The deadline, in working days of the unit's calendar after today. */
  workingDays: zInt(1, 60, '反馈期限应为 1–60 个工作日'),
  version: zVersion,
});

export const ZOwnComment = z.object({ text: text('意见内容', 2, 5000) });
export const ZRecordedComment = z.object({
  targetId: z.uuid({ message: '请选择联系对象' }),
  speaker: text('提出人', 0, 60).default(''),
  text: text('意见内容', 2, 5000),
  receivedOn: zIsoDate,
});

export const ZAnswerBody = z.object({
  commentId: z.uuid({ message: '意见编号格式不正确' }),
  verdict: z.enum(VERDICTS, { message: '请选择采纳、部分采纳或不采纳' }),
  reason: text('理由', 0, 1000).default(''),
  /** The answer's version when changing an answer; absent for the first answer. */
  version: zVersion.optional(),
});
export const ZDraftVersion = z.object({ version: zVersion });
export const ZDraftWithdraw = z.object({
  reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(200),
  version: zVersion,
});

export const ZDraftQuery = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(DRAFT_STATUSES).optional(),
});
export const ZCommentQuery = ZPageQuery.extend({
  source: z.enum([...TARGET_KINDS, 'public']).optional(),
  unanswered: z.enum(['true', 'false']).optional(),
});

const ZTarget = z.object({
  id: z.uuid(),
  kind: z.enum(TARGET_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  notifiedOn: z.string(),
  comments: z.number().int(),
});

export const ZDraft = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(DRAFT_KINDS),
  kindLabel: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  confidential: z.boolean(),
  status: z.enum(DRAFT_STATUSES),
  statusLabel: z.string(),
  openedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(CONSULTATION_CAN_KEYS),
});
export type TDraft = z.infer<typeof ZDraft>;

export const ZDraftDetail = ZDraft.extend({
  body: z.string(),
  targets: z.array(ZTarget),
  /** The public form's link and how many responses it has: managers only. */
  publicLink: z.object({ url: z.string(), responses: z.number().int(), pending: z.number().int() }).nullable(),
  tally: z.object({
    total: z.number().int(),
    adopted: z.number().int(),
    partly: z.number().int(),
    notAdopted: z.number().int(),
    unanswered: z.number().int(),
  }),
});

export const ZComment = z.object({
  id: z.uuid(),
  source: z.enum([...TARGET_KINDS, 'public']),
  sourceLabel: z.string(),
  /** The department, person or contact object; 社会公众 for the public (no author, ever). */
  sourceName: z.string(),
  /** Who wrote it in Zuofeng, or who recorded it for a contact object (and who said it there); null for the public. */
  authorName: z.string().nullable(),
  speaker: z.string(),
  text: z.string(),
  receivedOn: z.string(),
  answer: z
    .object({
      verdict: z.enum(VERDICTS),
      verdictLabel: z.string(),
      reason: z.string(),
      answeredOn: z.string(),
      version: z.number().int(),
    })
    .nullable(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZDraftingNote = z.object({
  title: z.string(),
  blocks: z.array(z.object({ kind: z.enum(['h1', 'h2', 'p']), text: z.string() })),
});
