import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ADMIN_ROLES } from '../../../domain/roles.js';
import type { Db } from '../../db/client.js';
import { oauthLinks, people, roleGrants, users } from '../../db/schema/index.js';

/** The links between logins and vendor accounts, and the roster lookup by mobile. */
export const oauthRepo = {
  async linkOf(db: Db, vendor: string, vendorUserId: string) {
    const [row] = await db
      .select()
      .from(oauthLinks)
      .where(and(eq(oauthLinks.vendor, vendor), eq(oauthLinks.vendorUserId, vendorUserId)));
    return row;
  },
  async linksOfUser(db: Db, unitId: string, userId: string) {
    return db
      .select()
      .from(oauthLinks)
      .where(and(eq(oauthLinks.unitId, unitId), eq(oauthLinks.userId, userId)))
      .orderBy(asc(oauthLinks.vendor));
  },
  /** Inserts unless the vendor account or the user's link for that vendor exists already (then nothing, returns 0). */
  async insert(db: Db, row: typeof oauthLinks.$inferInsert) {
    const done = await db.insert(oauthLinks).values(row).onConflictDoNothing().returning({ id: oauthLinks.id });
    return done.length;
  },
  /** Whether the user holds one of the three administrator roles now. */
  async holdsAdminRole(db: Db, unitId: string, userId: string) {
    const [row] = await db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.unitId, unitId),
          eq(roleGrants.userId, userId),
          isNull(roleGrants.revokedAt),
          inArray(roleGrants.role, [...ADMIN_ROLES]),
        ),
      )
      .limit(1);
    return !!row;
  },
  async remove(db: Db, unitId: string, userId: string, vendor: string) {
    return db
      .delete(oauthLinks)
      .where(and(eq(oauthLinks.unitId, unitId), eq(oauthLinks.userId, userId), eq(oauthLinks.vendor, vendor)))
      .returning();
  },
  /**
   * Active logins whose roster person has this mobile number (spaces and dashes in the roster
   * ignored), across units: a mobile number is a person's, wherever their unit is. At most 2 are
   * read — the caller only needs to know whether there is exactly one. Administrators are never
   * matched: their accounts do not sign in through a vendor.
   */
  async activeUsersByMobile(db: Db, mobile: string) {
    return db
      .select({ id: users.id, unitId: users.unitId })
      .from(users)
      .innerJoin(people, and(eq(people.id, users.personId), eq(people.unitId, users.unitId)))
      .where(
        and(
          eq(users.active, true),
          eq(sql`regexp_replace(${people.phone}, '[\\s()-]', '', 'g')`, mobile),
          sql`${people.status} <> 'left'`,
          sql`not exists (${db
            .select({ one: sql`1` })
            .from(roleGrants)
            .where(
              and(
                eq(roleGrants.userId, users.id),
                isNull(roleGrants.revokedAt),
                inArray(roleGrants.role, [...ADMIN_ROLES]),
              ),
            )})`,
        ),
      )
      .limit(2);
  },
};
