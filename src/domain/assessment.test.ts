import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  attentionList,
  byEvidenceOrder,
  GRADES,
  gradeChangeProblem,
  indicatorCents,
  quartersEnding,
  quotaOf,
  quotaStates,
  schemeProblems,
  scorecard,
  suggestGrades,
  toCents,
  type AttentionFact,
  type Band,
  type IndicatorInput,
  type SchemeItem,
} from './assessment.js';

const BANDS: Band[] = [
  { grade: 'excellent', minScore: 90, quotaPercent: 20 },
  { grade: 'competent', minScore: 70, quotaPercent: null },
  { grade: 'basic', minScore: 60, quotaPercent: null },
  { grade: 'incompetent', minScore: 0, quotaPercent: null },
];

const arbItems = fc
  .array(
    fc.oneof(
      fc.record({
        kind: fc.constant('indicator' as const),
        title: fc.constant('指标'),
        source: fc.constantFrom('items_on_time_rate', 'items_overdue'),
        weight: fc.integer({ min: 1, max: 5000 }).map((c) => c / 100),
        span: fc.option(fc.integer({ min: 1, max: 100 })),
      }),
      fc.record({
        kind: fc.constant('manual' as const),
        title: fc.constant('民主测评'),
        maxPoints: fc.integer({ min: 1, max: 50 }),
      }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((xs) => xs.map((x, i) => ({ ...x, id: `i${i}` }) as SchemeItem));

const arbInput = (itemId: string) =>
  fc.record({
    itemId: fc.constant(itemId),
    indicatorTitle: fc.constant<string>('按时办结率'),
    unitLabel: fc.constant<string>('%'),
    target: fc.integer({ min: 0, max: 100 }),
    direction: fc.constantFrom('at_least' as const, 'at_most' as const),
    value: fc.option(fc.double({ min: 0, max: 200, noNaN: true })),
    missing: fc.constant<string | null>('无已到期事项'),
    evidence: fc.constant<IndicatorInput['evidence']>([]),
  });

describe('scorecard', () => {
  it('a total always equals the sum of its explained points, each within its item', () => {
    fc.assert(
      fc.property(
        arbItems.chain((items) =>
          fc.tuple(
            fc.constant(items),
            fc.tuple(...items.map((i) => fc.option(arbInput(i.id)))),
            fc.array(
              fc.record({
                itemId: fc.constantFrom(...items.map((i) => i.id)),
                assessorName: fc.constant('张三'),
                points: fc.integer({ min: 0, max: 5000 }).map((c) => c / 100),
                reason: fc.constant('表现良好'),
              }),
            ),
          ),
        ),
        ([items, inputs, manual]) => {
          const card = scorecard(
            items,
            inputs.filter((x): x is IndicatorInput => x !== null),
            manual,
          );
          expect(card.points).toHaveLength(items.length);
          expect(toCents(card.total)).toBe(card.points.reduce((s, p) => s + toCents(p.points), 0));
          for (const p of card.points) {
            expect(p.reason.length).toBeGreaterThan(0);
            if (p.source === 'indicator') expect(p.points).toBeLessThanOrEqual(p.maxPoints);
            if (p.source === 'indicator' && p.value === null) expect(p.points).toBe(0);
          }
        },
      ),
    );
  });

  it('a missing value scores 0 with the reason, never an invented figure', () => {
    const items: SchemeItem[] = [
      { kind: 'indicator', id: 'a', title: '按时办结率', source: 'items_on_time_rate', weight: 40, span: null },
    ];
    const card = scorecard(
      items,
      [
        {
          itemId: 'a',
          indicatorTitle: 'x',
          unitLabel: '%',
          target: 95,
          direction: 'at_least',
          value: null,
          missing: '无已到期事项',
          evidence: [],
        },
      ],
      [],
    );
    expect(card.points[0]).toMatchObject({ points: 0, value: null, reason: '无数据：无已到期事项，不得分' });
    expect(scorecard(items, [], []).points[0]!.reason).toContain('未设置');
  });

  it('full points at the target, linear below it, 0 at the span', () => {
    expect(indicatorCents(40, { value: 95, target: 95, direction: 'at_least' }, null)).toBe(4000);
    expect(indicatorCents(40, { value: 47.5, target: 95, direction: 'at_least' }, null)).toBe(2000);
    expect(indicatorCents(40, { value: 0, target: 95, direction: 'at_least' }, null)).toBe(0);
    expect(indicatorCents(20, { value: 2, target: 2, direction: 'at_most' }, 4)).toBe(2000);
    expect(indicatorCents(20, { value: 4, target: 2, direction: 'at_most' }, 4)).toBe(1000);
    expect(indicatorCents(20, { value: 9, target: 2, direction: 'at_most' }, 4)).toBe(0);
  });
});

const arbScores = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 })
  .map((xs) => xs.map((t, i) => ({ subjectId: `s${i}`, total: t })));
const arbBands = fc
  .tuple(fc.integer({ min: 61, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([top, q1, q2]): Band[] => [
    { grade: 'excellent', minScore: top, quotaPercent: q1 },
    { grade: 'competent', minScore: 60, quotaPercent: q2 },
    { grade: 'basic', minScore: 30, quotaPercent: null },
    { grade: 'incompetent', minScore: 0, quotaPercent: null },
  ]);

describe('grades', () => {
  it('quotas always hold, ties at a boundary are reported, nobody rises above their threshold', () => {
    fc.assert(
      fc.property(arbScores, arbBands, (scores, bands) => {
        expect(schemeProblems([{ kind: 'manual', id: 'm', title: 'x', maxPoints: 1 }], bands)).toEqual([]);
        const { grades, ties } = suggestGrades(scores, bands);
        expect(quotaStates([...grades.values()], bands).every((q) => q.ok)).toBe(true);
        for (const s of scores) {
          const g = GRADES.indexOf(grades.get(s.subjectId)!);
          const byScore = bands.findIndex((b) => s.total >= b.minScore);
          expect(g).toBeGreaterThanOrEqual(byScore);
        }
        for (const t of ties) {
          expect(t.subjectIds.length).toBeGreaterThan(t.seats);
          expect(t.seats).toBeGreaterThan(0);
          for (const id of t.subjectIds) expect(scores.find((s) => s.subjectId === id)!.total).toBe(t.score);
        }
      }),
    );
  });

  it('a manual grade change that breaks a quota is refused; one that keeps it is allowed', () => {
    fc.assert(
      fc.property(arbScores, arbBands, fc.nat(), fc.constantFrom(...GRADES), (scores, bands, pick, grade) => {
        const { grades } = suggestGrades(scores, bands);
        const id = scores[pick % scores.length]!.subjectId;
        const problem = gradeChangeProblem(grades, id, grade, bands);
        const after = quotaStates([...new Map(grades).set(id, grade).values()], bands);
        expect(problem === null).toBe(after.every((q) => q.ok));
      }),
    );
  });

  it('a tie at the quota boundary is left for the group', () => {
    const scores = [95, 93, 93, 80, 70, 70, 70, 70, 70, 70].map((t, i) => ({ subjectId: `s${i}`, total: t }));
    const { grades, ties } = suggestGrades(scores, BANDS);
    expect(quotaOf(BANDS[0]!, 10)).toBe(2);
    expect(grades.get('s0')).toBe('excellent');
    expect(grades.get('s1')).toBe('competent');
    expect(ties).toEqual([{ grade: 'excellent', score: 93, subjectIds: ['s1', 's2'], seats: 1 }]);
  });
});

const arbFacts = fc.array(
  fc.record({
    personId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    quarter: fc.constantFrom('2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'),
    kind: fc.constantFrom('overdue' as const, 'returned' as const, 'lapse' as const, 'finding' as const),
    refId: fc.uuid(),
    title: fc.constant('事项'),
  }),
  { maxLength: 60 },
);

describe('attention list', () => {
  it('names exactly the people whose evidence in the window meets the rule, each with that evidence', () => {
    fc.assert(
      fc.property(
        arbFacts,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 4, max: 6 }),
        (facts: AttentionFact[], minEvents, minQuarters, lastQuarters) => {
          const rule = { minEvents, minQuarters, lastQuarters };
          const list = attentionList(facts, rule, '2026-Q4');
          const window = quartersEnding('2026-Q4', lastQuarters);
          for (const p of ['p1', 'p2', 'p3', 'p4']) {
            const mine = facts.filter((f) => f.personId === p && window.includes(f.quarter));
            const meets = window.filter((q) => mine.filter((f) => f.quarter === q).length >= minEvents).length;
            const entry = list.find((e) => e.personId === p);
            expect(!!entry).toBe(meets >= minQuarters);
            if (entry) expect(entry.evidence).toEqual([...mine].sort(byEvidenceOrder));
          }
          // The order the facts were read in (a query without ORDER BY) does not change the list.
          expect(attentionList([...facts].reverse(), rule, '2026-Q4')).toEqual(list);
          for (const e of list) {
            for (let i = 1; i < e.evidence.length; i++)
              expect(byEvidenceOrder(e.evidence[i - 1]!, e.evidence[i]!)).toBeLessThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('counts quarters across a year boundary', () => {
    expect(quartersEnding('2026-Q1', 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
  });
});
