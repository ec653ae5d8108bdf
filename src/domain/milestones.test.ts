import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate, toIsoDate } from './civil-date.js';
import { checkMilestones, currentDue, MAX_MILESTONES } from './milestones.js';

const day = (n: number) => toIsoDate(parseIsoDate('2026-01-01') + n);
const arbMilestones = fc.array(fc.record({ offset: fc.integer({ min: 0, max: 300 }), done: fc.boolean() }), {
  maxLength: 8,
});

describe('milestones', () => {
  it('are refused before receipt, after the deadline, out of order, or too many', () => {
    expect(checkMilestones('2026-03-01', '2026-03-31', [{ title: '摸底', due: '2026-02-27' }])).toEqual({
      ok: false,
      message: '节点“摸底”的时限不能早于收文（交办）日期',
    });
    expect(checkMilestones('2026-03-01', '2026-03-31', [{ title: '总结', due: '2026-04-01' }])).toEqual({
      ok: false,
      message: '节点“总结”的时限不能晚于办理时限 2026-03-31',
    });
    expect(
      checkMilestones('2026-03-01', null, [
        { title: '整改', due: '2026-03-20' },
        { title: '摸底', due: '2026-03-10' },
      ]),
    ).toEqual({ ok: false, message: '节点应按时限先后排列' });
    const many = Array.from({ length: MAX_MILESTONES + 1 }, (_, i) => ({ title: `节点${i}`, due: '2026-03-10' }));
    expect(checkMilestones('2026-03-01', null, many).ok).toBe(false);
    expect(
      checkMilestones('2026-03-01', '2026-03-31', [
        { title: '摸底', due: '2026-03-01' },
        { title: '整改', due: '2026-03-31' },
      ]),
    ).toEqual({ ok: true });
  });

  it('make the current due date the earliest open one, never past the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), arbMilestones, (deadlineOffset, ms) => {
        const deadline = day(deadlineOffset);
        const states = ms.map((m) => ({ due: day(m.offset), doneOn: m.done ? day(m.offset) : null }));
        const due = currentDue(deadline, states);
        expect(due <= deadline).toBe(true);
        const open = states.filter((s) => s.doneOn === null).map((s) => s.due);
        expect(due).toBe([deadline, ...open].sort()[0]);
        // Marking every milestone done brings the item back to its deadline.
        expect(
          currentDue(
            deadline,
            states.map((s) => ({ ...s, doneOn: s.due })),
          ),
        ).toBe(deadline);
      }),
    );
  });

  it('accept every ordered set within [receipt, deadline]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 10, max: 100 }), { maxLength: MAX_MILESTONES }), (offsets) => {
        const ms = [...offsets].sort((a, b) => a - b).map((o, i) => ({ title: `节点${i}`, due: day(o) }));
        expect(checkMilestones(day(10), day(100), ms)).toEqual({ ok: true });
      }),
    );
  });
});
