import { z } from 'zod';
import { ZIdParams, ZOk, ZPageQuery, ZReasonBody, pageOf } from '../contracts/common.js';
import { ZGrantBody, ZResetPasswordBody, ZUser, ZUserBody, ZUserPatch } from '../contracts/users.js';
import { endpoint } from './endpoint.js';

const tags = ['用户与角色'] as const;

/** User accounts and their roles (the security administrator's). */
export const usersApi = {
  list: endpoint({
    method: 'GET',
    path: '/users',
    tags,
    summary: '用户列表',
    query: ZPageQuery.extend({ q: z.string().trim().max(30).optional() }),
    response: pageOf(ZUser),
  }),
  create: endpoint({
    method: 'POST',
    path: '/users',
    tags,
    summary: '新建用户',
    body: ZUserBody,
    response: z.object({ id: z.uuid() }),
  }),
  patch: endpoint({
    method: 'PATCH',
    path: '/users/:id',
    tags,
    summary: '修改用户（停用/启用）',
    params: ZIdParams,
    body: ZUserPatch,
    response: ZOk,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/users/:id/reset-password',
    tags,
    summary: '重置密码',
    params: ZIdParams,
    body: ZResetPasswordBody,
    response: ZOk,
  }),
  resetTotp: endpoint({
    method: 'POST',
    path: '/users/:id/reset-totp',
    tags,
    summary: '重置两步验证（手机丢失等，须填写原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: ZOk,
  }),
  grant: endpoint({
    method: 'POST',
    path: '/users/:id/grants',
    tags,
    summary: '授予角色',
    params: ZIdParams,
    body: ZGrantBody,
    response: ZOk,
  }),
  revokeGrant: endpoint({
    method: 'POST',
    path: '/users/:id/grants/:grantId/revoke',
    tags,
    summary: '撤销角色',
    params: ZIdParams.extend({ grantId: z.uuid({ message: '编号格式不正确' }) }),
    body: ZReasonBody,
    response: ZOk,
  }),
};
