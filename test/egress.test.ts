import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INTERNAL_REFUSED, NOT_ALLOWED, parseAllowList } from '../src/domain/channel-address.js';
import { classifyIP, parseIP, parseIPv4Loose } from '../src/domain/net-address.js';
import type { Card } from '../src/domain/robots.js';
import { sendCard } from '../src/server/modules/channels/send.js';
import { Egress, EgressRefused, type Resolver } from '../src/server/net/egress.js';
import { startReceivers, type Receivers } from './robot-receivers.js';

const cfg = {
  wecomKey: 'wk-egress',
  dingToken: 'dt',
  dingSecret: 'SECd',
  feishuHook: 'fh',
  feishuSecret: 'fs',
  webhookSecret: 'wh-egress',
};
const card: Card = { title: '【测试】', lines: ['第一行'], idempotencyKey: 'egress-1' };
let rx: Receivers;
beforeAll(async () => {
  rx = await startReceivers(cfg);
});
afterAll(() => rx.close());
afterEach(() => vi.restoreAllMocks());

/** Names a test resolver knows: a name for the loopback, the metadata address, a private one, and one with a public and a private record. */
const table: Record<string, string[]> = {
  'robot.rebind.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'intranet.test': ['10.0.0.8'],
  'mixed.test': ['101.226.103.106', '127.0.0.1'],
  'mapped.test': ['::ffff:127.0.0.1'],
};
const resolver: Resolver = async (host) =>
  (table[host] ?? []).map((address) => ({ address, family: net.isIP(address) }));
const post = (egress: Egress, url: string) =>
  egress.post(new URL(url), { headers: {}, body: '{}', timeoutMs: 2000, maxBytes: 1024, allowListedOnly: false });

