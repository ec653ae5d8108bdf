import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';
import { colourOf } from './item-figures.js';
import {
  checkTransition,
  countLapses,
  ITEM_ACTIONS,
  ITEM_STATUSES,
  reportMissing,
  type ActorFacts,
  type ItemAction,
  type ItemFacts,
  type ItemStatus,
} from './supervision.js';
import { parseIsoDate, toIsoDate } from './civil-date.js';

const calendar = new WorkdayCalendar(
  officialFromChineseDays(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData),
);
const item = (status: ItemStatus, over: Partial<ItemFacts> = {}): ItemFacts => ({
  status,
  ownerPersonId: 'owner',
  backupPersonId: 'backup',
  backupActing: false,
  ...over,
});
const owner: ActorFacts = { personId: 'owner', supervises: false, leads: false };
const backup: ActorFacts = { personId: 'backup', supervises: false, leads: false };
const office: ActorFacts = { personId: 'office', supervises: true, leads: false };
const leader: ActorFacts = { personId: 'leader', supervises: false, leads: true };
const stranger: ActorFacts = { personId: 'x', supervises: false, leads: false };

describe('the life cycle', () => {
  it('runs assigned → in progress → under review → returned → under review → closed', () => {
    expect(checkTransition(item('assigned'), 'sign', owner)).toEqual({ ok: true, next: 'in_progress' });
    expect(checkTransition(item('in_progress'), 'submit', owner, { result: '已完成' })).toEqual({
      ok: true,
      next: 'under_review',
    });
    expect(checkTransition(item('under_review'), 'return', office, { reason: '材料不全' })).toEqual({
      ok: true,
      next: 'in_progress',
    });
    expect(checkTransition(item('under_review'), 'close', leader)).toEqual({ ok: true, next: 'closed' });
    expect(checkTransition(item('closed'), 'reopen', office, { reason: '群众再次反映' })).toEqual({
      ok: true,
      next: 'in_progress',
    });
  });

  it("refuses closing without review, reviewing one's own item, and missing reasons", () => {
    expect(checkTransition(item('in_progress'), 'close', office)).toEqual({
      ok: false,
      status: 400,
      message: '事项尚未提交复核，不能销号',
    });
    expect(checkTransition(item('under_review', { ownerPersonId: 'office' }), 'close', office)).toEqual({
      ok: false,
      status: 403,
      message: '不能复核自己承办的事项',
    });
    expect(checkTransition(item('under_review'), 'return', office)).toMatchObject({
      ok: false,
      status: 400,
      message: '请填写退回原因',
    });
    expect(checkTransition(item('in_progress'), 'submit', owner)).toMatchObject({
      ok: false,
      message: '请填写办理结果',
    });
    expect(checkTransition(item('in_progress'), 'withdraw', office, { reason: ' ' })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(checkTransition(item('assigned'), 'sign', stranger)).toMatchObject({ ok: false, status: 403 });
  });

  it('lets the B post act only while it is acting', () => {
    expect(checkTransition(item('assigned'), 'sign', backup)).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition(item('assigned', { backupActing: true }), 'sign', backup)).toEqual({
      ok: true,
      next: 'in_progress',
    });
  });

  it('never allows a transition from a status the action does not start from, whoever asks', () => {
    const actions = Object.keys(ITEM_ACTIONS) as ItemAction[];
    const statuses = Object.keys(ITEM_STATUSES) as ItemStatus[];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.constantFrom(...actions),
        fc.constantFrom(owner, backup, office, leader, stranger),
        fc.boolean(),
        (status, action, actor, acting) => {
          const r = checkTransition(item(status, { backupActing: acting }), action, actor, {
            reason: '原因',
            result: '结果',
          });
          if (status === 'withdrawn') expect(r.ok).toBe(false);
          if (r.ok && action === 'close') expect(status).toBe('under_review');
          if (r.ok && (action === 'close' || action === 'return')) expect(actor.supervises || actor.leads).toBe(true);
          if (r.ok && r.next === 'closed') expect(actor.personId).not.toBe('owner');
        },
      ),
    );
  });
});

describe('colours', () => {
  const open = {
    status: 'in_progress' as const,
    due: '2026-10-13',
    cadence: 'none' as const,
    lastReportOn: null,
    assignedOn: '2026-09-28',
  };
  it('is green on track, yellow within 2 working days of the due date, red once it has passed', () => {
    expect(colourOf(open, '2026-09-30', calendar)).toBe('green');
    expect(colourOf(open, '2026-10-09', calendar)).toBe('green');
    expect(colourOf(open, '2026-10-10', calendar)).toBe('yellow');
    expect(colourOf(open, '2026-10-13', calendar)).toBe('yellow');
    expect(colourOf(open, '2026-10-14', calendar)).toBe('red');
    expect(colourOf({ ...open, status: 'closed' }, '2026-10-14', calendar)).toBe('none');
  });

  it('turns yellow when a report of its cadence is missing', () => {
    const weekly = { ...open, due: '2026-12-31', cadence: 'weekly' as const };
    expect(colourOf(weekly, '2026-10-05', calendar)).toBe('green');
    expect(colourOf(weekly, '2026-10-06', calendar)).toBe('yellow');
    expect(colourOf({ ...weekly, lastReportOn: '2026-10-05' }, '2026-10-09', calendar)).toBe('green');
    expect(
      reportMissing({ cadence: 'monthly', lastReportOn: '2026-09-01', assignedOn: '2026-08-01' }, '2026-10-03'),
    ).toBe(true);
  });

  it('is red exactly when an open item is past its due date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (a, b) => {
        const day = (n: number) => calendar.addWorkingDays('2026-03-02', n).date;
        return (colourOf({ ...open, due: day(a) }, day(b), calendar) === 'red') === b > a;
      }),
    );
  });
});

describe('lapses (漏报)', () => {
  const d = (n: number) => toIsoDate(parseIsoDate('2026-03-02') + n);
  const arbReports = fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 12 });

  it('count one per period without a report', () => {
    expect(countLapses('weekly', d(0), [], d(7))).toBe(0);
    expect(countLapses('weekly', d(0), [], d(8))).toBe(1);
    expect(countLapses('weekly', d(0), [], d(15))).toBe(2);
    expect(countLapses('weekly', d(0), [d(10)], d(17))).toBe(1);
    expect(countLapses('monthly', d(0), [d(30), d(61)], d(92))).toBe(0);
    expect(countLapses('none', d(0), [], d(300))).toBe(0);
  });

  it('without reports, grow with time as reportMissing says; a report never adds one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('weekly' as const, 'monthly' as const),
        arbReports,
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 120 }),
        (cadence, offsets, end, extra) => {
          const reports = offsets.filter((o) => o <= end).map(d);
          const lapses = countLapses(cadence, d(0), reports, d(end));
          expect(countLapses(cadence, d(0), [...reports, d(Math.min(extra, end))], d(end))).toBeLessThanOrEqual(lapses);
          const last = reports.length ? [...reports].sort().at(-1)! : null;
          // When today's report is missing, the last report (or assignment) is followed by at least one lapse.
          if (reportMissing({ cadence, lastReportOn: last, assignedOn: d(0) }, d(end)))
            expect(lapses).toBeGreaterThan(countLapses(cadence, d(0), reports, last ?? d(0)));
          if (reports.length === 0)
            expect(lapses).toBe(Math.max(0, Math.floor((end - 1) / (cadence === 'weekly' ? 7 : 31))));
        },
      ),
    );
  });
});
