import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import {
  cellStatus,
  checkRule,
  countCompliance,
  coverageCompliance,
  periodsBetween,
  type ActivityFact,
  type CountRule,
  type PeriodKind,
  type Subject,
} from './compliance.js';

const day = (n: number) => toIsoDate(parseIsoDate('2026-01-01') + n);
const KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'year', 'campaign'];

describe('periods', () => {
  it('name weeks, months, quarters and years as people read them', () => {
    expect(periodsBetween('quarter', '2026-03-01', '2026-12-31').map((p) => [p.key, p.label, p.start, p.end])).toEqual([
      ['2026-Q1', '2026年第1季度', '2026-03-01', '2026-03-31'],
      ['2026-Q2', '2026年第2季度', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026年第3季度', '2026-07-01', '2026-09-30'],
      ['2026-Q4', '2026年第4季度', '2026-10-01', '2026-12-31'],
    ]);
    expect(periodsBetween('week', '2026-11-25', '2026-12-06').map((p) => [p.label, p.start, p.end])).toEqual([
      ['11月23日–11月29日', '2026-11-25', '2026-11-29'],
      ['11月30日–12月6日', '2026-11-30', '2026-12-06'],
    ]);
    expect(periodsBetween('month', '2026-12-15', '2027-01-10').map((p) => p.key)).toEqual(['2026-12', '2027-01']);
  });

  it('tile [from, to] exactly: contiguous, in order, no gaps or overlaps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 500 }),
        (kind, a, len) => {
          const ps = periodsBetween(kind, day(a), day(a + len));
          expect(ps[0]!.start).toBe(day(a));
          expect(ps.at(-1)!.end).toBe(day(a + len));
          for (let i = 1; i < ps.length; i++) expect(parseIsoDate(ps[i]!.start)).toBe(parseIsoDate(ps[i - 1]!.end) + 1);
          expect(new Set(ps.map((p) => p.key)).size).toBe(ps.length);
        },
      ),
    );
  });
});

