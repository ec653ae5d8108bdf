import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, meetsChallenge, sha256Words, solveChallenge } from './proof-of-work.js';

const nodeWords = (s: string) => {
  const d = createHash('sha256').update(s, 'utf8').digest();
  return Array.from({ length: 8 }, (_, i) => d.readUInt32BE(i * 4));
};

describe('the burst challenge', () => {
  it('computes SHA-256 exactly as node:crypto does, for any text and length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256Words(s)).toEqual(nodeWords(s));
      }),
      { numRuns: 300 },
    );
    for (const n of [0, 55, 56, 63, 64, 119, 120, 1000])
      expect(sha256Words('a'.repeat(n))).toEqual(nodeWords('a'.repeat(n)));
  });
  it('counts leading zero bits across the first two words', () => {
    expect(leadingZeroBits([0x80000000])).toBe(0);
    expect(leadingZeroBits([0x00010000])).toBe(15);
    expect(leadingZeroBits([0, 0x40000000])).toBe(33);
  });
  it('a solved nonce meets the challenge and a wrong one rarely does', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (seed, bits) => {
        const nonce = solveChallenge(seed, bits)!;
        expect(meetsChallenge(seed, nonce, bits)).toBe(true);
        expect(leadingZeroBits(nodeWords(`${seed}:${nonce}`))).toBeGreaterThanOrEqual(bits);
      }),
      { numRuns: 50 },
    );
    expect(solveChallenge('seed', 30, 100)).toBeNull();
  });
});
