import { z } from 'zod';
import { ZIdParams, ZOk, ZPageQuery, ZReasonBody, pageOf } from '../../../shared/contracts/common.js';
import { ZGrantBody, ZResetPasswordBody, ZUser, ZUserBody, ZUserPatch } from '../../../shared/contracts/users.js';
import { typed, type RouteModule } from '../../types.js';
import * as users from './users.service.js';

const ok = { ok: true as const };
const tags = ['用户与角色'];

const usersRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const manage = { permission: 'users.manage' as const };

  r.get('/users', { config: manage, schema: { tags, summary: '用户列表', querystring: ZPageQuery.extend({ q: z.string().trim().max(30).optional() }), response: { 200: pageOf(ZUser) } } },
    async (req) => users.listUsers(deps, req.actor, req.query));
  r.post('/users', { config: manage, schema: { tags, summary: '新建用户', body: ZUserBody, response: { 200: z.object({ id: z.uuid() }) } } },
    async (req) => ({ id: (await users.createUser(deps, req.actor, req.body)).id }));
  r.patch('/users/:id', { config: manage, schema: { tags, summary: '修改用户（停用/启用）', params: ZIdParams, body: ZUserPatch, response: { 200: ZOk } } },
    async (req) => (await users.patchUser(deps, req.actor, req.params.id, req.body), ok));
  r.post('/users/:id/reset-password', { config: manage, schema: { tags, summary: '重置密码', params: ZIdParams, body: ZResetPasswordBody, response: { 200: ZOk } } },
    async (req) => (await users.resetPassword(deps, req.actor, req.params.id, req.body.password), ok));
  r.post('/users/:id/reset-totp', { config: manage, schema: { tags, summary: '重置两步验证（手机丢失等，须填写原因）', params: ZIdParams, body: ZReasonBody, response: { 200: ZOk } } },
    async (req) => (await users.resetTotp(deps, req.actor, req.params.id, req.body.reason), ok));
  r.post('/users/:id/grants', { config: manage, schema: { tags, summary: '授予角色', params: ZIdParams, body: ZGrantBody, response: { 200: ZOk } } },
    async (req) => (await users.addGrant(deps, req.actor, req.params.id, req.body), ok));
  r.post('/users/:id/grants/:grantId/revoke', {
    config: manage,
    schema: { tags, summary: '撤销角色', params: ZIdParams.extend({ grantId: z.uuid({ message: '编号格式不正确' }) }), body: ZReasonBody, response: { 200: ZOk } },
  }, async (req) => (await users.revokeGrant(deps, req.actor, req.params.id, req.params.grantId, req.body.reason), ok));
};
export default usersRoutes;
