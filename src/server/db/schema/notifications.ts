import { pgTable, uuid, text, timestamp, index, uniqueIndex, boolean, integer } from 'drizzle-orm/pg-core';

/**
 * The notification outbox, which is also the in-app inbox. A notification is written in the same
 * transaction as the change that causes it (or by the sweep); `dedupe_key` makes every reminder
 * exist once, however often the sweep runs and on however many instances. Delivery to group robots
 * and mail (issue 7) will read from here.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    recipientPersonId: uuid('recipient_person_id').notNull(),
    kind: text('kind').notNull(),
    itemId: uuid('item_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notifications_dedupe_uq').on(t.unitId, t.dedupeKey), index('notifications_inbox_idx').on(t.unitId, t.recipientPersonId, t.createdAt)],
);

/** Leases for singleton jobs: only the holder of an unexpired lease sweeps. Installation-wide. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * 通知渠道: a group robot (WeCom, DingTalk, Feishu) or a generic webhook of a unit, optionally of one
 * department. The secret signs requests and is never sent back to a browser.
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    departmentId: uuid('department_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    secret: text('secret').notNull().default(''),
    active: boolean('active').notNull().default(true),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    lastTestAt: timestamp('last_test_at', { withTimezone: true }),
    lastTestOk: boolean('last_test_ok'),
    lastTestAnswer: text('last_test_answer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_channels_unit_idx').on(t.unitId)],
);
