import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants, sessions, units, users } from '../../db/schema/index.js';

export const authRepo = {
  async userByUsername(db: Db, username: string) {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    return u;
  },
  async userById(db: Db, id: string) {
    const [u] = await db.select().from(users).where(eq(users.id, id));
    return u;
  },
  async setLoginState(db: Db, userId: string, state: { failedLogins: number; lockedUntil: Date | null }) {
    await db.update(users).set(state).where(eq(users.id, userId));
  },
  async setPassword(db: Db, userId: string, passwordHash: string, mustChangePassword: boolean, at: Date) {
    await db.update(users).set({ passwordHash, mustChangePassword, failedLogins: 0, lockedUntil: null, updatedAt: at }).where(eq(users.id, userId));
  },
  async createSession(db: Db, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  async deleteSession(db: Db, id: string) {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  async deleteUserSessions(db: Db, userId: string) {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  async deleteOtherSessions(db: Db, userId: string, keepId: string) {
    await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
  },
  /** Expired sessions are dropped when their user next logs in. */
  async deleteExpiredSessions(db: Db, userId: string, now: Date) {
    await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  },
  /** The session with its user, unit and active grants, in one round trip. */
  /** The session, its user and unit, and the user's active grants, in one round trip (every request runs it). */
  async sessionWithUser(db: Db, id: string) {
    const grants = sql<{ role: string; scopeType: string; scopeId: string | null }[]>`coalesce((
      select json_agg(json_build_object('role', g.role, 'scopeType', g.scope_type, 'scopeId', g.scope_id))
      from ${roleGrants} g where g.unit_id = ${users.unitId} and g.user_id = ${users.id} and g.revoked_at is null), '[]'::json)`;
    const rows = await db
      .select({ session: sessions, user: users, unit: units, grants })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(sessions.id, id));
    return rows[0];
  },
};
