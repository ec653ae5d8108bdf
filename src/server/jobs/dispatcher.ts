import { randomUUID } from 'node:crypto';
import { nextAttemptAt } from '../../domain/delivery.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Egress } from '../net/egress.js';
import { deliveriesRepo } from '../modules/deliveries/deliveries.repo.js';
import { fanOut } from '../modules/deliveries/fanout.js';
import { effectivePublicUrl } from '../modules/installation/public-url.service.js';
import type { MailSender } from '../mail-types.js';
import { jitterOf, mailSends, robotSends, type SendContext } from './dispatch-sends.js';

export interface DispatcherOptions {
  /** Messages in flight at once: the most a crash can make a receiver see twice. */
  concurrency: number;
  leaseMs: number;
  /** The address links in messages start with, unless the administrator has set one (installation setting). */
  publicUrl: string;
  mail: MailSender | null;
  /** Opens the channels' sealed addresses and secrets. */
  keys: Keyring;
  /** Where robot messages may go (the allow-list), checked at connect time. */
  egress: Egress;
  /** Serve these units only (a shard of a large installation, or a test's own units); all when absent. */
  units?: readonly string[];
  log?: (msg: string) => void;
}

/**
 * Delivers the notification outbox (at least once): fans new notices out into deliveries, claims
 * due ones under a lease, groups them per robot (digests past the robot's budget or after quiet
 * hours) and per mailbox, sends with bounded concurrency and records each answer. A delivery is
 * marked sent only after its receiver answered; a crash in between leaves it `sending`, and when
 * the lease runs out it is sent again — so only messages in flight at the crash can repeat.
 */
export class Dispatcher {
  readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private stopped = true;
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;

  /** A robot's answer is awaited at most this long: 10 s, or half the lease when that is shorter. */
  private readonly httpTimeoutMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly opts: DispatcherOptions,
  ) {
    this.httpTimeoutMs = Math.max(500, Math.min(10_000, Math.floor(opts.leaseMs / 2)));
  }

  /** What building a round's sends needs (dispatch-sends.ts). */
  /** The links in messages use the address in effect now (the administrator may have set it since start). */
  private async sendContext(): Promise<SendContext> {
    const publicUrl = await effectivePublicUrl(this.db, this.opts.publicUrl);
    return { db: this.db, clock: this.clock, opts: this.opts, httpTimeoutMs: this.httpTimeoutMs, publicUrl };
  }

  /** One round: fan out what is new, then claim and send one batch. Returns what it did. */
  async runOnce(): Promise<{ fannedOut: number; claimed: number; sent: number; failed: number; deferred: number }> {
    let now = this.clock.now();
    let fannedOut = 0;
    for (let n = 1; n > 0; fannedOut += n)
      n = await fanOut(this.db, now, { limit: 500, mailEnabled: !!this.opts.mail, units: this.opts.units });
    now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.opts.leaseMs);
    const claimed = await deliveriesRepo.claim(
      this.db,
      now,
      this.holder,
      leaseUntil,
      this.opts.concurrency * 8,
      this.opts.units,
    );
    const held = claimed.filter((d) => d.held);
    if (held.length) {
      claimed.push(
        ...(await deliveriesRepo.claimHeldAlso(
          this.db,
          now,
          this.holder,
          leaseUntil,
          [...new Set(held.flatMap((d) => (d.channel_id ? [d.channel_id] : [])))],
          [...new Set(held.filter((d) => d.medium === 'mail').map((d) => d.address))],
          this.opts.units,
        )),
      );
    }
    const result = { fannedOut, claimed: claimed.length, sent: 0, failed: 0, deferred: 0 };
    if (!claimed.length) return result;
    const ctx = await this.sendContext();
    const sends = [...(await robotSends(ctx, claimed, now, result)), ...(await mailSends(ctx, claimed, now, result))];
    await pool(
      sends.map((s) => async () => {
        // A send that could outlive the lease might be claimed and sent by another dispatcher too: put it back instead.
        if (this.clock.now().getTime() + s.worstMs > leaseUntil.getTime()) {
          await deliveriesRepo.defer(this.db, s.ids, this.clock.now());
          result.deferred += s.ids.length;
          return;
        }
        const r = await s.deliver(s.card);
        const at = this.clock.now();
        if (r.ok) {
          await deliveriesRepo.markSent(this.db, s.ids, at, s.card.idempotencyKey, r.code, r.message);
          result.sent += s.ids.length;
        } else {
          const retry = r.retryable
            ? nextAttemptAt(s.attempts + 1, at.getTime(), jitterOf(s.card.idempotencyKey))
            : null;
          await deliveriesRepo.markFailed(this.db, s.ids, retry ? new Date(retry) : null, r.code, r.message);
          result.failed += s.ids.length;
        }
      }),
      this.opts.concurrency,
    );
    return result;
  }

  /** Runs rounds back to back while there is work, resting `idleMs` when there is none. */
  start(idleMs: number) {
    this.stopped = false;
    const rest = () =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, idleMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          const r = await this.runOnce();
          if (r.sent || r.failed) this.opts.log?.(`通知投递：发送 ${r.sent} 条，失败 ${r.failed} 条`);
          if (r.claimed === 0 || r.claimed === r.deferred) await rest();
        } catch (err) {
          this.opts.log?.(`通知投递失败：${(err as Error).message}`);
          await rest();
        }
      }
    })();
  }

  async stop() {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }
}

async function pool(tasks: (() => Promise<void>)[], n: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}
