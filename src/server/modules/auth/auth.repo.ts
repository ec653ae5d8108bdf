import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants, sessions, units, users } from '../../db/schema/index.js';
import { SM3_HASH_PREFIX } from './passwords.js';

export const authRepo = {
  /** The account of a name; an account of a deactivated unit answers as inactive (it cannot sign in). */
  async userByUsername(db: Db, username: string) {
    const [r] = await db
      .select({ user: users, unitDeactivatedAt: units.deactivatedAt })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.username, username));
    return r && { ...r.user, active: r.user.active && r.unitDeactivatedAt === null };
  },
  /** The units named by the unit's oversight grants scoped to a subtree. */
  async subtreeScopeNames(db: Db, unitId: string) {
    return db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(
        inArray(
          units.id,
          db
            .select({ id: sql<string>`${roleGrants.scopeId}` })
            .from(roleGrants)
            .where(and(eq(roleGrants.unitId, unitId), eq(roleGrants.scopeType, 'subtree'))),
        ),
      );
  },
  async userById(db: Db, id: string) {
    const [u] = await db.select().from(users).where(eq(users.id, id));
    return u;
  },
  async setPassword(db: Db, userId: string, passwordHash: string, mustChangePassword: boolean, at: Date) {
    await db
      .update(users)
      .set({ passwordHash, mustChangePassword, passwordSetAt: at, updatedAt: at })
      .where(eq(users.id, userId));
  },
  /** Replaces a hash written in the other crypto mode; the password and its age stay what they were. */
  async rehash(db: Db, userId: string, passwordHash: string) {
    await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
  },
  async updateUser(db: Db, userId: string, patch: Partial<typeof users.$inferInsert>) {
    await db.update(users).set(patch).where(eq(users.id, userId));
  },
  /** Spends a TOTP step: one statement, so the same code cannot sign in twice even at the same moment. */
  async spendTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
    const rows = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return rows.length === 1;
  },
  /** How many active accounts there are, and how many of their hashes are PBKDF2-SM3 (the login's dummy follows the mix). */
  async hashKinds(db: Db): Promise<{ sm3: number; total: number }> {
    const [row] = await db
      .select({
        sm3: sql<number>`count(*) filter (where left(${users.passwordHash}, ${SM3_HASH_PREFIX.length}::int) = ${SM3_HASH_PREFIX})::int`,
        total: sql<number>`count(*)::int`,
      })
      .from(users)
      .where(eq(users.active, true));
    return row ?? { sm3: 0, total: 0 };
  },
  async createSession(db: Db, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  async deleteSession(db: Db, id: string) {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  async deleteOtherSessions(db: Db, userId: string, keepId: string) {
    return db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
      .returning({ handle: sessions.handle });
  },
  async deleteSessionByHandle(db: Db, unitId: string, userId: string, handle: string) {
    return db
      .delete(sessions)
      .where(and(eq(sessions.unitId, unitId), eq(sessions.userId, userId), eq(sessions.handle, handle)))
      .returning({ handle: sessions.handle });
  },
  /** Expired sessions are dropped when their user next logs in. */
  async deleteExpiredSessions(db: Db, userId: string, now: Date) {
    await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  },
  async sessionsOf(db: Db, unitId: string, userId: string, now: Date) {
    return db
      .select({
        handle: sessions.handle,
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastActiveAt: sessions.lastActiveAt,
        device: sessions.device,
      })
      .from(sessions)
      .where(and(eq(sessions.unitId, unitId), eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.lastActiveAt), asc(sessions.createdAt))
      .limit(100);
  },
  /** Marks a session active, at most once per `everyMs` (the condition makes a race between instances harmless). */
  async touchSession(db: Db, id: string, now: Date, everyMs: number) {
    await db
      .update(sessions)
      .set({ lastActiveAt: now })
      .where(and(eq(sessions.id, id), lt(sessions.lastActiveAt, new Date(now.getTime() - everyMs))));
  },
  /** The users' grants not revoked, oldest first. */
  async activeGrants(db: Db, unitId: string, userIds: string[]) {
    if (userIds.length === 0) return [];
    return db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.unitId, unitId), inArray(roleGrants.userId, userIds), isNull(roleGrants.revokedAt)))
      .orderBy(asc(roleGrants.createdAt), asc(roleGrants.role));
  },
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
