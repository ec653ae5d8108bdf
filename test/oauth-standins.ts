import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the sign-in APIs of 企业微信, 钉钉 and 飞书, written from their documentation
 * (not from our client): the authorize page (here: it redirects back at once with a code for the
 * user the test chose, as the vendor does after the scan), the token exchange and the user info,
 * with each vendor's JSON shapes and error answers. A code is good once and for its own app only.
 */
export type Vendor = 'wecom' | 'dingtalk' | 'feishu';
export interface StandInUser {
  id: string;
  mobile: string;
}
export interface StandIns {
  base: string;
  apps: Record<Vendor, { appId: string; secret: string; agentId: string }>;
  /** The account the authorize page signs in as next (the person who scanned). */
  signInAs: (vendor: Vendor, user: StandInUser) => void;
  /** Calls received, `METHOD path` (no query), for tests of what was asked. */
  calls: string[];
  close: () => Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

export async function startOAuthStandIns(): Promise<StandIns> {
  const apps = {
    wecom: {
      appId: 'ww' + randomBytes(8).toString('hex'),
      secret: randomBytes(16).toString('hex'),
      agentId: '1000002',
    },
    dingtalk: { appId: 'ding' + randomBytes(8).toString('hex'), secret: randomBytes(16).toString('hex'), agentId: '' },
    feishu: { appId: 'cli_' + randomBytes(8).toString('hex'), secret: randomBytes(16).toString('hex'), agentId: '' },
  };
  const next: Partial<Record<Vendor, StandInUser>> = {};
  const codes = new Map<string, { vendor: Vendor; user: StandInUser; redirectUri: string }>();
  const tokens = new Map<string, { vendor: Vendor; user: StandInUser }>();
  const calls: string[] = [];

  const issue = (vendor: Vendor, user: StandInUser) => {
    const t = randomBytes(16).toString('hex');
    tokens.set(t, { vendor, user });
    return t;
  };
  const take = (vendor: Vendor, code: string) => {
    const c = codes.get(code);
    codes.delete(code);
    return c?.vendor === vendor ? c : undefined;
  };

  /** The authorize pages: check the app and redirect back with a code and the state, unchanged. */
  function authorize(vendor: Vendor, q: URLSearchParams, res: http.ServerResponse) {
    const appId = vendor === 'wecom' ? q.get('appid') : q.get('client_id');
    const redirectUri = q.get('redirect_uri') ?? '';
    const user = next[vendor];
    if (appId !== apps[vendor].appId || !redirectUri || !user) return json(res, 400, { error: 'invalid_request' });
    if (vendor === 'wecom' && q.get('agentid') !== apps.wecom.agentId) return json(res, 400, { errcode: 40056 });
    const code = randomBytes(12).toString('hex');
    codes.set(code, { vendor, user, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set(vendor === 'dingtalk' ? 'authCode' : 'code', code);
    if (q.get('state') !== null) back.searchParams.set('state', q.get('state')!);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  function wecom(path: string, q: URLSearchParams, res: http.ServerResponse) {
    if (path === '/cgi-bin/gettoken') {
      if (q.get('corpid') !== apps.wecom.appId) return json(res, 200, { errcode: 40013, errmsg: 'invalid corpid' });
      if (q.get('corpsecret') !== apps.wecom.secret)
        return json(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
      return json(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        access_token: issue('wecom', { id: '', mobile: '' }),
        expires_in: 7200,
      });
    }
    if (!tokens.has(q.get('access_token') ?? ''))
      return json(res, 200, { errcode: 40014, errmsg: 'invalid access_token' });
    if (path === '/cgi-bin/auth/getuserinfo') {
      const c = take('wecom', q.get('code') ?? '');
      if (!c) return json(res, 200, { errcode: 40029, errmsg: 'invalid code' });
      // For the tests of answers that are JSON but not an object: the user `answer-null` gets `null`.
      if (c.user.id === 'answer-null') return json(res, 200, null);
      return json(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        userid: c.user.id,
        user_ticket: randomBytes(8).toString('hex'),
      });
    }
    if (path === '/cgi-bin/user/get') {
      const known = known_.get(q.get('userid') ?? '');
      if (!known) return json(res, 200, { errcode: 60111, errmsg: 'userid not found' });
      return json(res, 200, { errcode: 0, errmsg: 'ok', userid: q.get('userid'), name: '测试', mobile: known.mobile });
    }
    json(res, 404, { errcode: 404, errmsg: 'not found' });
  }
  /** Every account that signed in through 企业微信, for user/get (the corp's address book). */
  const known_ = new Map<string, StandInUser>();

  async function dingtalk(
    method: string,
    path: string,
    body: Record<string, unknown>,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    if (method === 'POST' && path === '/v1.0/oauth2/userAccessToken') {
      if (body.clientId !== apps.dingtalk.appId || body.clientSecret !== apps.dingtalk.secret)
        return json(res, 400, { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' });
      if (body.grantType !== 'authorization_code')
        return json(res, 400, { code: 'invalidParameter', message: 'grantType' });
      const c = take('dingtalk', String(body.code ?? ''));
      if (!c) return json(res, 400, { code: 'invalidParameter.authCode.notFound', message: '不合法的临时授权码' });
      return json(res, 200, { accessToken: issue('dingtalk', c.user), refreshToken: 'r', expireIn: 7200 });
    }
    if (method === 'GET' && path === '/v1.0/contact/users/me') {
      const t = tokens.get(String(req.headers['x-acs-dingtalk-access-token'] ?? ''));
      if (t?.vendor !== 'dingtalk')
        return json(res, 401, { code: 'InvalidAuthentication', message: '不合法的access_token' });
      return json(res, 200, {
        nick: '测试',
        unionId: t.user.id,
        openId: 'o' + t.user.id,
        mobile: t.user.mobile,
        stateCode: '86',
      });
    }
    json(res, 404, { code: 'NotFound', message: 'not found' });
  }

  async function feishu(
    method: string,
    path: string,
    body: Record<string, unknown>,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    if (method === 'POST' && path === '/open-apis/authen/v2/oauth/token') {
      if (body.client_id !== apps.feishu.appId || body.client_secret !== apps.feishu.secret)
        return json(res, 400, { code: 20002, error: 'invalid_client', error_description: 'client secret invalid' });
      const c = take('feishu', String(body.code ?? ''));
      if (!c || c.redirectUri !== body.redirect_uri)
        return json(res, 400, { code: 20003, error: 'invalid_grant', error_description: 'code not found' });
      return json(res, 200, { code: 0, access_token: issue('feishu', c.user), expires_in: 7200, token_type: 'Bearer' });
    }
    if (method === 'GET' && path === '/open-apis/authen/v1/user_info') {
      const t = tokens.get(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (t?.vendor !== 'feishu') return json(res, 401, { code: 99991668, msg: 'Invalid access token' });
      return json(res, 200, {
        code: 0,
        msg: 'success',
        data: {
          name: '测试',
          open_id: t.user.id,
          union_id: 'on_' + t.user.id,
          mobile: t.user.mobile ? `+86${t.user.mobile}` : '',
        },
      });
    }
    json(res, 404, { code: 404, msg: 'not found' });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const path = url.pathname;
      calls.push(`${req.method} ${path}`);
      let body: Record<string, unknown>;
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      } catch {
        return json(res, 400, { error: 'bad json' });
      }
      if (path === '/wwlogin/sso/login') return authorize('wecom', url.searchParams, res);
      if (path === '/oauth2/auth') return authorize('dingtalk', url.searchParams, res);
      if (path === '/open-apis/authen/v1/authorize') return authorize('feishu', url.searchParams, res);
      if (path.startsWith('/cgi-bin/')) return wecom(path, url.searchParams, res);
      if (path.startsWith('/v1.0/')) return void dingtalk(req.method ?? '', path, body, req, res);
      if (path.startsWith('/open-apis/')) return void feishu(req.method ?? '', path, body, req, res);
      json(res, 404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    apps,
    calls,
    signInAs: (vendor, user) => {
      next[vendor] = user;
      if (vendor === 'wecom') known_.set(user.id, user);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
