/**
 * What the dispatcher sends (issue 7): which notices may go to a group chat at all, the short
 * Chinese card of a notice, and how the deliveries waiting for one robot become messages — each on
 * its own while the robot's budget allows, a digest of the rest when it does not, and everything
 * held by quiet hours as one digest. Pure: times and budgets are arguments.
 */
import { digestCard, LIMITS, robotBudget, type Card, type ChannelKind } from './robots.js';

export type Urgency = 'urgent' | 'important' | 'normal';

/**
 * A notice to everyone (the 节前廉政提醒): every person has it in the inbox, one of those notices carries
 * it to the group robots — to each of the unit's robots once, naming no one.
 */
export const BROADCAST_KIND = 'integrity_broadcast';

/**
 * Notices about a person's own affairs (an opinion about them, a return with its reason, an
 * extension they asked for) stay in the inbox and mail; a group chat sees only work reminders.
 */
const GROUP_KINDS = new Set([
  'assigned',
  'chase',
  'urgent',
  'halfway',
  'due_soon',
  'overdue',
  'digest',
  'obligation',
  BROADCAST_KIND,
]);
export const mayGoToGroup = (kind: string) => GROUP_KINDS.has(kind);

/**
 * Notices of confidential discipline records (提醒谈话 / 诫勉 / 函询 delivered, a 函询's reply chased)
 * stay in the person's inbox: no group, and no mail either (a mailbox may be shared or forwarded).
 */
const INBOX_ONLY_KINDS = new Set(['admonition_delivered', 'inquiry_due', 'inquiry_overdue']);
export const mayGoToMail = (kind: string) => !INBOX_ONLY_KINDS.has(kind);

/** 紧急 reminders and notices about 紧急 items are urgent; quiet hours never hold them. */
export const urgencyOf = (kind: string, itemUrgency: string | null): Urgency =>
  kind === 'urgent' ? 'urgent' : itemUrgency === 'urgent' || itemUrgency === 'important' ? itemUrgency : 'normal';

/** The colour word of a card: red for overdue and urgent, yellow for due soon, blue otherwise. */
export function colourOf(kind: string, urgency: Urgency): '红色' | '黄色' | '蓝色' {
  if (kind === 'overdue' || urgency === 'urgent') return '红色';
  if (kind === 'due_soon' || kind === 'halfway' || kind === 'obligation') return '黄色';
  return '蓝色';
}

export interface NoticeFacts {
  id: string;
  kind: string;
  title: string;
  body: string;
  recipientName: string;
  recipientMobile: string;
  itemDue: string | null;
  urgency: Urgency;
  link: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/** A notice as a card: what (title), who, which item and due when, the colour, a link back; @ the person by mobile. */
export function noticeCard(n: NoticeFacts, idempotencyKey: string, mention: boolean): Card {
  const colour = colourOf(n.kind, n.urgency);
  const broadcast = n.kind === BROADCAST_KIND;
  const lines = broadcast
    ? [`【${colour}】${n.body}`]
    : [`【${colour}】${n.body}`, `责任人：${n.recipientName}${n.itemDue ? `，办理时限：${n.itemDue}` : ''}`];
  return {
    title: n.title,
    lines,
    link: n.link,
    idempotencyKey,
    mentionMobiles: mention && !broadcast && MOBILE.test(n.recipientMobile) ? [n.recipientMobile] : [],
    notices: [{ id: n.id, title: n.title }],
  };
}

/** One held digest card: the notices that waited through the quiet hours, in the order they were written. */
export const heldDigestCard = (cards: readonly Card[], key: string): Card =>
  digestCard(cards, key, `非工作时间提醒汇总（${cards.length} 条）`);

export interface Waiting {
  id: string;
  held: boolean;
}
export interface PlannedSend {
  ids: string[];
  digest: 'held' | 'budget' | null;
}

/**
 * The messages one robot gets now from the deliveries waiting for it, oldest first. Held ones go
 * as one digest (one message, even for one notice: it says why it comes late). The rest go one by
 * one within the budget; when they would exceed it, the last free slot carries a digest of the
 * remainder. What does not fit (no slot at all) is deferred. A generic webhook is read by
 * machines: it never gets digests, and what does not fit waits.
 */
export function planSends(
  kind: ChannelKind,
  waiting: readonly Waiting[],
  sentAtMs: readonly number[],
  nowMs: number,
): { sends: PlannedSend[]; deferred: string[] } {
  const held = waiting.filter((w) => w.held).map((w) => w.id);
  const fresh = waiting.filter((w) => !w.held).map((w) => w.id);
  if (kind === 'webhook') {
    const all = [...held, ...fresh];
    const { send } = robotBudget(kind, sentAtMs, nowMs, all.length);
    return { sends: all.slice(0, send).map((id) => ({ ids: [id], digest: null })), deferred: all.slice(send) };
  }
  const wanted = (held.length ? 1 : 0) + fresh.length;
  const { send: free } = robotBudget(kind, sentAtMs, nowMs, wanted);
  const sends: PlannedSend[] = [];
  let slots = free;
  if (held.length) {
    if (slots === 0) return { sends, deferred: [...held, ...fresh] };
    sends.push({ ids: held, digest: 'held' });
    slots--;
  }
  if (fresh.length <= slots)
    return { sends: [...sends, ...fresh.map((id) => ({ ids: [id], digest: null }))], deferred: [] };
  if (slots === 0) return { sends, deferred: fresh };
  const singles = fresh.slice(0, slots - 1);
  const rest = fresh.slice(slots - 1);
  sends.push(...singles.map((id) => ({ ids: [id], digest: null as null })));
  sends.push(rest.length === 1 ? { ids: rest, digest: null } : { ids: rest, digest: 'budget' });
  return { sends, deferred: [] };
}

/** When a robot with this history will have a free slot again (for deferred deliveries). */
export function nextSlotAt(kind: ChannelKind, sentAtMs: readonly number[], nowMs: number): number {
  const inMinute = sentAtMs.filter((t) => nowMs - t < 60_000).sort((a, b) => a - b);
  if (inMinute.length < LIMITS.perMinute[kind]) return nowMs + 1_000;
  return inMinute[inMinute.length - LIMITS.perMinute[kind]]! + 60_000;
}
