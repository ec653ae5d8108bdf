/** Contracts of the campaigns (专项活动): templates, campaigns, measures, rules and their compliance. */
import { z } from 'zod';
import { ZItemFigures } from './figures.js';
import { zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';
export * from './campaign-rules.js';

export {
  ACTIVITY_TYPES,
  OBJECT_KINDS,
  ZActivity,
  ZActivityBody,
  ZActivityCorrectionBody,
  ZActivityQuery,
  ZContactObject,
  ZObjectBody,
  type ActivityType,
  type ObjectKind,
} from './campaign-activities.js';

export const PHASES = [
  { key: 'prepare', title: '会前准备' },
  { key: 'meeting', title: '召开会议' },
  { key: 'rectify', title: '整改落实' },
  { key: 'summarize', title: '总结提升' },
] as const;
const zPhase = z.object({
  key: z.enum(['prepare', 'meeting', 'rectify', 'summarize'], { message: '阶段不正确' }),
  title: z.string().max(20).default(''),
  from: zIsoDate,
  to: zIsoDate,
});

export const ZTemplateSummary = z.object({
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  categories: z.number().int(),
  measures: z.number().int(),
  rules: z.number().int(),
  params: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      default: z.number(),
      measureNo: z.number().int(),
    }),
  ),
});

export const ZCampaignBody = z.object({
  templateCode: z.string().trim().min(1).max(40).default('xing-shi-feng'),
  name: zName('活动名称', 60),
  year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  startsOn: zIsoDate,
  endsOn: zIsoDate,
  params: z.record(z.string(), z.number().min(0, '参数应为非负数').max(100_000)).default({}),
  phases: z.array(zPhase).max(4).default([]),
  leadingGroupId: z.uuid().nullable().default(null),
  officeGroupId: z.uuid().nullable().default(null),
});

export const ZCampaign = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  templateCode: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  params: z.record(z.string(), z.number()),
  phases: z.array(zPhase),
  leadingGroupId: z.uuid().nullable(),
  officeGroupId: z.uuid().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});

export const ZMeasure = z.object({
  id: z.uuid(),
  categoryNo: z.number().int(),
  no: z.number().int(),
  title: z.string(),
  text: z.string(),
  renderedText: z.string(),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  params: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), value: z.number() })),
  /** Derived from its items (任务分解): how many, closed, overdue, and the share closed. */
  progress: z.object({
    items: z.number().int(),
    closed: z.number().int(),
    overdue: z.number().int(),
    percent: z.number().nullable(),
  }),
  /** What the reader may do with it (domain/policies/campaign.measurePolicy). */
  can: z.object({ see: z.boolean(), edit: z.boolean(), withdraw: z.boolean(), breakDown: z.boolean() }),
});

/** 待完善: what the campaign still holds of its template's source plan (domain/template-leftovers). */
export const ZLeftover = z.object({
  key: z.string(),
  kind: z.enum(['category', 'measure', 'phase', 'requirement']),
  no: z.number().int(),
  where: z.string(),
  match: z.string(),
  occurrences: z.number().int(),
  reason: z.string(),
  /** Kept as it is, with the office's reason; null while it is still to do. */
  kept: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export const ZKeepLeftoverBody = z.object({
  key: z.string().trim().min(1, '请选择待完善事项').max(200),
  reason: z.string().trim().min(4, '请说明保留原文的理由（至少4个字）').max(500, '理由不超过500字'),
  version: zVersion,
});

export const ZCampaignDetail = ZCampaign.extend({
  categories: z.array(
    z.object({ no: z.number().int(), kind: z.enum(['promote', 'rectify']), title: z.string(), focus: z.string() }),
  ),
  measures: z.array(ZMeasure),
  /** 本活动事项: all items made from its measures, by the figures of domain/item-figures. */
  figures: ZItemFigures,
  leadingGroup: z
    .object({
      name: z.string(),
      members: z.array(z.object({ personId: z.uuid(), name: z.string(), role: z.string() })),
    })
    .nullable(),
  officeGroup: z
    .object({
      name: z.string(),
      members: z.array(z.object({ personId: z.uuid(), name: z.string(), role: z.string() })),
    })
    .nullable(),
  leftovers: z.array(ZLeftover),
  /** What the reader may do (domain/policies/campaign): the campaign's own actions and its contact objects'. */
  can: z.object({
    see: z.boolean(),
    editParams: z.boolean(),
    addMeasure: z.boolean(),
    addRule: z.boolean(),
    report: z.boolean(),
    keepLeftover: z.boolean(),
    manageObjects: z.boolean(),
  }),
});

export const ZMeasureBody = z.object({
  categoryNo: z.number().int().min(1).max(100),
  title: zName('措施标题', 100),
  text: z.string().trim().max(5000).default(''),
});
export const ZMeasureUpdate = ZMeasureBody.extend({ version: zVersion });

/** 任务分解: one supervised item per responsible person, with the measure's leader, departments and milestones. */
export const ZBreakdownBody = z.object({
  /** Null: the lead department's 分管领导 today. */
  leaderPersonId: z.uuid({ message: '请选择责任领导' }).nullable().default(null),
  leadDepartmentId: z.uuid({ message: '请选择牵头科室' }),
  cooperatingDepartmentIds: z.array(z.uuid()).max(20).default([]),
  ownerPersonIds: z.array(z.uuid()).min(1, '请选择责任人').max(50),
  title: z.string().trim().max(100).optional(),
  receivedOn: zIsoDate,
  explicitDue: zIsoDate.nullable().default(null),
  urgency: z.enum(['urgent', 'important', 'normal']).default('normal'),
  cadence: z.enum(['none', 'weekly', 'monthly']).default('monthly'),
  milestones: z
    .array(z.object({ title: zName('节点名称', 60), due: zIsoDate }))
    .max(20)
    .default([]),
});

/** A template as data (import): checked again by domain/campaign-template.checkTemplate before it is stored. */
export const ZTemplateData = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, '模板代码应为2–40位小写字母、数字或连字符'),
  name: zName('模板名称', 60),
  categories: z
    .array(
      z.object({
        no: z.number().int().min(1).max(1000),
        kind: z.enum(['promote', 'rectify']),
        title: zName('类别标题', 100),
        focus: z.string().trim().max(1000).default(''),
      }),
    )
    .min(1, '模板至少要有一个类别')
    .max(50),
  measures: z
    .array(
      z.object({
        no: z.number().int().min(1).max(1000),
        category: z.number().int().min(1).max(1000),
        title: zName('措施标题', 100),
        text: z.string().trim().max(5000).default(''),
        params: z
          .array(
            z.object({
              run: z.number().int().min(0).max(1000),
              key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, '参数名格式不正确'),
              label: zName('参数说明', 60),
              unit: z.string().max(10).default(''),
              default: z.number().min(0).max(100_000),
            }),
          )
          .max(10)
          .default([]),
      }),
    )
    .min(1, '模板至少要有一条措施')
    .max(300),
  preparation: z
    .array(z.object({ title: zName('步骤', 60), text: z.string().max(5000).default('') }))
    .max(10)
    .default([]),
  requirements: z
    .array(
      z.object({
        no: z.number().int().min(1).max(1000),
        title: zName('工作要求', 100),
        text: z.string().max(5000).default(''),
      }),
    )
    .max(20)
    .default([]),
});
