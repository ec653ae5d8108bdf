import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  burdenByDepartment,
  burdenFigures,
  burdenSettingsProblems,
  DEFAULT_BURDEN_SETTINGS,
  mergeSuggestions,
  monthOf,
  planEntriesOf,
  planSubKindOf,
  type HeldMeeting,
  type IssuedDocumentFact,
  type PlanEntryFact,
} from './burden.js';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import { officialFromChineseDays, WorkdayCalendar, type ChineseDaysData } from './workdays.js';

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const calendar = new WorkdayCalendar(officialFromChineseDays(data));
const apart = (a: string, b: string) => calendar.workingDaysBetween(a, b).days;

const day = fc.integer({ min: parseIsoDate('2026-01-01'), max: parseIsoDate('2026-12-31') }).map(toIsoDate);
const subKind = fc.constantFrom(
  'weekly_work_meeting',
  'monthly_dispatch_meeting',
  'party_group',
  'party_group_meeting',
);
const people = fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), { maxLength: 5 });

const entries = fc
  .array(
    fc.record({
      kind: fc.constantFrom('document' as const, 'meeting' as const),
      subKind,
      month: fc.integer({ min: 1, max: 12 }),
      departmentId: fc.constantFrom(null, 'd1', 'd2'),
    }),
    { maxLength: 15 },
  )
  .map((xs) => xs.map((x, i): PlanEntryFact => ({ ...x, id: `e${i}` })));

const meetingsOf = (planIds: string[]) =>
  fc
    .array(
      fc.record({
        source: fc.constantFrom('decision' as const, 'activity' as const),
        subKind,
        heldOn: day,
        departmentId: fc.constantFrom(null, 'd1', 'd2'),
        planEntryId: fc.constantFrom(null, 'missing', ...planIds),
        unplannedReason: fc.constantFrom(null, '上级临时部署'),
        durationMinutes: fc.option(fc.integer({ min: 10, max: 300 })),
        attendeeIds: people,
      }),
      { maxLength: 25 },
    )
    .map((xs) => xs.map((x, i): HeldMeeting => ({ ...x, id: `m${i}`, title: `会议${i}` })));

const documentsOf = (planIds: string[]) =>
  fc
    .array(
      fc.record({
        issuedOn: day,
        departmentId: fc.constantFrom(null, 'd1'),
        planEntryId: fc.constantFrom(null, ...planIds),
        unplannedReason: fc.constantFrom(null, '上级要求'),
      }),
      { maxLength: 25 },
    )
    .map((xs) => xs.map((x, i): IssuedDocumentFact & { title: string } => ({ ...x, id: `d${i}`, title: `文件${i}` })));

const world = entries.chain((es) =>
  fc.tuple(fc.constant(es), meetingsOf(es.map((e) => e.id)), documentsOf(es.map((e) => e.id))),
);
const settings = fc.record({
  maxMeetingMinutes: fc.integer({ min: 15, max: 480 }),
  maxUnplannedMeetingsPerQuarter: fc.integer({ min: 0, max: 10 }),
  maxDocumentsPerYear: fc.integer({ min: 1, max: 30 }),
  mergeWithinWorkingDays: fc.integer({ min: 0, max: 10 }),
});

