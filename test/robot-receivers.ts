import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the vendors' robot endpoints, written from their documentation (not from our
 * sender): each checks the address, the signature and its time window, the body's shape and size,
 * and its rate limit, and answers with the vendor's own success or error body.
 */
export interface Received {
  vendor: string;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  url: string;
}
export interface Receivers {
  base: string;
  port: number;
  received: Received[];
  close: () => Promise<void>;
  clock: { offsetMs: number };
  resetLimits: () => void;
  /** TCP connections accepted so far: a refused address must not even connect. */
  connections: () => number;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * `delayMs`: the generic webhook answers this long after it has kept a message (a slow receiver);
 * `onWebhook` is called as it keeps one, before it answers (crash tests kill the sender there).
 */
export async function startReceivers(cfg: {
  wecomKey: string;
  dingToken: string;
  dingSecret: string;
  feishuHook: string;
  feishuSecret: string;
  webhookSecret: string;
  delayMs?: number;
  onWebhook?: (count: number) => void;
}): Promise<Receivers> {
  const received: Received[] = [];
  const clock = { offsetMs: 0 };
  const windows = new Map<string, number[]>();
  const tooFast = (vendor: string, perMinute: number) => {
    const now = Date.now();
    const w = (windows.get(vendor) ?? []).filter((t) => now - t < 60_000);
    w.push(now);
    windows.set(vendor, w);
    return w.length > perMinute;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const now = Date.now() + clock.offsetMs;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        /* checked per vendor */
      }
      const keep = (vendor: string) => received.push({ vendor, body, headers: req.headers, url: req.url ?? '' });

      if (url.pathname === '/cgi-bin/webhook/send') {
        // WeCom group robot
        if (url.searchParams.get('key') !== cfg.wecomKey)
          return json(res, 200, { errcode: 93000, errmsg: 'invalid webhook url' });
        if (tooFast('wecom', 20)) return json(res, 200, { errcode: 45009, errmsg: 'api freq out of limit' });
        const md = (body.markdown as { content?: string } | undefined)?.content;
        const tx = (body.text as { content?: string } | undefined)?.content;
        if (body.msgtype === 'markdown' && typeof md === 'string') {
          if (Buffer.byteLength(md) > 4096)
            return json(res, 200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
        } else if (body.msgtype === 'text' && typeof tx === 'string') {
          if (Buffer.byteLength(tx) > 2048)
            return json(res, 200, { errcode: 40058, errmsg: 'text.content exceed max length 2048' });
        } else return json(res, 200, { errcode: 40008, errmsg: 'invalid message type' });
        keep('wecom');
        return json(res, 200, { errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === '/robot/send') {
        // DingTalk custom robot with 加签
        if (url.searchParams.get('access_token') !== cfg.dingToken)
          return json(res, 200, { errcode: 300001, errmsg: 'token is not exist' });
        const ts = Number(url.searchParams.get('timestamp'));
        const sign = url.searchParams.get('sign') ?? '';
        const want = createHmac('sha256', cfg.dingSecret).update(`${ts}\n${cfg.dingSecret}`).digest('base64');
        if (!Number.isFinite(ts) || Math.abs(now - ts) > 3_600_000)
          return json(res, 200, { errcode: 310000, errmsg: 'invalid timestamp' });
        if (!same(sign, want)) return json(res, 200, { errcode: 310000, errmsg: 'sign not match' });
        if (tooFast('dingtalk', 20))
          return json(res, 200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
        const md = body.markdown as { title?: string; text?: string } | undefined;
        if (body.msgtype !== 'markdown' || !md?.title || !md.text)
          return json(res, 200, { errcode: 40035, errmsg: '缺少参数 json' });
        keep('dingtalk');
        return json(res, 200, { errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === `/open-apis/bot/v2/hook/${cfg.feishuHook}`) {
        // Feishu custom bot with 签名校验
        if (raw.length > 20 * 1024) return json(res, 200, { code: 9499, msg: 'Bad Request', data: {} });
        const ts = Number(body.timestamp);
        const want = createHmac('sha256', `${body.timestamp}\n${cfg.feishuSecret}`).update('').digest('base64');
        if (
          !Number.isFinite(ts) ||
          Math.abs(now / 1000 - ts) > 3600 ||
          typeof body.sign !== 'string' ||
          !same(body.sign, want)
        ) {
          return json(res, 200, {
            code: 19021,
            msg: 'sign match fail or timestamp is not within one hour from current time',
          });
        }
        if (tooFast('feishu', 100)) return json(res, 200, { code: 11232, msg: 'frequency limited psm' });
        if (body.msg_type !== 'text' || typeof (body.content as { text?: unknown })?.text !== 'string')
          return json(res, 200, { code: 9499, msg: 'Bad Request', data: {} });
        keep('feishu');
        return json(res, 200, { code: 0, msg: 'success', data: {} });
      }
      if (url.pathname === '/hooks/zuofeng') {
        // the generic webhook, as Zuofeng documents it
        const ts = Number(req.headers['x-zuofeng-timestamp']);
        const sig = String(req.headers['x-zuofeng-signature'] ?? '');
        const want = `sha256=${createHmac('sha256', cfg.webhookSecret)
          .update(`${ts}.${raw.toString('utf8')}`)
          .digest('hex')}`;
        if (!Number.isFinite(ts) || Math.abs(now / 1000 - ts) > 300 || !same(sig, want))
          return json(res, 401, { error: 'bad signature' });
        keep('webhook');
        cfg.onWebhook?.(received.length);
        if (cfg.delayMs) return void setTimeout(() => json(res, 200, { ok: true }), cfg.delayMs);
        return json(res, 200, { ok: true });
      }
      json(res, 404, { error: 'not found' });
    });
  });
  let connections = 0;
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    received,
    clock,
    resetLimits: () => windows.clear(),
    connections: () => connections,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
