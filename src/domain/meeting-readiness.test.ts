import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingReadiness, type ReadinessFacts } from './meeting-readiness.js';

const n = fc.nat({ max: 100 });
const facts: fc.Arbitrary<ReadinessFacts> = fc.record({
  members: n,
  study: fc.record({ sessions: fc.nat({ max: 5 }), membersAttended: n }),
  opinions: fc.record({ formLinked: fc.boolean(), collected: n, unclassified: n }),
  talks: fc.record({
    planned: n,
    done: n,
    membersNotTalked: fc.array(fc.constantFrom('张三', '李四'), { maxLength: 15 }),
  }),
  lists: fc.record({ approved: n, expected: n }),
});

describe('meeting readiness', () => {
  it('reports the issue example: 1 of 72 talks and 1 of 20 lists are two gaps with their counts', () => {
    const r = meetingReadiness({
      members: 20,
      study: { sessions: 1, membersAttended: 20 },
      opinions: { formLinked: true, collected: 8, unclassified: 0 },
      talks: { planned: 72, done: 1, membersNotTalked: ['张三'] },
      lists: { approved: 1, expected: 20 },
    });
    expect(r.ready).toBe(false);
    expect(r.gaps).toEqual(['71次谈心谈话未完成', '19份个人问题自查清单未审核通过']);
    expect(r.checks.find((c) => c.key === 'talks')!.detail).toBe('计划72次，已完成1次；尚未谈话：张三');
  });

  it('a just created meeting has every gap', () => {
    const r = meetingReadiness({
      members: 20,
      study: { sessions: 0, membersAttended: 0 },
      opinions: { formLinked: false, collected: 0, unclassified: 0 },
      talks: { planned: 0, done: 0, membersNotTalked: [] },
      lists: { approved: 0, expected: 20 },
    });
    expect(r.gaps).toEqual([
      '会前学习未登记',
      '未关联征求意见表',
      '未制定谈心谈话计划',
      '20份个人问题自查清单未审核通过',
    ]);
  });

  it('is ready exactly when every count is met, and each gap quotes the shortfall', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = meetingReadiness(f);
        const met =
          f.study.sessions > 0 &&
          f.study.membersAttended >= f.members &&
          f.opinions.formLinked &&
          f.opinions.collected > 0 &&
          f.opinions.unclassified === 0 &&
          f.talks.planned > 0 &&
          f.talks.done >= f.talks.planned &&
          f.lists.approved >= f.lists.expected;
        expect(r.ready).toBe(met);
        expect(r.gaps.length).toBe(r.checks.filter((c) => !c.done).length);
        if (f.talks.planned > f.talks.done)
          expect(r.gaps).toContain(`${f.talks.planned - f.talks.done}次谈心谈话未完成`);
        if (f.lists.expected > f.lists.approved)
          expect(r.gaps).toContain(`${f.lists.expected - f.lists.approved}份个人问题自查清单未审核通过`);
        for (const c of r.checks) expect(c.detail).not.toMatch(/undefined|null|NaN|\*/);
      }),
    );
  });
});
