import { randomInt } from 'node:crypto';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { packAnswers, pendingToFlush, unpackAnswers, type Answers } from '../../../domain/opinion-batches.js';
import type { Question } from '../../../shared/contracts/opinions.js';
import { keyringFor, type Keyring } from '../../crypto/keyring.js';
import { SealError } from '../../crypto/suite.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { pendingRepo, type PendingGroup } from './pending.repo.js';
import { insertResponses } from './responses.service.js';

const PURPOSE = 'opinion-pending';

/** Where a sealed submission belongs: it opens only as that row of that group (moved or copied elsewhere, it does not). */
export interface PendingPlace {
  id: string;
  unitId: string;
  formId: string;
  audience: string;
  day: string;
}
const aadOf = (p: PendingPlace) => `opinion_pending:${p.unitId}:${p.formId}:${p.audience}:${p.day}:${p.id}`;

/** A submission as the pending store keeps it: packed to one size, sealed, bound to its place. */
export const sealSubmission = (keys: Keyring, place: PendingPlace, answers: Answers) =>
  keys.seal(PURPOSE, packAnswers(answers), aadOf(place));

export const openSubmission = (keys: Keyring, place: PendingPlace, sealed: string) =>
  unpackAnswers(keys.open(PURPOSE, sealed, aadOf(place)));

/** A uniformly random permutation (Fisher–Yates with the CSPRNG). */
export function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface FlushResult {
  batches: number;
  responses: number;
  /** Rows that do not open where they are (moved, altered, or sealed with another key): never written out. */
  unreadable: string[];
  /** Copies of rows already written out (put back from the WAL or a backup): never written out again. */
  replayed: string[];
  /** Final groups left with fewer than k after earlier batches, which no run of Zuofeng leaves: held. */
  held: string[];
}

/**
 * Writes out every group that is due (pendingToFlush): a random subset of its pending submissions,
 * in random order, as responses with their opinion items, and removes them from the pending store —
 * all in one transaction per group, so a crash writes a batch wholly or not at all.
 */
export async function flushPending(deps: AppDeps): Promise<FlushResult> {
  const k = deps.config.opinionBatchK;
  const now = deps.clock.now();
  const graceMs = deps.config.opinionGraceSeconds * 1000;
  const finalDay = shanghaiDate(new Date(now.getTime() - graceMs));
  const result: FlushResult = { batches: 0, responses: 0, unreadable: [], replayed: [], held: [] };
  for (const g of await pendingRepo.dueGroups(deps.db, {
    finalDay,
    closedBefore: new Date(now.getTime() - graceMs),
    atLeast: 2 * k,
  })) {
    const r = await flushGroup(deps, g, k);
    if (r.written > 0) result.batches += 1;
    result.responses += r.written;
    result.unreadable.push(...r.unreadable);
    result.replayed.push(...r.replayed);
    if (r.held) result.held.push(`${g.formId}/${g.audience}/${g.day}`);
  }
  return result;
}

async function flushGroup(deps: AppDeps, g: PendingGroup, k: number) {
  const keys = keyringFor(deps.config);
  return deps.db.transaction(async (tx) => {
    const { ids, spent } = await pendingRepo.lockGroup(tx, g);
    const replayed = ids.filter((id) => spent.has(id));
    const fresh = shuffled(ids.filter((id) => !spent.has(id)));
    // Open as many as the batch needs; a row that does not open where it stands is set aside and, the
    // count being wrong then, every row is opened so that the decision counts only rows that open.
    let n = pendingToFlush(fresh.length, k, g.final);
    let opened = await openRows(tx, keys, g, fresh.slice(0, n));
    if (opened.unreadable.length > 0) {
      opened = await openRows(tx, keys, g, fresh);
      n = pendingToFlush(opened.valid.length, k, g.final);
    }
    // Every earlier batch of a group left at least k behind: fewer at the end means rows were taken out.
    const held = g.final && spent.size > 0 && opened.valid.length > 0 && opened.valid.length < k;
    const chosen = held ? [] : opened.valid.slice(0, n);
    if (chosen.length > 0) {
      const form = await pendingRepo.form(tx, g.unitId, g.formId);
      await insertResponses(
        tx,
        {
          unitId: g.unitId,
          formId: g.formId,
          audience: g.audience,
          submittedOn: g.day,
          questions: (form?.questions ?? []) as Question[],
        },
        chosen.map((c) => c.answers),
      );
      await pendingRepo.spend(
        tx,
        g,
        chosen.map((c) => c.id),
      );
    }
    return { written: chosen.length, unreadable: opened.unreadable, replayed, held };
  });
}

/** Opens the given rows where they stand, keeping the given (random) order. */
async function openRows(tx: Db, keys: Keyring, g: PendingGroup, ids: string[]) {
  const sealed = new Map((ids.length ? await pendingRepo.sealedOf(tx, ids) : []).map((r) => [r.id, r.sealed]));
  const valid: { id: string; answers: Answers }[] = [];
  const unreadable: string[] = [];
  for (const id of ids) {
    try {
      valid.push({
        id,
        answers: openSubmission(
          keys,
          { id, unitId: g.unitId, formId: g.formId, audience: g.audience, day: g.day },
          sealed.get(id) ?? '',
        ),
      });
    } catch (e) {
      if (!(e instanceof SealError)) throw e;
      unreadable.push(id);
    }
  }
  return { valid, unreadable };
}
