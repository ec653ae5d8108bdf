import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendancePct } from '../attendance.js';
import type { Grant, Role } from '../roles.js';
import { canReadOpinionText, opinionItemPolicy } from './opinion-item.js';
import { canDecideList, canSeeList, selfCheckListPolicy } from './self-check-list.js';
import { canSeeTalk, talkPolicy } from './talk.js';

const who = (personId: string | null, ...roles: Role[]) => ({
  unitId: 'u1',
  personId,
  grants: roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })),
});

describe('who sees what in the organizational life meeting', () => {
  it('a personal list: its author, the branch secretary and the leadership — not the administrator or the office', () => {
    expect(canSeeList(who('p1', 'member'), 'p1')).toBe(true);
    expect(canSeeList(who('p2', 'branch_secretary'), 'p1')).toBe(true);
    expect(canSeeList(who('p3', 'leadership_member'), 'p1')).toBe(true);
    expect(canSeeList(who('p4', 'party_secretary'), 'p1')).toBe(true);
    expect(canSeeList(who(null, 'system_admin'), 'p1')).toBe(false);
    expect(canSeeList(who('p5', 'campaign_office'), 'p1')).toBe(false);
    expect(canSeeList(who('p6', 'member'), 'p1')).toBe(false);
    expect(canSeeList(who('p6', 'member'), null)).toBe(true);
  });
  it('only the branch secretary decides on lists', () => {
    expect(canDecideList(who('p2', 'branch_secretary'))).toBe(true);
    expect(canDecideList(who('p3', 'leadership_member'))).toBe(false);
    expect(canDecideList(who(null, 'system_admin'))).toBe(false);
  });
  it('talk records: both sides, the recorder, the branch secretary and the leadership', () => {
    const t = { aPersonId: 'a', bPersonId: 'b', recordedBy: 'r' };
    for (const p of ['a', 'b', 'r']) expect(canSeeTalk(who(p, 'member'), t)).toBe(true);
    expect(canSeeTalk(who('x', 'member'), t)).toBe(false);
    expect(canSeeTalk(who('x', 'campaign_office'), t)).toBe(false);
    expect(canSeeTalk(who('x', 'leadership_member'), t)).toBe(true);
  });
  it('an opinion about a person: that person and the branch secretary; the leadership does not read it', () => {
    const about = (p: string | null) => ({ targetKind: p ? 'person' : 'department', targetPersonId: p });
    expect(canReadOpinionText(who('p1', 'member'), about('p1'))).toBe(true);
    expect(canReadOpinionText(who('s', 'branch_secretary'), about('p1'))).toBe(true);
    expect(canReadOpinionText(who('l', 'leadership_member'), about('p1'))).toBe(false);
    expect(canReadOpinionText(who(null, 'system_admin'), about('p1'))).toBe(false);
    expect(canReadOpinionText(who(null, 'system_admin'), about(null))).toBe(true);
  });
  it('an unclassified opinion: the branch secretary and the named triage only, not every manager of opinions', () => {
    const fresh = { unitId: 'u1', targetKind: null, targetPersonId: null, status: 'new' as const };
    expect(opinionItemPolicy(who('s', 'branch_secretary'), fresh)).toMatchObject({
      see: true,
      readText: true,
      classify: true,
      decide: true,
    });
    expect(opinionItemPolicy(who('t', 'opinion_triage'), fresh)).toMatchObject({
      see: true,
      readText: true,
      classify: true,
      decide: false,
    });
    for (const role of ['campaign_office', 'system_admin'] as const)
      expect(opinionItemPolicy(who('o', role), fresh)).toMatchObject({ see: true, readText: false, classify: false });
    expect(opinionItemPolicy(who('m', 'member'), fresh).see).toBe(false);
    // Once classified to a department it is the managers' to read and decide.
    expect(opinionItemPolicy(who('o', 'campaign_office'), { ...fresh, targetKind: 'department' })).toMatchObject({
      readText: true,
      decide: true,
    });
  });
  it('a policy never grants an action without reading, nor to someone who cannot see', () => {
    const roles = fc.constantFrom<Role>(
      'member',
      'branch_secretary',
      'campaign_office',
      'system_admin',
      'leadership_member',
      'party_secretary',
      'opinion_triage',
      'department_head',
    );
    const person = fc.constantFrom('p1', 'p2', 'p3');
    fc.assert(
      fc.property(
        fc.option(person),
        fc.array(roles, { maxLength: 3 }),
        fc.option(person),
        fc.constantFrom(null, 'person', 'department', 'leadership'),
        fc.constantFrom('new', 'adopted', 'not_adopted', 'merged'),
        fc.constantFrom('draft', 'submitted', 'returned', 'approved'),
        fc.constantFrom('preparing', 'held'),
        fc.boolean(),
        (me, rs, target, kind, status, listStatus, meetingStatus, voided) => {
          const a = who(me, ...rs);
          const o = opinionItemPolicy(a, {
            unitId: 'u1',
            targetKind: target ? 'person' : kind,
            targetPersonId: target,
            status: status as 'new',
          });
          if (!o.readText) expect([o.classify, o.decide, o.merge, o.unmerge]).toEqual([false, false, false, false]);
          if (!o.see) expect(o.readText).toBe(false);
          const l = selfCheckListPolicy(a, { personId: target, status: listStatus as 'draft', meetingStatus });
          expect(l.see).toBe(canSeeList(a, target));
          if (!l.see) expect([l.edit, l.submit, l.decide, l.readOpinionsAbout]).toEqual([false, false, false, false]);
          if (l.submit) expect(me).toBe(target);
          const t = talkPolicy(a, { aPersonId: 'p1', bPersonId: 'p2', recordedBy: target ?? 'p3', voided });
          expect(t.see).toBe(canSeeTalk(a, { aPersonId: 'p1', bPersonId: 'p2', recordedBy: target ?? 'p3' }));
          if (!t.see || voided) expect(t.void).toBe(false);
        },
      ),
    );
  });
  it('attendance never rounds up past a threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (expected, p) => {
        const present = Math.min(p, expected);
        const pct = attendancePct(present, expected);
        expect(pct * expected).toBeLessThanOrEqual(present * 100);
        expect((pct + 1) * expected).toBeGreaterThan(present * 100);
      }),
    );
    expect(attendancePct(0, 0)).toBe(0);
  });
});
