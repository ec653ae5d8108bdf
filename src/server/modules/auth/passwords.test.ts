import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dummyHash,
  dummyKindFor,
  hashKindOf,
  hashPassword,
  needsRehash,
  PBKDF2_SM3_ITERATIONS,
  verifyPassword,
} from './passwords.js';

describe('password hashes in both crypto modes', () => {
  it('writes PBKDF2-SM3 in 国密 mode, in a self-describing format, and verifies it', async () => {
    const h = await hashPassword('Kx7pTq2mZr', 'gm');
    expect(h).toMatch(
      new RegExp(`^\\$pbkdf2-sm3\\$i=${PBKDF2_SM3_ITERATIONS}\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$`),
    );
    expect(await verifyPassword(h, 'Kx7pTq2mZr')).toBe(true);
    expect(await verifyPassword(h, 'Kx7pTq2mZR')).toBe(false);
    expect(await hashPassword('Kx7pTq2mZr', 'gm')).not.toBe(h);
  });

  it('writes argon2id by default', async () => {
    const h = await hashPassword('Kx7pTq2mZr', 'default');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Kx7pTq2mZr')).toBe(true);
  });

  it('verifies either format in either mode, and asks for a rehash of the other one', async () => {
    const gm = await hashPassword('Kx7pTq2mZr', 'gm');
    const argon = await hashPassword('Kx7pTq2mZr', 'default');
    expect([
      needsRehash(gm, 'gm'),
      needsRehash(argon, 'gm'),
      needsRehash(argon, 'default'),
      needsRehash(gm, 'default'),
    ]).toEqual([false, true, false, true]);
    // Fewer iterations than today's setting (an older installation) are replaced too.
    expect(needsRehash(gm.replace(`i=${PBKDF2_SM3_ITERATIONS}`, 'i=1000'), 'gm')).toBe(true);
  });

  it('refuses malformed or hostile stored values without throwing', async () => {
    for (const bad of [
      '',
      '$pbkdf2-sm3$',
      '$pbkdf2-sm3$i=99999999999$AAAA$AAAA',
      '$pbkdf2-sm3$i=0$AAAA$AAAA',
      '$argon2id$nonsense',
      'plain',
    ]) {
      expect(await verifyPassword(bad, 'x'), bad).toBe(false);
    }
  });
});

describe('the dummy an unknown name is checked against', () => {
  it('is of the kind real accounts have, in their proportion (国密 just switched on: all argon2id; all rehashed: all PBKDF2-SM3)', () => {
    const positions = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const sm3At = (share: number) =>
      positions.filter((p) => dummyKindFor(p, share) === 'pbkdf2-sm3').length / positions.length;
    expect([sm3At(0), sm3At(0.3), sm3At(0.75), sm3At(1)]).toEqual([0, 0.3, 0.75, 1]);
  });

  it('changes a name’s kind only the way real accounts change as they are rehashed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          // More PBKDF2-SM3 accounts never turn a PBKDF2-SM3 name back to argon2id.
          return !(dummyKindFor(p, lo) === 'pbkdf2-sm3' && dummyKindFor(p, hi) === 'argon2id');
        },
      ),
    );
  });

  it('exists for both kinds, and is one of them', async () => {
    expect(hashKindOf(await dummyHash('argon2id'))).toBe('argon2id');
    expect(hashKindOf(await dummyHash('pbkdf2-sm3'))).toBe('pbkdf2-sm3');
    expect(await dummyHash('pbkdf2-sm3')).toBe(await dummyHash('pbkdf2-sm3'));
  });
});
