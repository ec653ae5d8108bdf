import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestCard, fitBytes, LIMITS, readAnswer, robotBudget, robotRequest, type Card, type ChannelKind } from './robots.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const card = (over: Partial<Card> = {}): Card => ({ title: '【逾期】关于报送年度总结的通知', lines: ['办理时限：2026-11-27（已逾期 1 个工作日）', '承办人：周凯'], link: 'https://zf.example/items/1', idempotencyKey: 'n1:c1', ...over });
const KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'feishu', 'webhook'];

describe('group robot requests', () => {
  it('cut texts on a character boundary to the byte limit', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 40, max: 5000 }), (t, max) => {
      const out = fitBytes(t, max);
      expect(bytes(out)).toBeLessThanOrEqual(Math.max(max, bytes(t) <= max ? bytes(t) : 0));
      if (bytes(t) <= max) expect(out).toBe(t);
      else expect(t.startsWith(out.replace(/…（内容过长，已截断）$/, ''))).toBe(true);
    }));
  });

  it('keep every vendor within its documented size, however long the card', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 2000 }), { maxLength: 20 }), fc.constantFrom(...KINDS), (lines, kind) => {
      const r = robotRequest(kind, 'https://robot.example/send?key=k', 'SECabc', card({ lines }), 1_790_000_000_000);
      const body = JSON.parse(r.body);
      if (kind === 'wecom') expect(bytes(body.markdown.content)).toBeLessThanOrEqual(LIMITS.wecomMarkdownBytes);
      if (kind === 'dingtalk') expect(bytes(body.markdown.text)).toBeLessThanOrEqual(LIMITS.dingtalkTextBytes);
      if (kind === 'feishu') expect(bytes(r.body)).toBeLessThanOrEqual(LIMITS.feishuBodyBytes);
    }), { numRuns: 60 });
  });

  it('@ by mobile where the vendor can: WeCom as a text message, DingTalk in `at`', () => {
    const c = card({ mentionMobiles: ['13900001007'] });
    expect(JSON.parse(robotRequest('wecom', 'https://w', '', c, 0).body)).toMatchObject({ msgtype: 'text', text: { mentioned_mobile_list: ['13900001007'] } });
    expect(JSON.parse(robotRequest('dingtalk', 'https://d/send?access_token=t', '', c, 0).body).at).toEqual({ atMobiles: ['13900001007'], isAtAll: false });
  });

  it('put DingTalk\'s millisecond timestamp and sign in the query, Feishu\'s second timestamp and sign in the body', () => {
    const d = new URL(robotRequest('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abc', 'SEC1', card(), 1_790_000_000_123).url);
    expect([d.searchParams.get('access_token'), d.searchParams.get('timestamp')]).toEqual(['abc', '1790000000123']);
    expect(d.searchParams.get('sign')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const f = JSON.parse(robotRequest('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x', 'S', card(), 1_790_000_000_999).body);
    expect(f.timestamp).toBe('1790000000');
    expect(robotRequest('webhook', 'https://h', 's', card(), 0).headers['idempotency-key']).toBe('n1:c1');
  });
});

describe('robot answers and budgets', () => {
  it('read each vendor\'s success and error bodies', () => {
    expect(readAnswer('wecom', 200, '{"errcode":0,"errmsg":"ok"}').ok).toBe(true);
    expect(readAnswer('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({ ok: false, code: '45009', retryable: true });
    expect(readAnswer('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatchObject({ ok: false, retryable: false });
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({ ok: false, code: '310000', retryable: false });
    expect(readAnswer('feishu', 200, '{"code":0,"msg":"success","data":{}}').ok).toBe(true);
    expect(readAnswer('feishu', 200, '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}')).toMatchObject({ ok: false, code: '19021' });
    expect(readAnswer('webhook', 503, 'busy')).toMatchObject({ ok: false, retryable: true });
    expect(readAnswer('wecom', 502, '<html>')).toMatchObject({ ok: false, code: '502', retryable: true });
  });

  it('never let a robot take more than its per-minute and per-second budget; a digest only when some must wait', () => {
    fc.assert(fc.property(fc.constantFrom(...KINDS), fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 150 }), fc.integer({ min: 0, max: 300 }), (kind, ago, waiting) => {
      const now = 1_000_000;
      const sent = ago.map((a) => now - a);
      const b = robotBudget(kind, sent, now, waiting);
      const inMinute = sent.filter((t) => now - t < 60_000).length;
      const inSecond = sent.filter((t) => now - t < 1_000).length;
      expect(b.send).toBeLessThanOrEqual(waiting);
      expect(inMinute + b.send).toBeLessThanOrEqual(Math.max(inMinute, LIMITS.perMinute[kind]));
      expect(inSecond + b.send).toBeLessThanOrEqual(Math.max(inSecond, LIMITS.perSecond[kind]));
      expect(b.digest).toBe(b.send > 0 && b.send < waiting);
    }));
  });

  it('digest many cards into one, keeping every mention', () => {
    const d = digestCard([card({ mentionMobiles: ['1'] }), card({ title: '第二项', mentionMobiles: ['2', '1'] })], 'digest:1');
    expect(d.title).toBe('督办提醒汇总（2 条）');
    expect(d.mentionMobiles).toEqual(['1', '2']);
  });
});
