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
 *
 * A restore marker (`kind: 'restore'`, written by `zuofeng restore`) is a signed line of the same
 * chain saying "unit U's chain was put back to event `seq` with hash `hash` from a backup" (seq 0:
 * the unit was not in the backup). Checkpoints written before it beyond `seq` describe history the
 * restore discarded; see audit-checkpoint-match.ts.
 */
export type CheckpointMacAlg = 'hmac-sha256' | 'hmac-sm3';
export const macAlgFor = (hash: AuditHashAlg): CheckpointMacAlg => (hash === 'sm3' ? 'hmac-sm3' : 'hmac-sha256');
const hashOfMac = (mac: CheckpointMacAlg): AuditHashAlg => (mac === 'hmac-sm3' ? 'sm3' : 'sha256');

export type CheckpointKind = 'checkpoint' | 'restore';
export interface CheckpointFields {
  kind: CheckpointKind;
  n: number;
  unitId: string;
  seq: number;
  hash: string;
  /** When the line was written (ISO). */
  at: string;
  alg: CheckpointMacAlg;
  prev: string;
  /** A restore marker's sentence for whoever reads the file ("恢复：单位 …，链头回到第 N 条"); checkpoints have none. */
  note?: string;
}
export interface CheckpointLine extends CheckpointFields {
  mac: string;
}

/** The keyed hash the caller holds the key for: hex HMAC of `body` with the named hash. */
export type MacFn = (body: string, hash: AuditHashAlg) => string;

/**
 * What the MAC covers: every field but the MAC itself, as canonical JSON, with the format version.
 * A checkpoint's body is the one of the first format (no kind), so that existing files verify; a
 * marker's body names its kind, so that neither can pass for the other.
 */
export function checkpointBody(f: CheckpointFields) {
  const common = { v: 1, n: f.n, unitId: f.unitId, seq: f.seq, hash: f.hash, at: f.at, alg: f.alg, prev: f.prev };
  return canonicalJson(f.kind === 'restore' ? { ...common, kind: 'restore', note: f.note ?? '' } : common);
}

/** A line as written to the file: JSON in a fixed, readable field order. */
export function formatCheckpointLine(l: CheckpointLine) {
  if (l.kind === 'restore') {
    return JSON.stringify({
      n: l.n,
      kind: 'restore',
      unitId: l.unitId,
      seq: l.seq,
      hash: l.hash,
      at: l.at,
      alg: l.alg,
      prev: l.prev,
      note: l.note ?? '',
      mac: l.mac,
    });
  }
  return JSON.stringify({
    n: l.n,
    unitId: l.unitId,
    seq: l.seq,
    hash: l.hash,
    at: l.at,
    alg: l.alg,
    prev: l.prev,
    mac: l.mac,
  });
}

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
  const { n, unitId, seq, hash, at, alg, prev, mac, note } = v;
  const kind = v.kind === undefined ? 'checkpoint' : v.kind === 'restore' ? 'restore' : null;
  const noteOk = kind === 'restore' ? typeof note === 'string' : note === undefined;
  const ok =
    kind !== null &&
    noteOk &&
    Number.isSafeInteger(n) &&
    (n as number) >= 1 &&
    typeof unitId === 'string' &&
    Number.isSafeInteger(seq) &&
    (seq as number) >= (kind === 'restore' ? 0 : 1) &&
    typeof hash === 'string' &&
    HEX64.test(hash) &&
    typeof at === 'string' &&
    !Number.isNaN(Date.parse(at)) &&
    (alg === 'hmac-sha256' || alg === 'hmac-sm3') &&
    typeof prev === 'string' &&
    HEX64.test(prev) &&
    typeof mac === 'string' &&
    HEX64.test(mac);
  if (!ok) return null;
  const line: CheckpointLine = { kind, n: n as number, unitId, seq: seq as number, hash, at, alg, prev, mac };
  return kind === 'restore' ? { ...line, note: note as string } : line;
}

export const macOk = (l: CheckpointLine, mac: MacFn) => mac(checkpointBody(l), hashOfMac(l.alg)) === l.mac;

/** The end of the log that new lines chain to: the last authentic line, or nothing yet. */
export interface LogTip {
  n: number;
  mac: string;
}

type Content = Pick<CheckpointFields, 'kind' | 'unitId' | 'seq' | 'hash' | 'note'>;

