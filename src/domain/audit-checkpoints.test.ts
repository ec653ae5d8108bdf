import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventHash, findFirstBreak, GENESIS_HASH, type AuditHashAlg } from './audit-chain.js';
import {
  formatCheckpointLine,
  nextCheckpointLines,
  parseCheckpointLine,
  readCheckpointLog,
  type CheckpointLine,
  type MacFn,
} from './audit-checkpoints.js';
import { CheckpointMatcher, type UnitLine } from './audit-checkpoint-match.js';

const macWith =
  (key: string): MacFn =>
  (body, hash) =>
    createHmac(hash, key).update(body).digest('hex');
const mac = macWith('the key outside the database');
const unitA = '11111111-1111-4111-8111-111111111111';
const unitB = '22222222-2222-4222-8222-222222222222';
const h = (i: number) => createHmac('sha256', 'x').update(String(i)).digest('hex');
const at = new Date('2026-12-01T02:00:00Z');

/** One file's entries, as the server reads them. */
const entries = (lines: readonly (CheckpointLine | string)[], file = '2026-12.log') =>
  lines.map((l, i) => ({ file, line: i + 1, text: typeof l === 'string' ? l : formatCheckpointLine(l) }));

function log(count: number, alg: (i: number) => AuditHashAlg = () => 'sha256') {
  const out: CheckpointLine[] = [];
  for (let i = 0; i < count; i++) {
    const tip = out.at(-1) ?? null;
    out.push(...nextCheckpointLines(tip, [{ unitId: i % 2 ? unitB : unitA, seq: i + 1, hash: h(i) }], at, alg(i), mac));
  }
  return out;
}

describe('checkpoint lines', () => {
  it('round-trip through their text, chained from the genesis', () => {
    const lines = log(3);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 3]);
    expect(lines[0]!.prev).toBe(GENESIS_HASH);
    expect(lines[1]!.prev).toBe(lines[0]!.mac);
    for (const l of lines) expect(parseCheckpointLine(formatCheckpointLine(l))).toEqual(l);
    expect(readCheckpointLog(entries(lines), mac)).toMatchObject({ lines: 3, problems: [] });
  });

  it('name their algorithm: a log begun with HMAC-SHA256 and continued with HMAC-SM3 verifies', () => {
    const lines = log(6, (i) => (i < 3 ? 'sha256' : 'sm3'));
    expect(lines.map((l) => l.alg)).toEqual([
      'hmac-sha256',
      'hmac-sha256',
      'hmac-sha256',
      'hmac-sm3',
      'hmac-sm3',
      'hmac-sm3',
    ]);
    expect(readCheckpointLog(entries(lines), mac).problems).toEqual([]);
  });

  it('an edited line fails its MAC and is not used', () => {
    fc.assert(
      fc.property(
        fc.nat(5),
        fc.constantFrom('seq', 'hash', 'at', 'unitId', 'alg') as fc.Arbitrary<'seq' | 'hash' | 'at' | 'unitId' | 'alg'>,
        (i, field) => {
          const lines = log(6);
          const edits = {
            seq: 99,
            hash: h(99),
            at: '2026-12-02T00:00:00.000Z',
            unitId: unitB === lines[i]!.unitId ? unitA : unitB,
            alg: lines[i]!.alg === 'hmac-sm3' ? 'hmac-sha256' : 'hmac-sm3',
          };
          const tampered: (CheckpointLine | string)[] = [...lines];
          tampered[i] = { ...lines[i]!, [field]: edits[field] } as CheckpointLine;
          const r = readCheckpointLog(entries(tampered), mac);
          expect(r.problems).toEqual([{ file: '2026-12.log', line: i + 1, kind: 'bad_mac' }]); // once, not again as a gap
          expect(r.checkpoints).toHaveLength(5);
        },
      ),
    );
  });

  it('a line signed with another key fails, and so does a line that is not a checkpoint', () => {
    const forged = nextCheckpointLines(
      log(2).at(-1)!,
      [{ unitId: unitA, seq: 9, hash: h(9) }],
      at,
      'sha256',
      macWith('a guessed key'),
    );
    expect(readCheckpointLog(entries([...log(2), ...forged]), mac).problems).toEqual([
      { file: '2026-12.log', line: 3, kind: 'bad_mac' },
    ]);
    expect(readCheckpointLog(entries([...log(2), '{"n":3', 'hello']), mac).problems.map((p) => p.kind)).toEqual([
      'unreadable',
      'unreadable',
    ]);
  });

  it('a line cut short by a crash is named, and the lines chained after it by the writer follow on', () => {
    const [l1, l2] = log(2);
    const after = nextCheckpointLines(l1!, [{ unitId: unitA, seq: 7, hash: h(7) }], at, 'sha256', mac);
    expect(readCheckpointLog(entries([l1!, formatCheckpointLine(l2!).slice(0, 40), ...after]), mac).problems).toEqual([
      { file: '2026-12.log', line: 2, kind: 'unreadable' },
    ]);
  });

  it("read for one unit, authenticate that unit's lines and still check that all lines follow one another", () => {
    const lines = log(4); // units A, B, A, B
    const editB: (CheckpointLine | string)[] = [...lines];
    editB[1] = { ...lines[1]!, seq: 99 };
    expect(readCheckpointLog(entries(editB), mac, unitA)).toMatchObject({
      problems: [],
      authentic: 2,
      checkpoints: [{ unitId: unitA }, { unitId: unitA }],
    });
    expect(readCheckpointLog(entries(editB), mac, unitB).problems).toEqual([
      { file: '2026-12.log', line: 2, kind: 'bad_mac' },
    ]);
    expect(readCheckpointLog(entries([lines[0]!, lines[2]!, lines[3]!]), mac, unitA).problems).toEqual([
      { file: '2026-12.log', line: 2, kind: 'out_of_order', expectedN: 2, n: 3 },
    ]);
  });

  it('a line removed from the middle, or two lines swapped, is found at the line that no longer follows', () => {
    const lines = log(5);
    const removed = [lines[0]!, lines[1]!, lines[3]!, lines[4]!];
    expect(readCheckpointLog(entries(removed), mac).problems).toEqual([
      { file: '2026-12.log', line: 3, kind: 'out_of_order', expectedN: 3, n: 4 },
    ]);
    const swapped = [lines[0]!, lines[2]!, lines[1]!, lines[3]!, lines[4]!];
    expect(readCheckpointLog(entries(swapped), mac).problems.map((p) => p.line)).toEqual([2, 3, 4]);
    const firstGone = lines.slice(1);
    expect(readCheckpointLog(entries(firstGone), mac).problems).toEqual([
      { file: '2026-12.log', line: 1, kind: 'out_of_order', expectedN: 1, n: 2 },
    ]);
  });
});

