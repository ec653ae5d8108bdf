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
    /** Head of the unit's audit chain: taking this row FOR UPDATE serialises appends. */
    auditSeq: integer('audit_seq').notNull().default(0),
    auditHead: text('audit_head').notNull().default('0000000000000000000000000000000000000000000000000000000000000000'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_code_uq').on(t.code), index('units_parent_idx').on(t.parentId)],
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
