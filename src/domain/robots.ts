/**
 * Group robots of the chat tools Chinese offices use, as their vendors document them: how a
 * message card becomes each vendor's request (address, signature, body, length limits), what each
 * answer means, and how many messages a robot may take now. Pure: `nowMs` is an argument.
 */
import { createHmac } from 'node:crypto';

export const CHANNEL_KINDS = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉自定义机器人',
  feishu: '飞书自定义机器人',
  webhook: '通用 Webhook',
} as const;
export type ChannelKind = keyof typeof CHANNEL_KINDS;

/** A short Chinese card: what, which item, due when, colour, a link back; who to @. */
export interface Card {
  title: string;
  lines: string[];
  link?: string;
  mentionMobiles?: string[];
  idempotencyKey: string;
  /** The notices a card carries (one, or a digest's); a generic webhook receives them by id. */
  notices?: { id: string; title: string }[];
}
export interface RobotRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Limits as the vendors state them (bytes of UTF-8). */
export const LIMITS = {
  wecomMarkdownBytes: 4096,
  wecomTextBytes: 2048,
  dingtalkTextBytes: 20000,
  feishuBodyBytes: 20 * 1024,
  /** Messages per robot per minute (WeCom and DingTalk 20, Feishu 100) and per second (Feishu 5); the
   *  generic webhook is ours: a generous ceiling that keeps a burst from flooding the other system. */
  perMinute: { wecom: 20, dingtalk: 20, feishu: 100, webhook: 6000 } as Record<ChannelKind, number>,
  perSecond: { wecom: 20, dingtalk: 20, feishu: 5, webhook: 100 } as Record<ChannelKind, number>,
};

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Cuts text to at most `max` UTF-8 bytes on a character boundary, marking the cut. */
export function fitBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  const mark = '…（内容过长，已截断）';
  let out = '';
  for (const ch of text) {
    if (bytes(out + ch) + bytes(mark) > max) break;
    out += ch;
  }
  return out + mark;
}

/** DingTalk: Base64(HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`), millisecond timestamp. */
export const dingtalkSign = (secret: string, timestampMs: number) =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
/** Feishu: Base64(HMAC-SHA256 keyed by `timestamp + "\n" + secret` over an empty message), second timestamp. */
export const feishuSign = (secret: string, timestampS: number) =>
  createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');
/** Generic webhook: hex HMAC-SHA256 of `timestamp + "." + body` keyed by the secret. */
export const webhookSignature = (secret: string, timestampS: number, body: string) =>
  createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');

/**
 * Characters WeCom's and DingTalk's markdown give a meaning to (links, images, emphasis, code,
 * headings, quotes, tables, `<font>` tags, entities), as their full-width look-alikes: an item
 * titled `[点我](http://evil)` shows as ［点我］（http://evil） — text, not a link.
 */
const MARKDOWN_LOOKALIKES: Record<string, string> = {
  '\\': '＼',
  '`': '｀',
  '*': '＊',
  _: '＿',
  '{': '｛',
  '}': '｝',
  '[': '［',
  ']': '］',
  '(': '（',
  ')': '）',
  '#': '＃',
  '<': '＜',
  '>': '＞',
  '~': '～',
  '|': '｜',
  '&': '＆',
};
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#<>~|&]/g;

/** User-provided text for a markdown card: one line (a line break could start a heading or a quote), every markup character neutral. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
      .replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_LOOKALIKES[c]!)
      // A line that starts with "- ", "+ " or "1. " would become a list item.
      .replace(/^(\s*)([-+])/, (_, sp: string, c: string) => `${sp}${c === '-' ? '－' : '＋'}`)
      .replace(/^(\s*\d+)\./, '$1．')
  );
}

/** Our own link, from the configured public address: characters that would end the markdown link are percent-encoded. */
const markdownLink = (url: string) =>
  url.replace(/[\s()[\]<>"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function markdownOf(card: Card, at: (m: string) => string = () => '') {
  const mentions = (card.mentionMobiles ?? []).map(at).join(' ');
  return [
    `**${escapeMarkdown(card.title)}**`,
    ...card.lines.map(escapeMarkdown),
    ...(card.link ? [`[查看详情](${markdownLink(card.link)})`] : []),
    ...(mentions.trim() ? [mentions] : []),
  ].join('\n\n');
}

const plainOf = (card: Card) => [card.title, ...card.lines, ...(card.link ? [card.link] : [])].join('\n');

/** The request one vendor expects for a card. */
export function robotRequest(
  kind: ChannelKind,
  address: string,
  secret: string,
  card: Card,
  nowMs: number,
): RobotRequest {
  const json = { 'content-type': 'application/json' };
  if (kind === 'wecom') {
    // Only WeCom's text message can @ people by mobile number; without mentions the card goes as markdown.
    if (card.mentionMobiles?.length) {
      const content = fitBytes(plainOf(card), LIMITS.wecomTextBytes);
      return {
        url: address,
        headers: json,
        body: JSON.stringify({ msgtype: 'text', text: { content, mentioned_mobile_list: card.mentionMobiles } }),
      };
    }
    const content = fitBytes(markdownOf(card), LIMITS.wecomMarkdownBytes);
    return { url: address, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }) };
  }
  if (kind === 'dingtalk') {
    const url = new URL(address);
    if (secret) {
      url.searchParams.set('timestamp', String(nowMs));
      url.searchParams.set('sign', dingtalkSign(secret, nowMs));
    }
    const text = fitBytes(
      markdownOf(card, (m) => `@${m}`),
      LIMITS.dingtalkTextBytes,
    );
    return {
      url: url.toString(),
      headers: json,
      body: JSON.stringify({
        msgtype: 'markdown',
        markdown: { title: escapeMarkdown(card.title).slice(0, 60), text },
        at: { atMobiles: card.mentionMobiles ?? [], isAtAll: false },
      }),
    };
  }
  if (kind === 'feishu') {
    const ts = Math.floor(nowMs / 1000);
    const make = (text: string) =>
      JSON.stringify({
        ...(secret ? { timestamp: String(ts), sign: feishuSign(secret, ts) } : {}),
        msg_type: 'text',
        content: { text },
      });
    const full = plainOf(card);
    // The whole body must stay under 20 KB: fit the text to what the envelope leaves.
    const room = LIMITS.feishuBodyBytes - bytes(make('')) - 64;
    return { url: address, headers: json, body: make(fitBytes(full, room)) };
  }
  const ts = Math.floor(nowMs / 1000);
  const body = JSON.stringify({
    id: card.idempotencyKey,
    title: card.title,
    lines: card.lines,
    link: card.link ?? null,
    mentionMobiles: card.mentionMobiles ?? [],
    notices: card.notices ?? [],
    sentAt: ts,
  });
  return {
    url: address,
    headers: {
      ...json,
      'x-zuofeng-timestamp': String(ts),
      'x-zuofeng-signature': `sha256=${webhookSignature(secret, ts, body)}`,
      'idempotency-key': card.idempotencyKey,
    },
    body,
  };
}