/** A chain of `n` events of one unit (SHA-256 or SM3 by index) and its head. */
function unitChain(n: number, algOf: (i: number) => AuditHashAlg = () => 'sha256') {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const c = {
      unitId: unitA,
      seq: i + 1,
      at: new Date(at.getTime() + i * 60_000),
      actorUserId: null,
      actorName: '办公室',
      entityType: 'person',
      entityId: `p${i}`,
      action: 'update',
      before: { a: i },
      after: { a: i + 1 },
    };
    const alg = algOf(i);
    const e = { ...c, alg, prevHash: prev, hash: eventHash(c, prev, alg) };
    prev = e.hash;
    return e;
  });
}

/** What a DBA does: edit event `k` and recompute every later hash (and the head). */
function rewrite(events: ReturnType<typeof unitChain>, k: number) {
  const out = events.map((e) => ({ ...e }));
  out[k - 1]!.actorName = '他人';
  for (let i = k - 1; i < out.length; i++) {
    out[i]!.prevHash = i === 0 ? GENESIS_HASH : out[i - 1]!.hash;
    out[i]!.hash = eventHash(out[i]!, out[i]!.prevHash, out[i]!.alg as AuditHashAlg);
  }
  return out;
}

function match(
  events: readonly { seq: number; hash: string; at: Date }[],
  checkpoints: UnitLine[],
  recorded: { seq: number; hash: string; at: string } | null = null,
) {
  const m = new CheckpointMatcher(checkpoints);
  for (const e of events) m.push(e);
  return m.finish(events.at(-1)?.seq ?? 0, recorded);
}

describe('CheckpointMatcher', () => {
  const cps = (events: { seq: number; hash: string }[], seqs: number[]) =>
    seqs.map(
      (s): UnitLine => ({
        kind: 'checkpoint',
        seq: s,
        hash: events[s - 1]!.hash,
        at: `2026-12-01T0${s % 10}:00:00.000Z`,
      }),
    );

  it('the rewrite attack passes the chain check but not the checkpoints, which bound where it happened', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.boolean(), (k, mixed) => {
        const events = unitChain(12, (i) => (mixed && i >= 6 ? 'sm3' : 'sha256'));
        const checkpoints = cps(events, [3, 6, 9]);
        const forged = rewrite(events, k);
        expect(findFirstBreak(forged, { seq: 12, hash: forged.at(-1)!.hash })).toBeNull();
        const verdict = match(forged, checkpoints);
        const firstAfter = [3, 6, 9].find((s) => s >= k);
        if (firstAfter === undefined)
          expect(verdict.problem).toBeNull(); // after the last checkpoint: not yet anchored
        else
          expect(verdict.problem).toMatchObject({
            kind: 'rewritten',
            seq: firstAfter,
            lastGoodSeq: [0, 3, 6].filter((s) => s < k).at(-1),
            expected: events[firstAfter - 1]!.hash,
            found: forged[firstAfter - 1]!.hash,
          });
        expect(match(events, checkpoints)).toEqual({
          checked: 3,
          latest: { seq: 9, at: checkpoints[2]!.at },
          problem: null,
          restores: [],
          pending: { afterSeq: 9, count: 3, earliest: events[9]!.at.toISOString() },
        });
      }),
    );
  });

  it('finds a chain cut short before a checkpoint, and an event missing at a checkpoint', () => {
    const events = unitChain(10);
    expect(match(events.slice(0, 7), cps(events, [4, 8])).problem).toEqual({
      kind: 'truncated',
      seq: 8,
      at: cps(events, [8])[0]!.at,
      headSeq: 7,
    });
    const gap = events.filter((e) => e.seq !== 4);
    expect(match(gap, cps(events, [4, 8])).problem).toMatchObject({
      kind: 'rewritten',
      seq: 4,
      found: null,
      lastGoodSeq: 0,
    });
  });

  it('finds a checkpoint the database recorded but no authentic line holds', () => {
    const events = unitChain(6);
    const [c3, c6] = cps(events, [3, 6]);
    expect(match(events, [c3!, c6!], c6!).problem).toBeNull();
    expect(match(events, [c3!], c6!).problem).toEqual({ kind: 'missing', seq: 6, at: c6!.at });
    expect(match(events, [], c6!)).toMatchObject({
      checked: 0,
      latest: null,
      problem: { kind: 'missing', seq: 6, at: c6!.at },
    });
    expect(match(events, [c3!, c6!], { ...c6!, hash: h(1) }).problem).toMatchObject({ kind: 'missing' });
  });
});
