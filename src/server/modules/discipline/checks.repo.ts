import { and, asc, desc, eq, gte, inArray, isNull, like, lt, lte, ne, or, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  checkObservations,
  checkPlans,
  departments,
  disciplineChecks,
  leaveRequests,
  people,
  unavailability,
} from '../../db/schema/index.js';

export type PlanRow = typeof checkPlans.$inferSelect;
export type CheckRow = typeof disciplineChecks.$inferSelect;

/** Queries of the on-duty checks; the service decides who may draw, read and record them. */
export const checksRepo = {
  async planOfMonth(db: Db, unitId: string, month: string) {
    const [r] = await db
      .select()
      .from(checkPlans)
      .where(and(eq(checkPlans.unitId, unitId), eq(checkPlans.month, month)));
    return r;
  },
  async plan(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(checkPlans)
      .where(and(eq(checkPlans.unitId, unitId), eq(checkPlans.id, id)));
    return r;
  },
  async plansPage(db: Db, unitId: string, limit: number, offset: number) {
    const where = eq(checkPlans.unitId, unitId);
    const [rows, [count]] = await Promise.all([
      db.select().from(checkPlans).where(where).orderBy(desc(checkPlans.month)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(checkPlans)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  async checksOf(db: Db, unitId: string, planIds: string[]) {
    if (!planIds.length) return [];
    return db
      .select()
      .from(disciplineChecks)
      .where(and(eq(disciplineChecks.unitId, unitId), inArray(disciplineChecks.planId, planIds)))
      .orderBy(asc(disciplineChecks.ordinal));
  },
  async check(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select({ c: disciplineChecks, month: checkPlans.month })
      .from(disciplineChecks)
      .innerJoin(checkPlans, eq(checkPlans.id, disciplineChecks.planId))
      .where(and(eq(disciplineChecks.unitId, unitId), eq(disciplineChecks.id, id)));
    return r;
  },
  /**
   * The year's checks before `month`, in the order drawn. A withdrawn check was never carried out: it
   * leaves the history, or withdrawing would shield its departments from the next draws.
   */
  async historyBefore(db: Db, unitId: string, month: string): Promise<string[][]> {
    const rows = await db
      .select({ d: disciplineChecks.departmentIds })
      .from(disciplineChecks)
      .innerJoin(checkPlans, eq(checkPlans.id, disciplineChecks.planId))
      .where(
        and(
          eq(checkPlans.unitId, unitId),
          like(checkPlans.month, `${month.slice(0, 4)}-%`),
          lt(checkPlans.month, month),
          ne(disciplineChecks.status, 'withdrawn'),
        ),
      )
      .orderBy(asc(checkPlans.month), asc(disciplineChecks.ordinal));
    return rows.map((r) => r.d);
  },
  async activeDepartments(db: Db, unitId: string) {
    return db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.unitId, unitId), eq(departments.active, true)));
  },
  async departmentNames(db: Db, unitId: string) {
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.unitId, unitId));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async insertPlan(tx: Db, row: typeof checkPlans.$inferInsert) {
    const [r] = await tx.insert(checkPlans).values(row).onConflictDoNothing().returning();
    return r;
  },
  async insertChecks(tx: Db, rows: (typeof disciplineChecks.$inferInsert)[]) {
    if (rows.length) await tx.insert(disciplineChecks).values(rows);
  },
  /** The people in service of the departments, in the roster's order. */
  async peopleOf(db: Db, unitId: string, departmentIds: string[]) {
    if (!departmentIds.length) return [];
    return db
      .select({ id: people.id, name: people.name, departmentId: people.departmentId })
      .from(people)
      .where(
        and(eq(people.unitId, unitId), inArray(people.departmentId, departmentIds), eq(people.status, 'in_service')),
      )
      .orderBy(asc(people.sortOrder), asc(people.name));
  },
  async peopleByIds(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select({ id: people.id, departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, ids)));
  },
  /** Who of `personIds` is on approved leave on `day` (a returned leave ends the day before `returnedOn`). */
  async onLeave(db: Db, unitId: string, personIds: string[], day: string): Promise<Set<string>> {
    if (!personIds.length) return new Set();
    const rows = await db
      .select({ p: leaveRequests.personId })
      .from(leaveRequests)
      .where(
        and(
          eq(leaveRequests.unitId, unitId),
          inArray(leaveRequests.personId, personIds),
          inArray(leaveRequests.status, ['approved', 'returned']),
          lte(leaveRequests.fromDate, day),
          gte(leaveRequests.toDate, day),
          or(isNull(leaveRequests.returnedOn), gt(leaveRequests.returnedOn, day)),
        ),
      );
    return new Set(rows.map((r) => r.p));
  },
  /** Who of `personIds` has an active absence (公出, training…) covering `day`. */
  async away(db: Db, unitId: string, personIds: string[], day: string): Promise<Set<string>> {
    if (!personIds.length) return new Set();
    const rows = await db
      .select({ p: unavailability.personId })
      .from(unavailability)
      .where(
        and(
          eq(unavailability.unitId, unitId),
          inArray(unavailability.personId, personIds),
          eq(unavailability.active, true),
          lte(unavailability.fromDate, day),
          gte(unavailability.toDate, day),
        ),
      );
    return new Set(rows.map((r) => r.p));
  },
  async observations(db: Db, unitId: string, checkId: string) {
    return db
      .select()
      .from(checkObservations)
      .where(and(eq(checkObservations.unitId, unitId), eq(checkObservations.checkId, checkId)));
  },
  async insertObservations(tx: Db, rows: (typeof checkObservations.$inferInsert)[]) {
    if (rows.length) await tx.insert(checkObservations).values(rows);
  },
  /** Updates a check if it is still at `version` and planned; false when someone else changed it first. */
  async updatePlanned(tx: Db, unitId: string, id: string, version: number | null, patch: Partial<CheckRow>) {
    const r = await tx
      .update(disciplineChecks)
      .set({ ...patch, version: sql`${disciplineChecks.version} + 1` })
      .where(
        and(
          eq(disciplineChecks.unitId, unitId),
          eq(disciplineChecks.id, id),
          eq(disciplineChecks.status, 'planned'),
          version === null ? undefined : eq(disciplineChecks.version, version),
        ),
      )
      .returning({ id: disciplineChecks.id });
    return r.length === 1;
  },
};
