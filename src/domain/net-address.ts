/**
 * IP addresses as bytes, and what kind of network each belongs to: whether Zuofeng may send a
 * robot message there without the system administrator's say-so. Pure; the parsers follow
 * node:net's `isIP` (inet_pton: dotted decimal only, no leading zeros), and `parseIPv4Loose`
 * follows the WHATWG URL host parser (and inet_aton): decimal, 0x hex and 0-octal parts, one to
 * four of them — the spellings that turn `http://0x7f.1/` into 127.0.0.1.
 */

export type IPBytes = readonly number[];
export interface ParsedIP {
  family: 4 | 6;
  bytes: IPBytes;
}

const V4_PART = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/;

/** Dotted decimal only, as node:net accepts it: `127.0.0.1`, never `127.1`, `0x7f.0.0.1` or `0127.0.0.1`. */
export function parseIPv4(s: string): IPBytes | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => V4_PART.test(p))) return null;
  return parts.map(Number);
}

/** The URL parser's reading of a host that ends in a number: `2130706433`, `0x7f.1`, `017700000001`, `127.1.` … */
export function parseIPv4Loose(s: string): IPBytes | null {
  const parts = s.split('.');
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  if (parts.length < 1 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) n = parseInt(p.slice(1), 8);
    else if (/^(?:0|[1-9]\d*)$/.test(p)) n = Number(p);
    else return null;
    if (!Number.isSafeInteger(n)) return null;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 256 ** (4 - nums.length)) return null;
  const tail = Array.from({ length: 4 - nums.length }, (_, i) => Math.floor(last / 256 ** (3 - nums.length - i)) % 256);
  return [...nums, ...tail];
}

