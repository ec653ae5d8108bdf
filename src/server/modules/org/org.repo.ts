import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../db/client.js';
import { departments, groupMembers, groups, people, posts, units } from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type DepartmentRow = typeof departments.$inferSelect;
export type PostRow = typeof posts.$inferSelect;
export type GroupRow = typeof groups.$inferSelect;

export const orgRepo = {
  async departments(db: Db, unitId: string) {
    return db
      .select({
        id: departments.id,
        name: departments.name,
        sortOrder: departments.sortOrder,
        active: departments.active,
        withdrawnReason: departments.withdrawnReason,
        // Qualified by hand: inside a sub-select Drizzle would print the outer columns unqualified.
        peopleCount: sql<number>`(select count(*)::int from ${people} p where p.unit_id = "departments"."unit_id" and p.department_id = "departments"."id" and p.status = 'in_service')`,
      })
      .from(departments)
      .where(eq(departments.unitId, unitId))
      .orderBy(asc(departments.sortOrder), asc(departments.name));
  },
  async department(db: Db, unitId: string, id: string) {
    const [d] = await db
      .select()
      .from(departments)
      .where(and(eq(departments.unitId, unitId), eq(departments.id, id)));
    return d;
  },
  async departmentsByIds(db: Db, unitId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(departments)
      .where(and(eq(departments.unitId, unitId), inArray(departments.id, ids)))
      .orderBy(asc(departments.sortOrder), asc(departments.name));
  },
  async departmentByName(db: Db, unitId: string, name: string) {
    const [d] = await db
      .select()
      .from(departments)
      .where(and(eq(departments.unitId, unitId), eq(departments.name, name)));
    return d;
  },
  async insertDepartment(db: Db, row: typeof departments.$inferInsert) {
    const [d] = await db.insert(departments).values(row).returning();
    return d!;
  },
  async updateDepartment(db: Db, unitId: string, id: string, patch: Partial<typeof departments.$inferInsert>) {
    await db
      .update(departments)
      .set(patch)
      .where(and(eq(departments.unitId, unitId), eq(departments.id, id)));
  },
  /** A page of posts with department and holder names, active ones unless `withdrawn`. */
  async postsPage(
    db: Db,
    unitId: string,
    f: { q?: string; departmentId?: string; withdrawn?: boolean; limit: number; offset: number },
  ) {
    const a = alias(people, 'holder_a');
    const b = alias(people, 'holder_b');
    const like = f.q ? containsPattern(f.q) : undefined;
    const where = and(
      eq(posts.unitId, unitId),
      eq(posts.active, !f.withdrawn),
      f.departmentId ? eq(posts.departmentId, f.departmentId) : undefined,
      like ? or(ilike(posts.title, like), ilike(a.name, like), ilike(b.name, like)) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db
        .select({ post: posts, departmentName: departments.name, holderAName: a.name, holderBName: b.name })
        .from(posts)
        .leftJoin(departments, eq(departments.id, posts.departmentId))
        .leftJoin(a, eq(a.id, posts.holderAId))
        .leftJoin(b, eq(b.id, posts.holderBId))
        .where(where)
        .orderBy(sql`coalesce(${departments.sortOrder}, 0)`, asc(posts.title), asc(posts.id))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(posts)
        .leftJoin(a, eq(a.id, posts.holderAId))
        .leftJoin(b, eq(b.id, posts.holderBId))
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  async countDepartments(db: Db, unitId: string) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(departments)
      .where(eq(departments.unitId, unitId));
    return r?.n ?? 0;
  },
  async countGroups(db: Db, unitId: string) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(groups)
      .where(eq(groups.unitId, unitId));
    return r?.n ?? 0;
  },
  async post(db: Db, unitId: string, id: string) {
    const [p] = await db
      .select()
      .from(posts)
      .where(and(eq(posts.unitId, unitId), eq(posts.id, id)));
    return p;
  },
  async insertPost(db: Db, row: typeof posts.$inferInsert) {
    const [p] = await db.insert(posts).values(row).returning();
    return p!;
  },
  async updatePost(db: Db, unitId: string, id: string, patch: Partial<typeof posts.$inferInsert>) {
    await db
      .update(posts)
      .set(patch)
      .where(and(eq(posts.unitId, unitId), eq(posts.id, id)));
  },
  async groups(db: Db, unitId: string) {
    return db.select().from(groups).where(eq(groups.unitId, unitId)).orderBy(asc(groups.createdAt));
  },
  async group(db: Db, unitId: string, id: string) {
    const [g] = await db
      .select()
      .from(groups)
      .where(and(eq(groups.unitId, unitId), eq(groups.id, id)));
    return g;
  },
  async insertGroup(db: Db, row: typeof groups.$inferInsert) {
    const [g] = await db.insert(groups).values(row).returning();
    return g!;
  },
  async updateGroup(db: Db, unitId: string, id: string, patch: Partial<typeof groups.$inferInsert>) {
    await db
      .update(groups)
      .set(patch)
      .where(and(eq(groups.unitId, unitId), eq(groups.id, id)));
  },
  async groupMembers(db: Db, unitId: string) {
    return db
      .select({
        groupId: groupMembers.groupId,
        personId: groupMembers.personId,
        personName: people.name,
        roleInGroup: groupMembers.roleInGroup,
      })
      .from(groupMembers)
      .innerJoin(people, eq(people.id, groupMembers.personId))
      .where(eq(groupMembers.unitId, unitId))
      .orderBy(asc(groupMembers.sortOrder));
  },
  async replaceGroupMembers(
    db: Db,
    unitId: string,
    groupId: string,
    members: { personId: string; roleInGroup: string }[],
  ) {
    await db.delete(groupMembers).where(and(eq(groupMembers.unitId, unitId), eq(groupMembers.groupId, groupId)));
    if (members.length === 0) return;
    await db
      .insert(groupMembers)
      .values(
        members.map((m, i) => ({ unitId, groupId, personId: m.personId, roleInGroup: m.roleInGroup, sortOrder: i })),
      );
  },
  async personIdsInUnit(db: Db, unitId: string, ids: string[]) {
    if (ids.length === 0) return new Set<string>();
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, ids)));
    return new Set(rows.map((r) => r.id));
  },
  async unit(db: Db, id: string) {
    const [u] = await db.select().from(units).where(eq(units.id, id));
    return u;
  },
  async unitByCode(db: Db, code: string) {
    const [u] = await db.select().from(units).where(eq(units.code, code));
    return u;
  },
  /** The unit's ancestors, nearest first. */
  async ancestors(db: Db, unitId: string) {
    const res = await db.execute<{ id: string }>(sql`
      with recursive a as (
        select parent_id as id, 1 as depth from units where id = ${unitId}
        union all
        select u.parent_id, a.depth + 1 from units u join a on u.id = a.id where a.depth < 50
      ) select id from a where id is not null order by depth`);
    return rowsOf<{ id: string }>(res).map((r) => r.id);
  },
  async insertUnit(db: Db, row: typeof units.$inferInsert) {
    const [u] = await db.insert(units).values(row).returning();
    return u!;
  },
};
