import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import { WorkdayCalendar } from './workdays.js';
import {
  afterApproval,
  awayOn,
  leaveHalfDays,
  leavesOverlap,
  mayReturnFromLeave,
  mayWithdrawLeave,
  needsLeaderApproval,
  pendingStep,
  requestedHalfDays,
  returnDateProblem,
  type ActiveLeave,
  type LeaveSpan,
} from './leave.js';
import { headStepOf, leaderStepOf, leavePolicy, type LeaveFacts } from './policies/leave.js';
import type { Actor } from './roles.js';

// 国庆 2026: Thursday 10-01 to Wednesday 10-07 off, Saturday 10-10 a make-up working day (调休上班).
const holiday = Array.from({ length: 7 }, (_, i) => toIsoDate(parseIsoDate('2026-10-01') + i));
const calendar = new WorkdayCalendar({
  years: [2026],
  official: [
    ...holiday.map((d) => [d, { working: false, name: '国庆节' }] as [string, { working: boolean; name: string }]),
    ['2026-10-10', { working: true, name: '国庆节' }],
  ],
});
const span = (fromDate: string, toDate: string, startsAfternoon = false, endsAtNoon = false): LeaveSpan => ({
  fromDate,
  toDate,
  startsAfternoon,
  endsAtNoon,
});

describe('the length of a leave in half working days', () => {
  it('counts working days twice, skips the holiday and counts the make-up Saturday', () => {
    expect(leaveHalfDays(calendar, span('2026-09-28', '2026-09-30'))).toBe(6); // Mon–Wed
    expect(leaveHalfDays(calendar, span('2026-09-30', '2026-10-12'))).toBe(10); // Wed, Thu 10-08, Fri, Sat 10-10, Mon
    expect(leaveHalfDays(calendar, span('2026-09-30', '2026-10-12', true, true))).toBe(8);
    expect(leaveHalfDays(calendar, span('2026-10-10', '2026-10-10', true))).toBe(1); // the make-up Saturday's afternoon
  });
  it('refuses a leave over non-working days only, and an afternoon start ending at noon the same day', () => {
    expect(() => requestedHalfDays(calendar, span('2026-10-01', '2026-10-07'))).toThrow('均为非工作日');
    expect(() => requestedHalfDays(calendar, span('2026-10-11', '2026-10-11'))).toThrow('均为非工作日'); // Sunday
    expect(() => leaveHalfDays(calendar, span('2026-09-28', '2026-09-28', true, true))).toThrow('没有时长');
    expect(() => leaveHalfDays(calendar, span('2026-09-29', '2026-09-28'))).toThrow('不能早于');
  });
  it('is additive: splitting a leave at noon of a working day gives the same total', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => toIsoDate(parseIsoDate('2026-09-20') + n));
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        const [from, mid, to] = [a, b, c].sort();
        fc.pre(calendar.isWorkingDay(mid!));
        const whole = leaveHalfDays(calendar, span(from!, to!));
        const parts =
          (from === mid ? 1 : leaveHalfDays(calendar, span(from!, mid!, false, true))) +
          (mid === to ? 1 : leaveHalfDays(calendar, span(mid!, to!, true, false)));
        expect(parts).toBe(whole);
      }),
    );
  });
  it('is at most two halves per calendar day and never negative', () => {
    const arb = fc.record({
      from: fc.integer({ min: 0, max: 40 }),
      len: fc.integer({ min: 0, max: 20 }),
      am: fc.boolean(),
      pm: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ from, len, am, pm }) => {
        const f = toIsoDate(parseIsoDate('2026-09-25') + from);
        const t = toIsoDate(parseIsoDate(f) + len);
        fc.pre(!(len === 0 && am && pm));
        const n = leaveHalfDays(calendar, span(f, t, am, pm));
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual((len + 1) * 2);
      }),
    );
  });
});

const arbLeave = fc
  .record({
    from: fc.integer({ min: 0, max: 30 }),
    len: fc.integer({ min: 0, max: 10 }),
    am: fc.boolean(),
    pm: fc.boolean(),
    status: fc.constantFrom('pending', 'approved', 'rejected', 'withdrawn', 'returned'),
    back: fc.integer({ min: 0, max: 12 }),
  })
  .filter((r) => !(r.len === 0 && r.am && r.pm))
  .map(
    (r): ActiveLeave => ({
      ...span(toIsoDate(20_000 + r.from), toIsoDate(20_000 + r.from + r.len), r.am, r.pm),
      status: r.status as ActiveLeave['status'],
      returnedOn: r.status === 'returned' ? toIsoDate(20_000 + r.from + r.back) : null,
    }),
  );