function chainLines(
  tip: LogTip | null,
  contents: readonly Content[],
  at: Date,
  hash: AuditHashAlg,
  mac: MacFn,
): CheckpointLine[] {
  let n = tip?.n ?? 0;
  let prev = tip?.mac ?? GENESIS_HASH;
  return contents.map((c) => {
    const fields: CheckpointFields = { ...c, n: ++n, at: at.toISOString(), alg: macAlgFor(hash), prev };
    const line = { ...fields, mac: mac(checkpointBody(fields), hash) };
    prev = line.mac;
    return line;
  });
}

/** New lines for the heads given, chained after `tip`, signed with `hash`'s HMAC. */
export function nextCheckpointLines(
  tip: LogTip | null,
  heads: readonly { unitId: string; seq: number; hash: string }[],
  at: Date,
  hash: AuditHashAlg,
  mac: MacFn,
): CheckpointLine[] {
  return chainLines(
    tip,
    heads.map((h) => ({ kind: 'checkpoint', unitId: h.unitId, seq: h.seq, hash: h.hash })),
    at,
    hash,
    mac,
  );
}

/**
 * Restore markers for the heads a restore left (seq 0 and the genesis hash for a unit the backup
 * does not hold), chained after `tip`. `name` is what the note calls the unit.
 */
export function restoreMarkerLines(
  tip: LogTip | null,
  heads: readonly { unitId: string; name: string; seq: number; hash: string | null }[],
  at: Date,
  hash: AuditHashAlg,
  mac: MacFn,
): CheckpointLine[] {
  return chainLines(
    tip,
    heads.map((h) => ({
      kind: 'restore' as const,
      unitId: h.unitId,
      seq: h.seq,
      hash: h.seq > 0 && h.hash ? h.hash : GENESIS_HASH,
      note: h.seq > 0 ? `恢复：单位 ${h.name}，链头回到第 ${h.seq} 条` : `恢复：单位 ${h.name} 不在备份中`,
    })),
    at,
    hash,
    mac,
  );
}

/** Where a line is: its file (name only) and its line number in that file, from 1. */
export interface LogPlace {
  file: string;
  line: number;
}
export type LogProblem = LogPlace &
  (
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
 * Reads a log in order, a line at a time (files by name, lines in file order), so that the caller
 * can feed it from a stream. A line that does not parse or whose MAC fails is a problem and is not
 * used. An authentic line must follow the last authentic one (next n, prev = its MAC), or stand
 * where the bad lines since then would have put it (a line tampered with is reported once, not
 * again as a gap); otherwise it is a problem too, but it is still used: its MAC proves what it says.
 *
 * `onlyUnit` checks the MACs of that unit's lines only (the MAC is most of the cost): the lines of
 * other units are still parsed and must still follow one another, but an edit inside one of them
 * is found only by a full reading.
 */
export class CheckpointLogReader {
  readonly reading: LogReading = { checkpoints: [], problems: [], lines: 0, authentic: 0 };
  private tip: LogTip = { n: 0, mac: GENESIS_HASH };
  private bad = 0;

  constructor(
    private readonly mac: MacFn,
    private readonly onlyUnit?: string,
  ) {}

  push(e: LogPlace & { text: string }) {
    if (e.text.trim() === '') return;
    const out = this.reading;
    out.lines++;
    const line = parseCheckpointLine(e.text);
    const place = { file: e.file, line: e.line };
    const checked = !!line && (!this.onlyUnit || line.unitId === this.onlyUnit);
    if (!line || (checked && !macOk(line, this.mac))) {
      out.problems.push({ ...place, kind: line ? 'bad_mac' : 'unreadable' });
      this.bad++;
      return;
    }
    if (checked) out.authentic++;
    const follows = line.n === this.tip.n + 1 && line.prev === this.tip.mac;
    const standsInForBad = this.bad > 0 && line.n === this.tip.n + 1 + this.bad;
    if (!follows && !standsInForBad)
      out.problems.push({ ...place, kind: 'out_of_order', expectedN: this.tip.n + 1 + this.bad, n: line.n });
    if (checked) out.checkpoints.push({ ...line, ...place });
    this.tip = { n: line.n, mac: line.mac };
    this.bad = 0;
  }
}

/** A whole log at once (see CheckpointLogReader). */
export function readCheckpointLog(
  entries: Iterable<LogPlace & { text: string }>,
  mac: MacFn,
  onlyUnit?: string,
): LogReading {
  const reader = new CheckpointLogReader(mac, onlyUnit);
  for (const e of entries) reader.push(e);
  return reader.reading;
}
