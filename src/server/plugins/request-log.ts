import type { Writable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import pino, { type Logger } from 'pino';

declare module 'fastify' {
  interface FastifyInstance {
    /** The log of the anonymous opinion form's requests: a summary per minute (docs/ANONYMITY.md). */
    publicLog: MinuteSummary | null;
  }
}

/** "2026-12-04T18:07" in UTC: a time no finer than the minute. */
export const minuteOf = (d: Date) => d.toISOString().slice(0, 16);

/**
 * The anonymous routes are not logged request by request: a line per request, even stamped to the
 * minute, would get a finer time from whatever collects the output (journald, docker). They are
 * counted, and once a minute one line says how many requests of each route and status came, with
 * the errors of that minute. Nothing in it says when within the minute, from where, or in what order.
 */
export class MinuteSummary {
  private counts = new Map<string, number>();
  private errors: string[] = [];

  constructor(private readonly log: Logger) {}

  request(method: string, route: string, status: number) {
    const key = `${method} ${route} ${status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  error(err: unknown, what: string) {
    if (this.errors.length < 50) this.errors.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }

  /** Writes the minute's line, if anything happened, and starts counting anew. */
  flush() {
    if (this.counts.size === 0 && this.errors.length === 0) return;
    const requests = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    const errors = this.errors;
    this.counts = new Map();
    this.errors = [];
    if (errors.length) this.log.error({ requests, errors }, 'public requests');
    else this.log.info({ requests }, 'public requests');
  }
}

export interface RequestLogOptions {
  enabled: boolean;
  /** Logs the client address of (non-anonymous) API requests (ZUOFENG_LOG_CLIENT_ADDRESS=1); never of anonymous ones. */
  clientAddress: boolean;
  stream?: Writable;
}

/**
 * One line per API request, written by us instead of Fastify's request logging (which records the
 * client address, the browser and a millisecond time): method, URL, status and duration, and the
 * address only when the setting asks for it. The anonymous opinion form's routes go to a summary per
 * minute instead (MinuteSummary).
 */
export default fp(async function requestLog(app: FastifyInstance, o: RequestLogOptions) {
  const summary = o.enabled
    ? new MinuteSummary(
        pino(
          { base: null, timestamp: () => `,"time":"${minuteOf(new Date())}"` },
          o.stream ?? pino.destination({ sync: false }),
        ),
      )
    : null;
  app.decorate('publicLog', summary);
  if (!summary) return;
  const timer = setInterval(() => summary.flush(), 60_000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    summary.flush();
  });
  app.addHook('onResponse', async (request, reply) => {
    if (isAnonymous(request)) {
      const route = request.url.startsWith('/o/') ? '/o/:token' : (request.routeOptions.url ?? 'unmatched');
      summary.request(request.method, route, reply.statusCode);
      return;
    }
    // Pages and their scripts are the same for everyone: not logged.
    if (!request.url.startsWith('/api/')) return;
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(o.clientAddress ? { address: request.ip } : {}),
      },
      'request',
    );
  });
});

/**
 * The routes of the anonymous opinion form: its API (/api/public/…) and its page (/o/<token>, served
 * without a route). Other public routes (login, health) are ordinary requests and logged as such.
 */
export const isAnonymous = (request: FastifyRequest) =>
  request.url.startsWith('/api/public/') || request.url.startsWith('/o/');
