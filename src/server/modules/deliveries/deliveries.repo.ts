import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  notificationChannels,
  notificationDeliveries,
  notificationPreferences,
  notifications,
  notificationSettings,
  people,
} from '../../db/schema/index.js';
import { dispatchRepo } from './dispatch.repo.js';

export type { ClaimedRow, FanoutRow, NewDelivery } from './dispatch.repo.js';
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
type SettingsValues = Pick<
  typeof notificationSettings.$inferInsert,
  'quietHours' | 'workStartMin' | 'workEndMin' | 'requireGroupRobot'
>;
type PreferenceValues = Pick<
  typeof notificationPreferences.$inferInsert,
  'groupRobot' | 'mail' | 'email' | 'mailDigest' | 'updatedAt'
>;

export const deliveriesRepo = {
  ...dispatchRepo,

  async log(
    db: Db,
    unitId: string,
    f: { status?: string; medium?: string; channelId?: string; limit: number; offset: number },
  ) {
    const where = and(
      eq(notificationDeliveries.unitId, unitId),
      f.status ? eq(notificationDeliveries.status, f.status) : undefined,
      f.medium ? eq(notificationDeliveries.medium, f.medium) : undefined,
      f.channelId ? eq(notificationDeliveries.channelId, f.channelId) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db
        .select({
          d: notificationDeliveries,
          title: notifications.title,
          kind: notifications.kind,
          recipientPersonId: notifications.recipientPersonId,
        })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .where(where)
        .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(notificationDeliveries)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },

  async counts(db: Db, unitId: string) {
    return db
      .select({ status: notificationDeliveries.status, n: sql<number>`count(*)::int` })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.unitId, unitId))
      .groupBy(notificationDeliveries.status);
  },

  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.unitId, unitId), eq(notificationDeliveries.id, id)));
    return r ?? null;
  },

  /** A failed delivery is queued again now, with a fresh count of attempts. */
  async requeue(db: Db, unitId: string, id: string, at: Date) {
    const r = await db
      .update(notificationDeliveries)
      .set({ status: 'pending', nextAttemptAt: at, attempts: 0 })
      .where(
        and(
          eq(notificationDeliveries.unitId, unitId),
          eq(notificationDeliveries.id, id),
          eq(notificationDeliveries.status, 'failed'),
        ),
      )
      .returning({ id: notificationDeliveries.id });
    return r.length;
  },

  /** The names of some people of the unit (the recipients on a page of the log). */
  async personNames(db: Db, unitId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, ids)));
  },
  async channelNames(db: Db, unitId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select({ id: notificationChannels.id, name: notificationChannels.name })
      .from(notificationChannels)
      .where(and(eq(notificationChannels.unitId, unitId), inArray(notificationChannels.id, ids)));
  },
  /** Whether a delivery's channel is in use. By id alone: the delivery was found in the unit. */
  async channelActive(db: Db, id: string) {
    const [c] = await db
      .select({ active: notificationChannels.active })
      .from(notificationChannels)
      .where(eq(notificationChannels.id, id));
    return c?.active;
  },
  /** The unit's group robots in use, with where they post. */
  async activeChannels(db: Db, unitId: string) {
    return db
      .select({
        id: notificationChannels.id,
        unitId: notificationChannels.unitId,
        departmentId: notificationChannels.departmentId,
        name: notificationChannels.name,
      })
      .from(notificationChannels)
      .where(and(eq(notificationChannels.unitId, unitId), eq(notificationChannels.active, true)));
  },

  async settings(db: Db, unitId: string) {
    const [s] = await db.select().from(notificationSettings).where(eq(notificationSettings.unitId, unitId));
    return s;
  },
  /** Saves the unit's rules if they are still at `version` (0: never saved); false when someone saved them meanwhile. */
  async saveSettings(tx: Db, unitId: string, values: SettingsValues, version: number, at: Date) {
    const r = await tx
      .insert(notificationSettings)
      .values({ unitId, ...values, version: 1, updatedAt: at })
      .onConflictDoUpdate({
        target: notificationSettings.unitId,
        set: { ...values, version: version + 1, updatedAt: at },
        setWhere: eq(notificationSettings.version, version),
      })
      .returning({ v: notificationSettings.version });
    return r.length > 0;
  },
  async preferences(db: Db, unitId: string, personId: string) {
    const [p] = await db
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.unitId, unitId), eq(notificationPreferences.personId, personId)));
    return p;
  },
  async savePreferences(tx: Db, unitId: string, personId: string, values: PreferenceValues) {
    await tx
      .insert(notificationPreferences)
      .values({ unitId, personId, ...values })
      .onConflictDoUpdate({ target: [notificationPreferences.unitId, notificationPreferences.personId], set: values });
  },
  /** Where a person's reminders go: their mobile (for @-mentions) and department (for its robot). */
  async personContact(db: Db, unitId: string, personId: string) {
    const [p] = await db
      .select({ phone: people.phone, departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.id, personId)));
    return p;
  },
};
