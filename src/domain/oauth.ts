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

/**
 * Why a vendor sign-in was refused, as the callback tells the login page: a code, never text, so
 * that a link to `/login?oauthError=…` cannot put words of an attacker's choosing on the page.
 */
export const OAUTH_ERROR_CODES = [
  'bad_next',
  'disabled',
  'stale',
  'no_code',
  'not_linked',
  'admin_refused',
  'too_fast',
  'expired',
  'egress_refused',
  'unreachable',
  'unrecognised',
  'vendor_config',
  'vendor_error',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

const ERROR_TEXT: Record<OAuthErrorCode, (label: string) => string> = {
  bad_next: () => '登录后要打开的地址无效，请从系统内的链接进入',
  disabled: (l) => `本系统未启用${l}登录`,
  stale: () => '登录请求已失效或不是从本浏览器发起的，请重新登录',
  no_code: (l) => `未获得${l}授权，请重新登录`,
  not_linked: (l) => `该${l}账号未关联作风系统账号，请联系管理员`,
  admin_refused: (l) => `管理员账号不能通过${l}登录，请使用用户名和密码登录`,
  too_fast: () => '登录尝试过于频繁，请1分钟后再试',
  expired: () => '授权已失效，请重新扫码或点击登录',
  egress_refused: () => '登录服务地址不被允许，请联系管理员',
  unreachable: () => '无法连接登录服务，请稍后再试',
  unrecognised: () => '登录服务的应答无法识别',
  vendor_config: (l) => `${l}应用配置有误，请联系管理员`,
  vendor_error: (l) => `${l}登录失败，请重试`,
};

/** The login page's text for a refusal code; null for a code it does not know (nothing is shown). */
export function oauthErrorText(code: unknown, vendor: unknown): string | null {
  if (typeof code !== 'string' || !(OAUTH_ERROR_CODES as readonly string[]).includes(code)) return null;
  return ERROR_TEXT[code as OAuthErrorCode](isOAuthVendor(vendor) ? VENDOR_LABELS[vendor] : '第三方');
}

/** The login page's prompt when a vendor account matched a roster mobile and the password must confirm the link. */
export const confirmLinkText = (vendor: unknown) =>
  isOAuthVendor(vendor)
    ? `该${VENDOR_LABELS[vendor]}账号尚未关联作风系统账号。请用本人的用户名和密码登录一次，登录成功后即完成关联，以后可直接用${VENDOR_LABELS[vendor]}登录。`
    : null;
