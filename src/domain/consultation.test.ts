import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerRefusal,
  draftingNote,
  DRAFT_KINDS,
  publicRefusal,
  tallyOf,
  VERDICTS,
  type NoteFacts,
  type NoteSource,
} from './consultation.js';

const comment = fc.record({
  text: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `意见${s.replace(/\s/g, '')}`),
  receivedOn: fc.constantFrom('2026-11-30', '2026-12-01'),
  speaker: fc.constantFrom('', '村委会主任'),
  answer: fc.option(
    fc.record({ verdict: fc.constantFrom(...VERDICTS), reason: fc.constantFrom('已修改第二条', '上位法已有规定') }),
    { nil: null },
  ),
});
const sources = fc.uniqueArray(
  fc.record({
    kind: fc.constantFrom('department', 'person', 'contact_object', 'public'),
    name: fc.constantFrom('社会救助股', '养老服务股', '王建国', '红星村', '社会公众', '李红梅'),
    notifiedOn: fc.constant('2026-11-30'),
    comments: fc.array(comment, { maxLength: 5 }),
  }) as fc.Arbitrary<NoteSource>,
  { selector: (s) => s.name, maxLength: 5 },
);
const facts = (s: NoteSource[]): NoteFacts => ({
  title: '示例办法',
  kind: 'livelihood',
  departmentName: '社会救助股',
  status: 'closed',
  openedOn: '2026-11-30',
  dueOn: '2026-12-07',
  closedOn: '2026-12-07',
  sources: s,
});

describe('an answer to a comment', () => {
  it('needs a reason of at least two characters unless adopted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VERDICTS), fc.string({ maxLength: 4 }), (verdict, reason) => {
        const refused = answerRefusal(verdict, reason) !== null;
        expect(refused).toBe(verdict !== 'adopted' && reason.trim().length < 2);
      }),
    );
    expect(answerRefusal('not_adopted', ' ')).toBe('不采纳须说明理由（至少2个字）');
  });
});

describe('the public', () => {
  it('is asked only about 民生事项 and never about a draft 依法需要保密', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DRAFT_KINDS), fc.boolean(), (kind, confidential) => {
        expect(publicRefusal({ kind, confidential }) === null).toBe(kind === 'livelihood' && !confidential);
      }),
    );
    expect(publicRefusal({ kind: 'livelihood', confidential: true })).toBe(
      '该稿标记为依法需要保密，不能向社会公众公开征求意见',
    );
  });
});

describe('the 起草说明', () => {
  it('lists every comment once with its answer, unanswered ones as unanswered, and counts that add up', () => {
    fc.assert(
      fc.property(sources, (s) => {
        const { blocks } = draftingNote(facts(s));
        const text = blocks.map((b) => b.text);
        const lines = text.filter((t) => /^\d+\. 意见/.test(t));
        const all = s.flatMap((x) => x.comments);
        expect(lines).toHaveLength(all.length);
        expect(lines.filter((l) => l.endsWith('处理情况：尚未答复。'))).toHaveLength(
          all.filter((c) => !c.answer).length,
        );
        const t = tallyOf(s);
        expect(t.adopted + t.partly + t.notAdopted + t.unanswered).toBe(t.total);
        if (t.total > 0) {
          expect(text.join('')).toContain(`共收到意见${t.total}条`);
          // A heading per source that commented, with its count.
          for (const x of s.filter((y) => y.comments.length))
            expect(text.some((h) => h.endsWith(`${x.name}（${x.comments.length}条）`))).toBe(true);
        } else expect(text.join('')).toContain('截至目前未收到意见');
        // Sources that said nothing are named as such.
        for (const x of s.filter((y) => y.comments.length === 0)) expect(text.join('')).toContain(`${x.name}`);
      }),
    );
  });

  it('says a draft not yet consulted has no consultation to report', () => {
    const { blocks } = draftingNote({ ...facts([]), status: 'draft', openedOn: null, dueOn: null, closedOn: null });
    expect(blocks.map((b) => b.text)).toContain('本稿尚未征求意见，暂无征求意见情况。');
  });
});
