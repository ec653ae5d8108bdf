/**
 * Where a robot message may go. The chat tools' robots live on their vendors' documented hosts
 * (always https); anything else — a private deployment (政务钉钉, on-premise WeCom), an OA system in
 * the unit's own network — needs the system administrator's allow-list (ZUOFENG_CHANNEL_ALLOW_HOSTS).
 * A generic webhook may go to any public address over https. The address actually connected to is
 * judged again at connect time (`mayConnect`), so a name that resolves somewhere else later (DNS
 * rebinding) gains nothing. Also: how addresses are shown (masked) wherever they are shown. Pure.
 *
 * A refusal tells the user only that the address is internal (or not allowed), never what a name
 * resolved to: the channel managers must not be able to map the unit's internal names through it.
 * The precise reason (`detail`) is for the server's log.
 */
import type { ChannelKind } from './robots.js';
import {
  ADDRESS_CLASS_LABELS,
  classifyIP,
  formatIP,
  inCidr,
  parseCidr,
  parseIP,
  parseIPv4Loose,
  unmapped,
  type Cidr,
  type ParsedIP,
} from './net-address.js';

/** The hosts the vendors document for their group robots' webhooks. */
export const VENDOR_HOSTS: Record<Exclude<ChannelKind, 'webhook'>, readonly string[]> = {
  wecom: ['qyapi.weixin.qq.com'],
  dingtalk: ['oapi.dingtalk.com'],
  feishu: ['open.feishu.cn', 'open.larksuite.com'],
};
const VENDOR_NAMES: Record<Exclude<ChannelKind, 'webhook'>, string> = {
  wecom: '企业微信',
  dingtalk: '钉钉',
  feishu: '飞书',
};

export type AllowEntry =
  | { kind: 'name'; host: string; port: number | null; text: string }
  | { kind: 'ip'; ip: ParsedIP; port: number | null; text: string }
  | { kind: 'cidr'; cidr: Cidr; text: string };

export interface AllowList {
  entries: readonly AllowEntry[];
}
export const EMPTY_ALLOW_LIST: AllowList = { entries: [] };

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
/** Lower case, no brackets, no trailing dot: how URL hostnames and allow-list names are compared. */
export const normalHost = (h: string) =>
  h
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');

function parsePort(p: string): number | null {
  const n = /^\d{1,5}$/.test(p) ? Number(p) : 0;
  return n >= 1 && n <= 65535 ? n : null;
}

function parseEntry(text: string): AllowEntry | string {
  const bad = `“${text}”不是有效的主机名、主机名:端口或网段`;
  if (text.includes('/')) {
    const c = parseCidr(text);
    return c ? { kind: 'cidr', cidr: c, text } : bad;
  }
  let host = text;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2] !== undefined && !(port = parsePort(bracketed[2]))) return bad;
  } else if ((text.match(/:/g) ?? []).length === 1) {
    [host] = text.split(':') as [string];
    if (!(port = parsePort(text.slice(host.length + 1)))) return bad;
  }
  const ip = parseIP(host);
  if (ip) return { kind: 'ip', ip: unmapped(ip), port, text };
  const name = normalHost(host);
  // `0x7f.1` or `2130706433` would mean an address to some parsers and a name to others: refuse the ambiguity.
  if (parseIPv4Loose(name)) return `“${text}”请写成点分十进制的地址（如 127.0.0.1）`;
  return DNS_NAME.test(name) ? { kind: 'name', host: name, port, text } : bad;
}

/** Comma- or space-separated entries: `oa.gov.cn`, `oa.gov.cn:8443`, `10.1.2.3`, `[fd00::1]:8080`, `10.0.0.0/8`. */
export function parseAllowList(text: string): { list: AllowList; errors: string[] } {
  const entries: AllowEntry[] = [];
  const errors: string[] = [];
  for (const part of text.split(/[\s,，]+/).filter(Boolean)) {
    const e = parseEntry(part);
    if (typeof e === 'string') errors.push(e);
    else entries.push(e);
  }
  return { list: { entries }, errors };
}

const sameIP = (a: ParsedIP, b: ParsedIP) => {
  const x = unmapped(a);
  const y = unmapped(b);
  return x.family === y.family && x.bytes.every((v, i) => v === y.bytes[i]);
};
const portOk = (entryPort: number | null, port: number) => entryPort === null || entryPort === port;

/** The allow-list lets this destination through: by its name (and port), or by the address connected to. */
export function allowListed(list: AllowList, host: string, port: number, address: ParsedIP | null): boolean {
  const name = normalHost(host);
  return list.entries.some((e) =>
    e.kind === 'name'
      ? e.host === name && portOk(e.port, port)
      : e.kind === 'ip'
        ? !!address && sameIP(e.ip, address) && portOk(e.port, port)
        : !!address && inCidr(address, e.cidr),
  );
}

/** The host as written is allow-listed: its name, or its literal address. */
function listedAsWritten(list: AllowList, host: string, port: number): boolean {
  return allowListed(list, host, port, parseIP(normalHost(host)));
}

/** Before resolving: could the allow-list let this host through (as written, or by an address it may resolve to)? */
function mightBeAllowed(list: AllowList, host: string, port: number): boolean {
  if (listedAsWritten(list, host, port)) return true;
  return (
    !parseIP(normalHost(host)) &&
    list.entries.some((e) => e.kind === 'cidr' || (e.kind === 'ip' && portOk(e.port, port)))
  );
}

export const portOf = (u: URL) => (u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80);

