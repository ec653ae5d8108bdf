/** Builds a round's sends from its claimed deliveries: the cards, the digests, the robot and mail senders. */
import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
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
import { openChannel } from '../modules/channels/channel-secrets.js';
import { sendCard } from '../modules/channels/send.js';
import { deliveriesRepo, type ClaimedRow } from '../modules/deliveries/deliveries.repo.js';
import { MAIL_STEP_TIMEOUT_MS } from '../modules/deliveries/mail.js';
import type { SendResult } from '../mail-types.js';
import type { DispatcherOptions } from './dispatcher.js';

/** Connect, greeting and one read, each within its timeout: the most a mail can take. */
const MAIL_WORST_MS = 3 * MAIL_STEP_TIMEOUT_MS;

/** What building the sends needs of the dispatcher. */
export interface SendContext {
  db: Db;
  clock: Clock;
  opts: DispatcherOptions;
  /** A robot's answer is awaited at most this long. */
  httpTimeoutMs: number;
  /** The address in effect for this round's links. */
  publicUrl: string;
}

/** `worstMs`: how long the send may take at most (its timeouts); it is not started unless the lease outlasts that. */
export interface Send {
  ids: string[];
  card: Card;
  deliver: (card: Card) => Promise<SendResult>;
  attempts: number;
  worstMs: number;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
/** A digest's key is made from the deliveries it carries: the same digest sent again has the same key. */
const digestKey = (ids: string[]) => `digest:${hash([...ids].sort().join(',')).slice(0, 32)}`;
export const jitterOf = (key: string) => parseInt(hash(key).slice(0, 8), 16) / 2 ** 32;

/** A notice's own card (`mention`: @ the recipient, on a robot). */
function noticeCardOf(ctx: SendContext, d: ClaimedRow, mention: boolean): Card {
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
      link: d.item_id ? `${ctx.publicUrl}/?item=${d.item_id}` : `${ctx.publicUrl}/`,
    },
    d.idempotency_key,
    mention,
  );
}

export async function robotSends(
  ctx: SendContext,
  claimed: ClaimedRow[],
  now: Date,
  result: { deferred: number; failed: number },
): Promise<Send[]> {
  const robots = claimed.filter((d) => d.medium === 'robot' && d.channel_id);
  const channelIds = [...new Set(robots.map((d) => d.channel_id!))];
  if (!channelIds.length) return [];
  const [channels, recent] = await Promise.all([
    ctx.db.select().from(notificationChannels).where(inArray(notificationChannels.id, channelIds)),
    deliveriesRepo.recentSends(ctx.db, channelIds, now),
  ]);
  const sends: Send[] = [];
  for (const id of channelIds) {
    const rows = robots.filter((d) => d.channel_id === id);
    const ch = channels.find((c) => c.id === id);
    if (!ch || !ch.active) {
      await deliveriesRepo.markFailed(
        ctx.db,
        rows.map((d) => d.id),
        null,
        'withdrawn',
        '通知渠道已停用',
      );
      result.failed += rows.length;
      continue;
    }
    const secrets = openChannel(ctx.opts.keys, ch);
    if (!secrets) {
      await deliveriesRepo.markFailed(
        ctx.db,
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
        ctx.db,
        plan.deferred,
        new Date(nextSlotAt(kind, recent.get(id) ?? [], now.getTime())),
      );
      result.deferred += plan.deferred.length;
    }
    const log = (m: string) => ctx.opts.log?.(`通知渠道 ${id}：${m}`);
    const deliver = (card: Card) =>
      sendCard(ctx.opts.egress, kind, secrets.address, secrets.secret, card, ctx.clock.now().getTime(), {
        timeoutMs: ctx.httpTimeoutMs,
        log,
      });
    const byId = new Map(rows.map((d) => [d.id, d]));
    for (const p of plan.sends)
      sends.push({
        ids: p.ids,
        card: cardOf(ctx, p, byId),
        deliver,
        attempts: maxAttempts(p.ids.map((i) => byId.get(i)!)),
        worstMs: ctx.httpTimeoutMs,
      });
  }
  return sends;
}

function cardOf(ctx: SendContext, p: PlannedSend, byId: Map<string, ClaimedRow>): Card {
  const cards = p.ids.map((id) => noticeCardOf(ctx, byId.get(id)!, true));
  if (!p.digest) return cards[0]!;
  return p.digest === 'held' ? heldDigestCard(cards, digestKey(p.ids)) : digestCard(cards, digestKey(p.ids));
}

/** Mail: one message per notice, or one digest per mailbox for what was held. */
export async function mailSends(
  ctx: SendContext,
  claimed: ClaimedRow[],
  now: Date,
  result: { deferred: number },
): Promise<Send[]> {
  const mails = claimed.filter((d) => d.medium === 'mail');
  if (!mails.length) return [];
  const mail = ctx.opts.mail;
  if (!mail) {
    // Mail was switched off after these were made: they wait (visible in the log) rather than vanish.
    await deliveriesRepo.defer(
      ctx.db,
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
          held.map((d) => noticeCardOf(ctx, d, false)),
          digestKey(ids),
        ),
        deliver,
        attempts: maxAttempts(held),
        worstMs: MAIL_WORST_MS,
      });
    }
    for (const d of rows.filter((x) => !x.held))
      sends.push({
        ids: [d.id],
        card: noticeCardOf(ctx, d, false),
        deliver,
        attempts: d.attempts,
        worstMs: MAIL_WORST_MS,
      });
  }
  return sends;
}

/** A digest retries on the schedule of its most-tried delivery. */
const maxAttempts = (rows: readonly ClaimedRow[]) => rows.reduce((m, d) => Math.max(m, d.attempts), 0);
