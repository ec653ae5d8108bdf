import { pgTable, uuid, text, timestamp, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';

const audited = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** 科室/中心. Never deleted: withdrawn with a reason. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    ...audited,
  },
  (t) => [uniqueIndex('departments_unit_name_uq').on(t.unitId, t.name)],
);

/** 干部职工. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    departmentId: uuid('department_id'),
    position: text('position').notNull().default(''),
    rank: text('rank').notNull().default(''),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    branchRole: text('branch_role').notNull().default('none'),
    isLeadership: boolean('is_leadership').notNull().default(false),
    phone: text('phone').notNull().default(''),
    status: text('status').notNull().default('in_service'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...audited,
  },
  (t) => [
    index('people_unit_dept_idx').on(t.unitId, t.departmentId),
    index('people_unit_name_idx').on(t.unitId, t.name),
  ],
);

/** 岗位 with an A holder and a B holder (AB岗). */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    departmentId: uuid('department_id'),
    title: text('title').notNull(),
    holderAId: uuid('holder_a_id'),
    holderBId: uuid('holder_b_id'),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    ...audited,
  },
  (t) => [uniqueIndex('posts_unit_dept_title_uq').on(t.unitId, t.departmentId, t.title)],
);

/** 领导小组, 领导小组办公室, 工作专班, 支委会, 智库. */
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    parentGroupId: uuid('parent_group_id'),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    ...audited,
  },
  (t) => [uniqueIndex('groups_unit_name_uq').on(t.unitId, t.name)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    groupId: uuid('group_id').notNull(),
    personId: uuid('person_id').notNull(),
    roleInGroup: text('role_in_group').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('group_members_uq').on(t.unitId, t.groupId, t.personId)],
);

/**
 * A person's unavailability (a simple record until leave arrives): while it lasts, the B holder of
 * the person's post acts (AB岗), and reminders go to the backup.
 */
export const unavailability = pgTable(
  'unavailability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    reason: text('reason').notNull(),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('unavailability_person_idx').on(t.unitId, t.personId, t.fromDate)],
);

/**
 * 分管领导: the leadership member in charge of a department, effective-dated (domain/assignments.ts). `from_date`
 * null means since always; `to_date` null means still in charge. Changed only by reassignment from a date, so the
 * history is kept and a past date still answers who was in charge then.
 */
export const departmentLeaders = pgTable(
  'department_leaders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    personId: uuid('person_id').notNull(),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    createdBy: uuid('created_by'),
    ...audited,
  },
  (t) => [index('department_leaders_dept_idx').on(t.unitId, t.departmentId, t.fromDate)],
);
