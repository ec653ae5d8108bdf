import { and, asc, eq, ne, notLike, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments, notificationChannels } from '../../db/schema/index.js';

export type ChannelRow = typeof notificationChannels.$inferSelect;
type ChannelPatch = Partial<typeof notificationChannels.$inferInsert>;
const c = notificationChannels;

/** Queries of the group robots (通知渠道); addresses and secrets come and go sealed (channel-secrets.ts). */
export const channelsRepo = {
  async departmentNames(db: Db, unitId: string) {
    return db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.unitId, unitId));
  },
  async list(db: Db, unitId: string) {
    return db.select().from(c).where(eq(c.unitId, unitId)).orderBy(asc(c.createdAt));
  },
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(c)
      .where(and(eq(c.unitId, unitId), eq(c.id, id)));
    return r;
  },
  async insert(tx: Db, row: typeof notificationChannels.$inferInsert) {
    const [r] = await tx.insert(c).values(row).returning();
    return r;
  },
  /** Updates the channel if its version is still `version`: the updated row, or undefined when someone changed it meanwhile. */
  async updateVersioned(tx: Db, unitId: string, id: string, version: number, patch: ChannelPatch) {
    const rows = await tx
      .update(c)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(c.unitId, unitId), eq(c.id, id), eq(c.version, version)))
      .returning();
    return rows.length === 1 ? rows[0] : undefined;
  },
  /** Puts the channel in or out of use. By id alone: the service has already found it in the unit. */
  async setActive(
    tx: Db,
    id: string,
    patch: Pick<ChannelPatch, 'active' | 'withdrawnReason' | 'version' | 'updatedAt'>,
  ) {
    const [r] = await tx.update(c).set(patch).where(eq(c.id, id)).returning();
    return r;
  },
  /** The answer to the last test message. By id alone: the service has already found the channel in the unit. */
  async recordTest(tx: Db, id: string, result: Pick<ChannelPatch, 'lastTestAt' | 'lastTestOk' | 'lastTestAnswer'>) {
    await tx.update(c).set(result).where(eq(c.id, id));
  },

  /** Channels of every unit whose address, or non-empty secret, is not sealed yet. */
  async unsealed(db: Db) {
    return db
      .select({ id: c.id, address: c.address, secret: c.secret })
      .from(c)
      .where(or(notLike(c.address, 'zf1.%'), and(ne(c.secret, ''), notLike(c.secret, 'zf1.%'))));
  },
  /** Writes the sealed values if the row still holds what was read; false when another instance got there first. */
  async replaceValues(
    db: Db,
    id: string,
    was: { address: string; secret: string },
    next: { address: string; secret: string },
  ) {
    const done = await db
      .update(c)
      .set(next)
      .where(and(eq(c.id, id), eq(c.address, was.address), eq(c.secret, was.secret)))
      .returning({ id: c.id });
    return done.length;
  },
};
