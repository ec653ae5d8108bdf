import { canonicalJson, GENESIS_HASH, type AuditHashAlg } from './audit-chain.js';

/**
 * Checkpoints anchor each unit's audit chain outside the database. A checkpoint line says "unit U's
 * chain had event `seq` with hash `hash` at time `at`", carries a MAC made with a key the database
 * does not hold, and chains to the line before it (`n` counts lines from 1, `prev` is the previous
 * line's MAC), so that a line cannot be forged, edited, removed from the middle or moved.
 *
 * Why it works: an event's hash covers every event before it. Whoever rewrites history in the
 * database and recomputes every later hash (the chain then verifies) changes the hash of every
 * checkpointed event at or after the rewrite, and cannot sign a new checkpoint.
 */
export type CheckpointMacAlg = 'hmac-sha256' | 'hmac-sm3';
export const macAlgFor = (hash: AuditHashAlg): CheckpointMacAlg => (hash === 'sm3' ? 'hmac-sm3' : 'hmac-sha256');
const hashOfMac = (mac: CheckpointMacAlg): AuditHashAlg => (mac === 'hmac-sm3' ? 'sm3' : 'sha256');

export interface CheckpointFields {
  n: number;
  unitId: string;
  seq: number;
  hash: string;
  /** When the checkpoint was written (ISO). */
  at: string;
  alg: CheckpointMacAlg;
  prev: string;
}
export interface CheckpointLine extends CheckpointFields {
  mac: string;
}

/** The keyed hash the caller holds the key for: hex HMAC of `body` with the named hash. */
export type MacFn = (body: string, hash: AuditHashAlg) => string;

/** What the MAC covers: every field but the MAC itself, as canonical JSON, with the format version. */
export const checkpointBody = (f: CheckpointFields) =>
  canonicalJson({ v: 1, n: f.n, unitId: f.unitId, seq: f.seq, hash: f.hash, at: f.at, alg: f.alg, prev: f.prev });

/** A line as written to the file: JSON in a fixed, readable field order. */
export const formatCheckpointLine = (l: CheckpointLine) =>
  JSON.stringify({ n: l.n, unitId: l.unitId, seq: l.seq, hash: l.hash, at: l.at, alg: l.alg, prev: l.prev, mac: l.mac });

const HEX64 = /^[0-9a-f]{64}$/;

/** The line's fields when it is well formed, else null (its MAC is not checked here). */
export function parseCheckpointLine(text: string): CheckpointLine | null {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { n, unitId, seq, hash, at, alg, prev, mac } = v;
  const ok = Number.isSafeInteger(n) && (n as number) >= 1 && typeof unitId === 'string' && Number.isSafeInteger(seq) && (seq as number) >= 1
    && typeof hash === 'string' && HEX64.test(hash) && typeof at === 'string' && !Number.isNaN(Date.parse(at))
    && (alg === 'hmac-sha256' || alg === 'hmac-sm3') && typeof prev === 'string' && HEX64.test(prev) && typeof mac === 'string' && HEX64.test(mac);
  return ok ? { n: n as number, unitId, seq: seq as number, hash, at, alg, prev, mac } : null;
}

export const macOk = (l: CheckpointLine, mac: MacFn) => mac(checkpointBody(l), hashOfMac(l.alg)) === l.mac;

/** The end of the log that new lines chain to: the last authentic line, or nothing yet. */
export interface LogTip {
  n: number;
  mac: string;
}

/** New lines for the heads given, chained after `tip`, signed with `hash`'s HMAC. */
export function nextCheckpointLines(
  tip: LogTip | null, heads: readonly { unitId: string; seq: number; hash: string }[], at: Date, hash: AuditHashAlg, mac: MacFn,
): CheckpointLine[] {
  let n = tip?.n ?? 0;
  let prev = tip?.mac ?? GENESIS_HASH;
  return heads.map((h) => {
    const fields: CheckpointFields = { n: ++n, unitId: h.unitId, seq: h.seq, hash: h.hash, at: at.toISOString(), alg: macAlgFor(hash), prev };
    const line = { ...fields, mac: mac(checkpointBody(fields), hash) };
    prev = line.mac;
    return line;
  });
}

/** Where a line is: its file (name only) and its line number in that file, from 1. */
export interface LogPlace {
  file: string;
  line: number;
}
export type LogProblem = LogPlace & (
  | { kind: 'unreadable' }
  | { kind: 'bad_mac' }
  /** An authentic line that does not follow the one before it: lines removed before it, or moved. */
  | { kind: 'out_of_order'; expectedN: number; n: number }
);