describe('overlapping leaves of one person', () => {
  it('is symmetric, and a leave holding time overlaps itself', () => {
    fc.assert(
      fc.property(arbLeave, arbLeave, (a, b) => {
        expect(leavesOverlap(a, b)).toBe(leavesOverlap(b, a));
        if (a.status === 'pending' || a.status === 'approved') expect(leavesOverlap(a, a)).toBe(true);
      }),
    );
  });
  it('half days touching at noon do not overlap; the same half does', () => {
    const a = { ...span('2026-09-28', '2026-09-29', false, true), status: 'approved' as const };
    const b = { ...span('2026-09-29', '2026-09-30', true), status: 'pending' as const };
    expect(leavesOverlap(a, b)).toBe(false);
    expect(leavesOverlap(a, { ...b, startsAfternoon: false })).toBe(true);
    expect(leavesOverlap({ ...a, endsAtNoon: false }, b)).toBe(true);
  });
  it('a rejected or withdrawn leave holds nothing; a returned one only up to its return', () => {
    const a = { ...span('2026-09-28', '2026-09-30'), status: 'approved' as const };
    const b = { ...span('2026-09-30', '2026-09-30'), status: 'pending' as const };
    expect(leavesOverlap({ ...a, status: 'rejected' }, b)).toBe(false);
    expect(leavesOverlap({ ...a, status: 'withdrawn' }, b)).toBe(false);
    expect(leavesOverlap({ ...a, status: 'returned', returnedOn: '2026-09-30' }, b)).toBe(false);
    expect(leavesOverlap({ ...a, status: 'returned', returnedOn: '2026-10-01' }, b)).toBe(true);
  });
});

