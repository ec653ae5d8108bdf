import { z } from 'zod';
import { zName, ZPageQuery } from './common.js';
import { UNIT_KIND_CODES, type UnitKind } from '../../domain/unit-tree.js';
import { zIsoDate } from './calendar.js';

export const ZDepartment = z.object({
  id: z.uuid(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  withdrawnReason: z.string().nullable(),
  peopleCount: z.number().int(),
  /** Today's 分管领导 (the leadership member in charge), when one is recorded. */
  leaderId: z.uuid().nullable(),
  leaderName: z.string().nullable(),
  leaderFrom: z.string().nullable(),
});
export const ZDepartmentBody = z.object({
  name: zName('科室名称'),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});

/** One term of a department's 分管领导: from (null: since always) through (null: still in charge). */
export const ZDepartmentLeader = z.object({
  id: z.uuid(),
  departmentId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export const ZDepartmentLeaderBody = z.object({
  departmentId: z.uuid({ message: '请选择科室' }),
  personId: z.uuid({ message: '请选择分管领导' }),
  from: zIsoDate,
});
export const ZDepartmentLeadersQuery = ZPageQuery.extend({ departmentId: z.uuid({ message: '请选择科室' }) });

export const ZPost = z.object({
  id: z.uuid(),
  title: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  holderAId: z.uuid().nullable(),
  holderAName: z.string().nullable(),
  holderBId: z.uuid().nullable(),
  holderBName: z.string().nullable(),
  active: z.boolean(),
});
export const ZPostsQuery = ZPageQuery.extend({
  q: z.string().trim().max(30).optional(),
  departmentId: z.uuid().optional(),
  withdrawn: z.enum(['true', 'false']).optional(),
});
export const ZPostBody = z.object({
  title: zName('岗位名称'),
  departmentId: z.uuid().nullable(),
  holderAId: z.uuid().nullable(),
  holderBId: z.uuid().nullable(),
});

export const GROUP_KINDS = {
  leading_group: '领导小组',
  leading_group_office: '领导小组办公室',
  task_force: '工作专班',
  branch_committee: '支委会',
  think_tank: '智库',
} as const;
export const ZGroupMember = z.object({ personId: z.uuid(), personName: z.string(), roleInGroup: z.string() });
export const ZGroup = z.object({
  id: z.uuid(),
  kind: z.enum(Object.keys(GROUP_KINDS) as [keyof typeof GROUP_KINDS]),
  name: z.string(),
  parentGroupId: z.uuid().nullable(),
  active: z.boolean(),
  members: z.array(ZGroupMember),
});
export const ZGroupBody = z.object({
  kind: z.enum(Object.keys(GROUP_KINDS) as [keyof typeof GROUP_KINDS], { message: '请选择小组类型' }),
  name: zName('小组名称'),
  parentGroupId: z.uuid().nullable().default(null),
});
export const ZGroupMembersBody = z.object({
  members: z
    .array(z.object({ personId: z.uuid(), roleInGroup: zName('组内职务', 20) }))
    .max(200)
    .refine((m) => new Set(m.map((x) => x.personId)).size === m.length, '同一人不能重复加入'),
});

export const ZUnit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  /** domain/unit-tree UNIT_KINDS. */
  kind: z.enum(UNIT_KIND_CODES as [UnitKind, ...UnitKind[]]),
  status: z.enum(['active', 'deactivated']),
  deactivatedReason: z.string().nullable(),
  /** How many units sit directly below it (the tree opens a unit's children on demand). */
  childCount: z.number().int(),
});
export const ZUnitBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '单位代码为2-40位小写字母、数字或连字符'),
  name: zName('单位名称', 60),
  kind: z.enum(UNIT_KIND_CODES as [UnitKind, ...UnitKind[]], { message: '单位类型不正确' }).default('other'),
});

const ZChartPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.string(),
  isLeadership: z.boolean(),
  isPartyMember: z.boolean(),
});
/** The org chart: the unit's people under their departments, and its groups. */
export const ZOrgChart = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  leadership: z.array(ZChartPerson),
  departments: z.array(z.object({ id: z.uuid(), name: z.string(), people: z.array(ZChartPerson) })),
  unassigned: z.array(ZChartPerson),
  groups: z.array(ZGroup),
});
