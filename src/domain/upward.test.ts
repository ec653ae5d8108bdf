import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { standingOf, summarize, UPWARD_KIND_CODES, type TargetFacts } from './upward.js';

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
const facts: fc.Arbitrary<TargetFacts> = fc.record({
  kind: fc.constantFrom(...UPWARD_KIND_CODES),
  requestWithdrawn: fc.boolean(),
  dueOn: day,
  registered: fc.boolean(),
  submittedOn: fc.option(day, { nil: null }),
  itemStatus: fc.constantFrom(null, 'assigned', 'in_progress', 'submitted', 'closed'),
});

describe('upward targets', () => {
  it('a report is done by its document, a task by its closed item', () => {
    const base = { requestWithdrawn: false, dueOn: '2026-12-10', registered: true, itemStatus: 'closed' };
    expect(standingOf({ ...base, kind: 'meeting_report', submittedOn: null }, '2026-12-11')).toMatchObject({
      state: 'registered',
      done: false,
      late: true,
      chaseable: true,
    });
    expect(standingOf({ ...base, kind: 'task', submittedOn: null }, '2026-12-11')).toMatchObject({
      state: 'closed',
      done: true,
      late: false,
    });
    expect(
      standingOf({ ...base, kind: 'form', submittedOn: '2026-12-12', itemStatus: null }, '2026-12-13'),
    ).toMatchObject({ state: 'submitted', doneLate: true, chaseable: false });
  });

  it('late means not done past the due date; the summary adds up', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 30 }), day, (targets, today) => {
        const standings = targets.map((t) => standingOf(t, today));
        for (const [i, s] of standings.entries()) {
          const t = targets[i]!;
          expect(s.late).toBe(!s.done && !t.requestWithdrawn && today > t.dueOn);
          expect(s.chaseable && s.done).toBe(false);
          if (t.requestWithdrawn) expect(s.chaseable).toBe(false);
        }
        const sum = summarize(standings);
        expect(sum.done + standings.filter((s) => !s.done).length).toBe(sum.total);
        expect(sum.late).toBeLessThanOrEqual(sum.total - sum.done);
      }),
    );
  });
});
