/**
 * The text with every occurrence of the words (case-insensitive) marked. Plain React text nodes only: the
 * record's text is never read as HTML.
 */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  const wanted = words.filter((w) => w !== '').map((w) => w.toLowerCase());
  if (!wanted.length) return <>{text}</>;
  const lower = text.toLowerCase();
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    // The nearest occurrence of any word from here; the longest when two start at the same place.
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
  return (
    <>
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
