import { createHmac } from 'node:crypto';

/**
 * TOTP (RFC 6238 over RFC 4226 HOTP) as every authenticator app implements it by default:
 * HMAC-SHA1, a 30-second step counted from the Unix epoch, 6 digits. A code is accepted for the
 * current step and one step either side (clock drift), and only for a step later than the last one
 * used, so a code seen over someone's shoulder cannot be replayed. Secrets travel as base32
 * (RFC 4648, no padding), which is what the otpauth:// URI and manual entry expect.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** The step of an instant given in milliseconds since the epoch. */
export const totpStepOf = (unixMs: number, stepSeconds = TOTP_STEP_SECONDS) => Math.floor(unixMs / 1000 / stepSeconds);

/** HOTP of a counter (RFC 4226 §5.3: dynamic truncation), zero-padded to `digits`. */
export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  alg: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  const msg = Buffer.alloc(8);
  msg.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  msg.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac(alg, secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code of one step. */
export const totpCode = (secret: Uint8Array, step: number, digits = TOTP_DIGITS) => hotp(secret, step, digits);

/**
 * The step a code matches, trying the current step, then the one before and the one after; null
 * when it matches none, or only steps at or before `lastUsedStep` (a replay).
 */
export function matchTotp(
  secret: Uint8Array,
  code: string,
  unixMs: number,
  lastUsedStep: number | null,
): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const now = totpStepOf(unixMs);
  for (const step of [now, now - 1, now + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (constantTimeEqual(totpCode(secret, step), clean)) return step;
  }
  return null;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding (RFC 4648 §6). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and padding; throws on any other character. */
export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** The otpauth:// URI an authenticator app reads from the QR code (Key Uri Format). */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const q = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${q.toString()}`;
}