describe('plan against actual (减负)', () => {
  it('every meeting and document is counted once, in the month it happened; planned sums to the plan', () => {
    fc.assert(
      fc.property(world, settings, ([es, ms, ds], s) => {
        const f = burdenFigures(es, ms, ds, s);
        expect(f.meetings.held).toBe(ms.length);
        expect(f.documents.issued).toBe(ds.length);
        expect(f.meetings.planned + f.documents.planned).toBe(es.length);
        for (const row of f.months) {
          expect(row.meetings.held).toBe(ms.filter((m) => monthOf(m.heldOn) === row.month).length);
          expect(row.unplanned.length).toBe(row.meetings.unplanned + row.documents.unplanned);
        }
      }),
    );
  });

  it('a meeting is unplanned exactly when it fulfils no entry, and its reason (or its lack) is carried', () => {
    fc.assert(
      fc.property(world, ([es, ms, ds]) => {
        const f = burdenFigures(es, ms, ds, DEFAULT_BURDEN_SETTINGS);
        const unplanned = f.months.flatMap((r) => r.unplanned).filter((u) => u.source !== 'document');
        const assigned = planEntriesOf(ms, es);
        const expected = ms.filter((m) => assigned.get(m.id) === null);
        expect(unplanned.map((u) => u.id).sort()).toEqual(expected.map((m) => m.id).sort());
        for (const u of unplanned) expect(u.reason).toBe(ms.find((m) => m.id === u.id)!.unplannedReason);
        expect(f.meetings.unexplained).toBe(expected.filter((m) => m.unplannedReason === null).length);
      }),
    );
  });

  it('an activity is planned by an entry of its sub-kind in its month; a decision meeting only by the entry it names', () => {
    fc.assert(
      fc.property(world, ([es, ms]) => {
        const assigned = planEntriesOf(ms, es);
        for (const m of ms) {
          const e = assigned.get(m.id);
          expect(e).not.toBeUndefined();
          if (e === null || e === undefined) continue;
          if (m.source === 'decision') expect(e).toBe(m.planEntryId);
          else {
            const x = es.find((y) => y.id === e)!;
            // A 党组会 activity fulfils a 党组会议 entry (an entry never names the activity kind itself).
            expect([x.kind, x.subKind, x.month]).toEqual(['meeting', planSubKindOf(m.subKind), monthOf(m.heldOn)]);
          }
        }
      }),
    );
  });

  it('one entry fulfils at most one meeting; an activity goes unplanned only when every fitting entry is taken by an earlier one or a decision meeting', () => {
    fc.assert(
      fc.property(world, ([es, ms]) => {
        const assigned = planEntriesOf(ms, es);
        const used = [...assigned.values()].filter((e) => e !== null);
        expect(new Set(used).size).toBe(used.length);
        for (const m of ms.filter((x) => x.source === 'activity' && assigned.get(x.id) === null)) {
          const fitting = es.filter(
            (x) => x.kind === 'meeting' && x.subKind === planSubKindOf(m.subKind) && x.month === monthOf(m.heldOn),
          );
          for (const x of fitting) {
            const holder = ms.find((o) => assigned.get(o.id) === x.id)!;
            expect(holder).toBeDefined();
            if (holder.source === 'activity') expect(holder.heldOn <= m.heldOn).toBe(true);
          }
        }
      }),
    );
  });

  it('a decision meeting held in another month than its entry’s is counted in the month it was held, and planned', () => {
    const e: PlanEntryFact = { id: 'e1', kind: 'meeting', subKind: 'party_group', month: 3, departmentId: null };
    const moved: HeldMeeting = {
      id: 'm1',
      source: 'decision',
      subKind: 'party_group',
      title: '第一季度党组会议',
      heldOn: '2026-04-02',
      departmentId: null,
      planEntryId: 'e1',
      unplannedReason: null,
      durationMinutes: 60,
      attendeeIds: [],
    };
    const f = burdenFigures([e], [moved], [], DEFAULT_BURDEN_SETTINGS);
    expect([f.months[2]!.meetings, f.months[3]!.meetings]).toEqual([
      { planned: 1, held: 0, unplanned: 0, overLength: 0 },
      { planned: 0, held: 1, unplanned: 0, overLength: 0 },
    ]);
  });

  it('two 调度会 in a month planned once: the earlier is planned, the later is not', () => {
    const e: PlanEntryFact = { id: 'e1', kind: 'meeting', subKind: 'dispatch', month: 5, departmentId: null };
    const act = (id: string, heldOn: string): HeldMeeting => ({
      id,
      source: 'activity',
      subKind: 'dispatch',
      title: id,
      heldOn,
      departmentId: null,
      planEntryId: null,
      unplannedReason: null,
      durationMinutes: null,
      attendeeIds: [],
    });
    const assigned = planEntriesOf([act('later', '2026-05-20'), act('earlier', '2026-05-06')], [e]);
    expect([assigned.get('earlier'), assigned.get('later')]).toEqual(['e1', null]);
    expect(
      burdenFigures([e], [act('a', '2026-05-06'), act('b', '2026-05-20')], [], DEFAULT_BURDEN_SETTINGS).meetings
        .unplanned,
    ).toBe(1);
  });

  it('a quarter is flagged exactly when its unplanned meetings exceed the quota; over-length exactly above the limit', () => {
    fc.assert(
      fc.property(world, settings, ([es, ms, ds], s) => {
        const f = burdenFigures(es, ms, ds, s);
        for (const q of f.quarters) expect(q.exceeded).toBe(q.unplannedMeetings > s.maxUnplannedMeetingsPerQuarter);
        expect(f.quarters.reduce((n, q) => n + q.unplannedMeetings, 0)).toBe(f.meetings.unplanned);
        expect(f.meetings.overLength).toBe(
          ms.filter((m) => m.durationMinutes !== null && m.durationMinutes > s.maxMeetingMinutes).length,
        );
        expect(f.documents.exceeded).toBe(ds.length > s.maxDocumentsPerYear);
      }),
    );
  });
});

