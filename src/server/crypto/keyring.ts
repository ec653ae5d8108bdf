import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { deriveKey, hmac, hashAlgOf, openWith, sealWith, type HashAlg } from './suite.js';

const HEADER = 'ZUOFENG-KEY-1';

/**
 * The installation's master key, kept in a file outside the database (ZUOFENG_KEY_FILE), and the
 * keys derived from it, one per purpose: secrets at rest, the keyed hash of opinion codes, the
 * pending opinion store, audit checkpoints. Whoever holds only the database (or its backups) holds
 * none of them.
 */
export class Keyring {
  private readonly derived = new Map<string, Buffer>();

  constructor(
    private readonly master: Buffer,
    readonly file: string,
  ) {
    if (master.length !== 32) throw new Error('master key must be 32 bytes');
  }

  key(purpose: string, alg: HashAlg = hashAlgOf()): Buffer {
    const id = `${alg}:${purpose}`;
    let k = this.derived.get(id);
    if (!k) this.derived.set(id, (k = deriveKey(this.master, purpose, alg)));
    return k;
  }

  /** Encrypts for one purpose; `aad` (default: the purpose) binds the value to where it is stored. */
  seal(purpose: string, plaintext: string | Buffer, aad = purpose): string {
    return sealWith(
      (alg) => this.key(purpose, alg),
      typeof plaintext === 'string' ? Buffer.from(plaintext) : plaintext,
      aad,
    );
  }

  open(purpose: string, sealed: string, aad = purpose): Buffer {
    return openWith((alg) => this.key(purpose, alg), sealed, aad);
  }

  /** A keyed hash (hex) for one purpose: equal inputs match, and nobody without the key can compute one. */
  mac(purpose: string, data: string | Buffer, alg: HashAlg = hashAlgOf()): string {
    return hmac(this.key(purpose, alg), data, alg).toString('hex');
  }

  /** A value that identifies the key without revealing it (stored in the database to catch a wrong key file). */
  checkValue(): string {
    return this.mac('key-check', 'zuofeng', 'sha256').slice(0, 32);
  }
}

/** A keyring with a fresh random key, never written anywhere (tests, throwaway tools). */
export const ephemeralKeyring = () => new Keyring(randomBytes(32), '(memory)');

function parseKeyFile(text: string, file: string): Buffer {
  const [header, b64] = text.trim().split(/\s+/);
  const key = header === HEADER && b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
  if (key.length !== 32)
    throw new Error(`密钥文件 ${file} 格式不正确（应为 ${HEADER} 加 32 字节密钥），请从备份恢复原密钥文件`);
  return key;
}

/**
 * Reads the key file, or creates it (0600, in a 0700 directory) when there is none. Creation uses
 * O_EXCL, so two instances starting at once on a shared directory end up with the same key.
 */
export function loadKeyring(file: string): Keyring {
  try {
    return new Keyring(parseKeyFile(fs.readFileSync(file, 'utf8'), file), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, `${HEADER} ${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return new Keyring(key, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return new Keyring(parseKeyFile(fs.readFileSync(file, 'utf8'), file), file);
  }
}

const loaded = new Map<string, Keyring>();

/** The keyring of a configuration's key file, loaded once per process. */
export function keyringFor(config: { keyFile: string }): Keyring {
  let k = loaded.get(config.keyFile);
  if (!k) loaded.set(config.keyFile, (k = loadKeyring(config.keyFile)));
  return k;
}