/** A refusal: `message` for the user, `detail` (which address, which kind) for the server's log only. */
export interface Refusal {
  ok: false;
  message: string;
  detail?: string;
}
/** What `checkTarget` says: refused with a reason, or allowed — and then whether the connected address must be allow-listed. */
export type TargetVerdict = Refusal | { ok: true; allowListedOnly: boolean };

const ALLOW_HINT = '如需使用，请系统管理员将其加入 ZUOFENG_CHANNEL_ALLOW_HOSTS';
const ALLOW_PRIVATE = '须由系统管理员加入 ZUOFENG_CHANNEL_ALLOW_HOSTS';
/** The one answer for an internal destination, whether written as an address or reached through a name. */
export const INTERNAL_REFUSED = `该地址指向内网或本机，不能作为推送地址；${ALLOW_HINT}`;
/** The one answer for a destination that must be allow-listed (a private deployment, plain http) and is not. */
export const NOT_ALLOWED = `该地址不在系统管理员允许的地址范围内，不能作为推送地址；${ALLOW_HINT}`;

/**
 * The address as written: scheme, host and port against the vendor's documented host and the
 * allow-list. A literal address is judged here; a name is judged again on what it resolves to.
 */
export function checkTarget(kind: ChannelKind, address: string, list: AllowList): TargetVerdict {
  let u: URL;
  try {
    u = new URL(address);
  } catch {
    return { ok: false, message: '地址格式不正确' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, message: '地址应以 https:// 开头' };
  const host = normalHost(u.hostname);
  const port = portOf(u);
  const literal = parseIP(host);
  if (literal) {
    const cls = classifyIP(literal);
    if (cls !== 'public' && !allowListed(list, host, port, literal))
      return {
        ok: false,
        message: INTERNAL_REFUSED,
        detail: `${formatIP(unmapped(literal))} 是${ADDRESS_CLASS_LABELS[cls]}`,
      };
  }
  if (kind !== 'webhook') {
    if (VENDOR_HOSTS[kind].includes(host)) {
      if (u.protocol !== 'https:' || port !== 443)
        return { ok: false, message: `${VENDOR_NAMES[kind]}机器人地址应以 https://${host}/ 开头（不带端口）` };
      return { ok: true, allowListedOnly: false };
    }
    // A private deployment is named in the allow-list as it is written in the address (its host name, or its address).
    if (!listedAsWritten(list, host, port)) {
      return {
        ok: false,
        message: `${VENDOR_NAMES[kind]}机器人地址应为 https://${VENDOR_HOSTS[kind].join(' 或 https://')} 开头。私有部署的地址${ALLOW_PRIVATE}`,
      };
    }
    return { ok: true, allowListedOnly: true };
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    if (!mightBeAllowed(list, host, port)) return { ok: false, message: INTERNAL_REFUSED, detail: `${host} 指向本机` };
  }
  if (u.protocol === 'http:') {
    if (!mightBeAllowed(list, host, port))
      return {
        ok: false,
        message: `推送内容含人员姓名和手机号，公网地址须使用 https://。内网系统的 http 地址${ALLOW_PRIVATE}`,
      };
    return { ok: true, allowListedOnly: true };
  }
  return { ok: true, allowListedOnly: false };
}

/**
 * At connect time: the address a name resolved to (or the literal) may be connected to. The message
 * names neither the address nor its kind (see the top of this file); `detail` does, for the log.
 */
export function mayConnect(
  list: AllowList,
  host: string,
  port: number,
  address: string,
  allowListedOnly: boolean,
): { ok: true } | Required<Refusal> {
  const name = normalHost(host);
  const ip = parseIP(address);
  if (!ip) return { ok: false, message: INTERNAL_REFUSED, detail: `${name} 解析到无法识别的地址 ${address}` };
  if (allowListed(list, host, port, ip)) return { ok: true };
  const cls = classifyIP(ip);
  const shown = formatIP(unmapped(ip));
  if (allowListedOnly)
    return {
      ok: false,
      message: NOT_ALLOWED,
      detail: `${name}:${port}（${shown}）不在 ZUOFENG_CHANNEL_ALLOW_HOSTS 内`,
    };
  return cls === 'public'
    ? { ok: true }
    : { ok: false, message: INTERNAL_REFUSED, detail: `${name} 解析到${ADDRESS_CLASS_LABELS[cls]} ${shown}` };
}

/** Path segments the vendors' own addresses are made of: shown; any other segment may be a token and is hidden. */
const PLAIN_SEGMENTS = new Set(['', 'cgi-bin', 'webhook', 'send', 'robot', 'open-apis', 'bot', 'v2', 'hook']);
const PLAIN_QUERY_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,19}$/;

/**
 * An address as lists, audit events and logs show it: no user name or password, every query value,
 * every path segment but the vendors' fixed words, and any fragment replaced by ***:
 * `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***`.
 */
export function maskAddress(address: string): string {
  let u: URL;
  try {
    u = new URL(address);
  } catch {
    return '***';
  }
  const path = u.pathname
    .split('/')
    .map((s) => (PLAIN_SEGMENTS.has(s.toLowerCase()) ? s : '***'))
    .join('/');
  const query = [...u.searchParams.keys()].map((k) => `${PLAIN_QUERY_KEY.test(k) ? k : '***'}=***`).join('&');
  return `${u.protocol}//${u.host}${path}${query ? `?${query}` : ''}${u.hash ? '#***' : ''}`;
}

/** Masks any address inside a text (a vendor's error message may quote the address it was sent to). */
export const maskAddressesIn = (text: string) =>
  text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>，。）)]+/gi, (m) => maskAddress(m));
