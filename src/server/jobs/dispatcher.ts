import { createHash, randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { nextAttemptAt } from '../../domain/delivery.js';
import {
  heldDigestCard,
  nextSlotAt,
  noticeCard,
  planSends,
  type PlannedSend,
  type Urgency,
} from '../../domain/dispatch-plan.js';
import { digestCard, type Card, type ChannelKind } from '../../domain/robots.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { notificationChannels } from '../db/schema/index.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Egress } from '../net/egress.js';
import { openChannel } from '../modules/channels/channel-secrets.js';
import { sendCard } from '../modules/channels/send.js';
import { deliveriesRepo, type ClaimedRow } from '../modules/deliveries/deliveries.repo.js';
import { fanOut } from '../modules/deliveries/fanout.js';
import { MAIL_STEP_TIMEOUT_MS } from '../modules/deliveries/mail.js';
import type { MailSender, SendResult } from '../mail-types.js';

/** Connect, greeting and one read, each within its timeout: the most a mail can take. */
const MAIL_WORST_MS = 3 * MAIL_STEP_TIMEOUT_MS;

export interface DispatcherOptions {
  /** Messages in flight at once: the most a crash can make a receiver see twice. */
  concurrency: number;
  leaseMs: number;
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

/** `worstMs`: how long the send may take at most (its timeouts); it is not started unless the lease outlasts that. */
interface Send {
  ids: string[];
  card: Card;
  deliver: (card: Card) => Promise<SendResult>;
  attempts: number;
  worstMs: number;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
/** A digest's key is made from the deliveries it carries: the same digest sent again has the same key. */
const digestKey = (ids: string[]) => `digest:${hash([...ids].sort().join(',')).slice(0, 32)}`;
const jitterOf = (key: string) => parseInt(hash(key).slice(0, 8), 16) / 2 ** 32;

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
    const sends = [...(await this.robotSends(claimed, now, result)), ...(await this.mailSends(claimed, now, result))];
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

  private card(d: ClaimedRow, mention: boolean): Card {
    return noticeCard(
      {
        id: d.notification_id,
        kind: d.kind,
        title: d.title,
        body: d.body,
        recipientName: d.person_name ?? '',
        recipientMobile: d.person_phone ?? '',
        itemDue: d.item_due,
        urgency: d.urgency as Urgency,
        link: d.item_id ? `${this.opts.publicUrl}/?item=${d.item_id}` : `${this.opts.publicUrl}/`,
      },
      d.idempotency_key,
      mention,
    );
  }

  private async robotSends(
    claimed: ClaimedRow[],
    now: Date,
    result: { deferred: number; failed: number },
  ): Promise<Send[]> {
    const robots = claimed.filter((d) => d.medium === 'robot' && d.channel_id);
    const channelIds = [...new Set(robots.map((d) => d.channel_id!))];
    if (!channelIds.length) return [];
    const [channels, recent] = await Promise.all([
      this.db.select().from(notificationChannels).where(inArray(notificationChannels.id, channelIds)),
      deliveriesRepo.recentSends(this.db, channelIds, now),
    ]);
    const sends: Send[] = [];
    for (const id of channelIds) {
      const rows = robots.filter((d) => d.channel_id === id);
      const ch = channels.find((c) => c.id === id);
      if (!ch || !ch.active) {
        await deliveriesRepo.markFailed(
          this.db,
          rows.map((d) => d.id),
          null,
          'withdrawn',
          '通知渠道已停用',
        );
        result.failed += rows.length;
        continue;
      }
      const secrets = openChannel(this.opts.keys, ch);
      if (!secrets) {
        await deliveriesRepo.markFailed(
          this.db,
          rows.map((d) => d.id),
          null,
          'sealed',
          '渠道地址无法解密（密钥文件与保存时不同），请重新填写机器人地址和密钥',
        );
        result.failed += rows.length;
        continue;
      }
      const kind = ch.kind as ChannelKind;
      const plan = planSends(kind, rows, recent.get(id) ?? [], now.getTime());
      if (plan.deferred.length) {
        await deliveriesRepo.defer(
          this.db,
          plan.deferred,
          new Date(nextSlotAt(kind, recent.get(id) ?? [], now.getTime())),
        );
        result.deferred += plan.deferred.length;
      }
      const log = (m: string) => this.opts.log?.(`通知渠道 ${id}：${m}`);
      const deliver = (card: Card) =>
        sendCard(this.opts.egress, kind, secrets.address, secrets.secret, card, this.clock.now().getTime(), {
          timeoutMs: this.httpTimeoutMs,
          log,
        });
      const byId = new Map(rows.map((d) => [d.id, d]));
      for (const p of plan.sends)
        sends.push({
          ids: p.ids,
          card: this.cardOf(p, byId),
          deliver,
          attempts: maxAttempts(p.ids.map((i) => byId.get(i)!)),
          worstMs: this.httpTimeoutMs,
        });
    }
    return sends;
  }

  private cardOf(p: PlannedSend, byId: Map<string, ClaimedRow>): Card {
    const cards = p.ids.map((id) => this.card(byId.get(id)!, true));
    if (!p.digest) return cards[0]!;
    return p.digest === 'held' ? heldDigestCard(cards, digestKey(p.ids)) : digestCard(cards, digestKey(p.ids));
  }

  /** Mail: one message per notice, or one digest per mailbox for what was held. */
  private async mailSends(claimed: ClaimedRow[], now: Date, result: { deferred: number }): Promise<Send[]> {
    const mails = claimed.filter((d) => d.medium === 'mail');
    if (!mails.length) return [];
    const mail = this.opts.mail;
    if (!mail) {
      // Mail was switched off after these were made: they wait (visible in the log) rather than vanish.
      await deliveriesRepo.defer(
        this.db,
        mails.map((d) => d.id),
        new Date(now.getTime() + 3_600_000),
        { code: 'no_smtp', message: '系统未配置邮件服务器' },
      );
      result.deferred += mails.length;
      return [];
    }
    const sends: Send[] = [];
    const byAddress = new Map<string, ClaimedRow[]>();
    for (const d of mails) {
      const list = byAddress.get(d.address);
      if (list) list.push(d);
      else byAddress.set(d.address, [d]);
    }
    for (const [to, rows] of byAddress) {
      const deliver = (card: Card) => mail({ to, card });
      const held = rows.filter((d) => d.held);
      if (held.length) {
        const ids = held.map((d) => d.id);
        sends.push({
          ids,
          card: heldDigestCard(
            held.map((d) => this.card(d, false)),
            digestKey(ids),
          ),
          deliver,
          attempts: maxAttempts(held),
          worstMs: MAIL_WORST_MS,
        });
      }
      for (const d of rows.filter((x) => !x.held))
        sends.push({ ids: [d.id], card: this.card(d, false), deliver, attempts: d.attempts, worstMs: MAIL_WORST_MS });
    }
    return sends;
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

/** A digest retries on the schedule of its most-tried delivery. */
const maxAttempts = (rows: readonly ClaimedRow[]) => rows.reduce((m, d) => Math.max(m, d.attempts), 0);

async function pool(tasks: (() => Promise<void>)[], n: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}
