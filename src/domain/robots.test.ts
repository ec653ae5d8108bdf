import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digestCard,
  escapeMarkdown,
  fitBytes,
  LIMITS,
  readAnswer,
  robotBudget,
  robotRequest,
  type Card,
  type ChannelKind,
} from './robots.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const card = (over: Partial<Card> = {}): Card => ({
  title: '【逾期】关于报送年度总结的通知',
  lines: ['办理时限：2026-11-27（已逾期 1 个工作日）', '承办人：周凯'],
  link: 'https://zf.example/items/1',
  idempotencyKey: 'n1:c1',
  ...over,
});
const KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'feishu', 'webhook'];

describe('group robot requests', () => {
  it('cut texts on a character boundary to the byte limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 40, max: 5000 }), (t, max) => {
        const out = fitBytes(t, max);
        expect(bytes(out)).toBeLessThanOrEqual(Math.max(max, bytes(t) <= max ? bytes(t) : 0));
        if (bytes(t) <= max) expect(out).toBe(t);
        else expect(t.startsWith(out.replace(/…（内容过长，已截断）$/, ''))).toBe(true);
      }),
    );
  });

  it('keep every vendor within its documented size, however long the card', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 2000 }), { maxLength: 20 }),
        fc.constantFrom(...KINDS),
        (lines, kind) => {
          const r = robotRequest(
            kind,
            'https://robot.example/send?key=k',
            'SECabc',
            card({ lines }),
            1_790_000_000_000,
          );
          const body = JSON.parse(r.body);
          if (kind === 'wecom') expect(bytes(body.markdown.content)).toBeLessThanOrEqual(LIMITS.wecomMarkdownBytes);
          if (kind === 'dingtalk') expect(bytes(body.markdown.text)).toBeLessThanOrEqual(LIMITS.dingtalkTextBytes);
          if (kind === 'feishu') expect(bytes(r.body)).toBeLessThanOrEqual(LIMITS.feishuBodyBytes);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('@ by mobile where the vendor can: WeCom as a text message, DingTalk in `at`', () => {
    const c = card({ mentionMobiles: ['13900001007'] });
    expect(JSON.parse(robotRequest('wecom', 'https://w', '', c, 0).body)).toMatchObject({
      msgtype: 'text',
      text: { mentioned_mobile_list: ['13900001007'] },
    });
    expect(JSON.parse(robotRequest('dingtalk', 'https://d/send?access_token=t', '', c, 0).body).at).toEqual({
      atMobiles: ['13900001007'],
      isAtAll: false,
    });
  });

  it("put DingTalk's millisecond timestamp and sign in the query, Feishu's second timestamp and sign in the body", () => {
    const d = new URL(
      robotRequest(
        'dingtalk',
        'https://oapi.dingtalk.com/robot/send?access_token=abc',
        'SEC1',
        card(),
        1_790_000_000_123,
      ).url,
    );
    expect([d.searchParams.get('access_token'), d.searchParams.get('timestamp')]).toEqual(['abc', '1790000000123']);
    expect(d.searchParams.get('sign')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const f = JSON.parse(
      robotRequest('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x', 'S', card(), 1_790_000_000_999).body,
    );
    expect(f.timestamp).toBe('1790000000');
    expect(robotRequest('webhook', 'https://h', 's', card(), 0).headers['idempotency-key']).toBe('n1:c1');
  });
});

