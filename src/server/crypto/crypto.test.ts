import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyring, loadKeyring } from './keyring.js';
import {
  CRYPTO_MODE,
  cryptoModeFromEnv,
  digestHex,
  isSealed,
  openWith,
  sealWith,
  SealError,
  type HashAlg,
} from './suite.js';

const keyOf = (alg: HashAlg) => Buffer.alloc(32, alg === 'sm3' ? 7 : 9);

describe('crypto suite', () => {
  it('hashes with SM3 as GB/T 32905 gives for "abc", and SHA-256 by default', () => {
    expect(digestHex('abc', 'sm3')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digestHex('abc', 'sha256')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('seals and opens in both modes, and either mode opens what the other sealed', () => {
    for (const mode of ['default', 'gm'] as const) {
      const sealed = sealWith(keyOf, Buffer.from('机器人密钥 SEC123'), 'channels.secret', mode);
      expect(isSealed(sealed)).toBe(true);
      expect(sealed).toMatch(mode === 'gm' ? /^zf1\.sm4\./ : /^zf1\.aes\./);
      expect(sealed).not.toContain('SEC123');
      expect(openWith(keyOf, sealed, 'channels.secret').toString()).toBe('机器人密钥 SEC123');
    }
  });

  it('refuses a tampered value, another place (aad) and another key', () => {
    for (const mode of ['default', 'gm'] as const) {
      const sealed = sealWith(keyOf, Buffer.from('secret'), 'a', mode);
      const raw = Buffer.from(sealed.slice(8), 'base64url');
      raw[raw.length - 1]! ^= 1;
      expect(() => openWith(keyOf, sealed.slice(0, 8) + raw.toString('base64url'), 'a')).toThrow(SealError);
      expect(() => openWith(keyOf, sealed, 'b')).toThrow(SealError);
      expect(() => openWith(() => Buffer.alloc(32, 1), sealed, 'a')).toThrow(SealError);
    }
    expect(() => openWith(keyOf, 'plain text', 'a')).toThrow(SealError);
  });

  it('binds where the aad ends and the ciphertext begins: bytes moved from one to the other do not verify', () => {
    for (const mode of ['default', 'gm'] as const) {
      const headLength = mode === 'gm' ? 48 : 28; // iv and tag
      // A ciphertext whose first byte is ASCII, so that an aad (a string) can carry it too.
      const sealOnce = () =>
        Buffer.from(sealWith(keyOf, Buffer.from('机器人密钥'), 'channels.address:ab', mode).slice(8), 'base64url');
      let raw = sealOnce();
      while (raw[headLength]! >= 0x80) raw = sealOnce();
      const prefix = mode === 'gm' ? 'zf1.sm4.' : 'zf1.aes.';
      const [head, body] = [raw.subarray(0, headLength), raw.subarray(headLength)];
      const forged = (b: Buffer) => prefix + Buffer.concat([head, b]).toString('base64url');
      expect(openWith(keyOf, forged(body), 'channels.address:ab').toString()).toBe('机器人密钥');
      // The aad's last byte moved to the front of the ciphertext…
      expect(
        () => openWith(keyOf, forged(Buffer.concat([Buffer.from('b'), body])), 'channels.address:a'),
        mode,
      ).toThrow(SealError);
      // …and the ciphertext's first byte moved to the end of the aad.
      expect(
        () => openWith(keyOf, forged(body.subarray(1)), `channels.address:ab${String.fromCharCode(body[0]!)}`),
        mode,
      ).toThrow(SealError);
    }
  });

  it('runs in the mode of its test project: SM4 and SM3 under ZUOFENG_CRYPTO=gm (project security-gm), AES and SHA-256 otherwise', () => {
    const gm = process.env.ZUOFENG_CRYPTO === 'gm';
    expect(CRYPTO_MODE).toBe(gm ? 'gm' : 'default');
    expect(new Keyring(Buffer.alloc(32, 3), 'k').seal('p', 'x')).toMatch(gm ? /^zf1\.sm4\./ : /^zf1\.aes\./);
    expect(digestHex('abc')).toBe(
      gm
        ? '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'
        : 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('reads the mode from ZUOFENG_CRYPTO and refuses an unknown one', () => {
    expect(cryptoModeFromEnv({})).toBe('default');
    expect(cryptoModeFromEnv({ ZUOFENG_CRYPTO: 'GM' })).toBe('gm');
    expect(() => cryptoModeFromEnv({ ZUOFENG_CRYPTO: 'sm9' })).toThrow(/default 或 gm/);
  });
});

describe('keyring', () => {
  it('creates the key file once (0600 in a 0700 directory) and reads the same key back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zf-keys-'));
    const file = path.join(dir, 'keys', 'zuofeng.key');
    const a = loadKeyring(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const b = loadKeyring(file);
    expect(b.checkValue()).toBe(a.checkValue());
    expect(b.open('x', a.seal('x', 'hello')).toString()).toBe('hello');
    expect(b.mac('codes', 'ABC')).toBe(a.mac('codes', 'ABC'));
    expect(a.mac('codes', 'ABC')).not.toBe(a.mac('other', 'ABC'));
  });

  it('refuses a damaged key file with a message that says what to do', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zf-keys-')), 'bad.key');
    fs.writeFileSync(file, 'not a key');
    expect(() => loadKeyring(file)).toThrow(/格式不正确/);
  });

  it('gives different keyrings different check values', () => {
    const a = new Keyring(Buffer.alloc(32, 1), 'a');
    const b = new Keyring(Buffer.alloc(32, 2), 'b');
    expect(a.checkValue()).not.toBe(b.checkValue());
  });
});
