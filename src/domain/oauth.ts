/**
 * Signing in through 企业微信, 钉钉 (政务钉钉 is the same protocol on its own host) and 飞书 by their
 * OAuth2 code flows: which vendors exist, their documented hosts, the authorize address each
 * expects, and the checks on what comes back. Pure: no IO, no clock.
 */
export const OAUTH_VENDORS = ['wecom', 'dingtalk', 'feishu'] as const;
export type OAuthVendor = (typeof OAUTH_VENDORS)[number];

export const isOAuthVendor = (v: unknown): v is OAuthVendor =>
  typeof v === 'string' && (OAUTH_VENDORS as readonly string[]).includes(v);

export const VENDOR_LABELS: Record<OAuthVendor, string> = { wecom: '企业微信', dingtalk: '钉钉', feishu: '飞书' };

/**
 * The documented hosts: `authBase` serves the page the user agrees on (QR or in-app), `apiBase`
 * the token and user-info calls made by the server. A 政务钉钉 deployment sets both to its own host.
 */
export const VENDOR_DEFAULTS: Record<OAuthVendor, { authBase: string; apiBase: string }> = {
  wecom: { authBase: 'https://login.work.weixin.qq.com', apiBase: 'https://qyapi.weixin.qq.com' },
  dingtalk: { authBase: 'https://login.dingtalk.com', apiBase: 'https://api.dingtalk.com' },
  feishu: { authBase: 'https://accounts.feishu.cn', apiBase: 'https://open.feishu.cn' },
};

export interface VendorApp {
  /** 企业微信: the corp id (CorpID); 钉钉: the app's Client ID (AppKey); 飞书: the App ID. */
  appId: string;
  /** 企业微信 only: the self-built app's AgentId. */
  agentId: string;
  authBase: string;
}

const join = (base: string, path: string) => base.replace(/\/+$/, '') + path;

/** The address the login page's button and QR code open; the vendor comes back to `redirectUri` with a code. */
export function authorizeUrl(vendor: OAuthVendor, app: VendorApp, redirectUri: string, state: string): string {
  const q = new URLSearchParams();
  if (vendor === 'wecom') {
    // 企业微信 扫码登录 (login_type=CorpApp): inside the 企业微信 client the same page signs in without a scan.
    q.set('login_type', 'CorpApp');
    q.set('appid', app.appId);
    q.set('agentid', app.agentId);
    q.set('redirect_uri', redirectUri);
    q.set('state', state);
    return `${join(app.authBase, '/wwlogin/sso/login')}?${q}`;
  }
  if (vendor === 'dingtalk') {
    q.set('redirect_uri', redirectUri);
    q.set('response_type', 'code');
    q.set('client_id', app.appId);
    q.set('scope', 'openid');
    q.set('state', state);
    q.set('prompt', 'consent');
    return `${join(app.authBase, '/oauth2/auth')}?${q}`;
  }
  q.set('client_id', app.appId);
  q.set('redirect_uri', redirectUri);
  q.set('response_type', 'code');
  q.set('state', state);
  return `${join(app.authBase, '/open-apis/authen/v1/authorize')}?${q}`;
}

/**
 * Where to go after signing in: a path of this site only. Anything that a browser could read as
 * another origin (`//host`, `/\host`, a scheme, control characters) falls back to the workbench.
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next === '') return '/';
  if (next.length > 500 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  return next;
}

/**
 * A mobile number as the roster keeps it: digits only, China's +86 / 0086 prefix dropped
 * (飞书 returns “+8613800000000”). Empty when nothing number-like remains.
 */
export function normalMobile(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  let d = raw.replace(/[\s\-()]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  return /^1\d{10}$/.test(d) ? d : '';
}

/** A vendor user id as accepted from a vendor or an administrator: printable, no spaces, at most 128 characters. */
export const isVendorUserId = (v: string) => /^[\w.@:+=/-]{1,128}$/.test(v);
