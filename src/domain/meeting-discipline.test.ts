import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus } from './compliance.js';
import { crossingKey, meetingCrossings, periodOf, type MeetingFact } from './meeting-discipline.js';
import type { MeetingPeriod } from './discipline-settings.js';

const KINDS = ['party_group_meeting', 'director_office_meeting', 'staff_meeting', 'weekly_work_meeting'];
const WATCHED = KINDS.slice(0, 3);
const PEOPLE = ['p1', 'p2', 'p3'];
const STATUSES: AttendanceStatus[] = ['present', 'late', 'left_early', 'excused', 'unexcused'];

const day = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
const meeting = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom(...KINDS),
  title: fc.constantFrom('党组会', '局长办公会', '干部职工会', '周工作例会'),
  date: day,
  attendance: fc
    .subarray(PEOPLE)
    .chain((ps) => fc.tuple(...ps.map((p) => fc.constantFrom(...STATUSES).map((status) => ({ personId: p, status }))))),
}) as fc.Arbitrary<MeetingFact>;
const periodKind = fc.constantFrom<MeetingPeriod>('month', 'quarter', 'year');
const limits = fc.record({ absenceLimit: fc.integer({ min: 1, max: 4 }), lateLimit: fc.integer({ min: 1, max: 5 }) });

/** The plain count the rule states: per person and period, the marks of watched meetings held by `through`. */
function naive(ms: MeetingFact[], kind: MeetingPeriod, through: string) {
  const counts = new Map<string, { absences: number; lates: number }>();
  for (const m of ms) {
    if (!WATCHED.includes(m.kind) || m.date > through) continue;
    for (const a of m.attendance) {
      const k = `${a.personId}|${periodOf(kind, m.date).key}`;
      const c = counts.get(k) ?? { absences: 0, lates: 0 };
      if (a.status === 'unexcused') c.absences++;
      if (a.status === 'late' || a.status === 'left_early') c.lates++;
      counts.set(k, c);
    }
  }
  return counts;
}

describe('meeting discipline (会风会纪)', () => {
  it('flags exactly the people and periods whose counts reach a limit, with the counted facts', () => {
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 30 }), periodKind, limits, day, (ms, kind, l, through) => {
        const out = meetingCrossings(ms, WATCHED, kind, l, through);
        const expected = [...naive(ms, kind, through)].filter(
          ([, c]) => c.absences >= l.absenceLimit || c.lates >= l.lateLimit,
        );
        expect(out.map((c) => `${c.personId}|${c.period.key}`).sort()).toEqual(expected.map(([k]) => k).sort());
        for (const c of out) {
          const n = naive(ms, kind, through).get(`${c.personId}|${c.period.key}`)!;
          expect([c.absences.length, c.lates.length]).toEqual([n.absences, n.lates]);
          expect(c.absenceReached || c.lateReached).toBe(true);
          expect(c.facts).toContain(`无故缺席 ${n.absences} 次`);
          expect(c.facts).toContain(`迟到、早退 ${n.lates} 次`);
          for (const m of [...c.absences, ...c.lates]) {
            expect(m.date >= c.period.start && m.date <= c.period.end && m.date <= through).toBe(true);
            expect(c.facts).toContain(`${Number(m.date.slice(5, 7))}月${Number(m.date.slice(8, 10))}日${m.title}`);
          }
        }
      }),
    );
  });

  it('does not depend on the order meetings are given in, and keys one finding per person and period', () => {
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 20 }), periodKind, limits, day, (ms, kind, l, through) => {
        const a = meetingCrossings(ms, WATCHED, kind, l, through);
        const b = meetingCrossings([...ms].reverse(), WATCHED, kind, l, through);
        expect(b.map((c) => c.facts)).toEqual(a.map((c) => c.facts));
        expect(new Set(a.map(crossingKey)).size).toBe(a.length);
      }),
    );
  });

  it('counts two unexcused absences and three lates in a quarter (the demo plan’s limits)', () => {
    const m = (id: string, date: string, marks: [string, AttendanceStatus][]): MeetingFact => ({
      id,
      kind: 'party_group_meeting',
      title: '党组会',
      date,
      attendance: marks.map(([personId, status]) => ({ personId, status })),
    });
    const ms = [
      m('a', '2026-10-09', [
        ['p1', 'unexcused'],
        ['p2', 'late'],
      ]),
      m('b', '2026-11-03', [
        ['p1', 'unexcused'],
        ['p2', 'left_early'],
      ]),
      m('c', '2026-12-01', [
        ['p1', 'present'],
        ['p2', 'late'],
      ]),
      m('d', '2027-01-05', [['p1', 'unexcused']]),
    ];
    const out = meetingCrossings(ms, WATCHED, 'quarter', { absenceLimit: 2, lateLimit: 3 }, '2026-12-04');
    expect(out.map((c) => [c.personId, c.period.key, c.absenceReached, c.lateReached])).toEqual([
      ['p1', '2026-Q4', true, false],
      ['p2', '2026-Q4', false, true],
    ]);
    expect(out[0]!.facts).toBe(
      '2026年第4季度无故缺席 2 次（10月9日党组会无故缺席、11月3日党组会无故缺席），迟到、早退 0 次；达到通报标准（无故不参加 2 次或迟到、早退 3 次）',
    );
    expect(out[1]!.lastDate).toBe('2026-12-01');
    expect(meetingCrossings(ms, ['staff_meeting'], 'quarter', { absenceLimit: 2, lateLimit: 3 }, '2026-12-04')).toEqual(
      [],
    );
  });
});
