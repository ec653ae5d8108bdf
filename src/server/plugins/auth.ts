import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { hasPermission, type Actor, type Permission } from '../../domain/roles.js';
import {
  loadSession,
  passwordChangeDue,
  totpSetupDue,
  type Deps,
  type SessionContext,
} from '../modules/auth/auth.service.js';
import { authRepo } from '../modules/auth/auth.repo.js';
import { idleMinutes } from '../modules/auth/idle.service.js';
import { idleExpired, touchEveryMs } from '../../domain/session-idle.js';
import { SessionCache } from './session-cache.js';
import { VIEW_UNIT_HEADER, viewActor } from '../modules/units/oversight-view.js';

export const SESSION_COOKIE = 'zf_session';
/** The known-device cookie (see modules/auth/login.service.ts); sent to the login routes only. */
export const DEVICE_COOKIE = 'zf_device';
export const CSRF_HEADER = 'x-csrf-token';
/** Sent by the page on requests it makes by itself (polling), which are not the user's activity. */
export const BACKGROUND_HEADER = 'x-zf-background';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; `public: true` for the few routes that need no session. */
    permission?: Permission;
    public?: boolean;
    /** Reachable while the password must be changed or a second factor enrolled (me, password, logout, TOTP enrolment). */
    accountSetup?: boolean;
  }
  interface FastifyRequest {
    session: SessionContext | null;
    /** The signed-in actor; only on routes that declare a permission. Reading a unit below: see viewAs. */
    actor: Actor;
    /** The actor as an overseer reading a unit below (modules/units/oversight-view), when the page asks so. */
    viewAs: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and the route's permission. Every route must declare `config.permission` or
 * `config.public`; a route that declares neither stops the server from starting.
 */
export default fp(async function authPlugin(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('session', null);
  app.decorateRequest('viewAs', null);
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) {
      if (!this.session) throw new AppError(401, 'unauthenticated', '请先登录');
      return this.viewAs ?? this.session.actor;
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
    // Only routes that may need a session look it up. Above all, the public opinion form's routes and
    // pages must not: a session read or touched while a signed-in colleague submits would tie them
    // to the submission's moment in the statement log and the WAL (docs/ANONYMITY.md).
    if (request.routeOptions.config?.public || !request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length >= 200) return;
    const cached = cache.get(token);
    const found = cached ?? (await loadSession(deps, token));
    const now = deps.clock.now();
    if (!found || found.expiresAt <= now) return;
    // 等保: a session unused for longer than the installation's idle timeout has ended, for good: it
    // is removed (read afresh, not from the cache, which may lag another instance's touch), so a
    // longer timeout set later does not bring it back.
    const idle = await idleMinutes(deps);
    if (idleExpired(found.session.lastActiveAt, now, idle)) {
      cache.forget(token);
      if (!cached) await authRepo.deleteSession(deps.db, found.session.sessionId);
      return;
    }
    cache.set(token, found.session, found.expiresAt);
    request.session = found.session;
    // The page's own polling (the bell) is not the user's activity: it must not keep an idle session open.
    const every = touchEveryMs(idle);
    if (request.headers[BACKGROUND_HEADER] !== '1' && now.getTime() - found.session.lastActiveAt.getTime() >= every) {
      await authRepo.touchSession(deps.db, found.session.sessionId, now, every);
      found.session.lastActiveAt = now;
    }
  });
  // Any write may change who may do what (logout, passwords, roles, people): forget what we knew.
  app.addHook('onResponse', async (request) => {
    if (!SAFE_METHODS.has(request.method)) cache.clear();
  });

  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const cfg = request.routeOptions.config;
    if (cfg.public || !request.routeOptions.url?.startsWith('/api') || request.routeOptions.url.startsWith('/api/docs'))
      return;
    const session = request.session;
    if (!session) throw new AppError(401, 'unauthenticated', '请先登录');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(403, 'csrf', '页面已过期，请刷新后重试');
    }
    if (!cfg.accountSetup) {
      const now = deps.clock.now();
      if (passwordChangeDue(session, now, deps.config))
        throw new AppError(403, 'password_change_required', '请先修改密码：初始密码或已过期的密码不能继续使用');
      if (totpSetupDue(session, deps.config))
        throw new AppError(403, 'totp_setup_required', '管理员账号须先启用两步验证');
    }
    const viewed = request.headers[VIEW_UNIT_HEADER];
    if (typeof viewed === 'string' && viewed !== '')
      request.viewAs = await viewActor(deps, session.actor, viewed, {
        method: request.method,
        url: request.routeOptions.url ?? request.url,
        safe: SAFE_METHODS.has(request.method),
      });
    if (cfg.permission && !hasPermission(request.actor, cfg.permission)) {
      throw new AppError(403, 'forbidden', '没有权限执行此操作');
    }
  });
});

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  hours: number,
  secure: 'auto' | boolean,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure === 'auto' ? request.protocol === 'https' : secure,
    maxAge: hours * 3600,
  });
}

/** The known-device cookie: random, HttpOnly, long-lived, sent only to /api/auth and only from this site. */
export function setDeviceCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  days: number,
  secure: 'auto' | boolean,
) {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure: secure === 'auto' ? request.protocol === 'https' : secure,
    maxAge: days * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
