import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { opinionForms, opinionItems } from '../../db/schema/index.js';

type ItemPatch = Partial<
  Pick<
    typeof opinionItems.$inferInsert,
    'categoryNo' | 'targetKind' | 'targetDepartmentId' | 'targetPersonId' | 'status' | 'note'
  >
>;

/** Writes of opinion items (the flushed ones are written by opinions/responses.repo); reads stay in orglife.repo. */
export const opinionItemsRepo = {
  async form(db: Db, unitId: string, id: string) {
    const [f] = await db
      .select()
      .from(opinionForms)
      .where(and(eq(opinionForms.unitId, unitId), eq(opinionForms.id, id)));
    return f ?? null;
  },
  /** Updates an item if its version is still `version`; false when someone changed it meanwhile. */
  async updateVersioned(tx: Db, unitId: string, id: string, version: number, patch: ItemPatch, at: Date) {
    const rows = await tx
      .update(opinionItems)
      .set({ ...patch, version: version + 1, updatedAt: at })
      .where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, id), eq(opinionItems.version, version)))
      .returning({ id: opinionItems.id });
    return rows.length === 1;
  },
  /** Marks `ids` merged into `intoId`, whose repeat count grows by `added`. */
  async merge(tx: Db, unitId: string, intoId: string, ids: string[], added: number, at: Date) {
    await tx
      .update(opinionItems)
      .set({ status: 'merged', mergedIntoId: intoId, version: sql`${opinionItems.version} + 1`, updatedAt: at })
      .where(and(eq(opinionItems.unitId, unitId), inArray(opinionItems.id, ids)));
    await tx
      .update(opinionItems)
      .set({
        repeats: sql`${opinionItems.repeats} + ${added}`,
        version: sql`${opinionItems.version} + 1`,
        updatedAt: at,
      })
      .where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, intoId)));
  },
  /** Undoes one merge: the item is new again and its repeats leave the item it was merged into. */
  async unmerge(tx: Db, unitId: string, id: string, fromId: string, repeats: number, at: Date) {
    await tx
      .update(opinionItems)
      .set({ status: 'new', mergedIntoId: null, version: sql`${opinionItems.version} + 1`, updatedAt: at })
      .where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, id)));
    await tx
      .update(opinionItems)
      .set({
        repeats: sql`greatest(1, ${opinionItems.repeats} - ${repeats})`,
        version: sql`${opinionItems.version} + 1`,
        updatedAt: at,
      })
      .where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, fromId)));
  },
};
