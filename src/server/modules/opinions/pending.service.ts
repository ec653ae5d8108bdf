import { randomInt } from 'node:crypto';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { packAnswers, pendingToFlush, unpackAnswers, type Answers } from '../../../domain/opinion-batches.js';
import type { Question } from '../../../shared/contracts/opinions.js';
import { keyringFor, type Keyring } from '../../crypto/keyring.js';
import { SealError } from '../../crypto/suite.js';
import type { AppDeps } from '../../types.js';
import { insertResponses } from '../orglife/opinion-items.service.js';
import { pendingRepo, type PendingGroup } from './pending.repo.js';

const PURPOSE = 'opinion-pending';

/** A submission as the pending store keeps it: packed to one size, sealed, bound to its form. */
export const sealSubmission = (keys: Keyring, formId: string, answers: Answers) => keys.seal(PURPOSE, packAnswers(answers), `opinion_pending:${formId}`);

export const openSubmission = (keys: Keyring, formId: string, sealed: string) => unpackAnswers(keys.open(PURPOSE, sealed, `opinion_pending:${formId}`));

/** A uniformly random permutation (Fisher–Yates with the CSPRNG). */
export function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface FlushResult { batches: number; responses: number; unreadable: number }

/**
 * Writes out every group that is due (pendingToFlush): a random subset of its pending submissions,
 * in random order, as responses with their opinion items, and removes them from the pending store —
 * all in one transaction per group, so a crash writes a batch wholly or not at all.
 */
export async function flushPending(deps: AppDeps, log: (m: string) => void = () => {}): Promise<FlushResult> {
  const k = deps.config.opinionBatchK;
  const today = shanghaiDate(deps.clock.now());
  const result: FlushResult = { batches: 0, responses: 0, unreadable: 0 };
  for (const g of await pendingRepo.dueGroups(deps.db, today, 2 * k)) {
    const written = await flushGroup(deps, g, k);
    if (written.responses > 0) result.batches += 1;
    result.responses += written.responses;
    result.unreadable += written.unreadable;
  }
  if (result.unreadable > 0) log(`征求意见待汇入记录中有 ${result.unreadable} 条无法解密（密钥不符或被改动），已保留未汇入`);
  return result;
}

async function flushGroup(deps: AppDeps, g: PendingGroup, k: number) {
  const keys = keyringFor(deps.config);
  return deps.db.transaction(async (tx) => {
    const ids = await pendingRepo.lockGroup(tx, g);
    const n = pendingToFlush(ids.length, k, g.final);
    if (n === 0) return { responses: 0, unreadable: 0 };
    const sealed = new Map((await pendingRepo.sealedOf(tx, shuffled(ids).slice(0, n))).map((r) => [r.id, r.sealed]));
    // The database hands rows back in its own order: the batch's order is a fresh permutation.
    const chosen = shuffled([...sealed].map(([id, s]) => ({ id, sealed: s })));
    const batch: Answers[] = [];
    const done: string[] = [];
    let unreadable = 0;
    for (const r of chosen) {
      try {
        batch.push(openSubmission(keys, g.formId, r.sealed));
        done.push(r.id);
      } catch (e) {
        if (!(e instanceof SealError)) throw e;
        unreadable += 1;
      }
    }
    if (batch.length === 0) return { responses: 0, unreadable };
    const form = await pendingRepo.form(tx, g.unitId, g.formId);
    await insertResponses(tx, { unitId: g.unitId, formId: g.formId, audience: g.audience, submittedOn: g.day, questions: (form?.questions ?? []) as Question[] }, batch);
    await pendingRepo.remove(tx, done);
    return { responses: batch.length, unreadable };
  });
}
