import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colourOf, mayGoToGroup, nextSlotAt, noticeCard, planSends, urgencyOf } from './dispatch-plan.js';
import { LIMITS, type ChannelKind } from './robots.js';

const kinds: ChannelKind[] = ['wecom', 'dingtalk', 'feishu', 'webhook'];
const waitingArb = fc
  .array(fc.boolean(), { maxLength: 60 })
  .map((held) => held.map((h, i) => ({ id: `d${i}`, held: h })));
const historyArb = fc
  .array(fc.integer({ min: 0, max: 59_999 }), { maxLength: 30 })
  .map((ago) => ago.map((a) => 1_000_000 - a));

describe('planning the messages for one robot', () => {
  it("sends or defers every waiting delivery exactly once, never over the robot's budget", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), waitingArb, historyArb, (kind, waiting, sent) => {
        const { sends, deferred } = planSends(kind, waiting, sent, 1_000_000);
        const out = [...sends.flatMap((s) => s.ids), ...deferred];
        expect(out.sort()).toEqual(waiting.map((w) => w.id).sort());
        const inMinute = sent.filter((t) => 1_000_000 - t < 60_000).length;
        const inSecond = sent.filter((t) => 1_000_000 - t < 1_000).length;
        expect(sends.length).toBeLessThanOrEqual(
          Math.max(0, Math.min(LIMITS.perMinute[kind] - inMinute, LIMITS.perSecond[kind] - inSecond)),
        );
        if (kind === 'webhook') expect(sends.every((s) => s.ids.length === 1 && s.digest === null)).toBe(true);
        else {
          // What was held goes as one digest, or waits whole.
          const held = waiting.filter((w) => w.held).map((w) => w.id);
          const heldSend = sends.find((s) => s.digest === 'held');
          if (held.length) expect(heldSend ? heldSend.ids : deferred.filter((id) => held.includes(id))).toEqual(held);
          // Nothing fresh is deferred while a slot is used for it.
          if (sends.some((s) => s.digest !== 'held')) expect(deferred).toEqual([]);
        }
      }),
    );
  });

  it('puts the 20th WeCom message of a minute as a digest of everything left', () => {
    const waiting = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, held: false }));
    const { sends } = planSends('wecom', waiting, [], 0);
    expect(sends).toHaveLength(20);
    expect(sends.at(-1)).toEqual({ ids: waiting.slice(19).map((w) => w.id), digest: 'budget' });
    expect(planSends('wecom', waiting, Array(20).fill(-1_000), 0)).toEqual({
      sends: [],
      deferred: waiting.map((w) => w.id),
    });
    expect(
      nextSlotAt(
        'wecom',
        Array.from({ length: 20 }, (_, i) => -59_000 + i),
        0,
      ),
    ).toBe(1_000);
  });
});

describe('cards', () => {
  it('keep personal affairs out of groups and colour what is late or urgent red', () => {
    expect(mayGoToGroup('overdue')).toBe(true);
    expect(mayGoToGroup('opinion_about_you')).toBe(false);
    expect(mayGoToGroup('returned')).toBe(false);
    expect(urgencyOf('urgent', null)).toBe('urgent');
    expect(urgencyOf('assigned', 'important')).toBe('important');
    expect(colourOf('overdue', 'normal')).toBe('红色');
    expect(colourOf('due_soon', 'normal')).toBe('黄色');
    expect(colourOf('assigned', 'normal')).toBe('蓝色');
  });

  it('@ a person only by a real mobile number', () => {
    const facts = {
      id: 'n1',
      kind: 'overdue',
      title: '已逾期：事项',
      body: '请立即办理',
      recipientName: '周凯',
      recipientMobile: '13900001000',
      itemDue: '2026-11-30',
      urgency: 'normal' as const,
      link: 'https://x/items?item=1',
    };
    expect(noticeCard(facts, 'k', true)).toMatchObject({
      mentionMobiles: ['13900001000'],
      lines: ['【红色】请立即办理', '责任人：周凯，办理时限：2026-11-30'],
      notices: [{ id: 'n1', title: '已逾期：事项' }],
    });
    expect(noticeCard({ ...facts, recipientMobile: '0851-1234567' }, 'k', true).mentionMobiles).toEqual([]);
    expect(noticeCard(facts, 'k', false).mentionMobiles).toEqual([]);
  });
});
