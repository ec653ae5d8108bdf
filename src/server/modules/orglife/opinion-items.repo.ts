import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { opinionForms, opinionItems, opinionResponses } from '../../db/schema/index.js';

/** A new opinion item of a flushed batch (its text's hash makes repeats one item). */
export interface NewOpinionItem { hash: string; questionId: string; categoryNo: number | null; text: string; repeats: number }
type Group = { unitId: string; formId: string; audience: string; submittedOn: string };
type ItemPatch = Partial<Pick<typeof opinionItems.$inferInsert, 'categoryNo' | 'targetKind' | 'targetDepartmentId' | 'targetPersonId' | 'status' | 'note'>>;

/** Writes of opinion items and the flushed responses; reads stay in orglife.repo. */
export const opinionItemsRepo = {
  async form(db: Db, unitId: string, id: string) {
    const [f] = await db.select().from(opinionForms).where(and(eq(opinionForms.unitId, unitId), eq(opinionForms.id, id)));
    return f ?? null;
  },
  /** The batch's responses, in the order given (the flusher shuffled it), 500 rows a statement. */
  async insertResponses(tx: Db, g: Group, batch: readonly Record<string, string | number>[]) {
    for (let i = 0; i < batch.length; i += 500) {
      const rows = batch.slice(i, i + 500).map((a) => sql`(${g.unitId}::uuid, ${g.formId}::uuid, ${g.audience}, ${JSON.stringify(a)}::jsonb, ${g.submittedOn})`);
      await tx.execute(sql`insert into ${opinionResponses} (unit_id, form_id, audience, answers, submitted_on) values ${sql.join(rows, sql`, `)}`);
    }
  },
  /** New items, or one more repeat of a text the form already has. */
  async upsertItems(tx: Db, g: Group, items: readonly NewOpinionItem[]) {
    for (let i = 0; i < items.length; i += 500) {
      const values = items.slice(i, i + 500).map((it) => sql`(${g.unitId}::uuid, ${g.formId}::uuid, ${it.questionId}, ${it.categoryNo}::int, ${it.text}, ${it.hash}, ${g.audience}, ${it.questionId === 'leadership' ? 'leadership' : null}::text, ${it.repeats}::int)`);
      await tx.execute(sql`insert into ${opinionItems} (unit_id, form_id, question_id, category_no, text, text_hash, audience, target_kind, repeats) values ${sql.join(values, sql`, `)}
        on conflict (form_id, text_hash) do update set repeats = ${opinionItems}.repeats + excluded.repeats`);
    }
  },
  /** Updates an item if its version is still `version`; false when someone changed it meanwhile. */
  async updateVersioned(tx: Db, unitId: string, id: string, version: number, patch: ItemPatch, at: Date) {
    const rows = await tx.update(opinionItems).set({ ...patch, version: version + 1, updatedAt: at })
      .where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, id), eq(opinionItems.version, version))).returning({ id: opinionItems.id });
    return rows.length === 1;
  },
  /** Marks `ids` merged into `intoId`, whose repeat count grows by `added`. */
  async merge(tx: Db, unitId: string, intoId: string, ids: string[], added: number, at: Date) {
    await tx.update(opinionItems).set({ status: 'merged', mergedIntoId: intoId, version: sql`${opinionItems.version} + 1`, updatedAt: at }).where(and(eq(opinionItems.unitId, unitId), inArray(opinionItems.id, ids)));
    await tx.update(opinionItems).set({ repeats: sql`${opinionItems.repeats} + ${added}`, version: sql`${opinionItems.version} + 1`, updatedAt: at }).where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, intoId)));
  },
  /** Undoes one merge: the item is new again and its repeats leave the item it was merged into. */
  async unmerge(tx: Db, unitId: string, id: string, fromId: string, repeats: number, at: Date) {
    await tx.update(opinionItems).set({ status: 'new', mergedIntoId: null, version: sql`${opinionItems.version} + 1`, updatedAt: at }).where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, id)));
    await tx.update(opinionItems).set({ repeats: sql`greatest(1, ${opinionItems.repeats} - ${repeats})`, version: sql`${opinionItems.version} + 1`, updatedAt: at }).where(and(eq(opinionItems.unitId, unitId), eq(opinionItems.id, fromId)));
  },
};
