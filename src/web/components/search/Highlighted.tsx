import { highlightParts } from '../../../domain/search-text';

/** The text with every occurrence of the words marked: React text nodes only, the record's text never read as HTML. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {highlightParts(text, words).map((p, i) =>
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
