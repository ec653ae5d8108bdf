import { z } from 'zod';
import * as C from '../contracts/auth.js';
import { ZOk } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['登录'] as const;

/** Signing in and out, the account's password, second factor and sessions. */
export const authApi = {
  login: endpoint({
    method: 'POST',
    path: '/auth/login',
    tags,
    summary: '登录（第一步：用户名和密码）',
    body: C.ZLoginBody,
    response: C.ZLoginResult,
  }),
  loginTotp: endpoint({
    method: 'POST',
    path: '/auth/login/totp',
    tags,
    summary: '登录（第二步：两步验证码）',
    body: C.ZTotpLoginBody,
    response: C.ZLoginResult,
  }),
  logout: endpoint({ method: 'POST', path: '/auth/logout', tags, summary: '退出登录', response: ZOk }),
  me: endpoint({ method: 'GET', path: '/auth/me', tags, summary: '当前用户', response: C.ZMe }),
  keepAlive: endpoint({
    method: 'POST',
    path: '/auth/keepalive',
    tags,
    summary: '继续使用（记录本会话的活动，推迟空闲超时）',
    response: ZOk,
  }),
  dismissBanner: endpoint({
    method: 'POST',
    path: '/auth/dismissed-banners',
    tags,
    summary: '不再显示某条提示（演示数据、某年节假日安排未导入）',
    body: C.ZBannerBody,
    response: C.ZDismissedBanners,
  }),
  idleTimeout: endpoint({
    method: 'GET',
    path: '/auth/idle-timeout',
    tags,
    summary: '空闲超时设置',
    response: C.ZIdleTimeout,
  }),
  setIdleTimeout: endpoint({
    method: 'PUT',
    path: '/auth/idle-timeout',
    tags,
    summary: '修改空闲超时（分钟）',
    body: C.ZIdleTimeoutBody,
    response: C.ZIdleTimeout,
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/auth/password',
    tags,
    summary: '修改密码',
    body: C.ZPasswordChangeBody,
    response: ZOk,
  }),
  totp: endpoint({ method: 'GET', path: '/auth/totp', tags, summary: '两步验证状态', response: C.ZTotpStatus }),
  totpSetup: endpoint({
    method: 'POST',
    path: '/auth/totp/setup',
    tags,
    summary: '两步验证：生成密钥与二维码',
    response: C.ZTotpSetup,
  }),
  totpEnable: endpoint({
    method: 'POST',
    path: '/auth/totp/enable',
    tags,
    summary: '两步验证：输入当前密码和验证码确认启用',
    body: C.ZTotpEnableBody,
    response: ZOk,
  }),
  totpDisable: endpoint({
    method: 'POST',
    path: '/auth/totp/disable',
    tags,
    summary: '两步验证：停用（需密码和验证码）',
    body: C.ZTotpDisableBody,
    response: ZOk,
  }),
  sessions: endpoint({
    method: 'GET',
    path: '/auth/sessions',
    tags,
    summary: '我的登录会话',
    response: z.array(C.ZSession),
  }),
  revokeSession: endpoint({
    method: 'POST',
    path: '/auth/sessions/:id/revoke',
    tags,
    summary: '注销一个登录会话',
    params: C.ZSessionParams,
    response: ZOk,
  }),
  revokeOthers: endpoint({
    method: 'POST',
    path: '/auth/sessions/revoke-others',
    tags,
    summary: '注销其他所有登录会话',
    response: z.object({ revoked: z.number().int() }),
  }),
};
