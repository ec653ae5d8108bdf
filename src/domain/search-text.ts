/**
 * The text side of the search (issue 19): the words of a query, the excerpt a hit shows and the parts the page
 * marks. Pure.
 */

/**
 * The kinds whose label is the one tag asked for. A record of these kinds carries a single tag (its kind's
 * label), so two tags or more match nothing; no tags: every kind (null, no condition).
 */
export function kindsTagged<K extends string>(tags: readonly string[], labels: Record<K, string>): K[] | null {
  if (tags.length === 0) return null;
  if (tags.length > 1) return [];
  return (Object.keys(labels) as K[]).filter((k) => labels[k] === tags[0]);
}

const SNIPPET = 80;

/**
 * A short plain-text excerpt of `text` around the first word found in it (the start when none is), with `…`
 * where it was cut. The page escapes it and highlights the words.
 */
export function snippetOf(text: string, words: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const at = Math.min(
    ...words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0),
    Number.MAX_SAFE_INTEGER,
  );
  const start = at === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, at - 20);
  const end = Math.min(flat.length, start + SNIPPET);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/** The text that matched best for a snippet: the first of the texts holding any word, else the first one. */
export function matchedText(texts: readonly (string | null | undefined)[], words: readonly string[]): string {
  const present = texts.filter((t): t is string => !!t);
  const hit = present.find((t) => words.some((w) => t.toLowerCase().includes(w.toLowerCase())));
  return hit ?? present[0] ?? '';
}

/** The words of a query: split on whitespace, empty parts dropped. */
export const wordsOf = (q: string) => q.split(/\s+/).filter((w) => w !== '');

/**
 * `text` cut into parts, each marked when it is an occurrence of one of the words (case-insensitive; the longest
 * word where two start at the same place). The parts joined give back `text`. The page marks the words with it,
 * as React text, never as HTML.
 */
export function highlightParts(text: string, words: readonly string[]): { text: string; mark: boolean }[] {
  const wanted = words.filter((w) => w !== '').map((w) => w.toLowerCase());
  const lower = text.toLowerCase();
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    let best: { i: number; len: number } | null = null;
    for (const w of wanted) {
      const i = lower.indexOf(w, at);
      if (i >= 0 && (!best || i < best.i || (i === best.i && w.length > best.len))) best = { i, len: w.length };
    }
    if (!best) break;
    if (best.i > at) parts.push({ text: text.slice(at, best.i), mark: false });
    parts.push({ text: text.slice(best.i, best.i + best.len), mark: true });
    at = best.i + best.len;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
