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
      if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000 || !saltB64 || !hashB64)
        return false;
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

/** The two kinds of stored hash; the `CryptoMode` that writes each. */
export type HashKind = 'argon2id' | 'pbkdf2-sm3';
export const hashKindOf = (passwordHash: string): HashKind =>
  passwordHash.startsWith(SM3_PREFIX) ? 'pbkdf2-sm3' : 'argon2id';
export const SM3_HASH_PREFIX = SM3_PREFIX;

/** A hash of each kind to verify against where there is no real one (an unknown or a locked name). */
const dummies = new Map<HashKind, Promise<string>>();
export function dummyHash(kind: HashKind): Promise<string> {
  let d = dummies.get(kind);
  if (!d)
    dummies.set(kind, (d = hashPassword(randomBytes(12).toString('base64'), kind === 'pbkdf2-sm3' ? 'gm' : 'default')));
  return d;
}

/**
 * Which kind of dummy an unknown name is checked against, so that its timing looks like a real
 * name's in the installation as it is now. After a switch of ZUOFENG_CRYPTO the stored hashes are
 * a mix (argon2id ≈ 25 ms, PBKDF2-SM3 ≈ 95 ms) that shifts as people sign in and are rehashed. One
 * dummy of the mode's kind would set the unknown names apart from the accounts not yet rehashed;
 * checking both kinds would cost more than any real check and set them apart from everyone. So
 * each name gets one kind, in the proportion the active accounts have now (`sm3Share`), by its
 * position in [0, 1) — a keyed hash of the name, which outsiders cannot compute. A name keeps its
 * kind from one attempt to the next (as a real one does), and as the share moves, names change
 * kind only in the direction real accounts do when rehashed.
 */
export function dummyKindFor(namePosition: number, sm3Share: number): HashKind {
  return namePosition < sm3Share ? 'pbkdf2-sm3' : 'argon2id';
}