describe('our address parser agrees with node:net and the URL parser', () => {
  it('on which strings are IP literals, and on the bytes of every IPv4 and IPv6 spelling', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.x'), maxLength: 24 }), (s) => {
        expect(parseIP(s) !== null, s).toBe(net.isIP(s) !== 0);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (s) => {
        expect(net.isIP(s)).not.toBe(0);
        const canonical = new URL(`http://${s.includes(':') ? `[${s}]` : s}/`).hostname;
        expect(parseIP(canonical)!.bytes).toEqual(parseIP(s)!.bytes);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.ipV4Extended(), (s) => {
        expect(parseIPv4Loose(s)!.join('.')).toBe(new URL(`http://${s}/`).hostname);
      }),
      { numRuns: 1000 },
    );
  });

  it('on which IPv4 addresses lie in the refused ranges (node:net BlockList)', () => {
    const blocked = new net.BlockList();
    for (const [a, p] of [
      ['0.0.0.0', 8],
      ['10.0.0.0', 8],
      ['100.64.0.0', 10],
      ['127.0.0.0', 8],
      ['169.254.0.0', 16],
      ['172.16.0.0', 12],
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['192.88.99.0', 24],
      ['192.168.0.0', 16],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      ['224.0.0.0', 4],
      ['240.0.0.0', 4],
    ] as const)
      blocked.addSubnet(a, p, 'ipv4');
    fc.assert(
      fc.property(fc.ipV4(), (s) => {
        expect(classifyIP(parseIP(s)!) !== 'public', s).toBe(blocked.check(s, 'ipv4'));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('robot messages to internal addresses, without the allow-list', () => {
  const egress = new Egress(parseAllowList('').list, resolver);
  afterAll(() => egress.close());

  it('are refused for the local receivers — loopback, localhost, IPv4-mapped and other spellings — without a connection', async () => {
    const p = rx.port;
    const addresses: [Parameters<typeof sendCard>[1], string][] = [
      ['webhook', `${rx.base}/hooks/zuofeng`],
      ['webhook', `https://127.0.0.1:${p}/hooks/zuofeng`],
      ['webhook', `https://localhost:${p}/hooks/zuofeng`],
      ['webhook', `https://[::ffff:127.0.0.1]:${p}/hooks/zuofeng`],
      ['webhook', `https://[::ffff:7f00:1]:${p}/hooks/zuofeng`],
      ['webhook', `https://2130706433:${p}/hooks/zuofeng`],
      ['webhook', `https://0x7f.1:${p}/hooks/zuofeng`],
      ['webhook', `https://[::1]:${p}/hooks/zuofeng`],
      ['webhook', `https://0.0.0.0:${p}/hooks/zuofeng`],
      ['webhook', `https://robot.rebind.test:${p}/hooks/zuofeng`],
      ['webhook', `https://mapped.test:${p}/hooks/zuofeng`],
      ['webhook', `https://mixed.test:${p}/hooks/zuofeng`],
      ['wecom', `${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}`],
      ['dingtalk', `${rx.base}/robot/send?access_token=${cfg.dingToken}`],
      ['feishu', `${rx.base}/open-apis/bot/v2/hook/${cfg.feishuHook}`],
    ];
    for (const [kind, address] of addresses) {
      const r = await sendCard(egress, kind, address, 'secret', card, Date.now(), { timeoutMs: 2000 });
      expect(r, address).toMatchObject({ ok: false, code: 'forbidden_address', retryable: false });
    }
    expect(rx.connections()).toBe(0);
    expect(rx.received).toHaveLength(0);
  });

  it('are refused at connect time for a name that resolves to the loopback (localhost, a rebinding name), with no connection', async () => {
    for (const host of ['robot.rebind.test', 'mixed.test', 'mapped.test']) {
      await expect(post(egress, `http://${host}:${rx.port}/hooks/zuofeng`), host).rejects.toBeInstanceOf(EgressRefused);
    }
    // localhost through the system's resolver (/etc/hosts), past the name rule of checkTarget.
    const system = new Egress(parseAllowList('').list);
    const refusal = await post(system, `http://localhost:${rx.port}/hooks/zuofeng`).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(EgressRefused);
    expect((refusal as EgressRefused).message).toBe(INTERNAL_REFUSED);
    expect((refusal as EgressRefused).detail).toMatch(/^localhost 解析到本机地址 /);
    system.close();
    expect(rx.connections()).toBe(0);
  });

  it('are refused for the private network, the metadata address and link-local ones, without opening a socket', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    for (const address of [
      'https://10.1.2.3/hook',
      'https://10.0.0.5:5432/',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00:ec2::254]/',
      'https://[fe80::1]/hook',
      'https://[::ffff:10.1.2.3]/',
      'https://100.100.100.200/',
    ]) {
      const r = await sendCard(egress, 'webhook', address, 's', card, Date.now(), { timeoutMs: 2000 });
      expect(r, address).toMatchObject({ ok: false, code: 'forbidden_address' });
    }
    expect(connect).not.toHaveBeenCalled();
    // A name that resolves there is refused by the lookup, before any connection is attempted.
    for (const host of ['metadata.test', 'intranet.test']) {
      const r = await sendCard(egress, 'webhook', `https://${host}/latest/meta-data/`, 's', card, Date.now(), {
        timeoutMs: 2000,
      });
      expect(r, host).toMatchObject({ ok: false, code: 'forbidden_address', message: INTERNAL_REFUSED });
    }
  });

  it('never tell the user what a name resolved to, nor a name that does not resolve from a host that does not answer; the log has the reason', async () => {
    const logged: string[] = [];
    const log = (m: string) => logged.push(m);
    // Two internal names, a metadata name and a public-and-loopback one answer the user alike: no address, no kind of network.
    const answers = [];
    for (const host of ['intranet.test', 'metadata.test', 'robot.rebind.test', 'mixed.test']) {
      answers.push(
        await sendCard(egress, 'webhook', `https://${host}/hook?token=t0ken`, 's', card, Date.now(), {
          timeoutMs: 2000,
          log,
        }),
      );
    }
    for (const a of answers)
      expect(a).toEqual({ ok: false, code: 'forbidden_address', message: INTERNAL_REFUSED, retryable: false });
    expect(JSON.stringify(answers)).not.toMatch(/10\.0\.0\.8|169\.254|127\.0\.0\.1|元数据|\.test/);
    // The server's log says which name went where, and never carries the path's token.
    expect(logged).toEqual([
      '推送地址被拒绝：intranet.test 解析到内网地址 10.0.0.8',
      '推送地址被拒绝：metadata.test 解析到云主机元数据地址 169.254.169.254',
      '推送地址被拒绝：robot.rebind.test 解析到本机地址 127.0.0.1',
      '推送地址被拒绝：mixed.test 解析到本机地址 127.0.0.1',
    ]);
    // A name that does not resolve reads exactly like an address where nothing listens.
    const list = new Egress(parseAllowList('127.0.0.1').list, resolver);
    logged.length = 0;
    const unknown = await sendCard(list, 'webhook', 'https://nowhere.test/hook', 's', card, Date.now(), {
      timeoutMs: 2000,
      log,
    });
    const closed = await sendCard(list, 'webhook', 'http://127.0.0.1:9/hook', 's', card, Date.now(), {
      timeoutMs: 2000,
      log,
    });
    list.close();
    expect(unknown).toEqual({ ok: false, code: 'network', message: '无法连接到对方地址', retryable: true });
    expect(closed).toEqual(unknown);
    expect(logged).toEqual([
      expect.stringMatching(/^推送失败（nowhere\.test）：.*ENOTFOUND nowhere\.test/),
      expect.stringMatching(/^推送失败（127\.0\.0\.1:9）：.*ECONNREFUSED/),
    ]);
  });

  it('answer an address the allow-list must admit, and does not, without naming where its name went', async () => {
    const logged: string[] = [];
    const networks = new Egress(parseAllowList('192.168.0.0/16').list, resolver);
    const r = await sendCard(networks, 'webhook', 'http://intranet.test/hook', 's', card, Date.now(), {
      timeoutMs: 2000,
      log: (m) => logged.push(m),
    });
    networks.close();
    expect(r).toEqual({ ok: false, code: 'forbidden_address', message: NOT_ALLOWED, retryable: false });
    expect(logged).toEqual(['推送地址被拒绝：intranet.test:80（10.0.0.8）不在 ZUOFENG_CHANNEL_ALLOW_HOSTS 内']);
  });
});

describe('robot messages to an allow-listed address', () => {
  const egress = new Egress(parseAllowList('127.0.0.1').list, resolver);
  afterAll(() => egress.close());
  const servers: http.Server[] = [];
  afterAll(() =>
    servers.forEach((s) => {
      s.closeAllConnections();
      s.close();
    }),
  );
  const serve = async (handler: http.RequestListener) => {
    const s = http.createServer(handler);
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };

  it('reach the receiver; a name resolving to it is still judged by the address (::1 of localhost is not allow-listed)', async () => {
    expect(
      await sendCard(egress, 'webhook', `${rx.base}/hooks/zuofeng`, cfg.webhookSecret, card, Date.now()),
    ).toMatchObject({ ok: true });
    expect(
      await sendCard(
        egress,
        'webhook',
        `http://robot.rebind.test:${rx.port}/hooks/zuofeng`,
        cfg.webhookSecret,
        card,
        Date.now(),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await sendCard(
        egress,
        'webhook',
        `http://mixed.test:${rx.port}/hooks/zuofeng`,
        cfg.webhookSecret,
        card,
        Date.now(),
      ),
    ).toMatchObject({ code: 'forbidden_address' });
    expect(rx.received.map((r) => r.vendor)).toEqual(['webhook', 'webhook']);
  });

  it('never follow a redirect', async () => {
    const before = rx.received.length;
    const redirecting = await serve((_req, res) => {
      res.writeHead(302, { location: `${rx.base}/hooks/zuofeng` });
      res.end();
    });
    expect(await sendCard(egress, 'webhook', `${redirecting}/hook`, cfg.webhookSecret, card, Date.now())).toMatchObject(
      { ok: false, code: '302', retryable: false },
    );
    expect(rx.received.length).toBe(before);
  });

  it('read at most the size cap of an answer, and never show the body', async () => {
    const LIMIT = 50 * 1024 * 1024;
    const writtenWhenClosed: number[] = [];
    const flood = await serve((_req, res) => {
      let n = 0;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      res.writeHead(200, { 'content-type': 'application/json' });
      const more = () => {
        while (n < LIMIT && res.write(chunk)) n += chunk.length;
        if (n < LIMIT) res.once('drain', more);
        else res.end();
      };
      res.on('close', () => writtenWhenClosed.push(n));
      more();
    });
    const a = await post(egress, `${flood}/x`);
    expect(a).toMatchObject({ status: 200, truncated: true });
    expect(a.text.length).toBeLessThanOrEqual(1024);
    const r = await sendCard(egress, 'wecom', `${flood}/cgi-bin/webhook/send?key=k`, '', card, Date.now());
    expect(r).toMatchObject({ ok: false, message: '对方应答不是企业微信机器人的格式（HTTP 200）' });
    // The sender hung up long before the 50 MB were written.
    await vi.waitFor(() => expect(writtenWhenClosed).toHaveLength(2));
    for (const n of writtenWhenClosed) expect(n).toBeLessThan(LIMIT);
  });

  it('give up after the timeout when nothing answers', async () => {
    const silent = await serve(() => {
      /* never answers */
    });
    expect(await sendCard(egress, 'webhook', `${silent}/hook`, 's', card, Date.now(), { timeoutMs: 300 })).toEqual({
      ok: false,
      code: 'network',
      message: '对方在规定时间内没有应答',
      retryable: true,
    });
    // An answer that starts and never ends is the same.
    const dribbling = await serve((_req, res) => {
      res.writeHead(200);
      res.write('{"errcode":');
    });
    expect(
      await sendCard(egress, 'wecom', `${dribbling}/cgi-bin/webhook/send?key=k`, '', card, Date.now(), {
        timeoutMs: 300,
      }),
    ).toEqual({ ok: false, code: 'network', message: '对方在规定时间内没有应答', retryable: true });
  });
});
