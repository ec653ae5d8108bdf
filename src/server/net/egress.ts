import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { mayConnect, normalHost, portOf, type AllowList } from '../../domain/channel-address.js';
import { parseIP } from '../../domain/net-address.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Name → addresses; the system resolver by default, a fixed table in tests (rebinding, metadata names). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;
export const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/**
 * The destination is not one Zuofeng may connect to: nothing was sent. `message` may be shown to the
 * user; `detail` (the name, the address it resolved to) is for the server's log only.
 */
export class EgressRefused extends Error {
  override name = 'EgressRefused';
  constructor(
    message: string,
    readonly detail: string = message,
  ) {
    super(message);
  }
}
export class EgressTimeout extends Error {
  override name = 'TimeoutError';
}

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  /** For the whole exchange: resolving, connecting, sending and reading the answer. */
  timeoutMs: number;
  /** The answer is read up to this many bytes; the rest is not waited for. */
  maxBytes: number;
  /** Only allow-listed addresses (a private deployment, plain http): a public address is not enough. */
  allowListedOnly: boolean;
}
export interface PostAnswer {
  status: number;
  text: string;
  truncated: boolean;
}

/**
 * Outbound HTTP for robot messages and the sign-in vendors. Every address is judged where the connection is made: a name
 * through our own `lookup` (resolved, then refused when any of its addresses is forbidden — so the
 * name cannot resolve to something else between a check and the connect), a literal before the
 * request is created, and the socket's peer once more when it connects or is reused. Redirects are
 * never followed (a 3xx is an answer), and the answer is read up to a size cap within the timeout.
 */
export class Egress {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
  };

  constructor(
    readonly allow: AllowList,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  post(url: URL, o: PostOptions): Promise<PostAnswer> {
    return this.send('POST', url, o);
  }

  /** The same judged connection for a GET (the sign-in vendors' user-info calls); nothing is sent but the URL and headers. */
  get(url: URL, o: Omit<PostOptions, 'body'>): Promise<PostAnswer> {
    return this.send('GET', url, { ...o, body: '' });
  }

  private send(method: 'GET' | 'POST', url: URL, o: PostOptions): Promise<PostAnswer> {
    const port = portOf(url);
    const judge = (address: string) => mayConnect(this.allow, url.hostname, port, address, o.allowListedOnly);
    const literal = parseIP(normalHost(url.hostname));
    if (literal) {
      const v = judge(normalHost(url.hostname));
      if (!v.ok) return Promise.reject(new EgressRefused(v.message, v.detail));
    }
    const lookup: LookupFunction = (hostname, options, callback) => {
      this.resolve(hostname).then(
        (list) => {
          if (!list.length)
            return callback(
              Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
              '',
              4,
            );
          for (const a of list) {
            const v = judge(a.address);
            if (!v.ok) return callback(new EgressRefused(v.message, v.detail), '', 4);
          }
          if (options.all)
            callback(
              null,
              list.map((a) => ({ address: a.address, family: a.family })),
            );
          else callback(null, list[0]!.address, list[0]!.family);
        },
        (err: NodeJS.ErrnoException) => callback(err, '', 4),
      );
    };
    const agent = this.agents[url.protocol as 'http:' | 'https:'];
    if (!agent) return Promise.reject(new EgressRefused('地址应以 https:// 开头'));
    return new Promise<PostAnswer>((resolve, reject) => {
      let settled = false;
      let timedOut = false;
      const settle = (f: () => void) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          f();
        }
      };
      /** Whatever error a timeout causes first (on the request or the answer), it is reported as the timeout. */
      const fail = (e: Error) => settle(() => reject(timedOut ? new EgressTimeout('对方在规定时间内没有应答') : e));
      const lib = url.protocol === 'https:' ? https : http;
      const req = lib.request(
        url,
        {
          method,
          agent,
          lookup,
          headers: { ...o.headers, 'content-length': String(Buffer.byteLength(o.body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = (truncated: boolean) =>
            settle(() =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), truncated }),
            );
          res.on('data', (c: Buffer) => {
            const room = o.maxBytes - size;
            chunks.push(c.length > room ? c.subarray(0, room) : c);
            size += Math.min(c.length, room);
            if (size >= o.maxBytes) {
              done(true);
              res.destroy();
            }
          });
          res.on('end', () => done(false));
          res.on('error', fail);
          res.on('close', () => fail(new Error('answer cut short')));
        },
      );
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new EgressTimeout('对方在规定时间内没有应答'));
      }, o.timeoutMs);
      req.on('socket', (socket: Socket) => {
        const check = () => {
          const v = socket.remoteAddress
            ? judge(socket.remoteAddress)
            : {
                ok: false as const,
                message: '无法确认对方地址',
                detail: `${url.hostname}: socket without a peer address`,
              };
          if (!v.ok) req.destroy(new EgressRefused(v.message, v.detail));
        };
        if (socket.remoteAddress) check();
        else socket.once('connect', check);
      });
      req.on('error', fail);
      req.end(o.body);
    });
  }

  close() {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}