describe('robot answers and budgets', () => {
  it("read each vendor's success and error bodies", () => {
    expect(readAnswer('wecom', 200, '{"errcode":0,"errmsg":"ok"}').ok).toBe(true);
    expect(readAnswer('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({
      ok: false,
      code: '45009',
      retryable: true,
    });
    expect(readAnswer('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({
      ok: false,
      code: '310000',
      retryable: false,
    });
    expect(readAnswer('feishu', 200, '{"code":0,"msg":"success","data":{}}').ok).toBe(true);
    expect(
      readAnswer(
        'feishu',
        200,
        '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}',
      ),
    ).toMatchObject({ ok: false, code: '19021' });
    expect(readAnswer('webhook', 503, 'busy')).toMatchObject({ ok: false, retryable: true });
    expect(readAnswer('wecom', 502, '<html>')).toMatchObject({ ok: false, code: '502', retryable: true });
    expect(readAnswer('webhook', 401, '{"error":"bad signature"}')).toMatchObject({
      ok: false,
      code: '401',
      message: 'bad signature',
    });
  });

  it("show the vendor's code and message, never the raw body of whatever answered", () => {
    const internal = 'HTTP/1.1 200 OK\r\nServer: PostgreSQL?\r\n\r\n{"version":"15.4","users":["postgres"]}';
    for (const kind of KINDS) {
      for (const [status, body] of [
        [200, internal],
        [500, internal],
        [404, '<html><title>Internal admin</title></html>'],
        [200, '["a","b"]'],
      ] as const) {
        const a = readAnswer(kind, status, body);
        expect(a.message, `${kind} ${status}`).not.toMatch(/postgres|admin|HTTP\/1\.1|version|\[/i);
        if (kind !== 'webhook' || status >= 300) expect(a.ok).toBe(false);
      }
    }
    expect(readAnswer('wecom', 200, 'x').message).toBe('对方应答不是企业微信机器人的格式（HTTP 200）');
  });

  it('never let a robot take more than its per-minute and per-second budget; a digest only when some must wait', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 150 }),
        fc.integer({ min: 0, max: 300 }),
        (kind, ago, waiting) => {
          const now = 1_000_000;
          const sent = ago.map((a) => now - a);
          const b = robotBudget(kind, sent, now, waiting);
          const inMinute = sent.filter((t) => now - t < 60_000).length;
          const inSecond = sent.filter((t) => now - t < 1_000).length;
          expect(b.send).toBeLessThanOrEqual(waiting);
          expect(inMinute + b.send).toBeLessThanOrEqual(Math.max(inMinute, LIMITS.perMinute[kind]));
          expect(inSecond + b.send).toBeLessThanOrEqual(Math.max(inSecond, LIMITS.perSecond[kind]));
          expect(b.digest).toBe(b.send > 0 && b.send < waiting);
        },
      ),
    );
  });

  it('digest many cards into one, keeping every mention', () => {
    expect(digestCard([card()], 'd').lines[0]).toMatch(/^1\. /);
    const d = digestCard(
      [card({ mentionMobiles: ['1'] }), card({ title: '第二项', mentionMobiles: ['2', '1'] })],
      'digest:1',
    );
    expect(d.title).toBe('督办提醒汇总（2 条）');
    expect(d.mentionMobiles).toEqual(['1', '2']);
  });
});

describe('markdown cards (WeCom, DingTalk)', () => {
  const contentOf = (kind: 'wecom' | 'dingtalk', c: Card) => {
    const body = JSON.parse(robotRequest(kind, 'https://r.example/send?key=k&access_token=t', '', c, 0).body);
    return kind === 'wecom' ? (body.markdown.content as string) : (body.markdown.text as string);
  };
  const links = (md: string) => md.match(/\]\(/g)?.length ?? 0;

  it('render a title or line that is a markdown link, image, heading or <font> tag as text', () => {
    const evil = card({
      title: '[点我](http://evil)',
      link: 'https://zf.example/?item=1',
      lines: [
        '![x](http://evil/p.png) **粗** _斜_ `code`',
        '# 标题\n> 引用\n- 列表',
        '<font color="warning">红</font> &lt;b&gt;',
        '1. 编号 | 表格 ~~删~~',
      ],
    });
    for (const kind of ['wecom', 'dingtalk'] as const) {
      const md = contentOf(kind, evil);
      expect(links(md), kind).toBe(1); // only our own 查看详情
      expect(md).toContain('**［点我］（http://evil）**');
      expect(md).toContain('[查看详情](https://zf.example/?item=1)');
      expect(md).not.toMatch(/<font|!\[|`|\n#|\n>|\n- |&lt;|~~|\|/);
    }
    expect(JSON.parse(robotRequest('dingtalk', 'https://d/send?access_token=t', '', evil, 0).body).markdown.title).toBe(
      '［点我］（http://evil）',
    );
    // Plain text messages (WeCom with @, Feishu) are not markdown: the title is kept as written.
    expect(JSON.parse(robotRequest('feishu', 'https://f', '', evil, 0).body).content.text).toContain(
      '[点我](http://evil)',
    );
  });

  it('leave ordinary text alone, and no markup character or line break of any text survives', () => {
    expect(escapeMarkdown('【逾期】关于报送2026-11-27年度总结的通知：周凯，办理时限：2026-11-27')).toBe(
      '【逾期】关于报送2026-11-27年度总结的通知：周凯，办理时限：2026-11-27',
    );
    expect(escapeMarkdown('- 第一项')).toBe('－ 第一项');
    expect(escapeMarkdown('3. 第三项')).toBe('3． 第三项');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'[]()*_`#<>~|&\\!{}-+.1 \n\r\u2028a中'), maxLength: 60 }),
        (t) => {
          const out = escapeMarkdown(t);
          expect(out).not.toMatch(/[[\]()*_`#<>~|&\\{}\r\n\u2028]/);
          expect(out).not.toMatch(/^\s*([-+]|\d+\.)/);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }).filter((t) => !/[[\]()*_`#<>~|&\\{}\s]|^[-+\d]/u.test(t)),
        (t) => {
          expect(escapeMarkdown(t)).toBe(t);
        },
      ),
    );
  });

  it('percent-encode our own link so that it cannot end the markdown link early', () => {
    const md = contentOf('wecom', card({ link: 'https://zf.example/a (b)/?item=1' }));
    expect(md).toContain('[查看详情](https://zf.example/a%20%28b%29/?item=1)');
  });
});
