import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments, people } from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type PersonRow = typeof people.$inferSelect;

export interface PeopleFilter {
  q?: string;
  departmentId?: string;
  status?: string;
  isPartyMember?: boolean;
  role?: 'leadership';
}

/** Whose mobile numbers `q` may match (domain/policies/person.ts#phoneSearchScope, and one's own person). */
export interface PhoneSearch {
  scope: 'all' | string[];
  personId: string | null;
}

function phoneMatches(like: string, p: PhoneSearch): SQL | undefined {
  if (p.scope === 'all') return ilike(people.phone, like);
  const whose = or(
    p.scope.length > 0 ? inArray(people.departmentId, p.scope) : undefined,
    p.personId ? eq(people.id, p.personId) : undefined,
  );
  return whose ? and(ilike(people.phone, like), whose) : undefined;
}

function whereOf(unitId: string, f: PeopleFilter, phone: PhoneSearch): SQL | undefined {
  const like = f.q ? containsPattern(f.q) : undefined;
  return and(
    eq(people.unitId, unitId),
    f.departmentId ? eq(people.departmentId, f.departmentId) : undefined,
    f.status ? eq(people.status, f.status) : undefined,
    f.isPartyMember !== undefined ? eq(people.isPartyMember, f.isPartyMember) : undefined,
    f.role === 'leadership' ? eq(people.isLeadership, true) : undefined,
    like ? or(ilike(people.name, like), phoneMatches(like, phone), ilike(people.position, like)) : undefined,
  );
}

const withDepartment = {
  person: people,
  departmentName: departments.name,
};

export const peopleRepo = {
  async page(db: Db, unitId: string, f: PeopleFilter, phone: PhoneSearch, limit: number, offset: number) {
    const where = whereOf(unitId, f, phone);
    const [rows, [count]] = await Promise.all([
      db
        .select(withDepartment)
        .from(people)
        .leftJoin(departments, eq(departments.id, people.departmentId))
        .where(where)
        .orderBy(sql`coalesce(${departments.sortOrder}, 0)`, asc(people.sortOrder), asc(people.name), asc(people.id))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(people)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  /** Every person of the unit in roster order (for export and the org chart). */
  async all(db: Db, unitId: string) {
    return db
      .select(withDepartment)
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(eq(people.unitId, unitId))
      .orderBy(sql`coalesce(${departments.sortOrder}, 0)`, asc(people.sortOrder), asc(people.name), asc(people.id));
  },
  async byId(db: Db, unitId: string, id: string) {
    const [row] = await db
      .select(withDepartment)
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(and(eq(people.unitId, unitId), eq(people.id, id)));
    return row;
  },
  async byNames(db: Db, unitId: string, names: string[]) {
    if (names.length === 0) return [];
    return db
      .select()
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.name, names)));
  },
  async insert(db: Db, row: typeof people.$inferInsert) {
    const [p] = await db.insert(people).values(row).returning();
    return p!;
  },
  async update(db: Db, unitId: string, id: string, patch: Partial<typeof people.$inferInsert>) {
    await db
      .update(people)
      .set(patch)
      .where(and(eq(people.unitId, unitId), eq(people.id, id)));
  },
  async stats(db: Db, unitId: string) {
    const [s] = await db
      .select({
        inService: sql<number>`count(*) filter (where ${people.status} = 'in_service')::int`,
        partyMembers: sql<number>`count(*) filter (where ${people.status} = 'in_service' and ${people.isPartyMember})::int`,
        leadership: sql<number>`count(*) filter (where ${people.status} = 'in_service' and ${people.isLeadership})::int`,
        left: sql<number>`count(*) filter (where ${people.status} = 'left')::int`,
      })
      .from(people)
      .where(eq(people.unitId, unitId));
    return s!;
  },
};
