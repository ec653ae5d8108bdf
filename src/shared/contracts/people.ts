import { z } from 'zod';
import { BRANCH_ROLES, PERSON_STATUSES } from '../../domain/roster.js';
import { zName, ZPageQuery } from './common.js';

const branchRoles = Object.keys(BRANCH_ROLES) as [keyof typeof BRANCH_ROLES];
const statuses = Object.keys(PERSON_STATUSES) as [keyof typeof PERSON_STATUSES];

export const ZPerson = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  name: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  position: z.string(),
  rank: z.string(),
  isPartyMember: z.boolean(),
  branchRole: z.enum(branchRoles),
  isLeadership: z.boolean(),
  phone: z.string(),
  status: z.enum(statuses),
  updatedAt: z.string(),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZPersonBody = z
  .object({
    name: zName('姓名', 30),
    departmentId: z.uuid().nullable(),
    position: z.string().trim().max(40, '职务不能超过40个字').default(''),
    rank: z.string().trim().max(30, '职级不能超过30个字').default(''),
    isPartyMember: z.boolean(),
    branchRole: z.enum(branchRoles, { message: '支部职务不正确' }).default('none'),
    isLeadership: z.boolean(),
    phone: z
      .string()
      .trim()
      .regex(/^$|^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '联系电话格式不正确')
      .default(''),
    status: z.enum(statuses, { message: '状态不正确' }).default('in_service'),
  })
  .refine((p) => p.isPartyMember || p.branchRole === 'none', {
    message: '非党员不能担任支部职务',
    path: ['branchRole'],
  });
export type TPersonBody = z.infer<typeof ZPersonBody>;

export const ZPeopleQuery = ZPageQuery.extend({
  q: z.string().trim().max(30).optional(),
  departmentId: z.uuid().optional(),
  status: z.enum(statuses).optional(),
  isPartyMember: z.enum(['true', 'false']).optional(),
  /** leadership: 班子成员 only (the roster's flag), e.g. for a 分管领导/责任领导 picker. */
  role: z.enum(['leadership'], { message: '角色筛选只能为 leadership（班子成员）' }).optional(),
  unitId: z.uuid().optional(),
});

export const ZRowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
/**
 * A roster import. `invalid`/`validated` after the check; applying queues it (`queued`): a unit runs
 * one import at a time, so it waits while `queuePosition` imports of the unit go first (the running
 * one included), then `running` with `processed` of `total`, then `done` or `failed`.
 */
export const ZRosterImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(['invalid', 'validated', 'queued', 'running', 'done', 'failed']),
  queuePosition: z.number().int().nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ZRowError),
});
export type TRosterImport = z.infer<typeof ZRosterImport>;
