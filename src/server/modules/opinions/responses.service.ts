import { textHashOf } from '../../../domain/opinion-text.js';
import type { Question } from '../../../shared/contracts/opinions.js';
import type { Db } from '../../db/client.js';
import { responsesRepo } from './responses.repo.js';

export interface ResponseGroup {
  unitId: string;
  formId: string;
  audience: string;
  submittedOn: string;
  questions: readonly Question[];
}

/**
 * Writes one batch of anonymous responses of a group (form, audience, day) and their opinion items,
 * in the order given (the caller shuffled it): one item per answered text question; a text already
 * received for the form only counts as a repeat. Nothing links an item to its response. Runs inside
 * the flush transaction (docs/ANONYMITY.md).
 */
export async function insertResponses(tx: Db, g: ResponseGroup, batch: readonly Record<string, string | number>[]) {
  const textQuestions = g.questions.filter((q) => q.kind === 'text');
  const items = new Map<string, { questionId: string; categoryNo: number | null; text: string; repeats: number }>();
  for (const answers of batch) {
    for (const q of textQuestions) {
      const text = answers[q.id];
      if (typeof text !== 'string') continue;
      const hash = textHashOf(text);
      const seen = items.get(hash);
      if (seen) seen.repeats += 1;
      else items.set(hash, { questionId: q.id, categoryNo: q.categoryNo, text, repeats: 1 });
    }
  }
  await responsesRepo.insertResponses(tx, g, batch);
  await responsesRepo.upsertItems(
    tx,
    g,
    [...items].map(([hash, it]) => ({ hash, ...it })),
  );
}
