import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../shared/contracts/opinions.js';
import { changedFields } from './changes.js';
import { AnswerError, checkAnswers } from './opinion-answers.js';
import { textHashOf } from './opinion-text.js';
import { resolveSubjects, type UnitFacts } from './rule-subjects.js';

describe('changedFields', () => {
  it('keeps exactly the fields whose value changed, old beside new', () => {
    const rec = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.oneof(
        fc.integer({ min: 0, max: 3 }),
        fc.constant(null),
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
      ),
    );
    fc.assert(
      fc.property(rec, rec, (before, after) => {
        const { before: b, after: a, changed } = changedFields(before, after);
        const differing = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        expect(Object.keys(a).sort()).toEqual(differing.sort());
        for (const k of differing) expect([b[k], a[k]]).toEqual([before[k], after[k]]);
        expect(changed).toBe(differing.length > 0);
      }),
    );
  });
});

describe('textHashOf', () => {
  it('treats texts that differ only in spacing, punctuation, width or case as one opinion', () => {
    expect(textHashOf('学习形式单一 ，互动不够！')).toBe(textHashOf('学习形式单一，互动不够'));
    expect(textHashOf('ＡＢＣ abc')).toBe(textHashOf('abcabc'));
    const words = fc
      .array(fc.constantFrom('甲', '乙', '丙', 'a', 'B', '1'), { minLength: 1, maxLength: 12 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(words, fc.constantFrom(' ', '，', '！', '\n', '。'), (t, noise) => {
        expect(textHashOf(`${noise}${t}${noise}`)).toBe(textHashOf(t));
        expect(textHashOf(t.toUpperCase())).toBe(textHashOf(t.toLowerCase()));
      }),
    );
    expect(textHashOf('服务群众态度生硬')).not.toBe(textHashOf('服务群众态度热情'));
  });
});

describe('checkAnswers', () => {
  const questions: Question[] = [
    { id: 'q1', kind: 'text', label: '意见', required: true, options: [], categoryNo: null },
    { id: 'q2', kind: 'choice', label: '评价', required: false, options: ['好', '一般'], categoryNo: null },
    { id: 'q3', kind: 'rating', label: '打分', required: false, options: [], categoryNo: null },
  ] as Question[];
  it("returns only the form's questions, trimmed, and refuses anything else with a message for the respondent", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('q1', 'q2', 'q3', 'x', '__proto__'),
          fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 6 })),
        ),
        (raw) => {
          try {
            const out = checkAnswers(questions, raw);
            expect(Object.keys(out).every((k) => ['q1', 'q2', 'q3'].includes(k))).toBe(true);
            expect(typeof out.q1).toBe('string');
            if (out.q2 !== undefined) expect(['好', '一般']).toContain(out.q2);
            for (const v of Object.values(out)) if (typeof v === 'string') expect(v).toBe(v.trim());
          } catch (e) {
            expect(e).toBeInstanceOf(AnswerError);
            expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
          }
        },
      ),
    );
  });
});

describe('resolveSubjects', () => {
  const facts: UnitFacts = {
    people: [
      { id: 'p1', name: '甲', status: 'in_service', isLeadership: true },
      { id: 'p2', name: '乙', status: 'retired', isLeadership: true },
      { id: 'p3', name: '丙', status: 'in_service', isLeadership: false },
    ],
    departments: [
      { id: 'd1', name: '办公室', active: true },
      { id: 'd2', name: '旧科室', active: false },
    ],
    objects: [
      { id: 'o1', name: '村一', kind: 'village', active: true, assigneeIds: ['p3'] },
      { id: 'o2', name: '村二', kind: 'village', active: false, assigneeIds: ['p1'] },
    ],
    members: [{ groupId: 'g1', personId: 'p3', personName: '丙' }],
  };
  it('asks in-service leaders, active departments and active objects, and each assignee at their own objects', () => {
    expect(resolveSubjects({ kind: 'leadership' }, facts).map((s) => s.key)).toEqual(['p1']);
    expect(resolveSubjects({ kind: 'each_department' }, facts).map((s) => s.key)).toEqual(['d1']);
    expect(resolveSubjects({ kind: 'objects', objectKind: 'village' }, facts).map((s) => s.key)).toEqual(['o1']);
    expect(resolveSubjects({ kind: 'object_assignees', objectKind: 'village' }, facts)).toEqual([
      // Without dated assignments, the object's assignees answer for it since always.
      {
        key: 'p3',
        label: '丙',
        personIds: ['p3'],
        objectIds: ['o1'],
        assignments: [{ objectId: 'o1', personId: 'p3', from: null, to: null }],
      },
    ]);
    expect(resolveSubjects({ kind: 'group', groupId: 'g1' }, facts).map((s) => s.key)).toEqual(['p3']);
    expect(resolveSubjects({ kind: 'unit' }, facts)).toEqual([{ key: 'unit', label: '本单位', everyone: true }]);
  });
});
