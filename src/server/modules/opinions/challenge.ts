import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Stateless, signed proof-of-work challenges for the public form: a seed carries its expiry and an
 * HMAC with a secret kept in memory; a solved seed is spent once (remembered until it expires).
 */
export class BurstChallenge {
  private readonly secret = randomBytes(32);
  private readonly spent = new Map<string, number>();
  constructor(
    readonly bits: number,
    private readonly ttlMs = 120_000,
  ) {}

  private sign(body: string) {
    return createHmac('sha256', this.secret).update(body).digest('base64url').slice(0, 22);
  }

  issue(now: number) {
    const body = `${now + this.ttlMs}.${randomBytes(9).toString('base64url')}`;
    return { seed: `${body}.${this.sign(body)}`, bits: this.bits };
  }

  /** True once per solved, unexpired, genuine seed. */
  redeem(seed: string, nonce: string, now: number): boolean {
    const [expires, rand, sig] = seed.split('.');
    if (!expires || !rand || !sig || !/^\d{1,16}$/.test(expires) || Number(expires) < now) return false;
    const want = Buffer.from(this.sign(`${expires}.${rand}`));
    if (want.length !== Buffer.byteLength(sig) || !timingSafeEqual(want, Buffer.from(sig))) return false;
    if (this.spent.has(seed)) return false;
    const hash = createHash('sha256').update(`${seed}:${nonce}`).digest();
    const zeros = hash.readUInt32BE(0) === 0 ? 32 + Math.clz32(hash.readUInt32BE(4)) : Math.clz32(hash.readUInt32BE(0));
    if (zeros < this.bits) return false;
    if (this.spent.size > 50_000) for (const [k, until] of this.spent) if (until < now) this.spent.delete(k);
    this.spent.set(seed, Number(expires));
    return true;
  }
}
