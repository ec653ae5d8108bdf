import type { CheckpointKind } from './audit-checkpoints.js';

/** One authentic line of a unit, as the log holds it. */
export interface UnitLine {
  kind: CheckpointKind;
  seq: number;
  hash: string;
  at: string;
}

/** The unit's latest checkpoint as the database recorded it when it was written. */
export interface RecordedCheckpoint {
  seq: number;
  hash: string;
  at: string;
}

export type CheckpointProblem =
  /** The event at a checkpoint's seq is missing or has another hash: history at or before `seq` was rewritten. */
  | { kind: 'rewritten'; seq: number; at: string; expected: string; found: string | null; lastGoodSeq: number }
  /** The chain ends before a checkpoint: events were removed from its end. */
  | { kind: 'truncated'; seq: number; at: string; headSeq: number }
  /** The database says a checkpoint was written that no authentic line holds: the file lost lines, or is elsewhere. */
  | { kind: 'missing'; seq: number; at: string };

/** A restore the log records: the chain went back to `seq`; `discardedTo` is the highest checkpointed seq it gave up, if any. */
export interface RestoreSeen {
  seq: number;
  at: string;
  discardedTo: number | null;
}

/** Events after the unit's latest checkpoint: how many, and the time of the first of them. */
export interface PendingEvents {
  afterSeq: number;
  count: number;
  earliest: string;
}

export interface CheckpointVerdict {
  /** Checkpoints of the unit that were compared with its chain (restore markers included). */
  checked: number;
  latest: { seq: number; at: string } | null;
  problem: CheckpointProblem | null;
  restores: RestoreSeen[];
  pending: PendingEvents | null;
}

/**
 * What the unit's lines, in log order, still vouch for. A restore marker puts the chain back to its
 * seq: checkpoints written before it beyond that seq describe history the restore discarded and no
 * longer bind; those at or below it still do (the restored history must be the one they signed),
 * and the marker itself is a checkpoint of the restored head. Only the key holder can sign a marker.
 */
export function bindingCheckpoints(lines: readonly UnitLine[]) {
  let binding: UnitLine[] = [];
  const restores: RestoreSeen[] = [];
  for (const l of lines) {
    if (l.kind === 'restore') {
      const discarded = binding.filter((c) => c.seq > l.seq);
      binding = binding.filter((c) => c.seq <= l.seq);
      restores.push({
        seq: l.seq,
        at: l.at,
        discardedTo: discarded.reduce<number | null>((m, c) => Math.max(m ?? 0, c.seq), null),
      });
    }
    if (l.seq > 0) binding.push(l);
  }
  return { binding, restores };
}

/**
 * Compares one unit's chain, fed event by event in seq order, with the unit's lines (in log
 * order). The first binding checkpoint (by seq) that the chain no longer matches bounds the
 * rewrite: it happened at or before that seq, and after the last checkpoint that still matches.
 * Events after the latest checkpoint are counted, for the caller to judge whether they waited too long.
 */
export class CheckpointMatcher {
  private readonly sorted: UnitLine[];
  private readonly restores: RestoreSeen[];
  private readonly latestSeq: number;
  private next = 0;
  private lastGoodSeq = 0;
  private rewritten: CheckpointProblem | null = null;
  private pending: PendingEvents | null = null;

  constructor(lines: readonly UnitLine[]) {
    const { binding, restores } = bindingCheckpoints(lines);
    this.sorted = binding.sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at));
    this.restores = restores;
    this.latestSeq = this.sorted.at(-1)?.seq ?? 0;
  }

  push(e: { seq: number; hash: string; at: Date }) {
    for (; this.next < this.sorted.length && this.sorted[this.next]!.seq <= e.seq; this.next++) {
      const c = this.sorted[this.next]!;
      const found = c.seq === e.seq ? e.hash : null;
      if (found === c.hash) {
        if (!this.rewritten) this.lastGoodSeq = c.seq;
      } else
        this.rewritten ??= {
          kind: 'rewritten',
          seq: c.seq,
          at: c.at,
          expected: c.hash,
          found,
          lastGoodSeq: this.lastGoodSeq,
        };
    }
    if (e.seq > this.latestSeq) {
      if (this.pending) this.pending.count++;
      else this.pending = { afterSeq: this.latestSeq, count: 1, earliest: e.at.toISOString() };
    }
  }

  /** The verdict once every event was fed; `headSeq` is the last seq the chain reached. */
  finish(headSeq: number, recorded: RecordedCheckpoint | null): CheckpointVerdict {
    const latest = this.sorted.at(-1);
    const beyond = this.sorted[this.next];
    const held = !recorded || this.sorted.some((c) => c.seq === recorded.seq && c.hash === recorded.hash);
    const problem =
      this.rewritten ??
      (beyond ? { kind: 'truncated' as const, seq: beyond.seq, at: beyond.at, headSeq } : null) ??
      (held ? null : { kind: 'missing' as const, seq: recorded!.seq, at: recorded!.at });
    return {
      checked: this.sorted.length,
      latest: latest ? { seq: latest.seq, at: latest.at } : null,
      problem,
      restores: this.restores,
      pending: this.pending,
    };
  }
}

/**
 * Whether events waited too long for a checkpoint. Checkpoints are written every `intervalMs` (by
 * whichever instance is due, see jobs/scheduler.ts), so an event older than two intervals (plus
 * `graceMs`, one scheduler tick) that no checkpoint covers means the checkpoints were held back —
 * and history after the last one could be rewritten unseen. With no interval (checkpoints only at
 * shutdown) nothing is overdue: the caller says so instead.
 */
export function checkpointLag(
  pending: PendingEvents | null,
  now: Date,
  intervalMs: number,
  graceMs: number,
): (PendingEvents & { kind: 'overdue' | 'shutdown_only' }) | null {
  if (!pending) return null;
  if (intervalMs <= 0) return { ...pending, kind: 'shutdown_only' };
  return now.getTime() - Date.parse(pending.earliest) > 2 * intervalMs + graceMs
    ? { ...pending, kind: 'overdue' }
    : null;
}
