import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { hasPermission, type Actor, type Permission } from '../../domain/roles.js';
import { loadSession, type Deps, type SessionContext } from '../modules/auth/auth.service.js';
import { SessionCache } from './session-cache.js';

export const SESSION_COOKIE = 'zf_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; `public: true` for the few routes that need no session. */
    permission?: Permission;
    public?: boolean;
  }
  interface FastifyRequest {
    session: SessionContext | null;
    /** The signed-in actor; only on routes that declare a permission. */
    actor: Actor;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and the route's permission. Every route must declare `config.permission` or
 * `config.public`; a route that declares neither stops the server from starting.
 */
export default fp(async function authPlugin(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) {
      if (!this.session) throw new AppError(401, 'unauthenticated', '请先登录');
      return this.session.actor;
    },
  });

  app.addHook('onRoute', (route) => {
    const cfg = route.config as { permission?: Permission; public?: boolean } | undefined;
    const isDocs = route.url.startsWith('/api/docs');
    if (!cfg?.permission && !cfg?.public && !isDocs && route.url.startsWith('/api')) {
      throw new Error(`route ${route.method} ${route.url} declares no permission`);
    }
  });

  const cache = new SessionCache(deps.config.sessionCacheMs);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length >= 200) return;
    const found = cache.get(token) ?? (await loadSession(deps, token));
    if (!found || found.expiresAt <= deps.clock.now()) return;
    cache.set(token, found.session, found.expiresAt);
    request.session = found.session;
  });
  // Any write may change who may do what (logout, passwords, roles, people): forget what we knew.
  app.addHook('onResponse', async (request) => {
    if (!SAFE_METHODS.has(request.method)) cache.clear();
  });

  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const cfg = request.routeOptions.config;
    if (cfg.public || !request.routeOptions.url?.startsWith('/api') || request.routeOptions.url.startsWith('/api/docs')) return;
    const session = request.session;
    if (!session) throw new AppError(401, 'unauthenticated', '请先登录');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(403, 'csrf', '页面已过期，请刷新后重试');
    }
    if (cfg.permission && !hasPermission(session.actor, cfg.permission)) {
      throw new AppError(403, 'forbidden', '没有权限执行此操作');
    }
  });
});

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, hours: number, secure: 'auto' | boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure === 'auto' ? request.protocol === 'https' : secure,
    maxAge: hours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
