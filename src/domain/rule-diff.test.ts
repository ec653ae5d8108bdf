import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, diffCounts, diffTexts, type DiffLine } from './rule-diff.js';

/** Texts from few distinct lines and characters, so that diffs share and change lines often. */
const line = fc.string({ unit: fc.constantFrom('第', '条', '会', '议', 'a', 'b', ' '), maxLength: 6 });
const text = fc.array(line, { maxLength: 12 }).map((ls) => ls.join('\n'));

const partsText = (l: DiffLine) => (l.op !== 'same' && l.parts ? l.parts.map((p) => p.text).join('') : l.text);

describe('the diff between two versions', () => {
  it('applied to the old text yields the new text', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(applyDiff(a, diffTexts(a, b))).toBe(b);
      }),
    );
  });

  it('gives no changes between identical texts', () => {
    fc.assert(
      fc.property(text, (a) => {
        const d = diffTexts(a, a);
        expect(d.every((l) => l.op === 'same')).toBe(true);
        expect(diffCounts(d)).toEqual({ added: 0, removed: 0 });
      }),
    );
  });

  it('keeps the longest common run: the same lines are a common subsequence of both texts, and no shorter than it must be', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = diffTexts(a, b);
        const same = d.filter((l) => l.op === 'same').length;
        const removed = d.filter((l) => l.op === 'remove').length;
        const added = d.filter((l) => l.op === 'add').length;
        expect(same + removed).toBe(a.split('\n').length);
        expect(same + added).toBe(b.split('\n').length);
        // Reversing the roles gives the same number of kept lines (an LCS is symmetric in its length).
        expect(diffTexts(b, a).filter((l) => l.op === 'same').length).toBe(same);
      }),
    );
  });

  it('cuts a rewritten line into runs that spell it; a removed line and the added line paired with it keep the same unchanged runs', () => {
    const kept = (l: DiffLine) =>
      l.op !== 'same' && l.parts
        ? l.parts
            .filter((p) => !p.changed)
            .map((p) => p.text)
            .join('')
        : '';
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = diffTexts(a, b);
        for (const l of d) expect(partsText(l)).toBe(l.text);
        // Blocks of removed lines followed by added ones are paired line by line, in order.
        const removed = d.filter((l) => l.op === 'remove' && l.parts);
        const added = d.filter((l) => l.op === 'add' && l.parts);
        expect(removed.length).toBe(added.length);
        removed.forEach((r, i) => expect(kept(r)).toBe(kept(added[i]!)));
      }),
    );
  });

  it('reads a revised article as one line changed, with the changed words marked', () => {
    const d = diffTexts(
      '第一条 总则\n第二条 每月召开一次\n第三条 附则',
      '第一条 总则\n第二条 每月召开两次\n第三条 附则',
    );
    expect(d.map((l) => l.op)).toEqual(['same', 'remove', 'add', 'same']);
    expect(d[1]).toMatchObject({
      parts: [
        { changed: false, text: '第二条 每月召开' },
        { changed: true, text: '一' },
        { changed: false, text: '次' },
      ],
    });
    expect(d[2]).toMatchObject({
      parts: [
        { changed: false, text: '第二条 每月召开' },
        { changed: true, text: '两' },
        { changed: false, text: '次' },
      ],
    });
  });

  it('refuses to apply a diff to a text it was not made from', () => {
    expect(() => applyDiff('甲\n乙', diffTexts('甲\n丙', '甲\n丁'))).toThrow();
  });
});

describe('the diff of long texts', () => {
  // Bounded: the test's timeout (5 s) fails it if the work grows with the square of the text.
  it('stays exact and bounded: 3000 rewritten lines of 200 characters each', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `第${i}条 ${'甲'.repeat(200)}`).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `第${i}条 ${'乙'.repeat(200)}`).join('\n');
    const d = diffTexts(a, b);
    expect(applyDiff(a, d)).toBe(b);
    expect(diffCounts(d)).toEqual({ added: 3000, removed: 3000 });
    // The first pairs are marked character by character; past the budget the rest are shown whole.
    const marked = d.filter((l) => l.op === 'remove' && l.parts).length;
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(3000);
  });
});
