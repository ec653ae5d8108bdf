import { z } from 'zod';
import { PLAN_KINDS } from '../../domain/burden.js';
import { PLAN_CAN_KEYS, PLAN_RECORD_CAN_KEYS } from '../../domain/policies/decision-plan.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zInt, zVersion } from './common.js';

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`)
    .regex(/^[^\p{Cc}]*$/u, `${label}含有不可见字符`);
const zYear = z.coerce.number().int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确');
const zDepartment = z.uuid({ message: '科室编号格式不正确' }).nullable().default(null);
const zReason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不能超过 200 字');

export const ZPlanEntryBody = z.object({
  year: zYear,
  kind: z.enum(PLAN_KINDS, { message: '请选择类别（发文或会议）' }),
  subKind: text('文种或会议类别', 1, 60),
  title: text('名称', 2, 200),
  month: zInt(1, 12, '月份应为 1 至 12'),
  organiserDepartmentId: zDepartment,
  durationMinutes: zInt(5, 600, '会议时长应为 5 至 600 分钟').nullable().default(null),
});
export const ZPlanEntryEdit = ZPlanEntryBody.omit({ year: true, kind: true }).extend({ version: zVersion });
export const ZPlanWithdraw = z.object({ reason: zReason, version: zVersion });
export const ZPlanCopy = z.object({ fromYear: zYear, toYear: zYear });

export const ZPlanEntryQuery = ZPageQuery.extend({
  year: zYear,
  kind: z.enum(PLAN_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZPlanEntry = z.object({
  id: z.uuid(),
  year: z.number().int(),
  kind: z.enum(PLAN_KINDS),
  kindLabel: z.string(),
  subKind: z.string(),
  subKindLabel: z.string(),
  title: z.string(),
  month: z.number().int(),
  organiserDepartmentId: z.uuid().nullable(),
  organiserDepartmentName: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(PLAN_RECORD_CAN_KEYS),
});
export type TPlanEntry = z.infer<typeof ZPlanEntry>;

export const ZIssuedDocumentBody = z.object({
  docNo: text('文号', 2, 60),
  title: text('标题', 2, 200),
  issuedOn: zIsoDate,
  departmentId: zDepartment,
  planEntryId: z.uuid({ message: '计划条目编号格式不正确' }).nullable().default(null),
  unplannedReason: z.string().trim().max(200, '理由不能超过 200 字').nullable().default(null),
});
export const ZIssuedDocumentEdit = ZIssuedDocumentBody.extend({ version: zVersion });
export const ZIssuedDocumentQuery = ZPageQuery.extend({
  year: zYear,
  q: z.string().trim().max(100).optional(),
  departmentId: z.uuid({ message: '科室编号格式不正确' }).optional(),
});
export const ZIssuedDocumentExportQuery = ZIssuedDocumentQuery.omit({ page: true, pageSize: true });

export const ZIssuedDocument = z.object({
  id: z.uuid(),
  docNo: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  planEntryId: z.uuid().nullable(),
  planEntryTitle: z.string().nullable(),
  unplannedReason: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(PLAN_RECORD_CAN_KEYS),
});
export type TIssuedDocument = z.infer<typeof ZIssuedDocument>;

export const ZBurdenSettingsBody = z.object({
  maxMeetingMinutes: zInt(15, 480, '会议时长上限应在 15 至 480 分钟之间'),
  maxUnplannedMeetingsPerQuarter: zInt(0, 100, '每季度临时会议上限应在 0 至 100 次之间'),
  maxDocumentsPerYear: zInt(1, 10000, '每年发文上限应在 1 至 10000 件之间'),
  mergeWithinWorkingDays: zInt(0, 30, '可合并会议的间隔应在 0 至 30 个工作日之间'),
  version: zInt(0, 2_147_483_647, '版本号不正确'),
});
export const ZBurdenSettings = ZBurdenSettingsBody.extend({ can: zCan(PLAN_CAN_KEYS) });

export const ZActivityReasonBody = z.object({ reason: zReason });

export const ZBurdenQuery = z.object({
  year: zYear,
  departmentId: z.uuid({ message: '科室编号格式不正确' }).optional(),
});

const ZUnplanned = z.object({
  id: z.uuid(),
  source: z.enum(['decision', 'activity', 'document']),
  title: z.string(),
  on: z.string(),
  reason: z.string().nullable(),
});
export const ZBurdenView = z.object({
  year: z.number().int(),
  departmentId: z.uuid().nullable(),
  settings: ZBurdenSettingsBody.omit({ version: true }),
  months: z.array(
    z.object({
      month: z.number().int(),
      documents: z.object({ planned: z.number().int(), issued: z.number().int(), unplanned: z.number().int() }),
      meetings: z.object({
        planned: z.number().int(),
        held: z.number().int(),
        unplanned: z.number().int(),
        overLength: z.number().int(),
      }),
      unplanned: z.array(ZUnplanned),
    }),
  ),
  quarters: z.array(
    z.object({
      quarter: z.number().int(),
      unplannedMeetings: z.number().int(),
      limit: z.number().int(),
      exceeded: z.boolean(),
    }),
  ),
  documents: z.object({
    planned: z.number().int(),
    issued: z.number().int(),
    limit: z.number().int(),
    exceeded: z.boolean(),
  }),
  meetings: z.object({
    planned: z.number().int(),
    held: z.number().int(),
    unplanned: z.number().int(),
    overLength: z.number().int(),
    unexplained: z.number().int(),
  }),
  /** The whole unit's year per department (null: no department), whatever the filter. */
  departments: z.array(
    z.object({
      departmentId: z.uuid().nullable(),
      departmentName: z.string(),
      documents: z.object({ planned: z.number().int(), issued: z.number().int(), unplanned: z.number().int() }),
      meetings: z.object({ planned: z.number().int(), held: z.number().int(), unplanned: z.number().int() }),
    }),
  ),
  merges: z.array(
    z.object({
      first: z.object({ id: z.uuid(), title: z.string(), heldOn: z.string() }),
      second: z.object({ id: z.uuid(), title: z.string(), heldOn: z.string() }),
      workingDaysApart: z.number().int(),
      overlap: z.enum(['same', 'subset']),
    }),
  ),
  can: zCan(PLAN_CAN_KEYS),
});
export type TBurdenView = z.infer<typeof ZBurdenView>;
