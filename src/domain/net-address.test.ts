import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyIP,
  classifyLiteral,
  inCidr,
  parseCidr,
  parseIP,
  parseIPv4,
  parseIPv4Loose,
  parseIPv6,
  type AddressClass,
} from './net-address.js';

const v4 = (s: string) => ({ family: 4 as const, bytes: parseIPv4(s)! });
const hex4 = (b: readonly number[]) => `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;

describe('parsing addresses as node:net and the URL parser do', () => {
  it('reads dotted decimal only as an IPv4 literal', () => {
    expect(parseIPv4('127.0.0.1')).toEqual([127, 0, 0, 1]);
    for (const s of ['127.1', '0127.0.0.1', '0x7f.0.0.1', '256.0.0.1', '1.2.3.4.', ' 1.2.3.4', '1.2.3', ''])
      expect(parseIPv4(s), s).toBeNull();
  });

  it('reads the decimal, hex and octal spellings a URL host may use', () => {
    const cases: [string, string][] = [
      ['2130706433', '127.0.0.1'],
      ['0x7f000001', '127.0.0.1'],
      ['017700000001', '127.0.0.1'],
      ['0x7f.1', '127.0.0.1'],
      ['0177.0.0.1', '127.0.0.1'],
      ['127.1', '127.0.0.1'],
      ['127.0.1', '127.0.0.1'],
      ['127.1.', '127.0.0.1'],
      ['0xA9.0xFE.0xA9.0xFE', '169.254.169.254'],
      ['2852039166', '169.254.169.254'],
      ['10.0x10000', '10.1.0.0'],
      ['0', '0.0.0.0'],
      ['0x', '0.0.0.0'],
    ];
    for (const [s, want] of cases) {
      expect(parseIPv4Loose(s)?.join('.'), s).toBe(want);
      expect(new URL(`http://${s}/`).hostname, `URL ${s}`).toBe(want);
    }
    for (const s of ['1.2.3.4.5', '256.1', '4294967296', '09', 'abc', '1.2.3.0x100', 'example.cn'])
      expect(parseIPv4Loose(s), s).toBeNull();
  });

  it('agrees with the URL parser on any spelling of any IPv4 address', () => {
    const part = (n: number, radix: number) =>
      radix === 16 ? `0x${n.toString(16)}` : radix === 8 ? `0${n.toString(8)}` : String(n);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom(8, 10, 16), { minLength: 4, maxLength: 4 }),
        (n, parts, radixes) => {
          const bytes = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
          const head = bytes.slice(0, parts - 1);
          const rest = bytes.slice(parts - 1).reduce((a, b) => a * 256 + b, 0);
          const spelling = [...head, rest].map((x, i) => part(x, radixes[i]!)).join('.');
          expect(parseIPv4Loose(spelling)).toEqual(bytes);
          expect(new URL(`http://${spelling}/`).hostname).toBe(bytes.join('.'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads IPv6 with ::, an IPv4 tail and a zone; refuses malformed ones', () => {
    expect(parseIPv6('::1')).toEqual([...Array(15).fill(0), 1]);
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual(parseIPv6('::ffff:7f00:1'));
    expect(parseIPv6('1:2:3:4:5:6:7::')).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]);
    expect(parseIPv6('FE80::1%eth0')).toEqual(parseIPv6('fe80::1'));
    for (const s of [
      '1:2:3:4:5:6:7:8:9',
      ':::',
      '1::2::3',
      '::ffff:127.1',
      '12345::',
      '::1.2.3.4:5',
      '1.2.3.4::',
      'fe80::1%',
      '::g',
      '1:2:3:4:5:6:7',
    ])
      expect(parseIPv6(s), s).toBeNull();
    expect(parseIP('[::1]')).toEqual({ family: 6, bytes: parseIPv6('::1') });
    expect(parseIP('localhost')).toBeNull();
  });
});

describe('classifying addresses', () => {
  const table: [string, AddressClass][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.0.23', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.100.100.200', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['8.8.8.8', 'public'],
    ['101.226.103.106', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:FFFF:7F00:0001', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['fd00:ec2::254', 'metadata'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:0a00:0001::', 'private'],
    ['2001::1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['2400:3200::1', 'public'],
    ['2001:4860:4860::8888', 'public'],
  ];
  it('knows loopback, private, link-local, CGNAT, metadata, multicast and reserved ranges', () => {
    for (const [s, want] of table) expect(classifyLiteral(s), s).toBe(want);
    expect(classifyLiteral('example.cn')).toBeNull();
  });

  /** An IPv4 address inside a range that is not public, and every way to write it. */
  const forbiddenV4 = fc
    .constantFrom(
      '127.0.0.0/8',
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
      '169.254.0.0/16',
      '100.64.0.0/10',
      '0.0.0.0/8',
      '224.0.0.0/4',
    )
    .chain((range) =>
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => {
        const c = parseCidr(range)!;
        const base = c.bytes.reduce((a, b) => a * 256 + b, 0);
        const ip = base + (n % 2 ** (32 - c.prefix));
        return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255];
      }),
    );

  it('no spelling of a forbidden IPv4 address passes as public: dotted, decimal, hex, octal, IPv4-mapped, NAT64, 6to4', () => {
    fc.assert(
      fc.property(forbiddenV4, (b) => {
        const dotted = b.join('.');
        const cls = classifyIP(v4(dotted));
        expect(cls).not.toBe('public');
        const n = b.reduce((a, x) => a * 256 + x, 0);
        for (const host of [
          String(n),
          `0x${n.toString(16)}`,
          `0${n.toString(8)}`,
          `${b[0]}.${(b[1]! << 16) | (b[2]! << 8) | b[3]!}`,
        ]) {
          expect(classifyLiteral(new URL(`http://${host}/`).hostname), host).toBe(cls);
        }
        for (const v6 of [
          `::ffff:${dotted}`,
          `::ffff:${hex4(b)}`,
          `0:0:0:0:0:ffff:${hex4(b).toUpperCase()}`,
          `64:ff9b::${hex4(b)}`,
          `2002:${hex4(b)}::1`,
        ]) {
          expect(classifyLiteral(v6), v6).toBe(cls);
          expect(classifyLiteral(new URL(`http://[${v6}]/`).hostname), `URL [${v6}]`).toBe(cls);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('classifies any 16 bytes without throwing, and an address lies in its own network', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 128 }),
        (bytes, prefix) => {
          const ip = { family: 6 as const, bytes };
          expect(typeof classifyIP(ip)).toBe('string');
          expect(inCidr(ip, { family: 6, bytes, prefix })).toBe(true);
        },
      ),
    );
    expect(inCidr(v4('10.9.8.7'), parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(inCidr(parseIP('::ffff:10.9.8.7')!, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(inCidr(v4('11.0.0.1'), parseCidr('10.0.0.0/8')!)).toBe(false);
    expect(parseCidr('::ffff:10.0.0.0/104')).toEqual(parseCidr('10.0.0.0/8'));
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'fd00::/129', 'x/8']) expect(parseCidr(bad), bad).toBeNull();
  });
});
