import { z } from 'zod';
import { ATTENTION_DECISIONS, ATTENTION_FACT_KINDS, GRADES, SCHEME_SOURCES } from '../../domain/assessment.js';
import { ATTENTION_CAN_KEYS, SCHEME_CAN_KEYS } from '../../domain/policies/assessment-scheme.js';
import { ZPageQuery, zCan, zInt, zVersion } from './common.js';

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`)
    .regex(/^[^\p{Cc}]*$/u, `${label}含有不可见字符`);
const zReason = z.string().trim().min(2, '请填写理由（至少2个字）').max(300, '理由不能超过 300 字');
const zPoints = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .min(0, `${label}不能为负数`)
    .max(1000, `${label}不能超过 1000`)
    .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
      message: `${label}最多保留两位小数`,
    });
const zItemId = z.string().regex(/^[a-z0-9_-]{1,40}$/, '考核项目编号格式不正确');
export const zPeriodKey = z.string().regex(/^(20\d{2})(-Q[1-4])?$/, '考核期格式应为 2026 或 2026-Q4');

export const ZSchemeItem = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('indicator'),
      id: zItemId,
      title: text('考核项目名称', 2, 60),
      source: z.enum(SCHEME_SOURCES, { message: '请选择指标来源' }),
      weight: zPoints('分值'),
      span: zPoints('零分线').nullable().default(null),
    }),
    z.object({
      kind: z.literal('manual'),
      id: zItemId,
      title: text('考核项目名称', 2, 60),
      maxPoints: zPoints('满分'),
    }),
  ],
  { message: '考核项目类型应为指标或人工评分' },
);
export const ZBand = z.object({
  grade: z.enum(GRADES, { message: '等次不正确' }),
  minScore: zPoints('分数线'),
  quotaPercent: zInt(0, 100, '名额比例应为 0 至 100').nullable(),
});

export const ZSchemeBody = z.object({
  title: text('方案名称', 2, 100),
  subjectKind: z.enum(['department', 'person'], { message: '请选择考核对象（科室或个人）' }),
  periodKey: zPeriodKey,
  items: z.array(ZSchemeItem).min(1, '请至少设置一个考核项目').max(30, '考核项目不能超过 30 个'),
  bands: z.array(ZBand).length(4, '等次应为优秀、称职、基本称职、不称职四档'),
  groupMemberIds: z.array(z.uuid({ message: '人员编号格式不正确' })).max(30, '考核组成员不能超过 30 人'),
  groupLeadId: z.uuid({ message: '请选择考核组组长' }),
});
export const ZSchemeEdit = ZSchemeBody.extend({ version: zVersion });
export const ZVersionBody = z.object({ version: zVersion });
export const ZSchemeWithdraw = z.object({ reason: zReason, version: zVersion });
export const ZSchemeQuery = ZPageQuery.extend({
  status: z.enum(['draft', 'confirmed', 'withdrawn']).optional(),
  q: z.string().trim().max(100).optional(),
});
export const ZScorecardQuery = ZPageQuery;
export const ZManualScoreBody = z.object({ itemId: zItemId, points: zPoints('分数'), reason: zReason });
export const ZGradeBody = z.object({
  grade: z.enum(GRADES, { message: '请选择等次' }),
  reason: zReason,
  version: zVersion,
});

const ZQuota = z.object({
  grade: z.enum(GRADES),
  label: z.string(),
  count: z.number().int(),
  quota: z.number().int().nullable(),
  ok: z.boolean(),
});
const ZTie = z.object({
  grade: z.enum(GRADES),
  label: z.string(),
  score: z.number(),
  seats: z.number().int(),
  subjects: z.array(z.object({ id: z.uuid(), name: z.string() })),
  resolved: z.boolean(),
});

export const ZScheme = z.object({
  id: z.uuid(),
  title: z.string(),
  subjectKind: z.enum(['department', 'person']),
  periodKind: z.enum(['quarter', 'year']),
  periodKey: z.string(),
  items: z.array(ZSchemeItem),
  bands: z.array(ZBand),
  groupMembers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  groupLead: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(['draft', 'confirmed', 'withdrawn']),
  statusLabel: z.string(),
  computedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  /** Only for readers of the whole scheme; others get empty lists. */
  quotas: z.array(ZQuota),
  ties: z.array(ZTie),
  /** Manual items still without a score (subject and item), blocking confirmation. */
  unscored: z.array(z.object({ scorecardId: z.uuid(), subjectName: z.string(), itemTitle: z.string() })),
  can: zCan(SCHEME_CAN_KEYS),
});
export type TScheme = z.infer<typeof ZScheme>;

export const ZEvidence = z.object({
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  note: z.string(),
  href: z.string().nullable(),
});
export const ZPoint = z.object({
  itemId: z.string(),
  title: z.string(),
  source: z.enum(['indicator', 'manual']),
  value: z.number().nullable(),
  points: z.number(),
  maxPoints: z.number(),
  evidence: z.array(ZEvidence),
  reason: z.string(),
});
export const ZManualScore = z.object({
  itemId: z.string(),
  assessorId: z.uuid(),
  assessorName: z.string(),
  points: z.number(),
  reason: z.string(),
  mine: z.boolean(),
});
export const ZScorecard = z.object({
  id: z.uuid(),
  schemeId: z.uuid(),
  schemeTitle: z.string(),
  schemeStatus: z.enum(['draft', 'confirmed', 'withdrawn']),
  periodKey: z.string(),
  subjectId: z.uuid(),
  subjectName: z.string(),
  total: z.number(),
  suggestedGrade: z.enum(GRADES),
  finalGrade: z.enum(GRADES),
  finalGradeLabel: z.string(),
  gradeReason: z.string().nullable(),
  points: z.array(ZPoint),
  manualScores: z.array(ZManualScore),
  version: z.number().int(),
  can: zCan(['score', 'grade'] as const),
});
export type TScorecard = z.infer<typeof ZScorecard>;

export const ZAttentionRuleBody = z.object({
  minEvents: zInt(1, 20, '每季度次数应为 1 至 20'),
  minQuarters: zInt(2, 8, '季度数应为 2 至 8'),
  lastQuarters: zInt(2, 8, '考察范围应为 2 至 8 个季度'),
  version: zInt(0, 2_147_483_647, '版本号不正确'),
});
export const ZAttentionQuery = ZPageQuery.extend({
  quarter: z
    .string()
    .regex(/^20\d{2}-Q[1-4]$/, '季度格式应为 2026-Q4')
    .optional(),
});
export const ZAttentionDecisionBody = z.object({
  personId: z.uuid({ message: '人员编号格式不正确' }),
  windowKey: z.string().regex(/^20\d{2}-Q[1-4]\.\.20\d{2}-Q[1-4]$/, '考察范围格式不正确'),
  decision: z.enum(ATTENTION_DECISIONS, { message: '请选择处理意见' }),
  reason: zReason,
});
const ZAttentionDecision = z.object({
  decision: z.enum(ATTENTION_DECISIONS),
  label: z.string(),
  reason: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});
export const ZAttentionEntry = z.object({
  personId: z.uuid(),
  personName: z.string(),
  departmentName: z.string().nullable(),
  quarters: z.array(z.object({ quarter: z.string(), events: z.number().int(), meets: z.boolean() })),
  evidence: z.array(
    z.object({
      kind: z.enum(ATTENTION_FACT_KINDS),
      label: z.string(),
      quarter: z.string(),
      title: z.string(),
      href: z.string().nullable(),
    }),
  ),
  decisions: z.array(ZAttentionDecision),
  canDecide: z.boolean(),
});
export const ZAttentionView = z.object({
  rule: ZAttentionRuleBody,
  ruleText: z.string(),
  lastQuarter: z.string(),
  windowKey: z.string(),
  entries: z.array(ZAttentionEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  can: zCan(ATTENTION_CAN_KEYS),
});
export type TAttentionView = z.infer<typeof ZAttentionView>;
