import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode, totpStepOf } from './totp.js';

const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'ascii'));

describe('RFC 6238 test vectors (Appendix B, 8 digits)', () => {
  const vectors: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  const sha1 = ascii('12345678901234567890');
  const sha256 = ascii('12345678901234567890123456789012');
  const sha512 = ascii('1234567890123456789012345678901234567890123456789012345678901234');
  it.each(vectors)('at %i s', (t, c1, c256, c512) => {
    const step = totpStepOf(t * 1000);
    expect(hotp(sha1, step, 8)).toBe(c1);
    expect(hotp(sha256, step, 8, 'sha256')).toBe(c256);
    expect(hotp(sha512, step, 8, 'sha512')).toBe(c512);
  });
  it('gives the 6-digit code an app shows (the last six digits)', () => {
    expect(totpCode(sha1, totpStepOf(59_000))).toBe('287082');
  });
});

describe('matchTotp', () => {
  const secret = ascii('12345678901234567890');
  const now = 1_111_111_111_000;
  const step = totpStepOf(now);
  it('accepts the current step and one step either side, no further', () => {
    expect(matchTotp(secret, totpCode(secret, step), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step - 2), now, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step + 2), now, null)).toBeNull();
  });
  it('refuses a step already used (replay), and anything before it', () => {
    const code = totpCode(secret, step);
    expect(matchTotp(secret, code, now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step - 1), now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step + 1), now, step)).toBe(step + 1);
  });
  it('refuses malformed codes, and accepts spaces inside', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5'])
      expect(matchTotp(secret, bad, now, null)).toBeNull();
    const c = totpCode(secret, step);
    expect(matchTotp(secret, `${c.slice(0, 3)} ${c.slice(3)}`, now, null)).toBe(step);
  });
});

describe('base32', () => {
  it('matches RFC 4648 §10 (without padding)', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => base32Encode(ascii(s)))).toEqual([
      '',
      'MY',
      'MZXQ',
      'MZXW6',
      'MZXW6YQ',
      'MZXW6YTB',
      'MZXW6YTBOI',
    ]);
    expect(Buffer.from(base32Decode('mzxw6ytboi======')).toString()).toBe('foobar');
  });
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) =>
        Buffer.from(base32Decode(base32Encode(b))).equals(Buffer.from(b)),
      ),
    );
  });
  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('ABC1')).toThrow();
  });
});

describe('otpauthUri', () => {
  it('names the issuer and account and the default parameters', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'zhang.san', '作风');
    expect(uri.startsWith('otpauth://totp/%E4%BD%9C%E9%A3%8E:zhang.san?')).toBe(true);
    const q = new URL(uri).searchParams;
    expect(Object.fromEntries(q)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: '作风',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
