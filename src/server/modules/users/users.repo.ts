import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ADMIN_GRANT_INDEX, people, roleGrants, sessions, users } from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';
import { violatedUniqueIndex } from '../../db/errors.js';
import { badRequest } from '../../errors.js';
import { isAdminRole, separationMessage } from '../../../domain/roles.js';

export const usersRepo = {
  async page(db: Db, unitId: string, q: string | undefined, limit: number, offset: number) {
    const like = q ? containsPattern(q) : undefined;
    const where = and(
      eq(users.unitId, unitId),
      like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db
        .select({ user: users, personName: people.name })
        .from(users)
        .leftJoin(people, eq(people.id, users.personId))
        .where(where)
        .orderBy(asc(users.createdAt), asc(users.username))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  async byId(db: Db, unitId: string, id: string) {
    const [u] = await db
      .select()
      .from(users)
      .where(and(eq(users.unitId, unitId), eq(users.id, id)));
    return u;
  },
  async byUsername(db: Db, unitId: string, username: string) {
    const [u] = await db
      .select()
      .from(users)
      .where(and(eq(users.unitId, unitId), eq(users.username, username)));
    return u;
  },
  async usernameTaken(db: Db, username: string) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return !!u;
  },
  /** Does an active account of the unit hold `role` (unit-wide)? */
  async unitHasActiveRole(db: Db, unitId: string, role: string) {
    const [g] = await db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          eq(roleGrants.unitId, unitId),
          eq(roleGrants.role, role),
          isNull(roleGrants.revokedAt),
          eq(users.active, true),
        ),
      )
      .limit(1);
    return !!g;
  },
  async insert(db: Db, row: typeof users.$inferInsert) {
    const [u] = await db.insert(users).values(row).returning();
    return u!;
  },
  async update(db: Db, unitId: string, id: string, patch: Partial<typeof users.$inferInsert>) {
    await db
      .update(users)
      .set(patch)
      .where(and(eq(users.unitId, unitId), eq(users.id, id)));
  },
  async endSessions(db: Db, userId: string) {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  /** Signs out every account of a unit (a deactivated unit). */
  async endSessionsOfUnit(db: Db, unitId: string) {
    await db.delete(sessions).where(eq(sessions.unitId, unitId));
  },
  /** Refuses a second administrator role by the database's unique index too (a grant that raced past the check). */
  async insertGrant(db: Db, row: typeof roleGrants.$inferInsert) {
    try {
      const [g] = await db.insert(roleGrants).values(row).returning();
      return g!;
    } catch (e) {
      if (isAdminRole(row.role) && violatedUniqueIndex(e) === ADMIN_GRANT_INDEX)
        throw badRequest(separationMessage(row.role));
      throw e;
    }
  },
  async grant(db: Db, unitId: string, id: string) {
    const [g] = await db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.unitId, unitId), eq(roleGrants.id, id)));
    return g;
  },
  async revokeGrant(db: Db, unitId: string, id: string, at: Date, reason: string) {
    await db
      .update(roleGrants)
      .set({ revokedAt: at, revokeReason: reason })
      .where(and(eq(roleGrants.unitId, unitId), eq(roleGrants.id, id)));
  },
};
