import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';

export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'readAt'>;

export const notificationsRepo = {
  /** Writes notifications; one whose dedupe key exists already is skipped. Returns how many were new. */
  async add(db: Db, rows: NewNotification[]) {
    if (rows.length === 0) return 0;
    const r = await db.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id });
    return r.length;
  },
  async inbox(db: Db, unitId: string, personId: string, f: { unread: boolean; limit: number; offset: number }) {
    const where = and(
      eq(notifications.unitId, unitId),
      eq(notifications.recipientPersonId, personId),
      f.unread ? isNull(notifications.readAt) : undefined,
    );
    const [rows, [count], [unread]] = await Promise.all([
      db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(where),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(
          and(
            eq(notifications.unitId, unitId),
            eq(notifications.recipientPersonId, personId),
            isNull(notifications.readAt),
          ),
        ),
    ]);
    return { rows, total: count?.n ?? 0, unread: unread?.n ?? 0 };
  },
  async exists(db: Db, unitId: string, personId: string, id: string) {
    const [r] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(eq(notifications.unitId, unitId), eq(notifications.recipientPersonId, personId), eq(notifications.id, id)),
      );
    return !!r;
  },
  async markRead(db: Db, unitId: string, personId: string, at: Date, id?: string) {
    const r = await db
      .update(notifications)
      .set({ readAt: at })
      .where(
        and(
          eq(notifications.unitId, unitId),
          eq(notifications.recipientPersonId, personId),
          isNull(notifications.readAt),
          id ? eq(notifications.id, id) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    return r.length;
  },
};
