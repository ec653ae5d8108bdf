import { z } from 'zod';
import { ZIdParams, pageOf } from '../contracts/common.js';
import { ZUnit, ZUnitBody } from '../contracts/org.js';
import {
  ZInvite,
  ZInviteAccept,
  ZInviteBody,
  ZInviteCreated,
  ZInviteInfo,
  ZInviteParams,
  ZInviteTokenParams,
  ZUnitDeactivate,
  ZUnitListQuery,
  ZUnitMove,
  ZUnitPatch,
} from '../contracts/unit-tree.js';
import { endpoint } from './endpoint.js';

const tags = ['单位'] as const;

/** The unit tree (issue 20): the own unit, the units below it, their first administrators' invitations. */
export const unitsApi = {
  list: endpoint({
    method: 'GET',
    path: '/units',
    tags,
    summary: '本单位及（有督查权限时）下级单位（分页、搜索；parentId 取某单位的直属下级）',
    query: ZUnitListQuery,
    response: pageOf(ZUnit),
  }),
  get: endpoint({ method: 'GET', path: '/units/:id', tags, summary: '单位', params: ZIdParams, response: ZUnit }),
  create: endpoint({ method: 'POST', path: '/units', tags, summary: '新增下级单位', body: ZUnitBody, response: ZUnit }),
  edit: endpoint({
    method: 'PATCH',
    path: '/units/:id',
    tags,
    summary: '修改下级单位的名称或类型',
    params: ZIdParams,
    body: ZUnitPatch,
    response: ZUnit,
  }),
  move: endpoint({
    method: 'POST',
    path: '/units/:id/move',
    tags,
    summary: '调整下级单位的隶属关系',
    params: ZIdParams,
    body: ZUnitMove,
    response: ZUnit,
  }),
  deactivate: endpoint({
    method: 'POST',
    path: '/units/:id/deactivate',
    tags,
    summary: '停用下级单位（不删除；其账号不能再登录）',
    params: ZIdParams,
    body: ZUnitDeactivate,
    response: ZUnit,
  }),
  reactivate: endpoint({
    method: 'POST',
    path: '/units/:id/reactivate',
    tags,
    summary: '重新启用下级单位',
    params: ZIdParams,
    response: ZUnit,
  }),
  invites: endpoint({
    method: 'GET',
    path: '/units/:id/invites',
    tags,
    summary: '下级单位管理员邀请（最近100条）',
    params: ZIdParams,
    response: z.array(ZInvite),
  }),
  invite: endpoint({
    method: 'POST',
    path: '/units/:id/invites',
    tags,
    summary: '邀请下级单位的首个管理员（一次性链接，72小时内有效）',
    params: ZIdParams,
    body: ZInviteBody,
    response: ZInviteCreated,
  }),
  revokeInvite: endpoint({
    method: 'POST',
    path: '/units/:id/invites/:inviteId/revoke',
    tags,
    summary: '撤销未使用的邀请',
    params: ZInviteParams,
    response: ZInvite,
  }),
  inviteInfo: endpoint({
    method: 'GET',
    path: '/public/invites/:token',
    tags,
    summary: '邀请链接的内容（公开）',
    params: ZInviteTokenParams,
    response: ZInviteInfo,
  }),
  acceptInvite: endpoint({
    method: 'POST',
    path: '/public/invites/:token',
    tags,
    summary: '用邀请链接设置管理员密码（公开，仅一次）',
    params: ZInviteTokenParams,
    body: ZInviteAccept,
    response: z.object({ username: z.string() }),
  }),
};
