import { ITEM_CAN_KEYS } from '../../domain/policies/item.js';
import { FIGURES } from '../../domain/item-figures.js';
import { z } from 'zod';
import { ZPageQuery, zName, zVersion } from './common.js';
import { zIsoDate, ZDeadlinePolicy } from './calendar.js';

export const ITEM_SOURCES = ['document', 'campaign_measure', 'rectification', 'decision', 'visit', 'manual'] as const;
const statuses = ['assigned', 'in_progress', 'under_review', 'closed', 'withdrawn'] as const;

export const ZItemBody = z.object({
  title: zName('事项标题', 100),
  content: z.string().trim().max(5000).default(''),
  source: z.enum(ITEM_SOURCES).default('manual'),
  sourceRef: z.string().trim().max(200).default(''),
  category: z.string().trim().max(40).nullable().default(null),
  leadDepartmentId: z.uuid({ message: '请选择牵头科室' }),
  cooperatingDepartmentIds: z.array(z.uuid()).max(20).default([]),
  ownerPersonId: z.uuid({ message: '请选择承办人' }),
  leaderPersonId: z.uuid().nullable().default(null),
  cadence: z.enum(['none', 'weekly', 'monthly']).default('none'),
  receivedOn: zIsoDate,
  urgency: z.enum(['urgent', 'important', 'normal']).default('normal'),
  explicitDue: zIsoDate.nullable().default(null),
  /** 节点: steps with their own dates; without an explicit deadline, the last one is the deadline. */
  milestones: z
    .array(z.object({ title: zName('节点名称', 60), due: zIsoDate }))
    .max(20, '节点最多 20 个')
    .default([]),
});

export const ZDocumentBody = z.object({
  docNo: zName('文号', 60),
  issuer: zName('来文单位', 60),
  title: zName('标题', 200),
  receivedOn: zIsoDate,
  urgency: z.enum(['urgent', 'important', 'normal'], { message: '请选择紧急程度' }),
  explicitDue: zIsoDate.nullable().default(null),
  handlingDepartmentId: z.uuid({ message: '请选择承办科室' }),
  ownerPersonId: z.uuid({ message: '请选择承办人' }),
  leaderPersonId: z.uuid().nullable().default(null),
  instructions: z.string().trim().max(2000).default(''),
  notClassified: z.literal(true, { message: '请确认该文件不涉及国家秘密（涉密文件不得录入本系统）' }),
});

export const ZTransitionBody = z.object({
  action: z.enum(['sign', 'submit', 'return', 'close', 'withdraw', 'reopen'], { message: '操作不正确' }),
  version: zVersion,
  reason: z.string().trim().max(500).optional(),
  result: z.string().trim().max(5000).optional(),
});

export const ZReportBody = z.object({
  text: z.string().trim().min(2, '请填写进展情况').max(5000),
  percent: z.number().int().min(0, '进度应在0–100之间').max(100, '进度应在0–100之间'),
  idempotencyKey: z.string().trim().min(8).max(64),
});

export const ZExtensionBody = z.object({
  extraDays: z.number().int().min(1, '延期天数应为正整数').max(60),
  reason: z.string().trim().min(2, '请填写延期原因').max(500),
});
export const ZMilestoneDoneBody = z.object({ note: z.string().trim().max(500).default('') });
export const ZDecisionBody = z.object({ approve: z.boolean(), note: z.string().trim().max(500).default('') });

export const ZItem = z.object({
  id: z.uuid(),
  title: z.string(),
  content: z.string(),
  source: z.string(),
  sourceRef: z.string(),
  category: z.string().nullable(),
  leadDepartmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  ownerPersonId: z.uuid(),
  ownerName: z.string().nullable(),
  leaderPersonId: z.uuid().nullable(),
  backupPersonId: z.uuid().nullable(),
  cadence: z.string(),
  status: z.enum(statuses),
  result: z.string().nullable(),
  assignedOn: z.string(),
  closedOn: z.string().nullable(),
  due: z.string(),
  provisional: z.boolean(),
  colour: z.enum(['green', 'yellow', 'red', 'none']),
  version: z.number().int(),
  /** Made from a member's personal self-check list: its text is shown only to those who may read the list. */
  personal: z.boolean(),
  /** The row's actions a list offers (domain/policies/item); the detail carries every action. */
  can: z.object({ chase: z.boolean() }),
});

