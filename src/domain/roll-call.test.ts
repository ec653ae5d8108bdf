import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickSpeakers } from './roll-call.js';

/** A small seeded generator, so that every run of a property is reproducible. */
const seeded = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

describe('random roll call (“1+N”)', () => {
  it('never calls anyone twice before everyone present has been called', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (size, n, sessions, seed) => {
          const people = Array.from({ length: size }, (_, i) => `p${i}`);
          const times = new Map<string, number>();
          const random = seeded(Math.abs(seed) + 1);
          for (let s = 0; s < sessions; s++) {
            const picked = pickSpeakers(people, times, n, random);
            expect(new Set(picked).size).toBe(Math.min(n, size));
            for (const p of picked) times.set(p, (times.get(p) ?? 0) + 1);
            const counts = people.map((p) => times.get(p) ?? 0);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('picks only people present, and no more than there are', () => {
    const times = new Map([
      ['a', 0],
      ['b', 5],
    ]);
    expect(pickSpeakers(['b', 'c'], times, 1, () => 0.5)).toEqual(['c']);
    expect(pickSpeakers(['a'], times, 3, Math.random)).toEqual(['a']);
    expect(pickSpeakers([], times, 2, Math.random)).toEqual([]);
  });
});
