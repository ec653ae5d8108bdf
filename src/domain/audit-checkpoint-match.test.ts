import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventHash, GENESIS_HASH } from './audit-chain.js';
import {
  formatCheckpointLine,
  nextCheckpointLines,
  parseCheckpointLine,
  readCheckpointLog,
  restoreMarkerLines,
  type MacFn,
} from './audit-checkpoints.js';
import { checkpointLag, CheckpointMatcher, type UnitLine } from './audit-checkpoint-match.js';

const mac: MacFn = (body, hash) => createHmac(hash, 'the key outside the database').update(body).digest('hex');
const unitA = '11111111-1111-4111-8111-111111111111';
const t0 = new Date('2026-12-01T02:00:00Z');
const MIN = 60_000;

/** A chain of `n` events of unit A, one a minute from t0; `tag` tells two histories apart. */
function chain(n: number, tag = 'before') {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const c = {
      unitId: unitA,
      seq: i + 1,
      at: new Date(t0.getTime() + i * MIN),
      actorUserId: null,
      actorName: '办公室',
      entityType: 'person',
      entityId: `p${i}`,
      action: 'update',
      before: null,
      after: { i, tag: i < 5 ? 'shared' : tag },
    };
    const e = { ...c, prevHash: prev, hash: eventHash(c, prev, 'sha256') };
    prev = e.hash;
    return e;
  });
}
type Ev = ReturnType<typeof chain>[number];
const cp = (e: Ev, minute: number, kind: UnitLine['kind'] = 'checkpoint'): UnitLine => ({
  kind,
  seq: e.seq,
  hash: e.hash,
  at: new Date(t0.getTime() + minute * MIN).toISOString(),
});
function verdict(events: Ev[], lines: UnitLine[]) {
  const m = new CheckpointMatcher(lines);
  for (const e of events) m.push(e);
  return m.finish(events.at(-1)?.seq ?? 0, null);
}

describe('restore markers', () => {
  // History before the restore: 10 events, checkpoints at 4 and 8. The backup held events 1–5.
  const old = chain(10);
  const restoredThenGrew = chain(7, 'after'); // 1–5 as in the backup, then 6–7 written after the restore
  const before = [cp(old[3]!, 10), cp(old[7]!, 20)];
  const marker = cp(old[4]!, 30, 'restore');

  it('without one, a chain put back by a restore reads as deleted or rewritten', () => {
    expect(verdict(old.slice(0, 5), before).problem).toMatchObject({ kind: 'truncated', seq: 8, headSeq: 5 });
    expect(verdict(restoredThenGrew, before).problem).toMatchObject({ kind: 'truncated', seq: 8 });
  });

  it('with one, the chain that went back to exactly its head verifies, and the restore is reported', () => {
    for (const events of [old.slice(0, 5), restoredThenGrew]) {
      const v = verdict(events, [...before, marker]);
      expect(v.problem).toBeNull();
      expect(v.restores).toEqual([{ seq: 5, at: marker.at, discardedTo: 8 }]);
      expect(v.latest).toEqual({ seq: 5, at: marker.at });
    }
    // Checkpoints written after the restore bind the new history.
    const after = cp(restoredThenGrew[6]!, 40);
    expect(verdict(restoredThenGrew, [...before, marker, after])).toMatchObject({
      problem: null,
      checked: 3,
      latest: { seq: 7 },
    });
    expect(verdict(old.slice(0, 7), [...before, marker, after]).problem).toMatchObject({
      kind: 'rewritten',
      seq: 7,
      lastGoodSeq: 5,
    });
  });

  it('excuses nothing else: a rewrite at or before the restored head, or a head other than the one restored', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (k) => {
        const forged = old.slice(0, 5).map((e) => ({ ...e }));
        forged[k - 1]!.actorName = '他人';
        for (let i = k - 1; i < forged.length; i++) {
          forged[i]!.prevHash = i === 0 ? GENESIS_HASH : forged[i - 1]!.hash;
          forged[i]!.hash = eventHash(forged[i]!, forged[i]!.prevHash, 'sha256');
        }
        const v = verdict(forged, [...before, marker]);
        expect(v.problem).toMatchObject({ kind: 'rewritten', seq: k <= 4 ? 4 : 5 });
      }),
    );
    // Restored to 5, but the database holds only 1–3.
    expect(verdict(old.slice(0, 3), [...before, marker]).problem).toMatchObject({ kind: 'truncated', seq: 4 });
  });

  it('are signed lines of the log that a checkpoint line cannot be turned into', () => {
    const [c1] = nextCheckpointLines(null, [{ unitId: unitA, seq: 5, hash: old[4]!.hash }], t0, 'sha256', mac);
    const [r2, r3] = restoreMarkerLines(
      c1!,
      [
        { unitId: unitA, name: '某局', seq: 5, hash: old[4]!.hash },
        { unitId: 'gone', name: 'gone', seq: 0, hash: null },
      ],
      t0,
      'sm3',
      mac,
    );
    expect(r2).toMatchObject({
      n: 2,
      kind: 'restore',
      seq: 5,
      prev: c1!.mac,
      alg: 'hmac-sm3',
      note: '恢复：单位 某局，链头回到第 5 条',
    });
    expect(r3).toMatchObject({ n: 3, kind: 'restore', seq: 0, hash: GENESIS_HASH, note: '恢复：单位 gone 不在备份中' });
    for (const l of [c1!, r2!, r3!]) expect(parseCheckpointLine(formatCheckpointLine(l))).toEqual(l);
    const entries = (texts: string[]) => texts.map((text, i) => ({ file: '2026-12.log', line: i + 1, text }));
    const texts = [c1!, r2!, r3!].map(formatCheckpointLine);
    expect(readCheckpointLog(entries(texts), mac)).toMatchObject({ problems: [], authentic: 3 });
    const asCheckpoint = JSON.stringify({ ...JSON.parse(texts[1]!), kind: undefined, note: undefined });
    const asMarker = JSON.stringify({ ...JSON.parse(texts[0]!), kind: 'restore', note: '恢复' });
    expect(readCheckpointLog(entries([asMarker, asCheckpoint, texts[2]!]), mac).problems.map((p) => p.kind)).toEqual([
      'bad_mac',
      'bad_mac',
    ]);
    expect(parseCheckpointLine(JSON.stringify({ ...JSON.parse(texts[0]!), seq: 0 }))).toBeNull(); // only a marker may say 0
  });
});

describe('events waiting for a checkpoint', () => {
  const events = chain(6);

  it('are counted after the latest checkpoint, with the time of the first', () => {
    expect(verdict(events, [cp(events[3]!, 4)]).pending).toEqual({
      afterSeq: 4,
      count: 2,
      earliest: events[4]!.at.toISOString(),
    });
    expect(verdict(events, []).pending).toEqual({ afterSeq: 0, count: 6, earliest: t0.toISOString() });
    expect(verdict(events, [cp(events[5]!, 6)]).pending).toBeNull();
  });

  it('are overdue once the first is older than two intervals and a tick; with no interval, only noted', () => {
    const pending = { afterSeq: 4, count: 2, earliest: t0.toISOString() };
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
    expect(checkpointLag(pending, at(125), 60 * MIN, 5 * MIN)).toBeNull();
    expect(checkpointLag(pending, at(126), 60 * MIN, 5 * MIN)).toEqual({ ...pending, kind: 'overdue' });
    expect(checkpointLag(pending, at(1), 0, 5 * MIN)).toEqual({ ...pending, kind: 'shutdown_only' });
    expect(checkpointLag(null, at(10_000), 60 * MIN, 0)).toBeNull();
  });
});