/** IPv6 as inet_pton reads it (`::`, an IPv4 tail, any case); a zone (`%eth0`) is set aside. */
export function parseIPv6(input: string): IPBytes | null {
  const s = input.includes('%') ? input.slice(0, input.indexOf('%')) : input;
  if (input.includes('%') && !/^%[^%\s]+$/.test(input.slice(s.length))) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    const parts = h.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  // An IPv4 tail may only end the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const explicit = head.length + tail.length;
  if (halves.length === 2 ? explicit > 7 : explicit !== 8) return null;
  const groups = [...head, ...Array<number>(8 - explicit).fill(0), ...tail];
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** A literal address in node:net's sense (brackets of a URL host removed), or null for a name. */
export function parseIP(s: string): ParsedIP | null {
  const host = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  const v4 = parseIPv4(host);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = host.includes(':') ? parseIPv6(host) : null;
  return v6 ? { family: 6, bytes: v6 } : null;
}

export const formatIP = (ip: ParsedIP) =>
  ip.family === 4
    ? ip.bytes.join('.')
    : Array.from({ length: 8 }, (_, i) => ((ip.bytes[2 * i]! << 8) | ip.bytes[2 * i + 1]!).toString(16)).join(':');

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is the IPv4 address it maps: that is where a socket goes. */
export function unmapped(ip: ParsedIP): ParsedIP {
  if (ip.family === 6 && ip.bytes.slice(0, 10).every((b) => b === 0) && ip.bytes[10] === 0xff && ip.bytes[11] === 0xff)
    return { family: 4, bytes: ip.bytes.slice(12) };
  return ip;
}

export interface Cidr {
  family: 4 | 6;
  bytes: IPBytes;
  prefix: number;
}

/** Whether `ip` lies in `c`; an IPv4-mapped address is compared as the IPv4 address it maps. */
export function inCidr(ip: ParsedIP, c: Cidr): boolean {
  const a = c.family === 4 ? unmapped(ip) : ip;
  if (a.family !== c.family) return false;
  for (let bit = 0; bit < c.prefix; bit += 8) {
    const n = Math.min(8, c.prefix - bit);
    const mask = (0xff << (8 - n)) & 0xff;
    if ((a.bytes[bit / 8]! & mask) !== (c.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

/** `10.0.0.0/8`, `fd00::/8`; host bits are cleared; `::ffff:10.0.0.0/104` is read as `10.0.0.0/8`. */
export function parseCidr(s: string): Cidr | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  const parsed = m ? parseIP(m[1]!) : null;
  let prefix = m ? Number(m[2]) : NaN;
  if (!parsed || prefix > (parsed.family === 4 ? 32 : 128)) return null;
  const ip = parsed.family === 6 && prefix >= 96 ? unmapped(parsed) : parsed;
  if (ip !== parsed) prefix -= 96;
  const bytes = ip.bytes.map((b, i) =>
    i * 8 >= prefix ? 0 : i * 8 + 8 <= prefix ? b : b & ((0xff << (8 - (prefix - i * 8))) & 0xff),
  );
  return { family: ip.family, bytes, prefix };
}

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'cgnat'
  | 'multicast'
  | 'documentation'
  | 'reserved';

export const ADDRESS_CLASS_LABELS: Record<AddressClass, string> = {
  public: '公网地址',
  unspecified: '未指定地址（0.0.0.0 等）',
  loopback: '本机地址',
  private: '内网地址',
  'link-local': '链路本地地址',
  metadata: '云主机元数据地址',
  cgnat: '运营商级 NAT 地址（100.64.0.0/10）',
  multicast: '组播地址',
  documentation: '文档示例地址',
  reserved: '保留地址',
};

const cidr = (s: string) => parseCidr(s)!;
/** First match wins: the metadata addresses before the ranges that hold them. */
const V4_RANGES: [Cidr, AddressClass][] = (
  [
    ['0.0.0.0/8', 'unspecified'],
    ['10.0.0.0/8', 'private'],
    ['100.64.0.0/10', 'cgnat'],
    ['127.0.0.0/8', 'loopback'],
    ['169.254.169.254/32', 'metadata'],
    ['169.254.0.0/16', 'link-local'],
    ['172.16.0.0/12', 'private'],
    ['192.0.0.0/24', 'reserved'],
    ['192.0.2.0/24', 'documentation'],
    ['192.88.99.0/24', 'reserved'],
    ['192.168.0.0/16', 'private'],
    ['198.18.0.0/15', 'reserved'],
    ['198.51.100.0/24', 'documentation'],
    ['203.0.113.0/24', 'documentation'],
    ['224.0.0.0/4', 'multicast'],
    ['240.0.0.0/4', 'reserved'],
  ] as const
).map(([c, k]) => [cidr(c), k]);
const V6_RANGES: [Cidr, AddressClass][] = (
  [
    ['::/128', 'unspecified'],
    ['::1/128', 'loopback'],
    ['64:ff9b:1::/48', 'private'],
    ['100::/64', 'reserved'],
    ['2001::/23', 'reserved'],
    ['2001:db8::/32', 'documentation'],
    ['fd00:ec2::254/128', 'metadata'],
    ['fc00::/7', 'private'],
    ['fe80::/10', 'link-local'],
    ['fec0::/10', 'private'],
    ['ff00::/8', 'multicast'],
  ] as const
).map(([c, k]) => [cidr(c), k]);
/** Prefixes whose addresses carry an IPv4 address (compatible, NAT64, 6to4; mapped ones are unmapped first): judged by that address. */
const EMBEDDED_V4: [Cidr, number][] = [
  [cidr('::/96'), 12],
  [cidr('64:ff9b::/96'), 12],
  [cidr('2002::/16'), 2],
];

export function classifyIP(address: ParsedIP): AddressClass {
  const ip = unmapped(address);
  if (ip.family === 4) return V4_RANGES.find(([c]) => inCidr(ip, c))?.[1] ?? 'public';
  const direct = V6_RANGES.find(([c]) => inCidr(ip, c));
  if (direct) return direct[1];
  const embedded = EMBEDDED_V4.find(([c]) => inCidr(ip, c));
  if (embedded) return classifyIP({ family: 4, bytes: ip.bytes.slice(embedded[1], embedded[1] + 4) });
  return 'public';
}

/** The class of a literal address, or null when `s` is not one. */
export function classifyLiteral(s: string): AddressClass | null {
  const ip = parseIP(s);
  return ip ? classifyIP(ip) : null;
}
