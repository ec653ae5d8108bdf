import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MEETING_RULES as RULES,
  ITEM_CATEGORIES,
  MEETING_KINDS,
  allSpoken,
  fundsFlagCheck,
  isMajor,
  mayDecide,
  mayDecideAt,
  maySpeak,
  outcomeAllowed,
  principalOf,
  quorumMessage,
  quorumMet,
  type ItemCategory,
  type Position,
} from './decision-rules.js';

const category = fc.constantFrom(...ITEM_CATEGORIES);
const kind = fc.constantFrom(...MEETING_KINDS);

/** A meeting's voters (present, non-recused), its chair among them or not, and a random order of attempts. */
const speakingCase = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    voters: fc.constant(Array.from({ length: n }, (_, i) => `m${i}`)),
    chairIn: fc.boolean(),
    attempts: fc.array(fc.integer({ min: 0, max: n + 1 }), { maxLength: 40 }),
  }),
);

describe('一把手末位表态: the speaking order', () => {
  it('no sequence of recordings puts the 主要负责人 anywhere but last among those present', () => {
    fc.assert(
      fc.property(speakingCase, ({ voters, chairIn, attempts }) => {
        const principalId = chairIn ? voters[0]! : 'chair-absent';
        const spoken: string[] = [];
        for (const a of attempts) {
          // Indexes past the voters try someone absent or recused, and the absent chair.
          const who = a < voters.length ? voters[a]! : a === voters.length ? principalId : 'outsider';
          if (maySpeak({ voters, principalId, spoken }, who).ok) spoken.push(who);
        }
        const at = spoken.indexOf(principalId);
        if (at >= 0) expect(at).toBe(voters.length - 1);
        // Nobody speaks twice, nobody outside the voters speaks.
        expect(new Set(spoken).size).toBe(spoken.length);
        expect(spoken.every((s) => voters.includes(s))).toBe(true);
      }),
    );
  });

  it('everyone can always finish: the others in any order, then the chair', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.shuffledSubarray(
            Array.from({ length: n }, (_, i) => `m${i}`),
            { minLength: n },
          ),
        ),
        (order) => {
          const voters = [...order].sort();
          const principalId = voters[0]!;
          const spoken: string[] = [];
          for (const v of [...order.filter((o) => o !== principalId), principalId]) {
            expect(maySpeak({ voters, principalId, spoken }, v)).toEqual({ ok: true });
            spoken.push(v);
          }
          expect(allSpoken({ voters, principalId, spoken })).toBe(true);
        },
      ),
    );
  });

  it('refuses the chair before the others with a count of those still to speak', () => {
    const r = maySpeak({ voters: ['a', 'b', 'c'], principalId: 'a', spoken: ['b'] }, 'a');
    expect(r).toEqual({ ok: false, message: '主要负责人应当最后表态：还有1名成员未表态' });
    expect(maySpeak({ voters: ['a', 'b'], principalId: 'a', spoken: ['b'] }, 'b')).toMatchObject({ ok: false });
    expect(maySpeak({ voters: ['a', 'b'], principalId: 'a', spoken: [] }, 'x')).toMatchObject({ ok: false });
  });

  it('the 党组书记 states last whoever chairs, when a voter; else the chair (finding 3)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.nat(), fc.nat(), fc.boolean(), (n, c, s, secretaryVotes) => {
        const voters = Array.from({ length: n }, (_, i) => `m${i}`);
        const chairId = voters[c % n]!;
        const secretaryId = secretaryVotes ? voters[s % n]! : 'secretary-absent';
        const principalId = principalOf(voters, chairId, secretaryId);
        expect(principalId).toBe(secretaryVotes ? secretaryId : chairId);
        // Whoever chairs, the secretary who votes cannot speak while another voter has not.
        if (secretaryVotes)
          expect(maySpeak({ voters, principalId, spoken: [] }, secretaryId)).toMatchObject({ ok: false });
        expect(principalOf(voters, chairId, null)).toBe(chairId);
      }),
    );
  });
});

