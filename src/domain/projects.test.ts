import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundingVerdict, PROJECT_STAGES, stageChangeVerdict, summaryByStage, type ProjectStage } from './projects.js';
import { outcomeVerdict } from './think-tank.js';

const stage = fc.constantFrom(...PROJECT_STAGES);
const rank = (s: ProjectStage) => PROJECT_STAGES.indexOf(s);
const cents = fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => c / 100);

describe('project stages', () => {
  it('forward goes one stage at a time; back needs a reason; the same stage is refused', () => {
    fc.assert(
      fc.property(stage, stage, fc.option(fc.string({ minLength: 2 }), { nil: null }), (from, to, reason) => {
        const v = stageChangeVerdict(from, to, reason, null);
        if (to === from) expect(v.ok).toBe(false);
        else if (rank(to) > rank(from)) expect(v.ok).toBe(rank(to) === rank(from) + 1);
        else expect(v.ok).toBe(!!reason && reason.trim().length >= 2);
      }),
    );
  });

  it('funds obtained only from 立项 on; a funded project never goes back before it', () => {
    fc.assert(
      fc.property(stage, cents, (s, obtained) => {
        expect(fundingVerdict(s, obtained).ok).toBe(obtained === 0 || rank(s) >= rank('approved'));
        if (obtained > 0)
          expect(stageChangeVerdict('approved', s, '原因说明', obtained).ok).toBe(
            rank(s) > rank('approved') ? s === 'implementing' : false,
          );
      }),
    );
    expect(stageChangeVerdict('implementing', 'approved', '施工暂缓', 100).ok).toBe(true);
  });
});

describe('the summary by stage', () => {
  it('its total equals the sum of its stages, to the cent, and counts every row once', () => {
    const row = fc.record({ stage, fundingSought: cents, fundingObtained: fc.option(cents, { nil: null }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const s = summaryByStage(rows);
        expect(s.stages.map((x) => x.stage)).toEqual([...PROJECT_STAGES]);
        expect(s.stages.reduce((a, x) => a + x.count, 0)).toBe(rows.length);
        const sumCents = (f: (x: (typeof s.stages)[number]) => number) =>
          s.stages.reduce((a, x) => a + Math.round(f(x) * 100), 0);
        expect(sumCents((x) => x.fundingSought)).toBe(Math.round(s.total.fundingSought * 100));
        expect(sumCents((x) => x.fundingObtained)).toBe(Math.round(s.total.fundingObtained * 100));
        expect(Math.round(s.total.fundingSought * 100)).toBe(
          rows.reduce((a, r) => a + Math.round(r.fundingSought * 100), 0),
        );
      }),
    );
  });
});

describe('advice outcomes', () => {
  it('a decided outcome states its reason; only (partly) adopted advice names a decision', () => {
    expect(outcomeVerdict('pending', null, null).ok).toBe(true);
    expect(outcomeVerdict('adopted', null, null).ok).toBe(false);
    expect(outcomeVerdict('adopted', '党组会议采纳', 'd').ok).toBe(true);
    expect(outcomeVerdict('partly_adopted', '部分采纳', 'd').ok).toBe(true);
    expect(outcomeVerdict('not_adopted', '条件不具备', 'd').ok).toBe(false);
    expect(outcomeVerdict('pending', null, 'd').ok).toBe(false);
  });
});
