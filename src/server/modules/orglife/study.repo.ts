import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { studySessions, studyStatements } from '../../db/schema/index.js';

/** Queries of a meeting's study sessions: sign-ins, statements and materials. */
export const studyRepo = {
  async studySessions(db: Db, unitId: string, meetingId: string) {
    return db
      .select()
      .from(studySessions)
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.meetingId, meetingId)))
      .orderBy(asc(studySessions.heldOn), asc(studySessions.createdAt));
  },
  async studySession(db: Db, unitId: string, id: string) {
    const [s] = await db
      .select()
      .from(studySessions)
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.id, id)));
    return s ?? null;
  },
  async statements(db: Db, unitId: string, sessionIds: string[]) {
    if (sessionIds.length === 0) return [];
    return db
      .select()
      .from(studyStatements)
      .where(and(eq(studyStatements.unitId, unitId), inArray(studyStatements.sessionId, sessionIds)));
  },
  async insertStudySession(tx: Db, row: typeof studySessions.$inferInsert) {
    const [s] = await tx.insert(studySessions).values(row).returning();
    return s;
  },
  /** Adds people to the session's sign-ins in one statement, so two people signing in at once both count. */
  async addSignIns(tx: Db, unitId: string, id: string, personIds: string[], at: Date) {
    await tx
      .update(studySessions)
      .set({
        signedIn: sql`(select coalesce(jsonb_agg(distinct v), '[]'::jsonb) from jsonb_array_elements(${studySessions.signedIn} || ${JSON.stringify(personIds)}::jsonb) v)`,
        updatedAt: at,
      })
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.id, id)));
  },
  /** The member's statement for the session, written or rewritten. */
  async saveStatement(
    tx: Db,
    row: { unitId: string; sessionId: string; personId: string; text: string; updatedAt: Date },
  ) {
    const [s] = await tx
      .insert(studyStatements)
      .values(row)
      .onConflictDoUpdate({
        target: [studyStatements.sessionId, studyStatements.personId],
        set: { text: row.text, updatedAt: row.updatedAt },
      })
      .returning();
    return s;
  },
  /** By id alone, as the service has already found the session in the unit. */
  async withdrawStudySession(tx: Db, id: string, reason: string, at: Date) {
    await tx.update(studySessions).set({ withdrawnReason: reason, updatedAt: at }).where(eq(studySessions.id, id));
  },
  /** Appends a material to the session's list (one statement, so two uploads at once both stay). */
  async addMaterial(tx: Db, unitId: string, id: string, material: unknown, at: Date) {
    await tx
      .update(studySessions)
      .set({
        materials: sql`${studySessions.materials} || ${JSON.stringify([material])}::jsonb`,
        version: sql`${studySessions.version} + 1`,
        updatedAt: at,
      })
      .where(and(eq(studySessions.unitId, unitId), eq(studySessions.id, id)));
  },
};
