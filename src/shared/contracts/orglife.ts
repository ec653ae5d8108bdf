import { z } from 'zod';
import { zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';

const zText = (label: string, max = 4000) => z.string().trim().max(max, `${label}不能超过${max}个字`).default('');
const zUuid = (what: string) => z.uuid({ message: `${what}编号格式不正确` });

export const ZMeetingBody = z.object({
  campaignId: zUuid('专项活动').nullable().default(null),
  formId: zUuid('意见表').nullable().default(null),
  title: zName('名称', 100),
  plannedOn: zIsoDate,
  place: zText('地点', 100),
  minAttendancePct: z.number().int().min(50, '应到率不低于50%').max(100).default(80),
  leaderMax: z.number().int().min(1).max(10).default(3),
  committeeWithEachMember: z.boolean().default(true),
});

export const STUDY_KINDS = { committee: '支委会', general: '支部党员大会', seminar: '集中研讨' } as const;
export const ZMaterial = z.object({ title: zName('材料名称', 120), url: z.string().trim().max(500).regex(/^(https?:\/\/\S+)?$/, '链接应以 http:// 或 https:// 开头').default('') });
export const ZStudyBody = z.object({
  kind: z.enum(['committee', 'general', 'seminar'], { message: '学习形式不正确' }),
  title: zName('主题', 100),
  heldOn: zIsoDate,
  materials: z.array(ZMaterial).max(30).default([]),
  notes: zText('学习情况', 4000),
});
export const ZStatementBody = z.object({ text: z.string().trim().min(10, '研讨发言至少10个字').max(8000, '研讨发言不超过8000字') });

export const TARGET_KINDS = { branch: '党支部', leadership: '领导班子', department: '科室（中心）', person: '党员个人' } as const;
export const ZClassifyBody = z.object({
  categoryNo: z.number().int().min(1).max(100).nullable(),
  targetKind: z.enum(['branch', 'leadership', 'department', 'person'], { message: '请选择意见指向' }),
  targetDepartmentId: zUuid('科室').nullable().default(null),
  targetPersonId: zUuid('人员').nullable().default(null),
  version: zVersion,
});
export const ZDecideItemBody = z.object({ adopted: z.boolean(), note: zText('说明', 500), version: zVersion });
export const ZMergeBody = z.object({ intoId: zUuid('意见'), ids: z.array(zUuid('意见')).min(1, '请选择要合并的意见').max(200) });
export const ZItemQuery = z.object({
  status: z.enum(['new', 'adopted', 'not_adopted', 'merged']).optional(),
  targetKind: z.enum(['branch', 'leadership', 'department', 'person', 'none']).optional(),
  categoryNo: z.coerce.number().int().min(1).max(100).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZEntry = z.object({
  categoryNo: z.number().int().min(1).max(100).nullable(),
  appearance: zText('表象', 2000),
  shortfall: z.string().trim().min(2, '请写明问题和不足').max(2000, '问题和不足不超过2000字'),
  causes: zText('原因剖析', 2000),
  nextSteps: zText('下步打算', 2000),
  /** Rectification: owner, measures and deadline, filled before the list becomes the 整改清单. */
  ownerPersonId: zUuid('整改责任人').nullable().default(null),
  measures: zText('整改措施', 2000),
  due: zIsoDate.nullable().default(null),
  /** The adopted opinion item this entry came from, if any. */
  sourceItemId: zUuid('意见').nullable().default(null),
});
export type Entry = z.infer<typeof ZEntry>;
export const ZListSaveBody = z.object({ entries: z.array(ZEntry).max(100), version: zVersion });
export const ZListActionBody = z.object({
  action: z.enum(['submit', 'return', 'approve']),
  comment: z.string().trim().max(1000).default(''),
  version: zVersion,
});

export const ZTalkBody = z.object({
  kind: z.enum(['committee_pair', 'committee_member', 'member_member', 'one_to_three'], { message: '谈话类型不正确' }),
  aPersonId: zUuid('谈话人'),
  bPersonId: zUuid('谈话对象'),
  heldOn: zIsoDate,
  place: zText('地点', 100),
  topics: zText('谈话内容', 4000),
  problems: zText('指出的问题', 4000),
  suggestions: zText('意见建议', 4000),
});

export const ZAttendance = z.object({ personId: zUuid('人员'), present: z.boolean(), reason: zText('缺席原因', 100) });
export const ZMeetingRecordBody = z.object({
  heldOn: zIsoDate,
  place: zName('地点', 100),
  attendance: z.array(ZAttendance).min(1, '请登记参会情况').max(500),
  secretaryReport: zText('支部书记报告', 8000),
  selfCriticisms: z.array(z.object({ personId: zUuid('人员'), text: z.string().trim().min(2, '请填写自我批评内容').max(4000) })).max(500).default([]),
  criticisms: z.array(z.object({ fromId: zUuid('提出人'), toId: zUuid('被批评人'), text: z.string().trim().min(2, '请填写批评意见').max(4000) })).max(2000).default([]),
  minutes: zText('会议记录', 20000),
  version: zVersion,
});
