import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PBKDF2_SM3_ITERATIONS, verifyPassword } from './passwords.js';

describe('password hashes in both crypto modes', () => {
  it('writes PBKDF2-SM3 in 国密 mode, in a self-describing format, and verifies it', async () => {
    const h = await hashPassword('Kx7pTq2mZr', 'gm');
    expect(h).toMatch(new RegExp(`^\\$pbkdf2-sm3\\$i=${PBKDF2_SM3_ITERATIONS}\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$`));
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
    expect([needsRehash(gm, 'gm'), needsRehash(argon, 'gm'), needsRehash(argon, 'default'), needsRehash(gm, 'default')]).toEqual([false, true, false, true]);
    // Fewer iterations than today's setting (an older installation) are replaced too.
    expect(needsRehash(gm.replace(`i=${PBKDF2_SM3_ITERATIONS}`, 'i=1000'), 'gm')).toBe(true);
  });

  it('refuses malformed or hostile stored values without throwing', async () => {
    for (const bad of ['', '$pbkdf2-sm3$', '$pbkdf2-sm3$i=99999999999$AAAA$AAAA', '$pbkdf2-sm3$i=0$AAAA$AAAA', '$argon2id$nonsense', 'plain']) {
      expect(await verifyPassword(bad, 'x'), bad).toBe(false);
    }
  });
});