export interface LogReading {
  /** Authentic lines, whatever else is wrong with the log (with `onlyUnit`: that unit's authentic lines, the others unchecked). */
  checkpoints: (CheckpointLine & LogPlace)[];
  problems: LogProblem[];
  lines: number;
  /** Lines whose MAC was checked and held. */
  authentic: number;
}

/**
 * Reads a whole log in order (files by name, lines in file order). A line that does not parse or
 * whose MAC fails is a problem and is not used. An authentic line must follow the last authentic
 * one (next n, prev = its MAC), or stand where the bad lines since then would have put it (a line
 * tampered with is reported once, not again as a gap); otherwise it is a problem too, but it is
 * still used: its MAC proves what it says.
 *
 * `onlyUnit` checks the MACs of that unit's lines only (the MAC is most of the cost): the lines of
 * other units are still parsed and must still follow one another, but an edit inside one of them
 * is found only by a full reading.
 */
export function readCheckpointLog(entries: Iterable<LogPlace & { text: string }>, mac: MacFn, onlyUnit?: string): LogReading {
  const out: LogReading = { checkpoints: [], problems: [], lines: 0, authentic: 0 };
  let tip: LogTip = { n: 0, mac: GENESIS_HASH };
  let bad = 0;
  for (const e of entries) {
    if (e.text.trim() === '') continue;
    out.lines++;
    const line = parseCheckpointLine(e.text);
    const place = { file: e.file, line: e.line };
    const checked = !!line && (!onlyUnit || line.unitId === onlyUnit);
    if (!line || (checked && !macOk(line, mac))) {
      out.problems.push({ ...place, kind: line ? 'bad_mac' : 'unreadable' });
      bad++;
      continue;
    }
    if (checked) out.authentic++;
    const follows = line.n === tip.n + 1 && line.prev === tip.mac;
    const standsInForBad = bad > 0 && line.n === tip.n + 1 + bad;
    if (!follows && !standsInForBad) out.problems.push({ ...place, kind: 'out_of_order', expectedN: tip.n + 1 + bad, n: line.n });
    if (checked) out.checkpoints.push({ ...line, ...place });
    tip = { n: line.n, mac: line.mac };
    bad = 0;
  }
  return out;
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

export interface CheckpointVerdict {
  /** Checkpoints of the unit that were compared with its chain. */
  checked: number;
  latest: { seq: number; at: string } | null;
  problem: CheckpointProblem | null;
}

/**
 * Compares one unit's chain, fed event by event in seq order, with the unit's checkpoints. The
 * first checkpoint (by seq) that the chain no longer matches bounds the rewrite: it happened at or
 * before that seq, and after the last checkpoint that still matches.
 */
export class CheckpointMatcher {
  private readonly sorted: { seq: number; hash: string; at: string }[];
  private next = 0;
  private lastGoodSeq = 0;
  private rewritten: CheckpointProblem | null = null;

  constructor(checkpoints: readonly { seq: number; hash: string; at: string }[]) {
    this.sorted = [...checkpoints].sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at));
  }

  push(e: { seq: number; hash: string }) {
    for (; this.next < this.sorted.length && this.sorted[this.next]!.seq <= e.seq; this.next++) {
      const c = this.sorted[this.next]!;
      const found = c.seq === e.seq ? e.hash : null;
      if (found === c.hash) {
        if (!this.rewritten) this.lastGoodSeq = c.seq;
      } else this.rewritten ??= { kind: 'rewritten', seq: c.seq, at: c.at, expected: c.hash, found, lastGoodSeq: this.lastGoodSeq };
    }
  }

  /** The verdict once every event was fed; `headSeq` is the last seq the chain reached. */
  finish(headSeq: number, recorded: RecordedCheckpoint | null): CheckpointVerdict {
    const latest = this.sorted.at(-1);
    const beyond = this.sorted[this.next];
    const held = !recorded || this.sorted.some((c) => c.seq === recorded.seq && c.hash === recorded.hash);
    const problem = this.rewritten
      ?? (beyond ? { kind: 'truncated' as const, seq: beyond.seq, at: beyond.at, headSeq } : null)
      ?? (held ? null : { kind: 'missing' as const, seq: recorded!.seq, at: recorded!.at });
    return { checked: this.sorted.length, latest: latest ? { seq: latest.seq, at: latest.at } : null, problem };
  }
}
