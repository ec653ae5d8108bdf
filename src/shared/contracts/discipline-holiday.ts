/** 节日廉政 and 四风 checks (measure 23), the integrity education plan (measure 22). */
import { z } from 'zod';
import { zCan, zInt, zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';

/** The 四风 checklist of measure 23; a unit may add its own items to a check. */
export const SIFENG_ITEMS = {
  official_car: '公车私用',
  banquets: '公款吃喝',
  travel: '公款旅游',
  reception: '违规公务接待',
  gifts: '违规收送礼品礼金',
  allowances: '违规发放津贴补贴',
} as const;
export type SifengItemKey = keyof typeof SIFENG_ITEMS;

export const ZHolidayYearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
export const ZPeriodKeyQuery = z.object({ periodKey: z.string().regex(/^\d{4}:[a-z_+]{2,60}$/, '节日期间不正确') });

export const ZHolidayPeriod = z.object({
  key: z.string(),
  label: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  reminderOn: z.string(),
  provisional: z.boolean(),
  /** sent; due (the reminder day has come, not sent yet); upcoming; past (the period is over, none was sent). */
  state: z.enum(['sent', 'due', 'upcoming', 'past']),
  sentOn: z.string().nullable(),
  sentByName: z.string().nullable(),
  recipients: z.number().int().nullable(),
});
export const ZHolidayPeriods = z.object({
  year: z.number().int(),
  loaded: z.boolean(),
  leadDays: z.number().int(),
  periods: z.array(ZHolidayPeriod),
  canSend: z.boolean(),
});
export const ZReminderPreview = z.object({ title: z.string(), body: z.string(), recipients: z.number().int() });
export const ZSendReminderBody = ZPeriodKeyQuery;

const zText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).default('');

export const ZSifengItemInput = z.object({
  key: z
    .enum(Object.keys(SIFENG_ITEMS) as [SifengItemKey])
    .nullable()
    .default(null),
  /** An item the unit adds (key null): its name. */
  label: z.string().trim().max(30, '检查项名称不能超过30个字').default(''),
  inspectorPersonId: z.uuid({ message: '请选择检查人' }),
});
export const ZSifengCheckBody = z.object({
  title: zName('检查名称', 60),
  periodKey: z
    .string()
    .regex(/^\d{4}:[a-z_+]{2,60}$/, '节日期间不正确')
    .nullable()
    .default(null),
  fromDate: zIsoDate,
  toDate: zIsoDate,
  items: z.array(ZSifengItemInput).min(1, '至少需要一个检查项').max(30, '检查项不能超过30个'),
});

export const ZSifengProblem = z.object({
  personId: z.uuid().nullable().default(null),
  departmentId: z.uuid().nullable().default(null),
  onDate: zIsoDate,
  observed: z.string().trim().min(2, '请写明发现的情况（至少2个字）').max(500, '发现的情况不能超过500字'),
});
export const ZSifengRecordBody = z.object({
  result: z.enum(['clear', 'problem'], { message: '请选择检查结果' }),
  note: zText('说明', 500),
  problems: z.array(ZSifengProblem).max(20, '一次最多登记20个问题').default([]),
  version: zVersion,
});

export const ZSifengFinding = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  onDate: z.string(),
  note: z.string(),
  status: z.string(),
});
export const ZSifengItem = z.object({
  id: z.uuid(),
  key: z.string(),
  label: z.string(),
  inspectorPersonId: z.uuid(),
  inspectorName: z.string(),
  result: z.enum(['pending', 'clear', 'problem']),
  note: z.string(),
  recordedAt: z.string().nullable(),
  version: z.number().int(),
  findings: z.array(ZSifengFinding),
  can: zCan(['see', 'record']),
});
export const ZSifengCheckSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  periodKey: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  status: z.string(),
  items: z.number().int(),
  recorded: z.number().int(),
  problems: z.number().int(),
});
export const ZSifengCheck = ZSifengCheckSummary.extend({
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  itemsDetail: z.array(ZSifengItem),
  can: zCan(['see', 'manage', 'withdraw', 'seeAllItems']),
});

export const EDUCATION_KINDS = {
  warning_education: '警示教育',
  party_law_study: '党内法规学习',
  political_home_visit: '政治家访',
} as const;
export type EducationKind = keyof typeof EDUCATION_KINDS;
export const AUDIENCES = { all: '全体干部职工', leadership: '班子成员', department: '科室' } as const;

export const ZEducationPlanBody = z.object({
  year: zInt(2000, 2100, '年份应为 2000–2100'),
  title: zName('计划名称', 60),
});
export const ZEducationSessionBody = z.object({
  kind: z.enum(Object.keys(EDUCATION_KINDS) as [EducationKind], { message: '请选择教育类别' }),
  month: zInt(1, 12, '月份应为 1–12'),
  topic: zName('主题', 80),
  audience: z.enum(Object.keys(AUDIENCES) as [keyof typeof AUDIENCES], { message: '请选择对象' }),
  departmentId: z.uuid().nullable().default(null),
  cadreIds: z.array(z.uuid()).max(200, '家访对象不能超过200人').default([]),
});
export const ZLinkActivityBody = z.object({ activityId: z.uuid({ message: '请选择活动' }), version: zVersion });

const zFigure = z.object({ value: z.number(), of: z.number(), explanation: z.string() });
export const ZEducationSession = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  month: z.number().int(),
  topic: z.string(),
  audience: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  cadres: z.array(z.object({ id: z.uuid(), name: z.string(), visited: z.boolean() })),
  activities: z.array(
    z.object({ id: z.uuid(), title: z.string(), heldOn: z.string(), present: z.number(), expected: z.number() }),
  ),
  held: z.boolean(),
  version: z.number().int(),
});
export const ZEducationPlan = z.object({
  plan: z
    .object({
      id: z.uuid(),
      year: z.number().int(),
      title: z.string(),
      sessions: z.array(ZEducationSession),
      months: z.array(z.object({ month: z.number().int(), planned: z.number().int(), held: z.number().int() })),
      figures: z.object({
        held: zFigure,
        coverage: zFigure.extend({ missing: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
        attendance: zFigure,
      }),
    })
    .nullable(),
  can: zCan(['see', 'manage']),
});
export const ZCandidateActivity = z.object({ id: z.uuid(), title: z.string(), heldOn: z.string() });