describe('activity kinds that are decision meeting kinds', () => {
  it('plan as the decision kind: a 党组会 activity fulfils a 党组会议 entry; other kinds are themselves', () => {
    expect(planSubKindOf('party_group_meeting')).toBe('party_group');
    expect(planSubKindOf('director_office_meeting')).toBe('director_office');
    fc.assert(
      fc.property(fc.constantFrom('weekly_work_meeting', 'meeting', 'staff_meeting'), (k) => planSubKindOf(k) === k),
    );
  });
});

describe('plan against actual per department', () => {
  it('counts each entry, meeting and document once, under its department; the sums are the year’s', () => {
    fc.assert(
      fc.property(world, ([es, ms, ds]) => {
        const rows = burdenByDepartment(es, ms, ds, ['d2']);
        const f = burdenFigures(es, ms, ds, DEFAULT_BURDEN_SETTINGS);
        const sum = (g: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + g(r), 0);
        expect(sum((r) => r.meetings.held)).toBe(f.meetings.held);
        expect(sum((r) => r.meetings.unplanned)).toBe(f.meetings.unplanned);
        expect(sum((r) => r.meetings.planned + r.documents.planned)).toBe(es.length);
        expect(sum((r) => r.documents.unplanned)).toBe(f.months.reduce((n, m) => n + m.documents.unplanned, 0));
        expect(new Set(rows.map((r) => r.departmentId)).size).toBe(rows.length);
        for (const r of rows) expect(r.meetings.held).toBe(ms.filter((m) => m.departmentId === r.departmentId).length);
        // The order given first, no department last.
        const order = rows.map((r) => r.departmentId);
        if (order.includes(null)) expect(order.at(-1)).toBeNull();
        if (order.includes('d1') && order.includes('d2')) expect(order.indexOf('d2')).toBeLessThan(order.indexOf('d1'));
        if (order.includes('d1') && order.includes(null)) expect(order.indexOf('d1')).toBeLessThan(order.indexOf(null));
      }),
    );
  });
});

describe('merge suggestions', () => {
  const meetings = fc
    .array(fc.record({ heldOn: day, attendeeIds: people }), { maxLength: 12 })
    .map((xs) => xs.map((x, i) => ({ ...x, id: `m${i}` })));

  it('are exactly the pairs with nested (or equal) non-empty attendees within N working days', () => {
    fc.assert(
      fc.property(meetings, fc.integer({ min: 0, max: 10 }), (ms, n) => {
        const got = mergeSuggestions(ms, n, apart);
        const key = (a: string, b: string) => [a, b].sort().join('+');
        const expected = new Set<string>();
        for (const a of ms)
          for (const b of ms) {
            if (a.id >= b.id || !a.attendeeIds.length || !b.attendeeIds.length) continue;
            const nested =
              a.attendeeIds.every((x) => b.attendeeIds.includes(x)) ||
              b.attendeeIds.every((x) => a.attendeeIds.includes(x));
            if (nested && Math.abs(apart(a.heldOn, b.heldOn)) <= n) expected.add(key(a.id, b.id));
          }
        expect(new Set(got.map((g) => key(g.first, g.second)))).toEqual(expected);
        for (const g of got) {
          const [a, b] = [ms.find((m) => m.id === g.first)!, ms.find((m) => m.id === g.second)!];
          expect(a.heldOn <= b.heldOn).toBe(true);
          expect(g.overlap === 'same').toBe(new Set(a.attendeeIds).size === new Set(b.attendeeIds).size);
        }
      }),
    );
  });

  it('grow with N: what is suggested within N is suggested within N + 1', () => {
    fc.assert(
      fc.property(meetings, fc.integer({ min: 0, max: 9 }), (ms, n) => {
        const wider = new Set(mergeSuggestions(ms, n + 1, apart).map((g) => `${g.first}+${g.second}`));
        for (const g of mergeSuggestions(ms, n, apart)) expect(wider.has(`${g.first}+${g.second}`)).toBe(true);
      }),
    );
  });
});

describe('减负 settings', () => {
  it('the defaults are sound; a value out of its range is named', () => {
    expect(burdenSettingsProblems(DEFAULT_BURDEN_SETTINGS)).toEqual([]);
    expect(burdenSettingsProblems({ ...DEFAULT_BURDEN_SETTINGS, maxMeetingMinutes: 5 })).toEqual([
      '会议时长上限应在 15 至 480 分钟之间',
    ]);
    fc.assert(
      fc.property(settings, (s) => {
        expect(burdenSettingsProblems({ ...s, maxDocumentsPerYear: 0 })).toHaveLength(1);
      }),
    );
  });
});
