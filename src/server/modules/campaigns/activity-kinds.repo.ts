/** Queries of a unit's own activity kinds (the templates' and generic kinds are data in the domain). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activityKinds } from '../../db/schema/index.js';

export type ActivityKindRow = typeof activityKinds.$inferSelect;

export const activityKindsRepo = {
  async list(db: Db, unitId: string) {
    return db
      .select()
      .from(activityKinds)
      .where(eq(activityKinds.unitId, unitId))
      .orderBy(asc(activityKinds.createdAt));
  },
  async insert(db: Db, row: typeof activityKinds.$inferInsert) {
    const [r] = await db.insert(activityKinds).values(row).returning();
    return r!;
  },
  async withdraw(db: Db, unitId: string, code: string, reason: string) {
    await db
      .update(activityKinds)
      .set({ active: false, withdrawnReason: reason })
      .where(and(eq(activityKinds.unitId, unitId), eq(activityKinds.code, code)));
  },
};
