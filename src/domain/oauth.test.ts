import { describe, expect, it } from 'vitest';
import { authorizeUrl, confirmLinkText, normalMobile, oauthErrorText, safeNext, VENDOR_DEFAULTS } from './oauth.js';

describe('where to go after signing in', () => {
  it('keeps a path of this site, with its query (the group message link /?item=…)', () => {
    expect(safeNext('/?item=7f0c')).toBe('/?item=7f0c');
    expect(safeNext('/items')).toBe('/items');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('')).toBe('/');
  });
  it('refuses anything a browser could read as another origin', () => {
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/a\nb',
      '/\t/evil',
      'x',
    ])
      expect(safeNext(bad), bad).toBeNull();
    expect(safeNext('/' + 'a'.repeat(600))).toBeNull();
  });
});

describe('mobile numbers from the vendors', () => {
  it('drops the +86 / 0086 prefix and separators, and refuses what is not a mainland mobile number', () => {
    expect(normalMobile('+8613800001111')).toBe('13800001111');
    expect(normalMobile('0086 138-0000-1111')).toBe('13800001111');
    expect(normalMobile('13800001111')).toBe('13800001111');
    expect(normalMobile('+1 555 0100')).toBe('');
    expect(normalMobile(undefined)).toBe('');
  });
});

describe('authorize addresses', () => {
  const app = (vendor: keyof typeof VENDOR_DEFAULTS) => ({
    appId: 'app1',
    agentId: '1000002',
    ...VENDOR_DEFAULTS[vendor],
  });
  const back = 'https://zf.example.gov.cn/api/auth/oauth/x/callback';
  it('follows each vendor’s documented page and parameters, with the state and the redirect', () => {
    const w = new URL(authorizeUrl('wecom', app('wecom'), back, 's1'));
    expect(w.origin + w.pathname).toBe('https://login.work.weixin.qq.com/wwlogin/sso/login');
    expect(Object.fromEntries(w.searchParams)).toMatchObject({
      login_type: 'CorpApp',
      appid: 'app1',
      agentid: '1000002',
      redirect_uri: back,
      state: 's1',
    });
    const d = new URL(authorizeUrl('dingtalk', app('dingtalk'), back, 's2'));
    expect(d.origin + d.pathname).toBe('https://login.dingtalk.com/oauth2/auth');
    expect(Object.fromEntries(d.searchParams)).toMatchObject({
      client_id: 'app1',
      response_type: 'code',
      scope: 'openid',
      prompt: 'consent',
      state: 's2',
    });
    const f = new URL(authorizeUrl('feishu', app('feishu'), back, 's3'));
    expect(f.origin + f.pathname).toBe('https://accounts.feishu.cn/open-apis/authen/v1/authorize');
    expect(f.searchParams.get('client_id')).toBe('app1');
  });
  it('uses the configured host (政务钉钉 on its own host)', () => {
    const u = authorizeUrl(
      'dingtalk',
      { ...app('dingtalk'), authBase: 'https://login.zwding.example.gov.cn/' },
      back,
      's',
    );
    expect(u.startsWith('https://login.zwding.example.gov.cn/oauth2/auth?')).toBe(true);
  });
});

describe('refusal codes on the login page', () => {
  it('maps a known code to its Chinese text, with the vendor named when it is one', () => {
    expect(oauthErrorText('not_linked', 'feishu')).toBe('该飞书账号未关联作风系统账号，请联系管理员');
    expect(oauthErrorText('admin_refused', 'wecom')).toBe('管理员账号不能通过企业微信登录，请使用用户名和密码登录');
    expect(oauthErrorText('stale', undefined)).toBe('登录请求已失效或不是从本浏览器发起的，请重新登录');
    expect(oauthErrorText('disabled', 'evil')).toBe('本系统未启用第三方登录');
  });
  it('shows nothing for text or an unknown code (no words of an attacker on the page)', () => {
    for (const bad of ['您的账号已冻结，请致电 400-000-0000', 'toString', '__proto__', '', null, 3])
      expect(oauthErrorText(bad, 'wecom')).toBeNull();
    expect(confirmLinkText('x')).toBeNull();
    expect(confirmLinkText('dingtalk')).toContain('钉钉');
  });
});
