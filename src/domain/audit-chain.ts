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

/**
 * The hash function of an event: SHA-256 (the default suite) or SM3 (国密, ZUOFENG_CRYPTO=gm). Each
 * event names its own, so a chain begun in one mode keeps verifying after a switch to the other.
 */
export type AuditHashAlg = 'sha256' | 'sm3';
export const isAuditHashAlg = (v: string): v is AuditHashAlg => v === 'sha256' || v === 'sm3';

/**
 * Hex hash over the previous hash and the canonical JSON of the event's content. For SM3 the
 * content includes `alg`, so the algorithm is itself hashed; SHA-256 events leave it out, as every
 * event did before there was a choice, so that existing chains hash exactly as they did.
 */
export function eventHash(c: ChainedEventContent, prevHash: string, alg: AuditHashAlg = 'sha256'): string {
  const fields = {
    unitId: c.unitId,
    seq: c.seq,
    at: c.at.toISOString(),
    actorUserId: c.actorUserId,
    actorName: c.actorName,
    entityType: c.entityType,
    entityId: c.entityId,
    action: c.action,
    before: c.before,
    after: c.after,
  };
  const body = canonicalJson(alg === 'sha256' ? fields : { ...fields, alg });
  return createHash(alg).update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainBreak = {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
};

/** An event as stored: its content, the algorithm that hashed it (an unknown one never verifies), its links. */
export type StoredEvent = ChainedEventContent & { alg: string; prevHash: string; hash: string };

/**
 * Checks one unit's chain event by event, in seq order, so that a long chain is verified in
 * batches without holding it in memory. An edited event fails its own hash; a deleted one leaves a
 * gap in seq; a deleted tail no longer reaches the unit's recorded head.
 */
export class ChainVerifier {
  private expectedPrev = GENESIS_HASH;
  private expectedSeq = 1;
  private broken: ChainBreak | null = null;

  /** Feeds the next event; returns the first break once found (and keeps returning it). */
  push(e: StoredEvent): ChainBreak | null {
    if (this.broken) return this.broken;
    if (e.seq !== this.expectedSeq) return (this.broken = { seq: this.expectedSeq, reason: 'sequence_gap' });
    if (e.prevHash !== this.expectedPrev) return (this.broken = { seq: e.seq, reason: 'prev_hash_mismatch' });
    if (!isAuditHashAlg(e.alg) || eventHash(e, e.prevHash, e.alg) !== e.hash)
      return (this.broken = { seq: e.seq, reason: 'hash_mismatch' });
    this.expectedPrev = e.hash;
    this.expectedSeq += 1;
    return null;
  }

  /** The verdict once every event was fed, given the unit's recorded head. */
  finish(head: { seq: number; hash: string }): ChainBreak | null {
    if (this.broken) return this.broken;
    if (head.seq !== this.expectedSeq - 1) return { seq: this.expectedSeq, reason: 'sequence_gap' };
    if (head.hash !== this.expectedPrev) return { seq: head.seq, reason: 'prev_hash_mismatch' };
    return null;
  }
}

/** The first broken link of a whole chain held in memory, or null when intact. */
export function findFirstBreak(events: readonly StoredEvent[], head: { seq: number; hash: string }): ChainBreak | null {
  const v = new ChainVerifier();
  for (const e of events) if (v.push(e)) break;
  return v.finish(head);
}
