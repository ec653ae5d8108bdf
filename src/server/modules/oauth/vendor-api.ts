import { normalMobile, type OAuthErrorCode, type OAuthVendor } from '../../../domain/oauth.js';
import { EgressRefused, EgressTimeout, type Egress } from '../../net/egress.js';

/**
 * The server side of each vendor's code flow: the code from the callback is exchanged for the
 * vendor's user id and mobile number, by the calls their documentation names. Every call goes
 * through the egress (the robots' allow-list and address checks), with a short timeout and a size cap.
 */
export interface VendorSecrets {
  appId: string;
  secret: string;
  apiBase: string;
}
export interface VendorUser {
  vendorUserId: string;
  mobile: string;
}

/** The vendor refused or could not be reached: `code` is for the login page, `message` and `detail` for the log. */
export class VendorError extends Error {
  constructor(
    message: string,
    readonly detail: string,
    readonly code: OAuthErrorCode = 'vendor_error',
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 8000;
const MAX_BYTES = 64 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

type Answer = Record<string, unknown>;

async function call(egress: Egress, method: 'GET' | 'POST', url: URL, headers: Record<string, string>, body?: unknown) {
  const o = { headers, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, allowListedOnly: url.protocol === 'http:' };
  let a;
  try {
    a = method === 'GET' ? await egress.get(url, o) : await egress.post(url, { ...o, body: JSON.stringify(body) });
  } catch (e) {
    if (e instanceof EgressRefused)
      throw new VendorError('登录服务地址不被允许，请联系管理员', e.detail, 'egress_refused');
    if (e instanceof EgressTimeout) throw new VendorError('登录服务没有应答，请稍后再试', e.message, 'unreachable');
    throw new VendorError('无法连接登录服务，请稍后再试', (e as Error).message, 'unreachable');
  }
  let json: unknown;
  try {
    json = JSON.parse(a.text);
  } catch {
    throw new VendorError('登录服务的应答无法识别', `status ${a.status}, not JSON`, 'unrecognised');
  }
  // `null`, an array or a bare value is valid JSON but no answer of any vendor: reading fields of it would throw.
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new VendorError('登录服务的应答无法识别', `status ${a.status}, JSON but not an object`, 'unrecognised');
  return { status: a.status, json: json as Answer };
}

const urlOf = (base: string, path: string, query: Record<string, string> = {}) => {
  const u = new URL(base.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u;
};
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const expiredCode = (detail: string) => new VendorError('授权已失效，请重新扫码或点击登录', detail, 'expired');

/** 企业微信: gettoken → auth/getuserinfo (code → userid) → user/get (mobile). errcode 40029 is an invalid code. */
async function wecom(egress: Egress, s: VendorSecrets, code: string): Promise<VendorUser> {
  const t = await call(
    egress,
    'GET',
    urlOf(s.apiBase, '/cgi-bin/gettoken', { corpid: s.appId, corpsecret: s.secret }),
    {},
  );
  if (t.json.errcode !== 0 || !str(t.json.access_token))
    throw new VendorError(
      '企业微信应用配置有误，请联系管理员',
      `gettoken errcode ${String(t.json.errcode)}`,
      'vendor_config',
    );
  const token = str(t.json.access_token);
  const u = await call(egress, 'GET', urlOf(s.apiBase, '/cgi-bin/auth/getuserinfo', { access_token: token, code }), {});
  if (u.json.errcode === 40029) throw expiredCode('getuserinfo errcode 40029');
  if (u.json.errcode !== 0)
    throw new VendorError('企业微信登录失败，请重试', `getuserinfo errcode ${String(u.json.errcode)}`);
  // Not a member of the corp (an openid only): there is no account to find.
  const userid = str(u.json.userid);
  if (!userid) return { vendorUserId: '', mobile: '' };
  const p = await call(egress, 'GET', urlOf(s.apiBase, '/cgi-bin/user/get', { access_token: token, userid }), {});
  return { vendorUserId: userid, mobile: p.json.errcode === 0 ? normalMobile(p.json.mobile) : '' };
}

/** 钉钉 (and 政务钉钉 on its own host): oauth2/userAccessToken → contact/users/me (unionId, mobile). */
async function dingtalk(egress: Egress, s: VendorSecrets, code: string): Promise<VendorUser> {
  const t = await call(egress, 'POST', urlOf(s.apiBase, '/v1.0/oauth2/userAccessToken'), JSON_HEADERS, {
    clientId: s.appId,
    clientSecret: s.secret,
    code,
    grantType: 'authorization_code',
  });
  const token = str(t.json.accessToken);
  if (t.status !== 200 || !token) {
    const c = str(t.json.code);
    if (/authCode|code/i.test(c)) throw expiredCode(`userAccessToken ${t.status} ${c}`);
    throw new VendorError('钉钉应用配置有误，请联系管理员', `userAccessToken ${t.status} ${c}`, 'vendor_config');
  }
  const me = await call(egress, 'GET', urlOf(s.apiBase, '/v1.0/contact/users/me'), {
    'x-acs-dingtalk-access-token': token,
  });
  if (me.status !== 200) throw new VendorError('钉钉登录失败，请重试', `users/me ${me.status} ${str(me.json.code)}`);
  return { vendorUserId: str(me.json.unionId), mobile: normalMobile(me.json.mobile) };
}

/** 飞书: authen/v2/oauth/token → authen/v1/user_info (open_id, mobile as +86…). */
async function feishu(egress: Egress, s: VendorSecrets, code: string, redirectUri: string): Promise<VendorUser> {
  const t = await call(egress, 'POST', urlOf(s.apiBase, '/open-apis/authen/v2/oauth/token'), JSON_HEADERS, {
    grant_type: 'authorization_code',
    client_id: s.appId,
    client_secret: s.secret,
    code,
    redirect_uri: redirectUri,
  });
  const token = str(t.json.access_token);
  if (t.json.code !== 0 || !token) {
    if (str(t.json.error) === 'invalid_grant') throw expiredCode(`token ${String(t.json.code)} invalid_grant`);
    throw new VendorError(
      '飞书应用配置有误，请联系管理员',
      `token ${String(t.json.code)} ${str(t.json.error)}`,
      'vendor_config',
    );
  }
  const u = await call(egress, 'GET', urlOf(s.apiBase, '/open-apis/authen/v1/user_info'), {
    authorization: `Bearer ${token}`,
  });
  const data = (u.json.data ?? {}) as Answer;
  if (u.json.code !== 0) throw new VendorError('飞书登录失败，请重试', `user_info ${String(u.json.code)}`);
  return { vendorUserId: str(data.open_id), mobile: normalMobile(data.mobile) };
}

export function fetchVendorUser(
  egress: Egress,
  vendor: OAuthVendor,
  s: VendorSecrets,
  code: string,
  redirectUri: string,
): Promise<VendorUser> {
  if (vendor === 'wecom') return wecom(egress, s, code);
  if (vendor === 'dingtalk') return dingtalk(egress, s, code);
  return feishu(egress, s, code, redirectUri);
}
