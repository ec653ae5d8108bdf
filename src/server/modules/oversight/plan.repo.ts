import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  inspectionFlagAcks as A,
  inspectionPlans as P,
  inspections as I,
  inspectionUnits as IU,
  units,
  users,
} from '../../db/schema/index.js';

export type InspectionPlanRow = typeof P.$inferSelect;
export type InspectionRow = typeof I.$inferSelect;

/** Queries of the upper level's inspection plan (督查检查计划); the service decides. Every query names the tenant. */
export const inspectionPlanRepo = {
  planByYear: async (db: Db, unitId: string, year: number) =>
    (
      await db
        .select()
        .from(P)
        .where(and(eq(P.unitId, unitId), eq(P.year, year)))
    )[0],
  plan: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(P)
        .where(and(eq(P.unitId, unitId), eq(P.id, id)))
    )[0],
  /** The plan's row, locked for the transaction: writes to one plan (merge, approve, add) run one at a time. */
  lockPlan: async (tx: Db, unitId: string, id: string) =>
    (
      await tx
        .select()
        .from(P)
        .where(and(eq(P.unitId, unitId), eq(P.id, id)))
        .for('update')
    )[0],
  async insertPlan(db: Db, row: typeof P.$inferInsert) {
    const [p] = await db.insert(P).values(row).onConflictDoNothing().returning();
    return p;
  },
  /** Updates at `version` (bumped); no row when another write came first. */
  updatePlan: (db: Db, unitId: string, id: string, version: number, set: Partial<typeof P.$inferInsert>) =>
    db
      .update(P)
      .set({ ...set, version: sql`${P.version} + 1` })
      .where(and(eq(P.unitId, unitId), eq(P.id, id), eq(P.version, version)))
      .returning({ id: P.id }),
  inspection: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(I)
        .where(and(eq(I.unitId, unitId), eq(I.id, id)))
    )[0],
  inspectionsByIds: (db: Db, unitId: string, planId: string, ids: string[]) =>
    db
      .select()
      .from(I)
      .where(and(eq(I.unitId, unitId), eq(I.planId, planId), inArray(I.id, ids))),
  async inspectionsPage(
    db: Db,
    unitId: string,
    planId: string,
    status: string | undefined,
    limit: number,
    offset: number,
  ) {
    const where = and(eq(I.unitId, unitId), eq(I.planId, planId), status ? eq(I.status, status) : undefined);
    const [rows, [c]] = await Promise.all([
      db
        .select()
        .from(I)
        .where(where)
        .orderBy(asc(I.startsOn), asc(I.createdAt), asc(I.id))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(I)
        .where(where),
    ]);
    return { rows, total: c?.n ?? 0 };
  },
  /** The inspections that still take place (planned or done): those 扎堆 is computed on. A year's plan is short; bounded anyway. */
  live: (db: Db, unitId: string, planId: string) =>
    db
      .select()
      .from(I)
      .where(and(eq(I.unitId, unitId), eq(I.planId, planId), inArray(I.status, ['planned', 'done'])))
      .orderBy(asc(I.startsOn), asc(I.id))
      .limit(5000),
  async insertInspection(db: Db, row: typeof I.$inferInsert) {
    const [r] = await db.insert(I).values(row).returning();
    return r!;
  },
  updateInspection: (db: Db, unitId: string, id: string, version: number, set: Partial<typeof I.$inferInsert>) =>
    db
      .update(I)
      .set({ ...set, version: sql`${I.version} + 1` })
      .where(and(eq(I.unitId, unitId), eq(I.id, id), eq(I.version, version)))
      .returning({ id: I.id }),
  /** The inspected units of each inspection, with their names, in name order. */
  async unitsOf(db: Db, unitId: string, inspectionIds: string[]) {
    const out = new Map<string, { id: string; name: string }[]>();
    if (!inspectionIds.length) return out;
    const rows = await db
      .select({ inspectionId: IU.inspectionId, id: units.id, name: units.name })
      .from(IU)
      .innerJoin(units, eq(units.id, IU.inspectedUnitId))
      .where(and(eq(IU.unitId, unitId), inArray(IU.inspectionId, inspectionIds)))
      .orderBy(asc(units.name));
    for (const r of rows) out.set(r.inspectionId, [...(out.get(r.inspectionId) ?? []), { id: r.id, name: r.name }]);
    return out;
  },
  async setUnits(tx: Db, unitId: string, inspectionId: string, unitIds: string[]) {
    await tx.delete(IU).where(and(eq(IU.unitId, unitId), eq(IU.inspectionId, inspectionId)));
    if (unitIds.length)
      await tx.insert(IU).values(unitIds.map((inspectedUnitId) => ({ unitId, inspectionId, inspectedUnitId })));
  },
  /** The units named, with their state (the inspected units are checked against it). */
  unitsByIds: (db: Db, ids: string[]) =>
    ids.length
      ? db
          .select({ id: units.id, name: units.name, deactivatedAt: units.deactivatedAt })
          .from(units)
          .where(inArray(units.id, ids))
      : Promise.resolve([]),
  acks: (db: Db, unitId: string, planId: string) =>
    db
      .select()
      .from(A)
      .where(and(eq(A.unitId, unitId), eq(A.planId, planId))),
  async insertAcks(tx: Db, rows: (typeof A.$inferInsert)[]) {
    if (rows.length) await tx.insert(A).values(rows).onConflictDoNothing();
  },
  userName: async (db: Db, id: string | null) =>
    id ? (await db.select({ name: users.displayName }).from(users).where(eq(users.id, id)))[0]?.name : undefined,
};
