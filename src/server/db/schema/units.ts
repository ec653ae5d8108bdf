import { pgTable, uuid, text, timestamp, boolean, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** A unit (单位) is the tenant. Units form a tree: an upper unit oversees the ones below it. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    /** domain/unit-tree UNIT_KINDS. */
    kind: text('kind').notNull().default('other'),
    /** Deactivated, never deleted: its accounts cannot sign in, its records stay readable above. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    deactivatedReason: text('deactivated_reason'),
    /** Head of the unit's audit chain: taking this row FOR UPDATE serialises appends. */
    auditSeq: integer('audit_seq').notNull().default(0),
    auditHead: text('audit_head').notNull().default('0000000000000000000000000000000000000000000000000000000000000000'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_code_uq').on(t.code), index('units_parent_idx').on(t.parentId)],
);

/**
 * An invitation to a new unit's first administrator (one of 三员): a one-time link, valid 72 hours
 * (domain/unit-tree), that sets the account's password. The table keeps the token's SHA-256 only; the link is
 * shown once, to the upper unit's administrator who made it. `unit_id` is the invited unit.
 */
export const unitInvites = pgTable(
  'unit_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    invitedByUnitId: uuid('invited_by_unit_id').notNull(),
    role: text('role').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    userId: uuid('user_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('unit_invites_token_uq').on(t.tokenHash), index('unit_invites_unit_idx').on(t.unitId)],
);

/**
 * Installation-wide facts (not a tenant's): e.g. the check value of the master key file, so that an
 * instance started with a different key file refuses to run instead of writing unreadable secrets.
 */
export const installationSettings = pgTable('installation_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
