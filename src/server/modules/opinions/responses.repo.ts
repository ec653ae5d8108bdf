import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { opinionItems, opinionResponses } from '../../db/schema/index.js';

/** A new opinion item of a flushed batch (its text's hash makes repeats one item). */
export interface NewOpinionItem {
  hash: string;
  questionId: string;
  categoryNo: number | null;
  text: string;
  repeats: number;
}
type Group = { unitId: string; formId: string; audience: string; submittedOn: string };

/** The flush's writes: anonymous responses and the opinion items made of them. */
export const responsesRepo = {
  /** The batch's responses, in the order given (the flusher shuffled it), 500 rows a statement. */
  async insertResponses(tx: Db, g: Group, batch: readonly Record<string, string | number>[]) {
    for (let i = 0; i < batch.length; i += 500) {
      const rows = batch
        .slice(i, i + 500)
        .map(
          (a) =>
            sql`(${g.unitId}::uuid, ${g.formId}::uuid, ${g.audience}, ${JSON.stringify(a)}::jsonb, ${g.submittedOn})`,
        );
      await tx.execute(
        sql`insert into ${opinionResponses} (unit_id, form_id, audience, answers, submitted_on) values ${sql.join(rows, sql`, `)}`,
      );
    }
  },
  /** New items, or one more repeat of a text the form already has. */
  async upsertItems(tx: Db, g: Group, items: readonly NewOpinionItem[]) {
    for (let i = 0; i < items.length; i += 500) {
      const values = items
        .slice(i, i + 500)
        .map(
          (it) =>
            sql`(${g.unitId}::uuid, ${g.formId}::uuid, ${it.questionId}, ${it.categoryNo}::int, ${it.text}, ${it.hash}, ${g.audience}, ${it.questionId === 'leadership' ? 'leadership' : null}::text, ${it.repeats}::int)`,
        );
      await tx.execute(sql`insert into ${opinionItems} (unit_id, form_id, question_id, category_no, text, text_hash, audience, target_kind, repeats) values ${sql.join(values, sql`, `)}
        on conflict (form_id, text_hash) do update set repeats = ${opinionItems}.repeats + excluded.repeats`);
    }
  },
};