describe('count rules', () => {
  const quarter = periodsBetween('quarter', '2026-01-01', '2026-12-31');
  const visits = (who: string, dates: string[], village = 'v1'): ActivityFact[] =>
    dates.map((date, i) => ({
      id: `${who}-${date}-${i}`,
      kind: 'visit',
      date,
      participantIds: [who],
      objectIds: [village],
      departmentId: null,
    }));
  const rule: CountRule = { kind: 'count', activityKinds: ['visit'], period: 'quarter', min: 1, max: null };

  it('每季度到帮扶联系点调研1次以上: met, at risk after two thirds of the quarter, missed once it is over', () => {
    const subjects: Subject[] = [
      { key: 'a', label: '甲', personIds: ['a'], objectIds: ['v1'] },
      { key: 'b', label: '乙', personIds: ['b'], objectIds: ['v2'] },
    ];
    const acts = [...visits('a', ['2026-02-10', '2026-11-03']), ...visits('b', ['2026-03-05'], 'v1')]; // 乙 visited someone else's village
    const cells = countCompliance(rule, subjects, acts, quarter, '2026-12-01'); // 62 of the quarter's 92 days gone: over two thirds
    const at = (s: string, q: string) => cells.find((c) => c.subjectKey === s && c.periodKey === q)!;
    expect([at('a', '2026-Q1').status, at('a', '2026-Q1').count, at('a', '2026-Q4').status]).toEqual(['met', 1, 'met']);
    expect([at('a', '2026-Q2').status, at('b', '2026-Q1').status, at('b', '2026-Q4').status]).toEqual([
      'missed',
      'missed',
      'at_risk',
    ]);
    expect(at('a', '2026-Q4').activityIds).toEqual(['a-2026-11-03-1']);
  });

  it('count exactly what a brute-force count over subjects × activities finds', () => {
    const people = ['p1', 'p2', 'p3'];
    const arbAct = fc.record({
      kind: fc.constantFrom('visit', 'study', 'deed'),
      offset: fc.integer({ min: -10, max: 380 }),
      participants: fc.subarray(people),
      objects: fc.subarray(['v1', 'v2']),
      dept: fc.constantFrom(null, 'd1', 'd2'),
    });
    const arbSubject = fc.record({
      persons: fc.option(fc.subarray(people, { minLength: 1 }), { nil: undefined }),
      objects: fc.option(fc.subarray(['v1', 'v2'], { minLength: 1 }), { nil: undefined }),
      dept: fc.option(fc.constantFrom('d1', 'd2'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(arbAct, { maxLength: 40 }),
        fc.array(arbSubject, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...KINDS),
        (raw, rawSubjects, kind) => {
          const acts: ActivityFact[] = raw.map((a, i) => ({
            id: `x${i}`,
            kind: a.kind,
            date: day(a.offset),
            participantIds: a.participants,
            objectIds: a.objects,
            departmentId: a.dept,
          }));
          const subjects: Subject[] = rawSubjects.map((s, i) => ({
            key: `s${i}`,
            label: `s${i}`,
            personIds: s.persons,
            objectIds: s.objects,
            departmentId: s.dept,
          }));
          const periods = periodsBetween(kind, '2026-01-01', '2026-12-31');
          const cells = countCompliance(
            { kind: 'count', activityKinds: ['visit', 'deed'], period: kind, min: 1, max: 3 },
            subjects,
            acts,
            periods,
            '2026-07-01',
          );
          for (const c of cells) {
            const s = subjects.find((x) => x.key === c.subjectKey)!;
            const p = periods.find((x) => x.key === c.periodKey)!;
            const expected = acts.filter(
              (a) =>
                ['visit', 'deed'].includes(a.kind) &&
                a.date >= p.start &&
                a.date <= p.end &&
                (s.personIds || s.objectIds || s.departmentId) &&
                (!s.personIds || a.participantIds.some((x) => s.personIds!.includes(x))) &&
                (!s.objectIds || a.objectIds.some((x) => s.objectIds!.includes(x))) &&
                (!s.departmentId || a.departmentId === s.departmentId),
            );
            expect(c.count).toBe(expected.length);
            // The same activities, by date then id, whichever kinds and indexes they were found through.
            const byDateThenId = (a: ActivityFact, b: ActivityFact) =>
              a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
            expect(c.activityIds).toEqual([...expected].sort(byDateThenId).map((a) => a.id));
          }
          // Asked again over the same list (its index made once and kept), the answer is the same.
          const again = countCompliance(
            { kind: 'count', activityKinds: ['visit', 'deed'], period: kind, min: 1, max: 3 },
            subjects,
            acts,
            periods,
            '2026-07-01',
          );
          expect(again).toEqual(cells);
        },
      ),
    );
  });

  it('never call a period missed before it ends, and more activity never makes a status worse', () => {
    const rank = {
      missed: 0,
      at_risk: 1,
      open: 1,
      not_started: 1,
      met: 2,
      over: 2,
      none: 1,
      reached: 1,
      not_reached: 1,
    } as const;
    const period = { key: 'q', label: 'q', start: '2026-04-01', end: '2026-06-30' };
    fc.assert(
      fc.property(fc.nat(6), fc.nat(4), fc.integer({ min: -20, max: 120 }), (count, min, offset) => {
        const today = toIsoDate(parseIsoDate('2026-04-01') + offset);
        const s = cellStatus(count, min, null, period, today);
        if (today <= period.end) expect(s).not.toBe('missed');
        expect(rank[cellStatus(count + 1, min, null, period, today)]).toBeGreaterThanOrEqual(rank[s]);
      }),
    );
  });

  it('flag more than the maximum (“不打招呼式检查1至2次”)', () => {
    const month = periodsBetween('month', '2026-11-01', '2026-11-30');
    const checks = ['2026-11-03', '2026-11-12', '2026-11-20'].map((date, i) => ({
      id: `c${i}`,
      kind: 'inspection',
      date,
      participantIds: ['jw'],
      objectIds: [],
      departmentId: 'discipline',
    }));
    const [cell] = countCompliance(
      { kind: 'count', activityKinds: ['inspection'], period: 'month', min: 1, max: 2 },
      [{ key: 'jw', label: '机关纪委', departmentId: 'discipline' }],
      checks,
      month,
      '2026-11-30',
    );
    expect([cell!.count, cell!.status]).toEqual([3, 'over']);
    const [unit] = countCompliance(
      { kind: 'count', activityKinds: ['inspection'], period: 'month', min: 1, max: 2 },
      [{ key: 'unit', label: '本单位', everyone: true }],
      checks.slice(0, 2),
      month,
      '2026-11-30',
    );
    expect([unit!.count, unit!.status]).toEqual([2, 'met']);
  });
});

describe('coverage rules', () => {
  it('全覆盖开展“政治家访” and “模范科室达到80%以上”', () => {
    const year = periodsBetween('year', '2026-01-01', '2026-12-31');
    const cadres: Subject[] = ['a', 'b', 'c', 'd', 'e'].map((k) => ({ key: k, label: k, objectIds: [k] }));
    const homeVisits = ['a', 'b', 'c', 'd'].map((k, i) => ({
      id: `h${i}`,
      kind: 'home_visit',
      date: '2026-05-01',
      participantIds: ['sec'],
      objectIds: [k],
      departmentId: null,
    }));
    const [all] = coverageCompliance(
      { kind: 'coverage', activityKinds: ['home_visit'], period: 'year', percent: 100 },
      cadres,
      homeVisits,
      year,
      '2026-11-30',
    );
    expect(all).toMatchObject({ covered: 4, total: 5, percent: 80, status: 'at_risk', uncovered: ['e'] });
    const [ratio] = coverageCompliance(
      { kind: 'coverage', activityKinds: ['home_visit'], period: 'year', percent: 80 },
      cadres,
      homeVisits,
      year,
      '2026-11-30',
    );
    expect(ratio!.status).toBe('met');
    expect(
      coverageCompliance(
        { kind: 'coverage', activityKinds: ['visit'], period: 'year', percent: 100 },
        [],
        homeVisits,
        year,
        '2026-11-30',
      ),
    ).toEqual([]);
  });

  it('refuse rules that cannot hold', () => {
    expect(checkRule({ kind: 'count', activityKinds: ['visit'], period: 'quarter', min: 3, max: 2 })).toBe(
      '最少次数不能大于最多次数',
    );
    expect(checkRule({ kind: 'count', activityKinds: [], period: 'quarter', min: 1, max: null })).toBe(
      '请选择计入的活动类别',
    );
    expect(
      checkRule({ kind: 'count', activityKinds: ['visit'], period: 'fortnight' as PeriodKind, min: 1, max: null }),
    ).toBe('周期不正确');
    expect(checkRule({ kind: 'coverage', activityKinds: ['visit'], period: 'year', percent: 0 })).toBe(
      '覆盖比例应在 1–100 之间',
    );
    expect(checkRule({ kind: 'count', activityKinds: ['visit'], period: 'month', min: 1, max: 2 })).toBeNull();
  });
});
