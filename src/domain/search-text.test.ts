import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightParts, kindsTagged, snippetOf, wordsOf } from './search-text.js';

const CHARS = ['水', '利', '项', '目', '资', '金', 'a', 'A', 'b', '%', '_', ' ', '\n'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 300 }).map((cs) => cs.join(''));
const word = fc
  .array(fc.constantFrom(...CHARS.filter((c) => c.trim() !== '')), { minLength: 1, maxLength: 4 })
  .map((cs) => cs.join(''));

describe('the text of a search', () => {
  it('marks exactly the occurrences of the words, and the parts give back the text', () => {
    fc.assert(
      fc.property(text, fc.array(word, { maxLength: 3 }), (t, words) => {
        const parts = highlightParts(t, words);
        expect(parts.map((p) => p.text).join('')).toBe(t);
        const lower = words.map((w) => w.toLowerCase());
        for (const p of parts) if (p.mark) expect(lower).toContain(p.text.toLowerCase());
        // An unmarked part holds no whole word: every occurrence was marked.
        for (const p of parts) if (!p.mark) for (const w of lower) expect(p.text.toLowerCase()).not.toContain(w);
      }),
    );
  });

  it('cuts an excerpt of the text around the first word, short, marked with … where cut', () => {
    fc.assert(
      fc.property(text, fc.array(word, { minLength: 1, maxLength: 3 }), (t, words) => {
        const s = snippetOf(t, words);
        const flat = t.replace(/\s+/g, ' ').trim();
        const core = s.replace(/^…/, '').replace(/…$/, '');
        expect(core.length).toBeLessThanOrEqual(80);
        expect(flat).toContain(core);
        // Not cut at a side: the excerpt is the text's own start (end) there; a text longer than 80 is cut.
        if (!s.startsWith('…')) expect(flat.startsWith(core)).toBe(true);
        if (!s.endsWith('…')) expect(flat.endsWith(core)).toBe(true);
        if (flat.length > 80) expect(s.startsWith('…') || s.endsWith('…')).toBe(true);
        // The first word found in the text is in the excerpt.
        const at = (w: string) => flat.toLowerCase().indexOf(w.toLowerCase());
        const first = words.filter((w) => at(w) >= 0).sort((a, b) => at(a) - at(b))[0];
        if (first) expect(core.toLowerCase()).toContain(first.toLowerCase());
      }),
    );
  });

  it('splits the query into words on any whitespace', () => {
    expect(wordsOf('  水利  项目\t资金\n')).toEqual(['水利', '项目', '资金']);
  });

  it('takes one tag as the kinds with that label, two tags as none, no tag as every kind', () => {
    const labels = { a: '甲', b: '乙', c: '甲' };
    expect(kindsTagged([], labels)).toBeNull();
    expect(kindsTagged(['甲'], labels)).toEqual(['a', 'c']);
    expect(kindsTagged(['甲', '乙'], labels)).toEqual([]);
    expect(kindsTagged(['丙'], labels)).toEqual([]);
  });
});
