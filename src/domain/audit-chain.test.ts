import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson,
  eventHash,
  findFirstBreak,
  GENESIS_HASH,
  type AuditHashAlg,
  type ChainedEventContent,
  type StoredEvent,
} from './audit-chain.js';

/** A chain of the contents given; `algOf(i)` picks each event's hash (default SHA-256 throughout). */
function chain(contents: Omit<ChainedEventContent, 'seq'>[], algOf: (i: number) => AuditHashAlg = () => 'sha256') {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const content = { ...c, seq: i + 1 };
    const alg = algOf(i);
    const hash = eventHash(content, prev, alg);
    const e = { ...content, alg, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}
const headOf = (events: { seq: number; hash: string }[]) =>
  events.length ? { seq: events.at(-1)!.seq, hash: events.at(-1)!.hash } : { seq: 0, hash: GENESIS_HASH };

const arbContent = fc.record({
  unitId: fc.uuid(),
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
  actorUserId: fc.option(fc.uuid(), { nil: null }),
  actorName: fc.string({ minLength: 1 }),
  entityType: fc.constantFrom('person', 'department', 'user'),
  entityId: fc.uuid(),
  action: fc.constantFrom('create', 'update', 'withdraw'),
  before: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: null }),
  after: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: null }),
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('findFirstBreak', () => {
  it('accepts any intact chain', () => {
    fc.assert(
      fc.property(fc.array(arbContent, { maxLength: 20 }), (contents) => {
        const events = chain(contents);
        expect(findFirstBreak(events, headOf(events))).toBeNull();
      }),
    );
  });

  it('finds an edited event at its own seq', () => {
    fc.assert(
      fc.property(fc.array(arbContent, { minLength: 1, maxLength: 20 }), fc.nat(), (contents, pick) => {
        const events = chain(contents);
        const i = pick % events.length;
        events[i] = { ...events[i]!, actorName: `${events[i]!.actorName}x` };
        expect(findFirstBreak(events, headOf(events))).toEqual({ seq: i + 1, reason: 'hash_mismatch' });
      }),
    );
  });

  it('finds a deleted event, also the last one', () => {
    fc.assert(
      fc.property(fc.array(arbContent, { minLength: 2, maxLength: 20 }), fc.nat(), (contents, pick) => {
        const events = chain(contents);
        const head = headOf(events);
        const i = pick % events.length;
        events.splice(i, 1);
        expect(findFirstBreak(events, head)).toEqual({ seq: i + 1, reason: 'sequence_gap' });
      }),
    );
  });

  it('finds an event rewritten with a fresh hash by the broken link after it', () => {
    const events = chain(fc.sample(arbContent, 5));
    const forged = { ...events[1]!, action: 'forged' };
    events[1] = { ...forged, hash: eventHash(forged, forged.prevHash) };
    expect(findFirstBreak(events, headOf(events))).toEqual({ seq: 3, reason: 'prev_hash_mismatch' });
  });
});

describe('SM3 (国密) events', () => {
  const half =
    (n: number) =>
    (i: number): AuditHashAlg =>
      i < n / 2 ? 'sha256' : 'sm3';

  it('hash differently from SHA-256 ones, and the algorithm is part of what is hashed', () => {
    const [c] = fc.sample(arbContent, 1).map((x) => ({ ...x, seq: 1 }));
    const sm3 = eventHash(c!, GENESIS_HASH, 'sm3');
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).not.toBe(eventHash(c!, GENESIS_HASH, 'sha256'));
    expect(eventHash(c!, GENESIS_HASH, 'sha256')).toBe(eventHash(c!, GENESIS_HASH));
  });

  it('a chain written half in the default mode and half in gm verifies', () => {
    fc.assert(
      fc.property(fc.array(arbContent, { minLength: 2, maxLength: 20 }), (contents) => {
        const events = chain(contents, half(contents.length));
        expect(events.some((e) => e.alg === 'sm3') && events.some((e) => e.alg === 'sha256')).toBe(true);
        expect(findFirstBreak(events, headOf(events))).toBeNull();
      }),
    );
  });

  it('finds an edited event in either half, and an event relabelled with the other algorithm', () => {
    fc.assert(
      fc.property(fc.array(arbContent, { minLength: 2, maxLength: 20 }), fc.nat(), (contents, pick) => {
        const events = chain(contents, half(contents.length));
        const i = pick % events.length;
        const edited = [...events];
        edited[i] = { ...events[i]!, action: `${events[i]!.action}!` };
        expect(findFirstBreak(edited, headOf(events))).toEqual({ seq: i + 1, reason: 'hash_mismatch' });
        const relabelled: StoredEvent[] = [...events];
        relabelled[i] = { ...events[i]!, alg: events[i]!.alg === 'sm3' ? 'sha256' : 'sm3' };
        expect(findFirstBreak(relabelled, headOf(events))).toEqual({ seq: i + 1, reason: 'hash_mismatch' });
        relabelled[i] = { ...events[i]!, alg: 'md5' };
        expect(findFirstBreak(relabelled, headOf(events))).toEqual({ seq: i + 1, reason: 'hash_mismatch' });
      }),
    );
  });
});
