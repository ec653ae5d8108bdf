import type { FastifyReply, FastifyRequest } from 'fastify';
import { authApi as api } from '../../../shared/api/auth.js';
import { declare } from '../../endpoints.js';
import { AppError } from '../../errors.js';
import {
  clearSessionCookie,
  DEVICE_COOKIE,
  SESSION_COOKIE,
  setDeviceCookie,
  setSessionCookie,
} from '../../plugins/auth.js';
import { RateLimiter } from '../../plugins/rate-limit.js';
import type { AppDeps, RouteModule } from '../../types.js';
import { logout, passwordChangeDue, passwordExpired, totpSetupDue } from './auth.service.js';
import { login, loginWithTotp, type LoginOutcome } from './login.service.js';
import { changePassword } from './password.service.js';
import { listSessions, revokeOtherSessions, revokeSession } from './sessions.service.js';
import { disableTotp, enableTotp, setupTotp, totpStatus } from './totp.service.js';
import { presentGrant, presentMe } from './auth.presenter.js';
import { grantsOfUser, scopeNames } from './grants.service.js';
import { idleMinutes, idleTimeoutView, keepAlive, setIdleTimeout } from './idle.service.js';
import { dismissBanner, dismissedBanners } from './banners.service.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { confirmPendingLink, PENDING_COOKIE, PENDING_PATH } from '../oauth/oauth-link.service.js';

const ok = { ok: true as const };
/** Routes open while the password must be changed or a second factor enrolled (config.accountSetup). */
const setup = { permission: 'self' as const, accountSetup: true };
const self = { permission: 'self' as const };
const usersManage = { permission: 'users.manage' as const };

async function answer(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome) {
  if (outcome.kind === 'totp_required') return { signedIn: false, totpRequired: true, challenge: outcome.challenge };
  // Back from a vendor whose account matched a roster mobile: the password just given confirms the link.
  const pending = request.cookies[PENDING_COOKIE];
  if (pending) {
    await confirmPendingLink(deps, pending, outcome.userId);
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
  }
  setSessionCookie(reply, request, outcome.token, deps.config.sessionHours, deps.config.secureCookies);
  setDeviceCookie(reply, request, outcome.deviceToken, deps.config.deviceCookieDays, deps.config.secureCookies);
  return { signedIn: true, totpRequired: false, challenge: null };
}

/** The JSON endpoints are declared in src/shared/api/auth.ts. */
const authRoutes: RouteModule = async (app, deps) => {
  const limiter = new RateLimiter(deps.config.loginLimitPerMinute, 60_000);
  // request.ip is the peer's address, or the client's as named by a trusted proxy (ZUOFENG_TRUST_PROXY) only.
  const limit = (request: FastifyRequest) => {
    if (!limiter.take(request.ip, deps.clock.now().getTime()))
      throw new AppError(429, 'rate_limited', '登录尝试过于频繁，请1分钟后再试');
  };
  const client = (request: FastifyRequest) => ({
    deviceToken: request.cookies[DEVICE_COOKIE],
    userAgent: request.headers['user-agent'],
  });

  declare(app, api.login, { public: true }, async (q, reply) => {
    limit(q.raw);
    return answer(deps, q.raw, reply, await login(deps, { ...q.body, ...client(q.raw) }));
  });
  declare(app, api.loginTotp, { public: true }, async (q, reply) => {
    limit(q.raw);
    return answer(deps, q.raw, reply, await loginWithTotp(deps, { ...q.body, ...client(q.raw) }));
  });
  declare(app, api.logout, setup, async (q, reply) => {
    await logout(deps, q.raw.cookies[SESSION_COOKIE]!);
    clearSessionCookie(reply);
    return ok;
  });
  declare(app, api.me, setup, async (q) => {
    const { actor, session } = q.raw;
    const now = deps.clock.now();
    const names = await scopeNames(deps.db, actor.unitId);
    const grants = (await grantsOfUser(deps.db, actor.unitId, actor.userId)).map((g) =>
      presentGrant(g, session!.unit.name, names),
    );
    const state = {
      mustChangePassword: passwordChangeDue(session!, now, deps.config),
      passwordExpired: passwordExpired(session!, now, deps.config),
      totpSetupRequired: totpSetupDue(session!, deps.config),
    };
    return presentMe(
      session!,
      state,
      grants,
      actor,
      shanghaiDate(now),
      await idleMinutes(deps),
      await dismissedBanners(deps, actor),
    );
  });
  // 继续使用: the page's answer to the idle warning; it moves the session's last activity to now.
  declare(app, api.keepAlive, self, async (q) => {
    await keepAlive(deps, q.raw.session!);
    return ok;
  });
  declare(app, api.dismissBanner, self, async (q) => dismissBanner(deps, q.actor, q.body.banner));
  declare(app, api.idleTimeout, usersManage, async (q) => idleTimeoutView(deps, q.actor));
  declare(app, api.setIdleTimeout, usersManage, async (q) => setIdleTimeout(deps, q.actor, q.body.minutes));
  declare(app, api.changePassword, setup, async (q) => {
    await changePassword(
      deps,
      q.actor,
      q.body.currentPassword,
      q.body.newPassword,
      q.raw.cookies[SESSION_COOKIE]!,
      q.raw.cookies[DEVICE_COOKIE],
    );
    return ok;
  });

  declare(app, api.totp, setup, async (q) => totpStatus(deps, q.actor));
  declare(app, api.totpSetup, setup, async (q) => setupTotp(deps, q.actor));
  declare(
    app,
    api.totpEnable,
    setup,
    async (q) => (await enableTotp(deps, q.actor, q.body.password, q.body.code, q.raw.cookies[DEVICE_COOKIE]), ok),
  );
  declare(
    app,
    api.totpDisable,
    self,
    async (q) => (await disableTotp(deps, q.actor, q.body.password, q.body.code, q.raw.cookies[DEVICE_COOKIE]), ok),
  );

  declare(app, api.sessions, self, async (q) => listSessions(deps, q.actor, q.raw.session!));
  declare(
    app,
    api.revokeSession,
    self,
    async (q) => (await revokeSession(deps, q.actor, q.raw.session!, q.params.id), ok),
  );
  declare(app, api.revokeOthers, self, async (q) => ({
    revoked: await revokeOtherSessions(deps, q.actor, q.raw.session!),
  }));
};
export default authRoutes;
