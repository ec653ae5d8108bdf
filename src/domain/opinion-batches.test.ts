import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SUBMISSION_CHARS,
  mergeSmallAudiences,
  packAnswers,
  PACKED_BYTES,
  pendingToFlush,
  unpackAnswers,
} from './opinion-batches.js';

const id = fc.stringMatching(/^[a-z0-9_]{1,20}$/);
const textLength = (a: Record<string, string | number>) =>
  Object.values(a).reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0);
const answers = fc
  .dictionary(id, fc.oneof(fc.string({ maxLength: 130, unit: 'grapheme' }), fc.integer({ min: 1, max: 5 })), {
    maxKeys: 60,
  })
  .filter((a) => textLength(a) <= MAX_SUBMISSION_CHARS);

describe('packing a submission', () => {
  it('gives back the same answers, always in PACKED_BYTES bytes', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const packed = packAnswers(a);
        expect(packed.length).toBe(PACKED_BYTES);
        expect(unpackAnswers(packed)).toEqual(a);
      }),
    );
  });

  it('fits the longest submission the form accepts: 60 answers and 5,000 characters, surrogate pairs included', () => {
    const a: Record<string, string> = {};
    for (let i = 0; i < 60; i++)
      a[`q${String(i).padStart(19, '0')}`] = i < 2 ? '𠮷'.repeat(1000) : i === 2 ? '意'.repeat(1000) : '';
    expect(unpackAnswers(packAnswers(a))).toEqual(a);
    expect(() => packAnswers({ q1: 'x'.repeat(MAX_SUBMISSION_CHARS + 1) })).toThrow(RangeError);
  });

  it('gives back an answer whose id objects already have as an own answer, not as the prototype', () => {
    const a: Record<string, string> = {};
    Object.defineProperty(a, '__proto__', { value: '意见', enumerable: true, writable: true, configurable: true });
    const back = unpackAnswers(packAnswers(a));
    expect(Object.keys(back)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it('says nothing by its length: a one-word answer and a long letter pack to the same size', () => {
    expect(packAnswers({ c1: '好' }).length).toBe(
      packAnswers({ c1: '意'.repeat(2000), c2: '见'.repeat(2000), members: '长'.repeat(1000) }).length,
    );
  });
});

describe('writing pending submissions out in batches', () => {
  it("writes every batch with at least k, the day's last one too, unless the whole day had fewer than k", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.array(fc.boolean(), { maxLength: 200 }), (k, arrivals) => {
        // Each step: one submission arrives, then (if the step says so) the flusher looks at the group.
        let pending = 0;
        const batches: number[] = [];
        for (const look of arrivals) {
          pending += 1;
          const n = look ? pendingToFlush(pending, k, false) : 0;
          if (n > 0) batches.push(n);
          pending -= n;
        }
        const last = pendingToFlush(pending, k, true);
        if (last > 0) batches.push(last);
        expect(batches.reduce((s, b) => s + b, 0)).toBe(arrivals.length);
        if (arrivals.length >= k) expect(batches.every((b) => b >= k)).toBe(true);
        else expect(batches.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('waits below 2k while the day lasts', () => {
    expect([
      pendingToFlush(19, 10, false),
      pendingToFlush(20, 10, false),
      pendingToFlush(27, 10, false),
      pendingToFlush(3, 10, true),
      pendingToFlush(0, 10, true),
    ]).toEqual([0, 10, 17, 3, 0]);
  });
});

describe('showing results of small audiences', () => {
  const order = ['staff', 'villages', 'service', 'masses', 'custom'];
  const label = (a: string) =>
    ({ staff: '在职干部职工', villages: '帮扶联系村', service: '服务对象', masses: '党员群众', custom: '其他' })[a]!;

  it('merges an audience below k with the next larger group', () => {
    const m = mergeSmallAudiences(
      new Map([
        ['staff', 25],
        ['villages', 3],
        ['service', 12],
      ]),
      10,
      label,
      order,
    );
    expect([m.get('staff'), m.get('villages'), m.get('service')]).toEqual([
      '在职干部职工',
      '帮扶联系村、服务对象',
      '帮扶联系村、服务对象',
    ]);
  });

  it('shows no group below k unless everything together is below k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 15 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
        (k, ns) => {
          const counts = new Map(order.map((a, i) => [a, ns[i]!]));
          const m = mergeSmallAudiences(counts, k, label, order);
          const shown = new Map<string, number>();
          for (const [a, g] of m) shown.set(g, (shown.get(g) ?? 0) + counts.get(a)!);
          const total = ns.reduce((s, n) => s + n, 0);
          if (shown.size > 1) expect([...shown.values()].every((n) => n >= k)).toBe(true);
          expect([...shown.values()].reduce((s, n) => s + n, 0)).toBe(total);
          expect(m.size).toBe(ns.filter((n) => n > 0).length);
        },
      ),
    );
  });
});
