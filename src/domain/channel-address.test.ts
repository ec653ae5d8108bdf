import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTarget,
  EMPTY_ALLOW_LIST,
  INTERNAL_REFUSED,
  maskAddress,
  maskAddressesIn,
  mayConnect,
  NOT_ALLOWED,
  parseAllowList,
} from './channel-address.js';

const allow = (text: string) => {
  const r = parseAllowList(text);
  expect(r.errors).toEqual([]);
  return r.list;
};
const verdict = (kind: Parameters<typeof checkTarget>[0], address: string, list = EMPTY_ALLOW_LIST) =>
  checkTarget(kind, address, list);

describe('where a robot message may go', () => {
  it("takes the vendors' robots on their documented hosts over https only", () => {
    expect(verdict('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k')).toEqual({
      ok: true,
      allowListedOnly: false,
    });
    expect(verdict('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t')).toEqual({
      ok: true,
      allowListedOnly: false,
    });
    expect(verdict('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x')).toEqual({
      ok: true,
      allowListedOnly: false,
    });
    expect(verdict('feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/x')).toEqual({
      ok: true,
      allowListedOnly: false,
    });
    expect(verdict('wecom', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k')).toMatchObject({
      ok: false,
      message: expect.stringContaining('https://qyapi.weixin.qq.com/'),
    });
    expect(verdict('wecom', 'https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=k').ok).toBe(false);
    // Another vendor's host, a look-alike, or a public address of anyone else's: refused for a vendor kind.
    for (const a of [
      'https://oapi.dingtalk.com/robot/send?key=k',
      'https://qyapi.weixin.qq.com.evil.cn/cgi-bin/webhook/send?key=k',
      'https://8.8.8.8/cgi-bin/webhook/send?key=k',
    ]) {
      expect(verdict('wecom', a), a).toMatchObject({
        ok: false,
        message: expect.stringContaining('ZUOFENG_CHANNEL_ALLOW_HOSTS'),
      });
    }
  });

  it('lets the allow-list add a private deployment, by name, name and port, address or network', () => {
    const list = allow('wecom.gov.internal, ding.zj.gov.cn:8443 10.20.0.0/16 [fd00::7]:8080');
    expect(verdict('wecom', 'http://wecom.gov.internal/cgi-bin/webhook/send?key=k', list)).toEqual({
      ok: true,
      allowListedOnly: true,
    });
    expect(verdict('dingtalk', 'https://ding.zj.gov.cn:8443/robot/send?access_token=t', list)).toEqual({
      ok: true,
      allowListedOnly: true,
    });
    expect(verdict('dingtalk', 'https://10.20.3.4/robot/send?access_token=t', list)).toEqual({
      ok: true,
      allowListedOnly: true,
    });
    expect(verdict('webhook', 'http://[fd00::7]:8080/hook', list)).toEqual({ ok: true, allowListedOnly: true });
    expect(verdict('webhook', 'http://[fd00::7]:8081/hook', list).ok).toBe(false);
    expect(verdict('wecom', 'http://10.21.0.1/cgi-bin/webhook/send?key=k', list).ok).toBe(false);
    // A vendor kind's private host is named as written; a name that might resolve into the network is not enough.
    expect(verdict('wecom', 'https://other.gov.internal/cgi-bin/webhook/send?key=k', list).ok).toBe(false);
    // A generic webhook may be judged by the address it resolves to (checked at connect time).
    expect(verdict('webhook', 'http://oa.gov.internal/hook', list)).toEqual({ ok: true, allowListedOnly: true });
  });

  it('takes a generic webhook at any public https address, and refuses plain http and every internal address', () => {
    expect(verdict('webhook', 'https://oa.example.cn/hooks/zuofeng')).toEqual({ ok: true, allowListedOnly: false });
    expect(verdict('webhook', 'http://oa.example.cn/hooks/zuofeng')).toMatchObject({
      ok: false,
      message: expect.stringContaining('https'),
    });
    const internal = [
      'https://127.0.0.1/',
      'https://127.1/',
      'https://2130706433/',
      'https://0x7f.1/',
      'https://0177.0.0.1/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:7f00:1]/',
      'https://10.0.0.5:5432/',
      'https://172.20.1.1/',
      'https://192.168.0.1/',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00:ec2::254]/',
      'https://[fe80::1]/',
      'https://100.100.100.200/',
      'https://0.0.0.0/',
      'https://[::]/',
      'https://224.0.0.1/',
      'https://localhost/',
      'https://db.localhost/',
      'https://LOCALHOST./',
    ];
    for (const a of internal) expect(verdict('webhook', a), a).toMatchObject({ ok: false, message: INTERNAL_REFUSED });
    // The kind of address is for the log only.
    expect(verdict('webhook', 'https://169.254.169.254/')).toEqual({
      ok: false,
      message: INTERNAL_REFUSED,
      detail: '169.254.169.254 是云主机元数据地址',
    });
    expect(verdict('webhook', 'ftp://oa.example.cn/x').ok).toBe(false);
    expect(verdict('webhook', 'not a url').ok).toBe(false);
    // The allow-list opens exactly what it names.
    expect(verdict('webhook', 'http://127.0.0.1:4000/hook', allow('127.0.0.1'))).toEqual({
      ok: true,
      allowListedOnly: true,
    });
    expect(verdict('webhook', 'https://10.0.0.5/', allow('127.0.0.1')).ok).toBe(false);
  });

  it('judges the address actually connected to: public, or allow-listed', () => {
    expect(mayConnect(EMPTY_ALLOW_LIST, 'oa.example.cn', 443, '101.226.103.106', false)).toEqual({ ok: true });
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '169.254.169.254',
      '::1',
      '::ffff:127.0.0.1',
      'fd00:ec2::254',
      '100.64.1.1',
      'not-an-address',
    ]) {
      // What the user sees is the same for every one of them; which address it was is in `detail`, for the log.
      const v = mayConnect(EMPTY_ALLOW_LIST, 'OA.example.cn', 443, a, false);
      expect(v, a).toMatchObject({
        ok: false,
        message: INTERNAL_REFUSED,
        detail: expect.stringMatching(/^oa\.example\.cn 解析到/),
      });
    }
    expect(mayConnect(EMPTY_ALLOW_LIST, 'oa.example.cn', 443, '::ffff:10.0.0.1', false)).toMatchObject({
      detail: 'oa.example.cn 解析到内网地址 10.0.0.1',
    });
    // Plain http or a private deployment: public is not enough.
    expect(mayConnect(EMPTY_ALLOW_LIST, 'oa.example.cn', 80, '101.226.103.106', true)).toEqual({
      ok: false,
      message: NOT_ALLOWED,
      detail: 'oa.example.cn:80（101.226.103.106）不在 ZUOFENG_CHANNEL_ALLOW_HOSTS 内',
    });
    const list = allow('10.0.0.0/8 oa.internal:8443 127.0.0.1');
    expect(mayConnect(list, 'x.example.cn', 443, '10.3.2.1', true).ok).toBe(true);
    expect(mayConnect(list, 'x.example.cn', 443, '::ffff:10.3.2.1', true).ok).toBe(true);
    expect(mayConnect(list, 'localhost', 3000, '127.0.0.1', false).ok).toBe(true);
    expect(mayConnect(list, 'localhost', 3000, '::1', false).ok).toBe(false);
    expect(mayConnect(list, 'oa.internal', 8443, '192.168.1.1', true).ok).toBe(true);
    expect(mayConnect(list, 'oa.internal', 443, '192.168.1.1', true).ok).toBe(false);
  });

  it('reads the allow-list setting and names each bad entry', () => {
    expect(
      parseAllowList('oa.gov.cn，10.0.0.0/8  [fd00::1]:8080,127.0.0.1:3000 ::1').list.entries.map((e) => e.kind),
    ).toEqual(['name', 'cidr', 'ip', 'ip', 'ip']);
    const { errors } = parseAllowList('ok.cn 10.0.0.0/33 host:99999 0x7f.1 -bad- 2130706433');
    expect(errors).toHaveLength(5);
    expect(errors.join()).toContain('“0x7f.1”请写成点分十进制');
  });
});

