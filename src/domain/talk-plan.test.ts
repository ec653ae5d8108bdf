import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planTalks, talkCoverage, type TalkPerson } from './talk-plan.js';

const arbPeople = fc
  .array(
    fc.record({
      committee: fc.boolean(),
      leadership: fc.boolean(),
      member: fc.boolean(),
      dept: fc.constantFrom('d1', 'd2', 'd3', null),
      charge: fc.nat(6),
    }),
    { maxLength: 40 },
  )
  .map((rows) => {
    const leaders = rows.map((r, i) => (r.leadership ? `p${i}` : null)).filter((x): x is string => !!x);
    return rows.map(
      (r, i): TalkPerson => ({
        id: `p${i}`,
        committee: r.committee,
        leadership: r.leadership,
        member: r.member,
        departmentId: r.dept,
        inChargeId: leaders.length ? leaders[r.charge % leaders.length] : null,
      }),
    );
  });

describe('talk plans', () => {
  it('“一对三”: nobody over the maximum, everyone covered whenever the leaders have room', () => {
    fc.assert(
      fc.property(arbPeople, fc.integer({ min: 1, max: 5 }), (people, max) => {
        const plan = planTalks(people, { leaderMax: max });
        const one = plan.talks.filter((t) => t.kind === 'one_to_three');
        for (const n of Object.values(plan.load)) expect(n).toBeLessThanOrEqual(max);
        const toCover = people.filter((p) => p.member && !p.leadership);
        const leaders = people.filter((p) => p.leadership).length;
        expect(one.length + plan.uncovered.length).toBe(toCover.length);
        expect(plan.uncovered.length).toBe(Math.max(0, toCover.length - leaders * max));
        expect(new Set(one.map((t) => t.b)).size).toBe(one.length); // each member once
        for (const t of plan.talks) expect(t.a).not.toBe(t.b);
      }),
    );
  });

  it('gives a leader the members under their charge first, while there is room', () => {
    fc.assert(
      fc.property(arbPeople, (people) => {
        const plan = planTalks(people, { leaderMax: 3 });
        const one = plan.talks.filter((t) => t.kind === 'one_to_three');
        for (const leader of people.filter((p) => p.leadership)) {
          const mine = people.filter((p) => p.member && !p.leadership && p.inChargeId === leader.id);
          const got = one.filter((t) => t.a === leader.id && mine.some((m) => m.id === t.b)).length;
          expect(got).toBe(Math.min(3, mine.length));
        }
      }),
    );
  });

  it('pairs every two committee members once, and reports what is still missing', () => {
    const people: TalkPerson[] = ['a', 'b', 'c'].map((id) => ({
      id,
      committee: true,
      leadership: false,
      member: true,
      departmentId: null,
    }));
    const plan = planTalks(people, { committeeWithEachMember: false });
    expect(plan.talks.map((t) => `${t.a}-${t.b}`)).toEqual(['a-b', 'a-c', 'b-c']);
    const cov = talkCoverage(plan.talks, [{ a: 'c', b: 'a' }]);
    expect([cov.done.length, cov.missing.map((t) => `${t.a}-${t.b}`)]).toEqual([1, ['a-b', 'b-c']]);
  });
});