export interface RobotAnswer {
  ok: boolean;
  code: string;
  message: string;
  retryable: boolean;
}

const VENDOR_LABELS: Record<ChannelKind, string> = {
  wecom: '企业微信',
  dingtalk: '钉钉',
  feishu: '飞书',
  webhook: '对方系统',
};
/** A short message field of an answer, if it has one; never the body itself. */
const field = (body: Record<string, unknown>, ...names: string[]) => {
  for (const n of names) if (typeof body[n] === 'string' && body[n]) return (body[n] as string).slice(0, 200);
  return null;
};

/**
 * What an answer means: each vendor's success body, its error codes, and which errors are worth
 * retrying. The message is the vendor's own (errmsg, msg) — never the raw body, which from a
 * misdirected address could be anything the other side chose to say.
 */
export function readAnswer(kind: ChannelKind, status: number, text: string): RobotAnswer {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    /* not JSON: judged by the status */
  }
  const retryStatus = status === 429 || status >= 500;
  const notTheirs = `对方应答不是${VENDOR_LABELS[kind]}机器人的格式（HTTP ${status}）`;
  if (kind === 'wecom' || kind === 'dingtalk') {
    const code = Number(body.errcode ?? (status === 200 ? NaN : status));
    if (status === 200 && code === 0)
      return { ok: true, code: '0', message: field(body, 'errmsg') ?? 'ok', retryable: false };
    // WeCom 45009 and DingTalk 130101: too many messages now; -1 is the vendor's "system busy".
    const busy = code === 45009 || code === 130101 || code === -1;
    return {
      ok: false,
      code: Number.isNaN(code) ? String(status) : String(code),
      message: field(body, 'errmsg') ?? notTheirs,
      retryable: busy || retryStatus,
    };
  }
  if (kind === 'feishu') {
    const code = Number(body.code ?? body.StatusCode ?? (status === 200 ? NaN : status));
    if (status === 200 && code === 0)
      return { ok: true, code: '0', message: field(body, 'msg') ?? 'success', retryable: false };
    // 11232: the bot is sending too fast.
    return {
      ok: false,
      code: Number.isNaN(code) ? String(status) : String(code),
      message: field(body, 'msg', 'StatusMessage') ?? notTheirs,
      retryable: code === 11232 || retryStatus,
    };
  }
  if (status >= 200 && status < 300) return { ok: true, code: String(status), message: 'ok', retryable: false };
  // Our generic webhook: a refusal may say why in a JSON `error` or `message` field.
  return {
    ok: false,
    code: String(status),
    message: field(body, 'error', 'message', 'msg') ?? `对方拒绝了消息（HTTP ${status}）`,
    retryable: retryStatus,
  };
}

/**
 * How many of `waiting` messages a robot may take now, given the times of what it was sent
 * recently: within its per-minute and per-second budgets. When fewer than all may go, the last
 * allowed slot carries a digest of the rest (so nothing waits a whole minute behind a burst).
 */
export function robotBudget(
  kind: ChannelKind,
  sentAtMs: readonly number[],
  nowMs: number,
  waiting: number,
): { send: number; digest: boolean } {
  const inMinute = sentAtMs.filter((t) => nowMs - t < 60_000).length;
  const inSecond = sentAtMs.filter((t) => nowMs - t < 1_000).length;
  const free = Math.max(0, Math.min(LIMITS.perMinute[kind] - inMinute, LIMITS.perSecond[kind] - inSecond));
  if (waiting <= free) return { send: waiting, digest: false };
  if (free === 0) return { send: 0, digest: false };
  return { send: free, digest: true };
}

/** A digest card of several cards for one robot (the rate limit's way of not dropping anything); quiet hours give it another title. */
export function digestCard(cards: readonly Card[], key: string, title = `督办提醒汇总（${cards.length} 条）`): Card {
  return {
    title,
    lines: cards
      .slice(0, 30)
      .map((c, i) => `${i + 1}. ${c.title}${c.lines[0] ? `：${c.lines[0]}` : ''}`)
      .concat(cards.length > 30 ? [`另有 ${cards.length - 30} 条，请登录系统查看`] : []),
    link: cards.find((c) => c.link)?.link,
    mentionMobiles: [...new Set(cards.flatMap((c) => c.mentionMobiles ?? []))],
    idempotencyKey: key,
    notices: cards.flatMap((c) => c.notices ?? []),
  };
}
