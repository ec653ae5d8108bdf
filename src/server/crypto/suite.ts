import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * The installation's cryptographic suite. `default`: SHA-256, HMAC-SHA256, AES-256-GCM, argon2id.
 * `gm` (国密, ZUOFENG_CRYPTO=gm): SM3, HMAC-SM3, SM4-CTR with an HMAC-SM3 tag, PBKDF2-SM3. Both come
 * from Node's OpenSSL. What is sealed or hashed carries its algorithm, so data written in one mode
 * stays readable after a switch to the other.
 */
export type CryptoMode = 'default' | 'gm';

export function cryptoModeFromEnv(env: NodeJS.ProcessEnv = process.env): CryptoMode {
  const v = (env.ZUOFENG_CRYPTO ?? '').trim().toLowerCase();
  if (v === '' || v === 'default') return 'default';
  if (v === 'gm') return 'gm';
  throw new Error(`ZUOFENG_CRYPTO 只能是 default 或 gm（收到“${env.ZUOFENG_CRYPTO}”）`);
}

/** Read once: the mode is an installation-wide constant, like the time zone. */
export const CRYPTO_MODE: CryptoMode = cryptoModeFromEnv();

export type HashAlg = 'sha256' | 'sm3';
export const hashAlgOf = (mode: CryptoMode = CRYPTO_MODE): HashAlg => (mode === 'gm' ? 'sm3' : 'sha256');

export const digestHex = (data: string | Buffer, alg: HashAlg = hashAlgOf()) =>
  createHash(alg).update(data).digest('hex');

export const hmac = (key: Buffer, data: string | Buffer, alg: HashAlg = hashAlgOf()) =>
  createHmac(alg, key).update(data).digest();

/** A 32-byte key for one purpose, derived from the master key with HKDF (HKDF-SM3 for 国密 keys). */
export function deriveKey(master: Buffer, purpose: string, alg: HashAlg): Buffer {
  return Buffer.from(hkdfSync(alg, master, Buffer.alloc(0), `zuofeng:${purpose}`, 32));
}

/** Prefixes of sealed text: the format and the algorithm, so that either mode opens both. */
const AES = 'zf1.aes.';
const SM4 = 'zf1.sm4.';

export const isSealed = (text: string) => text.startsWith(AES) || text.startsWith(SM4);

/**
 * The SM4 value's tag: HMAC-SM3 over iv ‖ len(aad) (4 bytes, big-endian) ‖ aad ‖ ciphertext. The
 * length makes the split between aad and ciphertext part of what is signed, so bytes moved from one
 * to the other do not verify. (The first 国密 format signed iv ‖ aad ‖ ciphertext; it never left
 * development — nothing sealed with it exists — so the format changed in place under the same `zf1.sm4.`.)
 */
function sm4Tag(macKey: Buffer, iv: Buffer, aad: string, body: Buffer): Buffer {
  const a = Buffer.from(aad, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(a.length);
  return createHmac('sm3', macKey).update(iv).update(len).update(a).update(body).digest();
}

/**
 * Encrypts with authentication. `aad` binds the ciphertext to its place (a table and column), so a
 * sealed value copied elsewhere does not open. AES-256-GCM, or SM4-CTR then HMAC-SM3 over nonce,
 * aad (length-prefixed) and ciphertext (encrypt-then-MAC; the MAC key is separate from the cipher key).
 */
export function sealWith(
  keyOf: (alg: HashAlg) => Buffer,
  plaintext: Buffer,
  aad: string,
  mode: CryptoMode = CRYPTO_MODE,
): string {
  if (mode === 'gm') {
    const key = keyOf('sm3');
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-ctr', key.subarray(0, 16), iv);
    const body = Buffer.concat([c.update(plaintext), c.final()]);
    const tag = sm4Tag(key.subarray(16), iv, aad, body);
    return SM4 + Buffer.concat([iv, tag, body]).toString('base64url');
  }
  const key = keyOf('sha256');
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return AES + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
}

export class SealError extends Error {}

/** Opens what sealWith wrote, in whichever mode it was written; a wrong key or a tampered value throws SealError. */
export function openWith(keyOf: (alg: HashAlg) => Buffer, sealed: string, aad: string): Buffer {
  if (sealed.startsWith(SM4)) {
    const raw = Buffer.from(sealed.slice(SM4.length), 'base64url');
    if (raw.length < 48) throw new SealError('sealed value too short');
    const key = keyOf('sm3');
    const [iv, tag, body] = [raw.subarray(0, 16), raw.subarray(16, 48), raw.subarray(48)];
    const expected = sm4Tag(key.subarray(16), iv, aad, body);
    if (!timingSafeEqual(tag, expected)) throw new SealError('sealed value does not verify');
    const d = createDecipheriv('sm4-ctr', key.subarray(0, 16), iv);
    return Buffer.concat([d.update(body), d.final()]);
  }
  if (sealed.startsWith(AES)) {
    const raw = Buffer.from(sealed.slice(AES.length), 'base64url');
    if (raw.length < 28) throw new SealError('sealed value too short');
    const d = createDecipheriv('aes-256-gcm', keyOf('sha256'), raw.subarray(0, 12));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(raw.subarray(12, 28));
    try {
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
    } catch {
      throw new SealError('sealed value does not verify');
    }
  }
  throw new SealError('not a sealed value');
}