describe('masked addresses', () => {
  it('hide userinfo, every query value, every path token and the fragment', () => {
    expect(
      maskAddress('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa'),
    ).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
    expect(maskAddress('https://oapi.dingtalk.com/robot/send?access_token=abc123')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=***',
    );
    expect(maskAddress('https://open.feishu.cn/open-apis/bot/v2/hook/0b5e1d7c-token')).toBe(
      'https://open.feishu.cn/open-apis/bot/v2/hook/***',
    );
    expect(
      maskAddress(
        'https://user:pa55@oa.example.cn:8443/services/T000/B000/XXXX?sig=1&a92b1c3d4e5f6a7b8c9d0e1f2a3b4c5d6=1#frag',
      ),
    ).toBe('https://oa.example.cn:8443/***/***/***/***?sig=***&***=***#***');
    expect(maskAddress('not a url')).toBe('***');
    expect(
      maskAddressesIn('invalid webhook url, hint: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret1 more'),
    ).toBe('invalid webhook url, hint: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=*** more');
  });

  it('never show a token wherever it sits in the address, and masking twice changes nothing', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{6,40}$/).filter((t) => /\d/.test(t));
    fc.assert(
      fc.property(token, fc.constantFrom('query', 'path', 'user', 'password', 'fragment'), (t, where) => {
        const address =
          where === 'query'
            ? `https://oa.example.cn/hook?key=${t}`
            : where === 'path'
              ? `https://oa.example.cn/hook/${t}/send`
              : where === 'user'
                ? `https://${t}@oa.example.cn/hook`
                : where === 'password'
                  ? `https://u:${t}@oa.example.cn/hook`
                  : `https://oa.example.cn/hook#${t}`;
        const masked = maskAddress(address);
        expect(masked).not.toContain(t);
        expect(maskAddress(masked)).toBe(masked);
      }),
      { numRuns: 300 },
    );
  });
});