describe('the steps of a leave', () => {
  const base = { status: 'pending' as const, fromDate: '2026-10-12', headDecided: false, leaderRequired: true };
  it('needs the 分管领导 above the threshold only', () => {
    expect(needsLeaderApproval(6, 3)).toBe(false);
    expect(needsLeaderApproval(7, 3)).toBe(true);
  });
  it('goes head → leader → approved, or straight to approved when the leader already decided', () => {
    expect(pendingStep(base)).toBe('head');
    expect(afterApproval(base, 'head', false)).toBe('pending');
    expect(pendingStep({ ...base, headDecided: true })).toBe('leader');
    expect(afterApproval(base, 'leader', false)).toBe('approved');
    expect(afterApproval(base, 'head', true)).toBe('approved');
    expect(afterApproval({ ...base, leaderRequired: false }, 'head', false)).toBe('approved');
  });
  it('is withdrawn before it starts, closed (销假) after, with a return date within bounds', () => {
    const approved = { ...base, status: 'approved' as const };
    expect(mayWithdrawLeave(base, '2026-10-20')).toBe(true);
    expect(mayWithdrawLeave(approved, '2026-10-11')).toBe(true);
    expect(mayWithdrawLeave(approved, '2026-10-12')).toBe(false);
    expect(mayReturnFromLeave(approved, '2026-10-11')).toBe(false);
    expect(mayReturnFromLeave(approved, '2026-10-12')).toBe(true);
    expect(returnDateProblem(approved, '2026-10-11', '2026-10-14')).toMatch('不能早于');
    expect(returnDateProblem(approved, '2026-10-15', '2026-10-14')).toMatch('不能晚于');
    expect(returnDateProblem(approved, '2026-10-13', '2026-10-14')).toBeNull();
  });
  it('is away from its start until the day before its return', () => {
    const l = { status: 'returned' as const, fromDate: '2026-10-12', toDate: '2026-10-16', returnedOn: '2026-10-14' };
    expect(['2026-10-11', '2026-10-12', '2026-10-13', '2026-10-14'].map((d) => awayOn(l, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(awayOn({ ...l, status: 'approved', returnedOn: null }, '2026-10-16')).toBe(true);
    expect(awayOn({ ...l, status: 'pending', returnedOn: null }, '2026-10-13')).toBe(false);
  });
});

describe('who approves', () => {
  it('a member: the heads; a head: the 分管领导; the 分管领导: the party secretary; never oneself', () => {
    const f = { heads: ['h'], leader: 'l', secretaries: ['s'] };
    expect(headStepOf({ ...f, requesterId: 'm' })).toEqual({ ids: ['h'], byLeader: false });
    expect(headStepOf({ ...f, requesterId: 'h' })).toEqual({ ids: ['l'], byLeader: true });
    expect(headStepOf({ ...f, heads: [], requesterId: 'l' })).toEqual({ ids: ['s'], byLeader: true });
    expect(() => headStepOf({ ...f, heads: [], requesterId: 's', leader: 's' })).toThrow('没有可以审批');
    expect(leaderStepOf({ requesterId: 'm', leader: 'l', secretaries: ['s'] })).toEqual(['l']);
    fc.assert(
      fc.property(
        fc.constantFrom('a', 'b', 'c'),
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
        fc.option(fc.constantFrom('a', 'b', 'c')),
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
        (requesterId, heads, leader, secretaries) => {
          try {
            expect(headStepOf({ requesterId, heads, leader, secretaries }).ids).not.toContain(requesterId);
          } catch (e) {
            expect((e as Error).message).toMatch('没有可以审批');
          }
          expect(leaderStepOf({ requesterId, leader, secretaries })).not.toContain(requesterId);
        },
      ),
    );
  });
  it('the reason: the person, the approvers and the discipline staff; not the office nor another head', () => {
    const actor = (personId: string, grants: Actor['grants']): Actor => ({
      userId: personId,
      unitId: 'u',
      username: personId,
      displayName: personId,
      personId,
      grants,
    });
    const l: LeaveFacts = {
      unitId: 'u',
      personId: 'm',
      departmentId: 'd1',
      status: 'pending',
      fromDate: '2026-10-12',
      awaitingIds: ['h'],
      headDecidedBy: null,
      leaderDecidedBy: null,
    };
    const head = actor('h', [{ role: 'department_head', scopeType: 'department', scopeId: 'd1' }]);
    const otherHead = actor('h2', [{ role: 'department_head', scopeType: 'department', scopeId: 'd2' }]);
    const office = actor('o', [{ role: 'campaign_office', scopeType: 'unit', scopeId: null }]);
    const discipline = actor('x', [{ role: 'discipline', scopeType: 'unit', scopeId: null }]);
    const today = '2026-10-01';
    expect(leavePolicy(head, l, today)).toMatchObject({ see: true, reason: true, approve: true });
    expect(leavePolicy(otherHead, l, today).see).toBe(false);
    expect(leavePolicy(office, l, today)).toMatchObject({ see: true, reason: false, approve: false });
    expect(leavePolicy(discipline, l, today)).toMatchObject({ see: true, reason: true, approve: false });
    expect(leavePolicy(actor('m', []), { ...l, awaitingIds: ['m'] }, today)).toMatchObject({
      reason: true,
      approve: false,
      withdraw: true,
    });
  });
  it('never lets anyone approve their own leave; whoever reads the reason sees the leave', () => {
    const people = fc.constantFrom('m', 'h', 'l', 's');
    const roles = fc.subarray(['department_head', 'campaign_office', 'discipline', 'party_secretary'] as const);
    fc.assert(
      fc.property(
        people,
        roles,
        fc.uniqueArray(people, { maxLength: 3 }),
        fc.constantFrom('pending', 'approved', 'rejected', 'withdrawn', 'returned'),
        (me, rs, awaitingIds, status) => {
          const a: Actor = {
            userId: me,
            unitId: 'u',
            username: me,
            displayName: me,
            personId: me,
            grants: rs.map((role) => ({
              role,
              scopeType: role === 'department_head' ? ('department' as const) : ('unit' as const),
              scopeId: role === 'department_head' ? 'd1' : null,
            })),
          };
          const l: LeaveFacts = {
            unitId: 'u',
            personId: 'm',
            departmentId: 'd1',
            status: status as LeaveFacts['status'],
            fromDate: '2026-10-12',
            awaitingIds,
            headDecidedBy: null,
            leaderDecidedBy: null,
          };
          const can = leavePolicy(a, l, '2026-10-10');
          if (me === 'm') expect([can.approve, can.reject]).toEqual([false, false]);
          if (can.reason || can.approve) expect(can.see).toBe(true);
          expect(leavePolicy({ ...a, unitId: 'other' }, l, '2026-10-10').see).toBe(false);
        },
      ),
    );
  });
});
