import type { Writable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import pino, { type Logger } from 'pino';

declare module 'fastify' {
  interface FastifyInstance {
    /** The log of the public routes: the minute only, no address, no browser, no request id (docs/ANONYMITY.md). */
    publicLog: Logger | null;
  }
}

/** "2026-12-04T18:07" in UTC: a time no finer than the minute. */
export const minuteOf = (d: Date) => d.toISOString().slice(0, 16);

export interface RequestLogOptions {
  enabled: boolean;
  /** Logs the client address on the non-public routes (ZUOFENG_LOG_CLIENT_ADDRESS=1); never on public ones. */
  clientAddress: boolean;
  stream?: Writable;
}

/**
 * One line per request, written by us instead of Fastify's request logging (which records the
 * client address, the browser and a millisecond time). Public routes go to a separate log whose
 * lines carry the minute, the route's pattern (not the link's token) and the status; the rest carry
 * method, URL, status and duration, and the address only when the setting asks for it.
 */
export default fp(async function requestLog(app: FastifyInstance, o: RequestLogOptions) {
  const publicLog = o.enabled
    ? pino({ base: null, timestamp: () => `,"time":"${minuteOf(new Date())}"` }, o.stream ?? pino.destination({ sync: false }))
    : null;
  app.decorate('publicLog', publicLog);
  if (!o.enabled) return;
  app.addHook('onResponse', async (request, reply) => {
    if (isPublic(request)) {
      const route = request.url.startsWith('/o/') ? '/o/:token' : request.routeOptions.url ?? 'unmatched';
      publicLog!.info({ method: request.method, route, status: reply.statusCode }, 'public request');
      return;
    }
    // Pages and their scripts are the same for everyone (the public form's included): not logged.
    if (!request.url.startsWith('/api/')) return;
    request.log.info({
      method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime),
      ...(o.clientAddress ? { address: request.ip } : {}),
    }, 'request');
  });
});

/** A public route of the API, or the public form's page (/o/<token>, served without a route). */
export const isPublic = (request: FastifyRequest) => request.routeOptions.config?.public === true || request.url.startsWith('/o/');
