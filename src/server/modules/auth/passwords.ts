import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { hash, verify } from '@node-rs/argon2';
import { CRYPTO_MODE, type CryptoMode } from '../../crypto/suite.js';

/**
 * Password hashes. Default: argon2id with OWASP's second recommended setting (19 MiB, 2 passes).
 * 国密 (ZUOFENG_CRYPTO=gm): PBKDF2 over HMAC-SM3, written `$pbkdf2-sm3$i=<iterations>$<salt>$<hash>`
 * (base64, no padding), with an iteration count that costs about 100 ms on a small server. Either
 * format verifies in either mode; `needsRehash` tells the login to replace a hash written in the
 * other mode (or with fewer iterations) once the password has been checked.
 */
const pbkdf2Async = promisify(pbkdf2);

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** ≈ 95 ms on the 2-core reference machine (Node 20, OpenSSL 3): see README “国密”. */
export const PBKDF2_SM3_ITERATIONS = 120_000;
const SM3_PREFIX = '$pbkdf2-sm3$';

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

async function pbkdf2Sm3(password: string, salt: Buffer, iterations: number) {
  return pbkdf2Async(password, salt, iterations, 32, 'sm3');
}

export async function hashPassword(password: string, mode: CryptoMode = CRYPTO_MODE): Promise<string> {
  if (mode === 'gm') {
    const salt = randomBytes(16);
    const h = await pbkdf2Sm3(password, salt, PBKDF2_SM3_ITERATIONS);
    return `${SM3_PREFIX}i=${PBKDF2_SM3_ITERATIONS}$${b64(salt)}$${b64(h)}`;
  }
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    if (passwordHash.startsWith(SM3_PREFIX)) {
      const [iterPart, saltB64, hashB64] = passwordHash.slice(SM3_PREFIX.length).split('$');
      const iterations = Number(/^i=(\d+)$/.exec(iterPart ?? '')?.[1]);
      if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000 || !saltB64 || !hashB64) return false;
      const expected = Buffer.from(hashB64, 'base64');
      const actual = await pbkdf2Sm3(password, Buffer.from(saltB64, 'base64'), iterations);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    }
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Should a hash that just verified be replaced (written by the other mode, or with weaker settings)? */
export function needsRehash(passwordHash: string, mode: CryptoMode = CRYPTO_MODE): boolean {
  if (mode === 'gm') return !passwordHash.startsWith(`${SM3_PREFIX}i=${PBKDF2_SM3_ITERATIONS}$`);
  return !passwordHash.startsWith('$argon2id$');
}

/** A hash to verify against when the user does not exist (or the name is locked), so that timing does not tell. */
const dummies = new Map<CryptoMode, Promise<string>>();
export function dummyHash(mode: CryptoMode = CRYPTO_MODE): Promise<string> {
  let d = dummies.get(mode);
  if (!d) dummies.set(mode, (d = hashPassword(randomBytes(12).toString('base64'), mode)));
  return d;
}
