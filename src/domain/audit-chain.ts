import { createHash } from 'node:crypto';

/** The hash of the event before the first one of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so that the same value always gives the same
 * text whatever order a database (jsonb) hands the keys back in. `undefined` becomes null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainedEventContent {
  unitId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorName: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** sha256 hex over the previous hash and the canonical JSON of the event's content. */
export function eventHash(c: ChainedEventContent, prevHash: string): string {
  const body = canonicalJson({
    unitId: c.unitId, seq: c.seq, at: c.at.toISOString(), actorUserId: c.actorUserId, actorName: c.actorName,
    entityType: c.entityType, entityId: c.entityId, action: c.action, before: c.before, after: c.after,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainBreak = {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
};

/**
 * Walks one unit's chain in seq order and returns the first broken link, or null when intact.
 * An edited event fails its own hash; a deleted one leaves a gap in seq; a deleted tail no
 * longer reaches `head` (the unit's recorded head sequence number and hash).
 */
export function findFirstBreak(
  events: readonly (ChainedEventContent & { prevHash: string; hash: string })[],
  head: { seq: number; hash: string },
): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: 'sequence_gap' };
    if (e.prevHash !== expectedPrev) return { seq: e.seq, reason: 'prev_hash_mismatch' };
    if (eventHash(e, e.prevHash) !== e.hash) return { seq: e.seq, reason: 'hash_mismatch' };
    expectedPrev = e.hash;
    expectedSeq += 1;
  }
  if (head.seq !== expectedSeq - 1) return { seq: expectedSeq, reason: 'sequence_gap' };
  if (head.hash !== expectedPrev) return { seq: head.seq, reason: 'prev_hash_mismatch' };
  return null;
}
