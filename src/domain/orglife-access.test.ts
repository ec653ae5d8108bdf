import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendancePct, canDecideList, canReadOpinionText, canSeeList, canSeeTalk } from './orglife-access.js';
import type { Grant, Role } from './roles.js';

const who = (personId: string | null, ...roles: Role[]) => ({ personId, grants: roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })) });

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
    expect(canReadOpinionText(who('p1', 'member'), 'p1')).toBe(true);
    expect(canReadOpinionText(who('s', 'branch_secretary'), 'p1')).toBe(true);
    expect(canReadOpinionText(who('l', 'leadership_member'), 'p1')).toBe(false);
    expect(canReadOpinionText(who(null, 'system_admin'), 'p1')).toBe(false);
    expect(canReadOpinionText(who(null, 'system_admin'), null)).toBe(true);
  });
  it('attendance never rounds up past a threshold', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (expected, p) => {
      const present = Math.min(p, expected);
      const pct = attendancePct(present, expected);
      expect(pct * expected).toBeLessThanOrEqual(present * 100);
      expect((pct + 1) * expected).toBeGreaterThan(present * 100);
    }));
    expect(attendancePct(0, 0)).toBe(0);
  });
});
