import { z } from 'zod';
import { PROJECT_STAGES } from '../../domain/projects.js';
import { PROJECT_CAN_KEYS, PROJECTS_CAN_KEYS } from '../../domain/policies/project.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zVersion } from './common.js';

/** Free text with a label for its messages: trimmed, bounded, no control characters. */
export const zText = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`)
    .regex(/^[^\p{Cc}]*$/u, `${label}含有不可见字符`);
/** Longer text (line breaks allowed). */
export const zLongText = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`)
    // Line breaks and tabs are text here; other control characters are not.
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, `${label}含有不可见字符`);
export const zTags = z
  .array(zText('标签', 1, 20))
  .max(10, '标签最多 10 个')
  .default([])
  .transform((t) => [...new Set(t)]);
export const zReason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不能超过 200 字');
/** An amount in 万元: not negative, at most two decimals, within numeric(14,2). */
export const zWan = (label: string) =>
  z
    .number({ message: `${label}应为数字（万元）` })
    .min(0, `${label}不能为负数`)
    .max(999_999_999_999.99, `${label}过大`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, `${label}最多保留两位小数`);

export const ZProjectBody = z.object({
  name: zText('项目名称', 2, 100),
  summary: zLongText('项目简介', 0, 2000).default(''),
  stage: z.enum(PROJECT_STAGES, { message: '请选择项目阶段' }).default('reserve'),
  fundingSought: zWan('争取资金'),
  fundingObtained: zWan('到位资金').nullable().default(null),
  ownerPersonId: z.uuid({ message: '请选择项目负责人' }),
  departmentId: z.uuid({ message: '请选择责任科室' }),
  tags: zTags,
});
export const ZProjectEdit = ZProjectBody.omit({ stage: true }).extend({ version: zVersion });
export const ZProjectStageBody = z.object({
  stage: z.enum(PROJECT_STAGES, { message: '请选择项目阶段' }),
  reason: z.string().trim().max(200, '原因不能超过 200 字').nullable().default(null),
  version: zVersion,
});
export const ZWithdrawBody = z.object({ reason: zReason, version: zVersion });
export const ZProjectTaskBody = z.object({
  title: zText('任务名称', 2, 100),
  content: zLongText('任务内容', 0, 2000).default(''),
  ownerPersonId: z.uuid({ message: '请选择承办人' }),
  leadDepartmentId: z.uuid({ message: '科室编号格式不正确' }).nullable().default(null),
  urgency: z.enum(['urgent', 'important', 'normal']).default('normal'),
  cadence: z.enum(['none', 'weekly', 'monthly']).default('none'),
  explicitDue: zIsoDate.nullable().default(null),
});

export const ZProjectQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  stage: z.enum(PROJECT_STAGES, { message: '项目阶段不正确' }).optional(),
  departmentId: z.uuid({ message: '科室编号格式不正确' }).optional(),
  tag: z.string().trim().max(20).optional(),
  withdrawn: z.enum(['include', 'only']).optional(),
});
export const ZProjectExportQuery = ZProjectQuery.omit({ page: true, pageSize: true });

export const ZProject = z.object({
  id: z.uuid(),
  name: z.string(),
  summary: z.string(),
  stage: z.enum(PROJECT_STAGES),
  stageLabel: z.string(),
  fundingSought: z.number(),
  fundingObtained: z.number().nullable(),
  ownerPersonId: z.uuid(),
  ownerName: z.string().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string().nullable(),
  tags: z.array(z.string()),
  stageChangedOn: z.string(),
  taskCount: z.number().int(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(PROJECT_CAN_KEYS),
});
export type TProject = z.infer<typeof ZProject>;

export const ZProjectDetail = ZProject.extend({
  history: z.array(
    z.object({
      fromStage: z.enum(PROJECT_STAGES).nullable(),
      toStage: z.enum(PROJECT_STAGES),
      label: z.string(),
      changedOn: z.string(),
      reason: z.string().nullable(),
      changedByName: z.string().nullable(),
    }),
  ),
  tasks: z.array(
    z.object({
      itemId: z.uuid(),
      title: z.string(),
      ownerName: z.string().nullable(),
      status: z.string(),
      statusLabel: z.string(),
      due: z.string(),
      closedOn: z.string().nullable(),
      colour: z.enum(['green', 'yellow', 'red', 'none']),
      colourLabel: z.string(),
    }),
  ),
  /** The tasks' figures (domain/item-figures, as the ledger counts them); a withdrawn task counts in none. */
  taskFigures: z.object({
    overdue: z.number().int(),
    closedLate: z.number().int(),
    onTime: z.number().int(),
    dueSoon: z.number().int(),
    reportMissing: z.number().int(),
    comeDue: z.number().int(),
    onTimeRate: z.number().nullable(),
  }),
});
export type TProjectDetail = z.infer<typeof ZProjectDetail>;

const ZFigures = z.object({ count: z.number().int(), fundingSought: z.number(), fundingObtained: z.number() });
export const ZProjectSummary = z.object({
  stages: z.array(ZFigures.extend({ stage: z.enum(PROJECT_STAGES), label: z.string() })),
  departments: z.array(ZFigures.extend({ departmentId: z.uuid(), departmentName: z.string() })),
  total: ZFigures,
  can: zCan(PROJECTS_CAN_KEYS),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;
