import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZLoginBody, ZLoginResult, ZMe, ZPasswordChangeBody, ZSession, ZSessionParams, ZTotpEnableBody, ZTotpDisableBody, ZTotpLoginBody, ZTotpSetup, ZTotpStatus } from '../../../shared/contracts/auth.js';
import { ZOk } from '../../../shared/contracts/common.js';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { clearSessionCookie, DEVICE_COOKIE, SESSION_COOKIE, setDeviceCookie, setSessionCookie } from '../../plugins/auth.js';
import { RateLimiter } from '../../plugins/rate-limit.js';
import { typed, type AppDeps, type RouteModule } from '../../types.js';
import { logout, passwordChangeDue, passwordExpired, totpSetupDue } from './auth.service.js';
import { login, loginWithTotp, type LoginOutcome } from './login.service.js';
import { changePassword } from './password.service.js';
import { listSessions, revokeOtherSessions, revokeSession } from './sessions.service.js';
import { disableTotp, enableTotp, setupTotp, totpStatus } from './totp.service.js';
import { presentGrant, presentMe } from './auth.presenter.js';
import { grantsOfUser, scopeNames } from './grants.service.js';
import { shanghaiDate } from '../../../domain/civil-date.js';

const tags = ['登录'];
const ok = { ok: true as const };
/** Routes open while the password must be changed or a second factor enrolled (config.accountSetup). */
const setup = { permission: 'self' as const, accountSetup: true };

function answer(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome) {
  if (outcome.kind === 'totp_required') return { signedIn: false, totpRequired: true, challenge: outcome.challenge };
  setSessionCookie(reply, request, outcome.token, deps.config.sessionHours, deps.config.secureCookies);
  setDeviceCookie(reply, request, outcome.deviceToken, deps.config.deviceCookieDays, deps.config.secureCookies);
  return { signedIn: true, totpRequired: false, challenge: null };
}

const authRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const limiter = new RateLimiter(deps.config.loginLimitPerMinute, 60_000);
  // request.ip is the peer's address, or the client's as named by a trusted proxy (ZUOFENG_TRUST_PROXY) only.
  const limit = (request: FastifyRequest) => {
    if (!limiter.take(request.ip, deps.clock.now().getTime())) throw new AppError(429, 'rate_limited', '登录尝试过于频繁，请1分钟后再试');
  };
  const client = (request: FastifyRequest) => ({ deviceToken: request.cookies[DEVICE_COOKIE], userAgent: request.headers['user-agent'] });

  r.post('/auth/login', { config: { public: true }, schema: { tags, summary: '登录（第一步：用户名和密码）', body: ZLoginBody, response: { 200: ZLoginResult } } },
    async (request, reply) => {
      limit(request);
      return answer(deps, request, reply, await login(deps, { ...request.body, ...client(request) }));
    });

  r.post('/auth/login/totp', { config: { public: true }, schema: { tags, summary: '登录（第二步：两步验证码）', body: ZTotpLoginBody, response: { 200: ZLoginResult } } },
    async (request, reply) => {
      limit(request);
      return answer(deps, request, reply, await loginWithTotp(deps, { ...request.body, ...client(request) }));
    });

  r.post('/auth/logout', { config: setup, schema: { tags, summary: '退出登录', response: { 200: ZOk } } },
    async (request, reply) => {
      await logout(deps, request.cookies[SESSION_COOKIE]!);
      clearSessionCookie(reply);
      return ok;
    });

  r.get('/auth/me', { config: setup, schema: { tags, summary: '当前用户', response: { 200: ZMe } } },
    async (request) => {
      const { actor, session } = request;
      const now = deps.clock.now();
      const names = await scopeNames(deps.db, actor.unitId);
      const grants = (await grantsOfUser(deps.db, actor.unitId, actor.userId)).map((g) => presentGrant(g, session!.unit.name, names));
      const state = { mustChangePassword: passwordChangeDue(session!, now, deps.config), passwordExpired: passwordExpired(session!, now, deps.config), totpSetupRequired: totpSetupDue(session!, deps.config) };
      return presentMe(session!, state, grants, actor, shanghaiDate(now));
    });

  r.post('/auth/password', { config: setup, schema: { tags, summary: '修改密码', body: ZPasswordChangeBody, response: { 200: ZOk } } },
    async (request) => {
      await changePassword(deps, request.actor, request.body.currentPassword, request.body.newPassword, request.cookies[SESSION_COOKIE]!, request.cookies[DEVICE_COOKIE]);
      return ok;
    });

  r.get('/auth/totp', { config: setup, schema: { tags, summary: '两步验证状态', response: { 200: ZTotpStatus } } },
    async (request) => totpStatus(deps, request.actor));
  r.post('/auth/totp/setup', { config: setup, schema: { tags, summary: '两步验证：生成密钥与二维码', response: { 200: ZTotpSetup } } },
    async (request) => setupTotp(deps, request.actor));
  r.post('/auth/totp/enable', { config: setup, schema: { tags, summary: '两步验证：输入当前密码和验证码确认启用', body: ZTotpEnableBody, response: { 200: ZOk } } },
    async (request) => (await enableTotp(deps, request.actor, request.body.password, request.body.code, request.cookies[DEVICE_COOKIE]), ok));
  r.post('/auth/totp/disable', { config: { permission: 'self' }, schema: { tags, summary: '两步验证：停用（需密码和验证码）', body: ZTotpDisableBody, response: { 200: ZOk } } },
    async (request) => (await disableTotp(deps, request.actor, request.body.password, request.body.code, request.cookies[DEVICE_COOKIE]), ok));

  r.get('/auth/sessions', { config: { permission: 'self' }, schema: { tags, summary: '我的登录会话', response: { 200: z.array(ZSession) } } },
    async (request) => listSessions(deps, request.actor, request.session!));
  r.post('/auth/sessions/:id/revoke', { config: { permission: 'self' }, schema: { tags, summary: '注销一个登录会话', params: ZSessionParams, response: { 200: ZOk } } },
    async (request) => (await revokeSession(deps, request.actor, request.session!, request.params.id), ok));
  r.post('/auth/sessions/revoke-others', { config: { permission: 'self' }, schema: { tags, summary: '注销其他所有登录会话', response: { 200: z.object({ revoked: z.number().int() }) } } },
    async (request) => ({ revoked: await revokeOtherSessions(deps, request.actor, request.session!) }));
};
export default authRoutes;
