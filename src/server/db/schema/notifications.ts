import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, index, uniqueIndex, boolean, integer, primaryKey } from 'drizzle-orm/pg-core';
import { DEFAULT_HOURS } from '../../../domain/delivery.js';

/**
 * The notification outbox, which is also the in-app inbox. A notification is written in the same
 * transaction as the change that causes it (or by the sweep); `dedupe_key` makes every reminder
 * exist once, however often the sweep runs and on however many instances. Delivery to group robots
 * and mail read from here (`fanned_out_at`).
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
    /** When the dispatcher made its deliveries (robots, mail); null while it has not. */
    fannedOutAt: timestamp('fanned_out_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.unitId, t.dedupeKey),
    index('notifications_inbox_idx').on(t.unitId, t.recipientPersonId, t.createdAt),
    index('notifications_fanout_idx')
      .on(t.createdAt)
      .where(sql`fanned_out_at is null`),
  ],
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

/**
 * One notification on one outward channel (a group robot or a person's mail): the dispatcher's
 * work queue. `idempotency_key` (notification × channel) makes the fan-out safe to rerun and is
 * what a receiver sees, so a notice sent twice after a crash is recognisable as the same notice.
 * A claimed row is `sending` until `lease_until`; a dead dispatcher's rows are claimed again then.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    notificationId: uuid('notification_id').notNull(),
    /** A robot channel; null for mail. */
    channelId: uuid('channel_id'),
    medium: text('medium').notNull(),
    /** The mail address at fan-out time (mail only). */
    address: text('address').notNull().default(''),
    urgency: text('urgency').notNull().default('normal'),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').notNull().default('pending'),
    /** Held for a digest (quiet hours or the person's preference): goes out with the others held. */
    held: boolean('held').notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseHolder: text('lease_holder'),
    /** The message it went out in (its own, or a digest's). */
    batchKey: text('batch_key'),
    lastCode: text('last_code'),
    lastMessage: text('last_message'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_key_uq').on(t.unitId, t.idempotencyKey),
    index('notification_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_deliveries_log_idx').on(t.unitId, t.createdAt),
    index('notification_deliveries_sent_idx').on(t.channelId, t.sentAt),
  ],
);

/** A person's choices: reminders in the group robot (with an @), by mail, each or as a daily digest. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id').notNull(),
    groupRobot: boolean('group_robot').notNull().default(true),
    mail: boolean('mail').notNull().default(false),
    email: text('email').notNull().default(''),
    mailDigest: boolean('mail_digest').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.personId] })],
);

/** A unit's delivery rules: quiet hours and working hours, and whether the group robot may be turned off. */
export const notificationSettings = pgTable('notification_settings', {
  unitId: uuid('unit_id').primaryKey(),
  quietHours: boolean('quiet_hours').notNull().default(true),
  // The domain's working hours (08:30–17:30) are the default.
  workStartMin: integer('work_start_min').notNull().default(DEFAULT_HOURS.startMin),
  workEndMin: integer('work_end_min').notNull().default(DEFAULT_HOURS.endMin),
  requireGroupRobot: boolean('require_group_robot').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
