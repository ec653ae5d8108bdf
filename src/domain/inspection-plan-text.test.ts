import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_SETTINGS, type ClusterFlag } from './inspection-plan.js';
import { flagKey, flagSentence, unacknowledged } from './inspection-plan-text.js';

const flag = (over: Partial<ClusterFlag> = {}): ClusterFlag => ({
  kind: 'crowded',
  unitId: 'u1',
  inspectionIds: ['a', 'b'],
  mergeIds: ['a', 'b'],
  period: '2026-03-02',
  ...over,
});

describe('inspection plan texts', () => {
  it('keys a flag by kind, unit and period only', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (ids) => {
        expect(flagKey(flag({ inspectionIds: ids }))).toBe(flagKey(flag()));
      }),
    );
    expect(flagKey(flag())).not.toBe(flagKey(flag({ kind: 'sameWeek' })));
    expect(flagKey(flag())).not.toBe(flagKey(flag({ unitId: 'u2' })));
  });

  it('needs a non-blank reason for every flag kept', () => {
    const flags = [flag(), flag({ kind: 'monthQuota', period: '2026-03' })];
    expect(unacknowledged(flags, new Map())).toHaveLength(2);
    expect(unacknowledged(flags, new Map([[flagKey(flags[0]!), '  ']]))).toHaveLength(2);
    expect(unacknowledged(flags, new Map([[flagKey(flags[0]!), '已征得同意']]))).toEqual([flags[1]]);
  });

  it('says the unit, the inspections and the rule in Chinese', () => {
    const subjects = new Map([
      ['a', '安全生产'],
      ['b', '营商环境'],
    ]);
    const s = DEFAULT_CLUSTER_SETTINGS;
    expect(flagSentence(flag(), 'A县', subjects, s)).toBe(
      'A县：“安全生产”、“营商环境”自2026-03-02起10个工作日内共2次，超过1次',
    );
    expect(flagSentence(flag({ kind: 'monthQuota', period: '2026-03' }), 'A县', subjects, s)).toBe(
      'A县：2026年03月共2次（“安全生产”、“营商环境”），超过月控1次',
    );
    expect(flagSentence(flag({ kind: 'sameWeek' }), 'A县', subjects, s)).toContain('不同督查组');
    expect(flagSentence(flag({ kind: 'yearQuota', period: '2026' }), 'A县', subjects, s)).toContain('年控4次');
  });
});