describe('quorum', () => {
  it('an ordinary item needs more than half of the members; 干部任免 at least two thirds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), category, (members, p, c) => {
        const present = Math.min(p, members);
        const met = quorumMet(members, present, c, RULES);
        if (c === 'cadre') expect(met).toBe(present > 0 && 3 * present >= 2 * members);
        else expect(met).toBe(2 * present > members);
        // One more present never loses a quorum; the message is there exactly when the quorum is not.
        if (met && present < members) expect(quorumMet(members, present + 1, c, RULES)).toBe(true);
        expect(quorumMessage(members, present, c, RULES) === null).toBe(met);
      }),
    );
  });

  it('names the figures in its message', () => {
    expect(quorumMessage(7, 3, 'none', RULES)).toBe(
      '到会人数不足，不能作出决定：须有半数以上成员到会（应到7人，至少4人），实到且不回避的3人',
    );
    expect(quorumMessage(7, 4, 'cadre', RULES)).toBe(
      '到会人数不足，不能作出决定：讨论干部任免须有三分之二以上成员到会（应到7人，至少5人），实到且不回避的4人',
    );
    expect(quorumMet(6, 3, 'none', RULES)).toBe(false);
    expect(quorumMet(6, 4, 'cadre', RULES)).toBe(true);
  });
});

describe('三重一大', () => {
  it('is decided only at a 党组会 held in session; ordinary items anywhere', () => {
    fc.assert(
      fc.property(kind, fc.boolean(), category, (k, circ, c) => {
        const r = mayDecideAt(k, circ, c);
        expect(r.ok).toBe(!isMajor(c) || (k === 'party_group' && !circ));
      }),
    );
    expect(mayDecideAt('director_office', false, 'funds')).toEqual({
      ok: false,
      message: '“三重一大”事项（大额资金使用）只能提交党组会议集体研究决定，不能在局长办公会议上决定',
    });
  });

  it('no decision passes a rule broken: kind, quorum, positions left, majority', () => {
    const voter = fc.integer({ min: 1, max: 9 });
    fc.assert(
      fc.property(
        kind,
        fc.boolean(),
        category,
        voter,
        fc.integer({ min: 0, max: 9 }),
        fc.array(fc.constantFrom<Position>('agree', 'disagree', 'defer'), { maxLength: 9 }),
        (k, circ, c, members, p, pos) => {
          const voters = Array.from({ length: Math.min(p, members) }, (_, i) => `m${i}`);
          const positions = pos.slice(0, voters.length);
          const spoken = voters.slice(0, positions.length);
          const r = mayDecide(
            { kind: k, byCirculation: circ, members },
            { category: c, speaking: { voters, principalId: 'm0', spoken }, positions },
            'adopted',
            RULES,
          );
          const expected =
            mayDecideAt(k, circ, c).ok &&
            quorumMet(members, voters.length, c, RULES) &&
            spoken.length === voters.length &&
            outcomeAllowed('adopted', positions, members, c).ok;
          expect(r.ok).toBe(expected);
        },
      ),
    );
  });

  it('adopting needs a majority of the voters, and of all members for 干部任免', () => {
    const agree = (n: number, d: number): Position[] => [...Array(n).fill('agree'), ...Array(d).fill('disagree')];
    expect(outcomeAllowed('adopted', agree(2, 1), 5, 'none').ok).toBe(true);
    expect(outcomeAllowed('adopted', agree(2, 2), 5, 'none').ok).toBe(false);
    expect(outcomeAllowed('adopted', agree(2, 1), 5, 'cadre' as ItemCategory).ok).toBe(false);
    expect(outcomeAllowed('adopted', agree(3, 1), 5, 'cadre').ok).toBe(true);
    expect(outcomeAllowed('deferred', agree(0, 4), 5, 'none').ok).toBe(true);
  });

  it('a large sum must be flagged, and a 资金 item must give its sum', () => {
    expect(fundsFlagCheck('none', 50, RULES)).toMatchObject({ ok: false });
    expect(fundsFlagCheck('funds', null, RULES)).toEqual({ ok: false, message: '大额资金使用事项须填写金额（万元）' });
    expect(fundsFlagCheck('funds', 50, RULES).ok).toBe(true);
    expect(fundsFlagCheck('none', 5, RULES).ok).toBe(true);
  });
});
