import { ZLoginBody, ZMe, ZPasswordChangeBody } from '../../../shared/contracts/auth.js';
import { ZOk } from '../../../shared/contracts/common.js';
import { AppError } from '../../errors.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth.js';
import { RateLimiter } from '../../plugins/rate-limit.js';
import { typed, type RouteModule } from '../../types.js';
import { changePassword, login, logout } from './auth.service.js';
import { presentGrant, presentMe } from './auth.presenter.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { grantsOfUser, scopeNames } from '../users/users.service.js';

const authRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const limiter = new RateLimiter(deps.config.loginLimitPerMinute, 60_000);

  r.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['登录'], summary: '登录', body: ZLoginBody, response: { 200: ZOk } } },
    async (request, reply) => {
      if (!limiter.take(request.ip, deps.clock.now().getTime())) {
        throw new AppError(429, 'rate_limited', '登录尝试过于频繁，请1分钟后再试');
      }
      const { token } = await login(deps, request.body.username, request.body.password);
      setSessionCookie(reply, request, token, deps.config.sessionHours, deps.config.secureCookies);
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/logout',
    { config: { permission: 'self' }, schema: { tags: ['登录'], summary: '退出登录', response: { 200: ZOk } } },
    async (request, reply) => {
      await logout(deps, request.cookies[SESSION_COOKIE]!);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  r.get(
    '/auth/me',
    { config: { permission: 'self' }, schema: { tags: ['登录'], summary: '当前用户', response: { 200: ZMe } } },
    async (request) => {
      const actor = request.actor;
      const names = await scopeNames(deps.db, actor.unitId);
      const grants = (await grantsOfUser(deps.db, actor.unitId, actor.userId)).map((g) => presentGrant(g, request.session!.unit.name, names));
      return presentMe(request.session!, grants, actor, shanghaiDate(deps.clock.now()));
    },
  );

  r.post(
    '/auth/password',
    { config: { permission: 'self' }, schema: { tags: ['登录'], summary: '修改密码', body: ZPasswordChangeBody, response: { 200: ZOk } } },
    async (request) => {
      await changePassword(deps, request.actor, request.body.currentPassword, request.body.newPassword, request.cookies[SESSION_COOKIE]!);
      return { ok: true as const };
    },
  );
};
export default authRoutes;
