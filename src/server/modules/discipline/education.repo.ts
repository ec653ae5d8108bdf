import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  activities,
  departments,
  integrityEducationPlans,
  integrityEducationSessions,
  people,
} from '../../db/schema/index.js';

export type EducationSessionRow = typeof integrityEducationSessions.$inferSelect;

/** What canReadActivity asks of an activity besides its people (domain/policies/activity.ts). */
export const readFacts = {
  unitId: activities.unitId,
  confidential: activities.confidential,
  active: activities.active,
  createdBy: activities.createdBy,
};

/** Queries of the integrity education plan, and the activities it reads (held sessions, attendance, visits). */
export const educationRepo = {
  async planOfYear(db: Db, unitId: string, year: number) {
    const [p] = await db
      .select()
      .from(integrityEducationPlans)
      .where(and(eq(integrityEducationPlans.unitId, unitId), eq(integrityEducationPlans.year, year)));
    return p ?? null;
  },
  async plan(db: Db, unitId: string, id: string) {
    const [p] = await db
      .select()
      .from(integrityEducationPlans)
      .where(and(eq(integrityEducationPlans.unitId, unitId), eq(integrityEducationPlans.id, id)));
    return p ?? null;
  },
  async insertPlan(tx: Db, row: typeof integrityEducationPlans.$inferInsert) {
    const [p] = await tx.insert(integrityEducationPlans).values(row).onConflictDoNothing().returning();
    return p ?? null;
  },
  async sessions(db: Db, unitId: string, planId: string) {
    return db
      .select({ s: integrityEducationSessions, departmentName: departments.name })
      .from(integrityEducationSessions)
      .leftJoin(
        departments,
        and(
          eq(departments.id, integrityEducationSessions.departmentId),
          eq(departments.unitId, integrityEducationSessions.unitId),
        ),
      )
      .where(
        and(
          eq(integrityEducationSessions.unitId, unitId),
          eq(integrityEducationSessions.planId, planId),
          eq(integrityEducationSessions.active, true),
        ),
      )
      .orderBy(asc(integrityEducationSessions.month), asc(integrityEducationSessions.createdAt));
  },
  async countSessions(db: Db, unitId: string, planId: string) {
    const [r] = await db
      .select({ n: count() })
      .from(integrityEducationSessions)
      .where(and(eq(integrityEducationSessions.unitId, unitId), eq(integrityEducationSessions.planId, planId)));
    return r?.n ?? 0;
  },
  async session(db: Db, unitId: string, id: string) {
    const [s] = await db
      .select()
      .from(integrityEducationSessions)
      .where(and(eq(integrityEducationSessions.unitId, unitId), eq(integrityEducationSessions.id, id)));
    return s ?? null;
  },
  async insertSession(tx: Db, row: typeof integrityEducationSessions.$inferInsert) {
    const [s] = await tx.insert(integrityEducationSessions).values(row).returning();
    return s!;
  },
  /** Changes a session when its version is still `version`; false when it changed meanwhile. */
  async updateSession(
    tx: Db,
    unitId: string,
    id: string,
    version: number | null,
    set: Partial<Pick<EducationSessionRow, 'activityIds' | 'active' | 'withdrawnReason' | 'updatedAt'>>,
  ) {
    const r = await tx
      .update(integrityEducationSessions)
      .set({ ...set, version: sql`${integrityEducationSessions.version} + 1` })
      .where(
        and(
          eq(integrityEducationSessions.unitId, unitId),
          eq(integrityEducationSessions.id, id),
          version === null ? undefined : eq(integrityEducationSessions.version, version),
        ),
      )
      .returning({ id: integrityEducationSessions.id });
    return r.length > 0;
  },
  /** The active activities among `ids` (a withdrawn activity no longer holds a session). */
  async activities(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select({
        id: activities.id,
        kind: activities.kind,
        title: activities.title,
        heldOn: activities.heldOn,
        participantIds: activities.participantIds,
        absentIds: activities.absentIds,
        objectIds: activities.objectIds,
        ...readFacts,
      })
      .from(activities)
      .where(and(eq(activities.unitId, unitId), inArray(activities.id, ids), eq(activities.active, true)));
  },
  /** Activities of a kind in a year that may hold a session, newest first. */
  async candidates(db: Db, unitId: string, kind: string, year: number, limit: number, offset: number) {
    const where = and(
      eq(activities.unitId, unitId),
      eq(activities.kind, kind),
      eq(activities.active, true),
      gte(activities.heldOn, `${year}-01-01`),
      lte(activities.heldOn, `${year}-12-31`),
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({
          id: activities.id,
          title: activities.title,
          heldOn: activities.heldOn,
          participantIds: activities.participantIds,
          absentIds: activities.absentIds,
          objectIds: activities.objectIds,
          ...readFacts,
        })
        .from(activities)
        .where(where)
        .orderBy(desc(activities.heldOn), desc(activities.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(activities).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  async names(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
