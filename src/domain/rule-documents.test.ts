import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_RULES } from './decision-rules.js';
import {
  currentVersionOn,
  mayWithdrawVersion,
  meetingKindsRuledBy,
  meetingRulesProblem,
  newVersionProblem,
  retroactiveVersionProblem,
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
    expect(meetingRulesProblem({ ...R, quorumOver: [1, 2], cadreQuorumAtLeast: [2, 3] })).toBeNull();
  });

  it('accepts a set exactly when it is at least the statutory floor: over 1/2, cadre at least 2/3 (finding 4)', () => {
    const frac = fc
      .integer({ min: 1, max: 100 })
      .chain((d) => fc.tuple(fc.integer({ min: 1, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), frac, frac, (days, a, b) => {
        const [lo, hi] = a[0] * b[1] <= b[0] * a[1] ? [a, b] : [b, a];
        const r = { materialsLeadDays: days, quorumOver: lo, cadreQuorumAtLeast: hi, largeFundsFrom: 10 };
        const sound = lo[0] * 2 >= lo[1] && hi[0] * 3 >= hi[1] * 2;
        const problem = meetingRulesProblem(r);
        if (sound) expect(problem).toBeNull();
        else expect(problem).toMatch(/不能低于法定的(半数|三分之二)/);
      }),
    );
  });

  it('names the floor it refuses: a quorum lowered to 1/100 or a cadre quorum to 1/2 (finding 4)', () => {
    const R = DEFAULT_MEETING_RULES;
    expect(meetingRulesProblem({ ...R, quorumOver: [1, 100], cadreQuorumAtLeast: [2, 3] })).toBe(
      '一般事项的到会比例不能低于法定的半数（1/2，即须超过半数）',
    );
    expect(meetingRulesProblem({ ...R, quorumOver: [1, 2], cadreQuorumAtLeast: [1, 2] })).toBe(
      '干部任免事项的到会比例不能低于法定的三分之二（2/3）',
    );
    expect(meetingRulesProblem({ ...R, quorumOver: [1, 2], cadreQuorumAtLeast: [2, 3] })).toBeNull();
  });

  it('refuses a version taking effect on or before a meeting already held under the rules (finding 4)', () => {
    const held = { title: '2026年第12次党组会议', heldOn: '2026-12-10' };
    fc.assert(
      fc.property(day, day, (effectiveFrom, heldOn) => {
        const problem = retroactiveVersionProblem(effectiveFrom, { ...held, heldOn });
        expect(problem === null).toBe(effectiveFrom > heldOn);
        if (problem) expect(problem).toContain(`${held.title}（${heldOn}）`);
      }),
    );
    expect(retroactiveVersionProblem('2024-01-01', undefined)).toBeNull();
  });

  it('a version of the 党组议事规则 may rule every meeting; of the 局长办公会议事规则, the 局长办公会', () => {
    expect(meetingKindsRuledBy('meeting_rules')).toBeNull();
    expect(meetingKindsRuledBy('director_rules')).toEqual(['director_office']);
  });

  it('a 局长办公会 keeps its own rules first, then the 党组议事规则', () => {
    expect(rulesKindsFor('director_office')).toEqual(['director_rules', 'meeting_rules']);
    expect(rulesKindsFor('party_group')).toEqual(['meeting_rules']);
  });
});