/** A ledger page; `totalExact` is false when the count stopped at its cap (shown as "N+"). */
export const ZLedgerPage = z.object({
  items: z.array(ZItem),
  total: z.number().int(),
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZItemDetail = ZItem.extend({
  policy: ZDeadlinePolicy,
  receivedOn: z.string(),
  reports: z.array(z.object({ id: z.uuid(), text: z.string(), percent: z.number().int(), reportedOn: z.string() })),
  extensions: z.array(
    z.object({
      id: z.uuid(),
      extraDays: z.number().int(),
      reason: z.string(),
      status: z.string(),
      decisionNote: z.string().nullable(),
    }),
  ),
  /** The owner is away today and the B post acts. */
  backupActing: z.boolean(),
  /** The item's own deadline (`due` is the earliest open milestone when there are milestones). */
  deadline: z.string(),
  milestones: z.array(
    z.object({
      id: z.uuid(),
      seq: z.number().int(),
      title: z.string(),
      due: z.string(),
      doneOn: z.string().nullable(),
      doneNote: z.string().nullable(),
    }),
  ),
  cooperatingDepartments: z.array(z.object({ id: z.uuid(), name: z.string() })),
  attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() })),
  timeline: z.array(
    z.object({ seq: z.number().int(), at: z.string(), actorName: z.string(), action: z.string(), after: z.unknown() }),
  ),
  /** What the signed-in user may do now (the domain rules, evaluated for them). */
  can: z.object(
    Object.fromEntries(ITEM_CAN_KEYS.map((k) => [k, z.boolean()])) as Record<
      (typeof ITEM_CAN_KEYS)[number],
      z.ZodBoolean
    >,
  ),
});

export const ZLedgerQuery = ZPageQuery.extend({
  status: z.enum(statuses).optional(),
  source: z.enum(ITEM_SOURCES).optional(),
  departmentId: z.uuid().optional(),
  leaderPersonId: z.uuid().optional(),
  category: z.string().trim().min(1).max(40).optional(),
  colour: z.enum(['green', 'yellow', 'red', 'none']).optional(),
  q: z.string().trim().max(50).optional(),
  open: z.enum(['true', 'false']).optional(),
  /** Only the reader's review list (the 待复核 list). */
  reviewable: z.enum(['true']).optional(),
  /** One figure as domain/item-figures defines it (the overview's and workbench's figures link here). */
  figure: z.enum(FIGURES).optional(),
  campaignId: z.uuid({ message: '专项活动编号格式不正确' }).optional(),
  closedFrom: zIsoDate.optional(),
  closedTo: zIsoDate.optional(),
  /** 我分管的科室: the items led by the departments whose 分管领导 the reader is today. */
  inMyCharge: z.enum(['true']).optional(),
  /** 延期待审批: items with an extension request not yet decided. */
  extensionPending: z.enum(['true']).optional(),
});

/** The ledger export: the ledger's filters (paging ignored), and an id (chosen by the page) under which to poll its progress. */
export const ZLedgerExportQuery = ZLedgerQuery.extend({
  progressId: z.uuid({ message: '导出编号格式不正确' }).optional(),
});

/** 比一比: items due in [from, to] by lead department or responsible leader (outcomes only). */
export const ZRankingQuery = z.object({
  by: z.enum(['department', 'leader']).default('department'),
  from: zIsoDate,
  to: zIsoDate,
});
/** One group's outcomes (domain/rankings.RankingRow): rank null when it has nothing decided yet. */
export const ZRankingRow = z.object({
  group: z.string(),
  rank: z.number().int().nullable(),
  items: z.number().int(),
  comeDue: z.number().int(),
  closedOnTime: z.number().int(),
  overdue: z.number().int(),
  closedLate: z.number().int(),
  overdueOpen: z.number().int(),
  onTimeRate: z.number().nullable(),
  avgWorkingDaysToClose: z.number().nullable(),
  returns: z.number().int(),
  lapses: z.number().int(),
});

export const ZChaseBody = z.object({
  itemIds: z.array(z.uuid()).min(1, '请选择要催办的事项').max(200),
  message: z.string().trim().min(2, '请填写催办内容').max(500),
});
