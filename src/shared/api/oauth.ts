import * as C from '../contracts/oauth.js';
import { ZIdParams, ZOk } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['第三方登录'] as const;

/**
 * Sign-in through 企业微信 / 钉钉 / 飞书: what the login page offers, the installation's settings, and
 * the links between accounts. The redirects of the code flow (start, callback) are not JSON and are
 * registered in src/server/modules/oauth/oauth.routes.ts.
 */
export const oauthApi = {
  providers: endpoint({
    method: 'GET',
    path: '/auth/oauth/providers',
    tags,
    summary: '登录页可用的第三方登录方式',
    response: C.ZOAuthProviders,
  }),
  settings: endpoint({
    method: 'GET',
    path: '/auth/oauth/settings',
    tags,
    summary: '第三方登录设置',
    response: C.ZOAuthSettings,
  }),
  saveSetting: endpoint({
    method: 'PUT',
    path: '/auth/oauth/settings/:vendor',
    tags,
    summary: '保存一种第三方登录的设置',
    params: C.ZVendorParams,
    body: C.ZOAuthSettingBody,
    response: ZOk,
  }),
  links: endpoint({
    method: 'GET',
    path: '/users/:id/oauth-links',
    tags,
    summary: '用户关联的第三方账号',
    params: ZIdParams,
    response: C.ZOAuthLinks,
  }),
  link: endpoint({
    method: 'POST',
    path: '/users/:id/oauth-links',
    tags,
    summary: '为用户关联第三方账号',
    params: ZIdParams,
    body: C.ZOAuthLinkBody,
    response: ZOk,
  }),
  unlink: endpoint({
    method: 'POST',
    path: '/users/:id/oauth-links/unlink',
    tags,
    summary: '解除用户与第三方账号的关联',
    params: ZIdParams,
    body: C.ZOAuthUnlinkBody,
    response: ZOk,
  }),
};
