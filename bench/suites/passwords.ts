import type { Emit } from '../run.js';
import { hashPassword, PBKDF2_SM3_ITERATIONS, verifyPassword } from '../../src/server/modules/auth/passwords.js';

/**
 * What one password check costs in each crypto mode (the login's dominant cost, and what an
 * attacker holding the hashes pays per guess): argon2id (default) and PBKDF2-SM3 (国密).
 */
export async function run(emit: Emit) {
  for (const mode of ['default', 'gm'] as const) {
    const hash = await hashPassword('Kx7pTq2mZr', mode);
    await verifyPassword(hash, 'warm-up');
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await verifyPassword(hash, `guess-${i}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    emit(`verify_${mode === 'gm' ? 'pbkdf2_sm3' : 'argon2id'}_median`, times[5]!, 'ms');
  }
  emit('pbkdf2_sm3_iterations', PBKDF2_SM3_ITERATIONS, 'count');
}
