import { and, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { departmentLeaders, departments, leaveRequests, people, roleGrants, users } from '../../db/schema/index.js';
import { uuidArray } from '../../db/uuid-array.js';

export type LeaveRow = typeof leaveRequests.$inferSelect;
export type LeaveView = LeaveRow & { personName: string; departmentName: string | null };

const L = leaveRequests;
const dept = alias(departments, 'leave_dept');
const view = { l: L, personName: people.name, departmentName: dept.name };
const flat = (r: { l: LeaveRow; personName: string; departmentName: string | null }): LeaveView => ({
  ...r.l,
  personName: r.personName,
  departmentName: r.departmentName,
});

/** Who sees which leaves, as `domain/policies/leave.ts` says: 'all' of the unit, or these facts of the actor. */
export type LeaveScope = 'all' | { personId: string | null; headed: string[] };

function seenBy(scope: LeaveScope): SQL | undefined {
  if (scope === 'all') return undefined;
  const me = scope.personId;
  const mine = me
    ? [eq(L.personId, me), sql`${me}::uuid = any(${L.awaitingIds})`, eq(L.headDecidedBy, me), eq(L.leaderDecidedBy, me)]
    : [];
  const heads = scope.headed.length ? [inArray(L.departmentId, scope.headed)] : [];
  return or(sql`false`, ...mine, ...heads);
}

export interface LeaveFilter {
  personId?: string;
  status?: string;
  /** 'YYYY-MM': leaves with a day in that month. */
  month?: string;
  /** Awaiting this person's decision. */
  awaiting?: string;
}

function filtered(f: LeaveFilter): SQL[] {
  const out: SQL[] = [];
  if (f.personId) out.push(eq(L.personId, f.personId));
  if (f.status) out.push(eq(L.status, f.status));
  if (f.month) out.push(lte(L.fromDate, `${f.month}-31`), gte(L.toDate, `${f.month}-01`));
  if (f.awaiting) out.push(eq(L.status, 'pending'), sql`${f.awaiting}::uuid = any(${L.awaitingIds})`);
  return out;
}

/** Queries of leave requests (请销假); the service decides who may do what. */
export const leaveRepo = {
  async byId(db: Db, unitId: string, id: string): Promise<LeaveView | undefined> {
    const [r] = await db
      .select(view)
      .from(L)
      .innerJoin(people, eq(people.id, L.personId))
      .leftJoin(dept, eq(dept.id, L.departmentId))
      .where(and(eq(L.unitId, unitId), eq(L.id, id)));
    return r && flat(r);
  },
  async page(db: Db, unitId: string, scope: LeaveScope, f: LeaveFilter, limit: number, offset: number) {
    const where = and(eq(L.unitId, unitId), seenBy(scope), ...filtered(f));
    const [rows, [total]] = await Promise.all([
      db
        .select(view)
        .from(L)
        .innerJoin(people, eq(people.id, L.personId))
        .leftJoin(dept, eq(dept.id, L.departmentId))
        .where(where)
        .orderBy(desc(L.fromDate), desc(L.createdAt))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(L).where(where),
    ]);
    return { rows: rows.map(flat), total: total?.n ?? 0 };
  },
  /** The person's leaves that may still hold days in [from, to] (the overlap check decides). */
  async holdingBetween(db: Db, unitId: string, personId: string, from: string, to: string) {
    return db
      .select()
      .from(L)
      .where(
        and(
          eq(L.unitId, unitId),
          eq(L.personId, personId),
          inArray(L.status, ['pending', 'approved', 'returned']),
          lte(L.fromDate, to),
          gte(L.toDate, from),
        ),
      );
  },
  /** Serialises one person's requests, so two overlapping ones cannot both pass the check. */
  async lockPerson(db: Db, unitId: string, personId: string) {
    await db.execute(
      sql`select id from ${people} where ${people.unitId} = ${unitId} and ${people.id} = ${personId} for update`,
    );
  },
  async person(db: Db, unitId: string, personId: string) {
    const [p] = await db
      .select({ id: people.id, name: people.name, departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.id, personId)));
    return p;
  },
  /** People holding an active role grant (scoped to the department when given), with an active account. */
  async holdersOf(db: Db, unitId: string, role: string, departmentId?: string | null): Promise<string[]> {
    const rows = await db
      .selectDistinct({ personId: users.personId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          eq(roleGrants.unitId, unitId),
          eq(roleGrants.role, role),
          isNull(roleGrants.revokedAt),
          eq(users.active, true),
          departmentId === undefined ? undefined : eq(roleGrants.scopeId, departmentId ?? sql`null`),
        ),
      );
    return rows.flatMap((r) => (r.personId ? [r.personId] : []));
  },
  /** The department's 分管领导 on a date, if any. */
  async leaderOn(db: Db, unitId: string, departmentId: string | null, date: string): Promise<string | null> {
    if (!departmentId) return null;
    const [r] = await db
      .select({ personId: departmentLeaders.personId })
      .from(departmentLeaders)
      .where(
        and(
          eq(departmentLeaders.unitId, unitId),
          eq(departmentLeaders.departmentId, departmentId),
          or(isNull(departmentLeaders.fromDate), lte(departmentLeaders.fromDate, date)),
          or(isNull(departmentLeaders.toDate), gte(departmentLeaders.toDate, date)),
        ),
      );
    return r?.personId ?? null;
  },
  async names(db: Db, unitId: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), sql`${people.id} = any(${uuidArray([...new Set(ids)])})`));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async insert(tx: Db, row: typeof L.$inferInsert) {
    const [r] = await tx.insert(L).values(row).returning({ id: L.id });
    return r!.id;
  },
  /** Applies a change made from `version`; false when someone changed the leave meanwhile. */
  async update(tx: Db, unitId: string, id: string, version: number, patch: Partial<typeof L.$inferInsert>) {
    const r = await tx
      .update(L)
      .set({ ...patch, version: sql`${L.version} + 1` })
      .where(and(eq(L.unitId, unitId), eq(L.id, id), eq(L.version, version)))
      .returning({ id: L.id });
    return r.length === 1;
  },
  /** Is the person on approved leave on `day` (its start through the day before 销假, or its last day)? */
  async awayOn(db: Db, unitId: string, personId: string, day: string): Promise<boolean> {
    const [r] = await db
      .select({ id: L.id })
      .from(L)
      .where(
        and(
          eq(L.unitId, unitId),
          eq(L.personId, personId),
          inArray(L.status, ['approved', 'returned']),
          lte(L.fromDate, day),
          gte(L.toDate, day),
          or(isNull(L.returnedOn), sql`${L.returnedOn} > ${day}`),
        ),
      )
      .limit(1);
    return !!r;
  },
};
