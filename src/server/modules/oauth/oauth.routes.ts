import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { oauthApi as api } from '../../../shared/api/oauth.js';
import { ZVendorParams } from '../../../shared/contracts/oauth.js';
import { declare } from '../../endpoints.js';
import { DEVICE_COOKIE, setDeviceCookie, setSessionCookie } from '../../plugins/auth.js';
import { RateLimiter } from '../../plugins/rate-limit.js';
import { typed, type RouteModule } from '../../types.js';
import * as admin from './oauth-admin.service.js';
import { finishSignIn, FLOW_COOKIE, FLOW_MINUTES, SignInRefused, startSignIn } from './oauth.service.js';
import { PENDING_COOKIE, PENDING_MINUTES, PENDING_PATH } from './oauth-link.service.js';

const ok = { ok: true as const };
const manage = { permission: 'users.manage' as const };
const FLOW_PATH = '/api/auth/oauth';

/** Back to the login page with the refusal's code (the page has the text) and `next` kept. */
const toLogin = (params: Record<string, string>) => `/login?${new URLSearchParams(params)}`;

const oauthRoutes: RouteModule = async (app, deps) => {
  const limiter = new RateLimiter(deps.config.loginLimitPerMinute, 60_000);
  const limited = (request: FastifyRequest) => !limiter.take(request.ip, deps.clock.now().getTime());
  const secure = (request: FastifyRequest) =>
    deps.config.secureCookies === 'auto' ? request.protocol === 'https' : deps.config.secureCookies;
  const flowCookie = (reply: FastifyReply, request: FastifyRequest, value: string) =>
    reply.setCookie(FLOW_COOKIE, value, {
      path: FLOW_PATH,
      httpOnly: true,
      // Lax: the vendor's redirect back is a top-level GET from its site, which must carry the cookie.
      sameSite: 'lax',
      secure: secure(request),
      maxAge: FLOW_MINUTES * 60,
    });
  // The link waiting for the password: read by the login routes only, strict (it is set on our own redirect).
  const pendingCookie = (reply: FastifyReply, request: FastifyRequest, value: string) =>
    reply.setCookie(PENDING_COOKIE, value, {
      path: PENDING_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: secure(request),
      maxAge: PENDING_MINUTES * 60,
    });
  const refused = (reply: FastifyReply, request: FastifyRequest, vendor: string, e: unknown) => {
    if (!(e instanceof SignInRefused)) throw e;
    // Every refusal leaves a trace: which vendor, which of its accounts when known, from where.
    request.log.warn(
      {
        vendor,
        vendorUserId: e.vendorUserId || undefined,
        ip: request.ip,
        code: e.code,
        detail: e.detail || undefined,
      },
      'vendor sign-in refused',
    );
    return reply.redirect(toLogin({ oauthError: e.code, vendor, next: e.next }), 302);
  };

  typed(app).get(
    '/auth/oauth/:vendor/start',
    {
      config: { public: true },
      schema: {
        tags: ['第三方登录'],
        summary: '第三方登录：转到对方平台授权（登录页按钮、二维码和工作台入口）',
        params: ZVendorParams,
        querystring: z.object({ next: z.string().max(600).optional() }),
      },
    },
    async (request, reply) => {
      const { vendor } = request.params;
      try {
        if (limited(request)) throw new SignInRefused('too_fast');
        const { location, cookie } = await startSignIn(deps, vendor, request.query.next);
        flowCookie(reply, request, cookie);
        return reply.redirect(location, 302);
      } catch (e) {
        return refused(reply, request, vendor, e);
      }
    },
  );

  typed(app).get(
    '/auth/oauth/:vendor/callback',
    {
      config: { public: true },
      schema: {
        tags: ['第三方登录'],
        summary: '第三方登录：对方平台带授权码回到本系统',
        params: ZVendorParams,
        // 钉钉 names the code `authCode`; 企业微信 and 飞书 `code`.
        querystring: z.object({
          code: z.string().max(600).optional(),
          authCode: z.string().max(600).optional(),
          // What startSignIn emits (16 random bytes, hex); anything else is refused before any work.
          state: z
            .string()
            .regex(/^[0-9a-f]{32}$/)
            .optional()
            .catch(undefined),
        }),
      },
    },
    async (request, reply) => {
      const cookie = request.cookies[FLOW_COOKIE];
      // The flow is used once, whatever its outcome.
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      const { vendor } = request.params;
      try {
        if (limited(request)) throw new SignInRefused('too_fast');
        const r = await finishSignIn(deps, vendor, {
          code: request.query.code ?? request.query.authCode,
          state: request.query.state,
          cookie,
          userAgent: request.headers['user-agent'],
          deviceToken: request.cookies[DEVICE_COOKIE],
          ip: request.ip,
        });
        if (r.kind === 'confirm_link') {
          pendingCookie(reply, request, r.pending);
          return reply.redirect(toLogin({ oauthLink: vendor, next: r.next }), 302);
        }
        if (r.kind === 'totp') return reply.redirect(toLogin({ challenge: r.challenge, next: r.next }), 302);
        setSessionCookie(reply, request, r.signedIn.token, deps.config.sessionHours, deps.config.secureCookies);
        setDeviceCookie(
          reply,
          request,
          r.signedIn.deviceToken,
          deps.config.deviceCookieDays,
          deps.config.secureCookies,
        );
        return reply.redirect(r.next, 302);
      } catch (e) {
        return refused(reply, request, vendor, e);
      }
    },
  );

  declare(app, api.providers, { public: true }, async () => admin.providers(deps));
  declare(app, api.settings, manage, async (q) => admin.listSettings(deps, q.actor));
  declare(
    app,
    api.saveSetting,
    manage,
    async (q) => (await admin.saveSetting(deps, q.actor, q.params.vendor, q.body), ok),
  );
  declare(app, api.links, manage, async (q) => admin.linksOf(deps, q.actor, q.params.id));
  declare(app, api.link, manage, async (q) => (await admin.link(deps, q.actor, q.params.id, q.body), ok));
  declare(app, api.unlink, manage, async (q) => (await admin.unlink(deps, q.actor, q.params.id, q.body.vendor), ok));
};
export default oauthRoutes;
