import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, boolean, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Logins. Usernames are unique across the installation (people log in with a name alone), so
 * this unique index is the one that does not include unit_id: see docs/ARCHITECTURE.md.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    personId: uuid('person_id'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** When the password was last set (ZUOFENG_PASSWORD_MAX_AGE_DAYS counts from here). */
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }).notNull().defaultNow(),
    /** The TOTP secret, sealed with the master key (purpose 'totp', bound to the user); null: no second factor. */
    totpSecret: text('totp_secret'),
    /** A secret shown for enrolment and not yet confirmed with a code (sealed likewise). */
    totpPending: text('totp_pending'),
    /** The last TOTP step accepted: a code of that step or an earlier one is a replay. */
    totpLastStep: integer('totp_last_step'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_unit_idx').on(t.unitId)],
);

/** The unique index that keeps one administrator role per account (its violation is mapped to 三员分立's message). */
export const ADMIN_GRANT_INDEX = 'role_grants_one_admin_role_uq';

/**
 * A role granted to a user, scoped to the unit, a department or a group. Revoked, never deleted.
 * 三员分立 holds in the database too: an account has at most one active administrator grant, so
 * two concurrent grants cannot both pass the service's check (ADMIN_ROLES in domain/roles.ts).
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    scopeType: text('scope_type').notNull().default('unit'),
    scopeId: uuid('scope_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    index('role_grants_user_idx').on(t.unitId, t.userId),
    uniqueIndex(ADMIN_GRANT_INDEX)
      .on(t.unitId, t.userId)
      .where(sql`role in ('system_admin', 'security_admin', 'audit_admin') and revoked_at is null`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The id the owner sees and revokes by (the primary key is the token's hash and stays private). */
    handle: uuid('handle').notNull().defaultRandom(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Updated at most every few minutes (see plugins/auth.ts), not on every request. */
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
    /** "Chrome · Windows", parsed from the User-Agent at login. No client address is stored. */
    device: text('device').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.unitId, t.userId)],
);

/**
 * Login throttling per account name, known or not: the key is a keyed hash (master key, purpose
 * 'login-throttle') of the normalised name, so the table says nothing about which names exist and
 * carries no unit (the one installation-wide table besides units, like users.username). Failures
 * and the lock move together in one upsert statement (auth/throttle.repo.ts).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  /** Attempts counted since the last lock, success or quiet day. */
  failures: integer('failures').notNull().default(0),
  /** Locks so far: each lasts twice as long as the one before (up to a day). */
  locks: integer('locks').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Browsers where the owner has signed in before ("known devices"): the cookie holds a random
 * token, this table its SHA-256. With it the owner's correct password still signs in while the
 * account name is locked for strangers; each device has its own small failure budget.
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    description: text('description').notNull().default(''),
    failures: integer('failures').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('known_devices_token_uq').on(t.unitId, t.userId, t.tokenHash)],
);

/**
 * A login linked to its account at 企业微信 / 钉钉 / 飞书: the vendor's user id signs in as this user.
 * One account per vendor user id across the installation (the vendor's app is the installation's),
 * and one vendor account per user and vendor.
 */
export const oauthLinks = pgTable(
  'oauth_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    vendor: text('vendor').notNull(),
    vendorUserId: text('vendor_user_id').notNull(),
    /** 'mobile': linked at a sign-in by the roster's mobile number; 'admin': by an administrator. */
    linkedBy: text('linked_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('oauth_links_vendor_uq').on(t.vendor, t.vendorUserId),
    uniqueIndex('oauth_links_user_uq').on(t.unitId, t.userId, t.vendor),
  ],
);

/**
 * Banners a user has put away (the demo notice; the calendar notice of a given year): kept per
 * user so that they stay away on every device. A calendar key names its year, so the next
 * missing year's notice shows again.
 */
export const bannerDismissals = pgTable(
  'banner_dismissals',
  {
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    banner: text('banner').notNull(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.banner] }), index('banner_dismissals_unit_idx').on(t.unitId)],
);
