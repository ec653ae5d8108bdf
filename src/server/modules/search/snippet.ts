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
