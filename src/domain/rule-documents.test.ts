import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_RULES } from './decision-rules.js';
import {
  currentVersionOn,
  mayWithdrawVersion,
  meetingRulesProblem,
  newVersionProblem,
  rulesKindsFor,
  versionStanding,
  type VersionFacts,
} from './rule-documents.js';

const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
const versions = fc
  .array(fc.record({ effectiveFrom: day, withdrawn: fc.boolean() }), { maxLength: 8 })
  .map((vs) => vs.map((v, i): VersionFacts => ({ ...v, id: `v${i}` })));

describe('the version in force on a date', () => {
  it('is the latest live version effective on or before it; none before the first', () => {
    fc.assert(
      fc.property(versions, day, (vs, on) => {
        const current = currentVersionOn(vs, on);
        const candidates = vs.filter((v) => !v.withdrawn && v.effectiveFrom <= on);
        if (!candidates.length) {
          expect(current).toBeUndefined();
          return;
        }
        expect(current!.withdrawn).toBe(false);
        expect(current!.effectiveFrom <= on).toBe(true);
        for (const v of candidates) expect(v.effectiveFrom <= current!.effectiveFrom).toBe(true);
      }),
    );
  });

  it('switches on the effective date of the next version, not the day before', () => {
    const vs = [
      { id: 'a', effectiveFrom: '2024-03-01', withdrawn: false },
      { id: 'b', effectiveFrom: '2026-07-01', withdrawn: false },
      { id: 'c', effectiveFrom: '2026-09-01', withdrawn: true },
    ];
    expect(currentVersionOn(vs, '2024-02-29')).toBeUndefined();
    expect(currentVersionOn(vs, '2026-06-30')?.id).toBe('a');
    expect(currentVersionOn(vs, '2026-07-01')?.id).toBe('b');
    expect(currentVersionOn(vs, '2026-12-31')?.id).toBe('b');
    expect(versionStanding(vs, vs[0]!, '2026-07-01')).toBe('past');
    expect(versionStanding(vs, vs[1]!, '2026-07-01')).toBe('current');
    expect(versionStanding(vs, vs[1]!, '2026-06-30')).toBe('future');
    expect(versionStanding(vs, vs[2]!, '2026-06-30')).toBe('withdrawn');
  });
});

describe('adding and withdrawing versions', () => {
  it('accepts a new version only after every live one, so live versions never share or reverse dates', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 10 }), (dates) => {
        const kept: VersionFacts[] = [];
        for (const d of dates)
          if (!newVersionProblem(kept, d)) kept.push({ id: d, effectiveFrom: d, withdrawn: false });
        for (let i = 1; i < kept.length; i++) expect(kept[i - 1]!.effectiveFrom < kept[i]!.effectiveFrom).toBe(true);
      }),
    );
  });

  it('says why a backdated or same-day version is refused', () => {
    const vs = [{ id: 'a', effectiveFrom: '2026-07-01', withdrawn: false }];
    expect(newVersionProblem(vs, '2026-07-01')).toMatch('必须晚于上一版本的生效日期（2026-07-01）');
    expect(newVersionProblem(vs, '2026-06-01')).toMatch('必须晚于');
    expect(newVersionProblem(vs, '2026-07-02')).toBeNull();
    // A withdrawn version is nobody's predecessor.
    expect(newVersionProblem([{ ...vs[0]!, withdrawn: true }], '2026-06-01')).toBeNull();
  });

  it('withdraws only a live version not yet in force', () => {
    const v = { id: 'a', effectiveFrom: '2026-07-01', withdrawn: false };
    expect(mayWithdrawVersion(v, '2026-06-30')).toBe(true);
    expect(mayWithdrawVersion(v, '2026-07-01')).toBe(false);
    expect(mayWithdrawVersion({ ...v, withdrawn: true }, '2026-01-01')).toBe(false);
  });
});

describe('the 议事规则 parameters', () => {
  it('accepts the defaults and refuses fractions outside (0, 1], days outside 0–30, cadre quorum below ordinary', () => {
    const R = DEFAULT_MEETING_RULES;
    expect(meetingRulesProblem(R)).toBeNull();
    expect(meetingRulesProblem({ ...R, materialsLeadDays: 31 })).toMatch('0至30');
    expect(meetingRulesProblem({ ...R, materialsLeadDays: -1 })).toMatch('0至30');
    expect(meetingRulesProblem({ ...R, quorumOver: [0, 2] })).toMatch('一般事项');
    expect(meetingRulesProblem({ ...R, quorumOver: [3, 2] })).toMatch('一般事项');
    expect(meetingRulesProblem({ ...R, cadreQuorumAtLeast: [1, 0] })).toMatch('干部任免');
    expect(meetingRulesProblem({ ...R, cadreQuorumAtLeast: [1, 3] })).toMatch('不能低于一般事项');
    expect(meetingRulesProblem({ ...R, largeFundsFrom: 0 })).toMatch('大额资金');
    expect(meetingRulesProblem({ ...R, quorumOver: [1, 1], cadreQuorumAtLeast: [1, 1] })).toBeNull();
  });

  it('accepts every sound set: fractions n/d with 1 ≤ n ≤ d ≤ 100, cadre at least ordinary', () => {
    const frac = fc
      .integer({ min: 1, max: 100 })
      .chain((d) => fc.tuple(fc.integer({ min: 1, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), frac, frac, (days, a, b) => {
        const [lo, hi] = a[0] * b[1] <= b[0] * a[1] ? [a, b] : [b, a];
        const r = { materialsLeadDays: days, quorumOver: lo, cadreQuorumAtLeast: hi, largeFundsFrom: 10 };
        expect(meetingRulesProblem(r)).toBeNull();
      }),
    );
  });

  it('a 局长办公会 keeps its own rules first, then the 党组议事规则', () => {
    expect(rulesKindsFor('director_office')).toEqual(['director_rules', 'meeting_rules']);
    expect(rulesKindsFor('party_group')).toEqual(['meeting_rules']);
  });
});
