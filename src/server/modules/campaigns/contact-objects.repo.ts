/** Queries of maintaining contact objects: the object itself and its effective-dated assignments. */
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, contactObjectAssignments as A, contactObjects, people } from '../../db/schema/index.js';

export type ObjectAssignmentRow = typeof A.$inferSelect;

/** One assignment as the compliance engine reads it (UnitFacts.objects[].assignments). */
export interface ObjectAssignment {
  objectId: string;
  personId: string;
  from: string | null;
  to: string | null;
}

export const contactObjectsRepo = {
  async object(db: Db, unitId: string, id: string) {
    const [o] = await db
      .select()
      .from(contactObjects)
      .where(and(eq(contactObjects.unitId, unitId), eq(contactObjects.id, id)));
    return o ?? null;
  },
  /** Updates the object at the version read; no row back means someone changed it meanwhile. */
  async updateObject(
    db: Db,
    unitId: string,
    id: string,
    version: number,
    patch: Partial<typeof contactObjects.$inferInsert>,
  ) {
    return db
      .update(contactObjects)
      .set({ ...patch, version: sql`${contactObjects.version} + 1` })
      .where(and(eq(contactObjects.unitId, unitId), eq(contactObjects.id, id), eq(contactObjects.version, version)))
      .returning();
  },
  /** The assignment history of the unit's objects (past, current and future terms), by object then start. */
  async assignmentHistory(db: Db, unitId: string, objectIds?: string[]): Promise<ObjectAssignment[]> {
    if (objectIds && objectIds.length === 0) return [];
    return db
      .select({ objectId: A.objectId, personId: A.personId, from: A.fromDate, to: A.toDate })
      .from(A)
      .where(and(eq(A.unitId, unitId), objectIds ? inArray(A.objectId, objectIds) : undefined))
      .orderBy(asc(A.objectId), sql`${A.fromDate} asc nulls first`, asc(A.personId));
  },
  /**
   * When each object was last deactivated (停用), by object id: the deactivation is recorded as the object's
   * 'withdraw' audit event, so no column is needed. Only meaningful for the objects inactive now.
   */
  async deactivations(db: Db, unitId: string): Promise<Map<string, Date>> {
    const rows = await db
      .select({ id: auditEvents.entityId, at: max(auditEvents.at) })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.unitId, unitId),
          eq(auditEvents.entityType, 'contact_object'),
          eq(auditEvents.action, 'withdraw'),
        ),
      )
      .groupBy(auditEvents.entityId);
    return new Map(rows.filter((r) => r.at).map((r) => [r.id, r.at!]));
  },
  /** One object's assignment rows, for a reassignment. */
  async assignmentRows(db: Db, unitId: string, objectId: string) {
    return db
      .select()
      .from(A)
      .where(and(eq(A.unitId, unitId), eq(A.objectId, objectId)));
  },
  /** A page of one object's terms with names, the latest first. */
  async assignmentsPage(db: Db, unitId: string, objectId: string, limit: number, offset: number) {
    const where = and(eq(A.unitId, unitId), eq(A.objectId, objectId));
    const [rows, [total]] = await Promise.all([
      db
        .select({ personId: A.personId, personName: people.name, from: A.fromDate, to: A.toDate })
        .from(A)
        .innerJoin(people, eq(people.id, A.personId))
        .where(where)
        .orderBy(sql`${A.fromDate} desc nulls last`, sql`${A.toDate} desc nulls first`, asc(people.name))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(A).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  async insertAssignments(db: Db, rows: (typeof A.$inferInsert)[]) {
    if (rows.length) await db.insert(A).values(rows);
  },
  async closeAssignment(db: Db, unitId: string, id: string, toDate: string, at: Date) {
    await db
      .update(A)
      .set({ toDate, updatedAt: at })
      .where(and(eq(A.unitId, unitId), eq(A.id, id)));
  },
};
