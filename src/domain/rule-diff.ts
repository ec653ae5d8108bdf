/**
 * The difference between two versions of a rule document's text, line by line (longest common subsequence),
 * with the changed characters marked inside a line that was rewritten (a removed line followed by an added
 * one). Pure. `applyDiff(old, diff)` rebuilds the new text, which is what the tests hold it to.
 */

export type DiffPart = { changed: boolean; text: string };
export type DiffLine =
  | { op: 'same'; text: string }
  | {
      op: 'remove' | 'add';
      text: string;
      /** The line cut into changed and unchanged runs, when paired. */ parts?: DiffPart[];
    };

/** Above this many cells of the LCS table the rewritten middle is shown as removed then added (still exact). */
const MAX_CELLS = 4_000_000;
/** A pair of lines longer than this (product of lengths) is marked whole instead of character by character. */
const MAX_CHAR_CELLS = 250_000;
/** All pairs of one diff together: past this many cells the remaining pairs are marked whole (bounded work). */
const MAX_TOTAL_CHAR_CELLS = 4_000_000;

export const linesOf = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** The LCS alignment of two sequences as same/remove/add steps (prefix and suffix trimmed first). */
function align<T>(a: readonly T[], b: readonly T[], maxCells: number): { op: 'same' | 'remove' | 'add'; v: T }[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((v) => ({ op: 'same' as const, v }));
  const tail = a.slice(endA).map((v) => ({ op: 'same' as const, v }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  return [...head, ...middle(x, y, maxCells), ...tail];
}

function middle<T>(x: readonly T[], y: readonly T[], maxCells: number) {
  const n = x.length;
  const m = y.length;
  if ((n + 1) * (m + 1) > maxCells)
    return [...x.map((v) => ({ op: 'remove' as const, v })), ...y.map((v) => ({ op: 'add' as const, v }))];
  // lcs[i][j]: the LCS length of x[i..] and y[j..], kept in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * w + j] =
        x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const out: { op: 'same' | 'remove' | 'add'; v: T }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: 'same', v: x[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) out.push({ op: 'remove', v: x[i++]! });
    else out.push({ op: 'add', v: y[j++]! });
  }
  while (i < n) out.push({ op: 'remove', v: x[i++]! });
  while (j < m) out.push({ op: 'add', v: y[j++]! });
  return out;
}

/** Runs of equal `changed` merged, so that a page marks whole words and not single characters. */
function runs(steps: { op: 'same' | 'remove' | 'add'; v: string }[], keep: 'remove' | 'add'): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const s of steps) {
    if (s.op !== 'same' && s.op !== keep) continue;
    const changed = s.op !== 'same';
    const last = parts[parts.length - 1];
    if (last && last.changed === changed) last.text += s.v;
    else parts.push({ changed, text: s.v });
  }
  return parts;
}

/** Marks the characters that changed between a removed line and the added line that replaces it; the cells spent. */
function pairParts(removed: DiffLine & { op: 'remove' }, added: DiffLine & { op: 'add' }, budget: number): number {
  const a = [...removed.text];
  const b = [...added.text];
  const cells = a.length * b.length;
  if (cells > MAX_CHAR_CELLS || cells > budget) return 0;
  const steps = align(a, b, MAX_CHAR_CELLS * 2);
  removed.parts = runs(steps, 'remove');
  added.parts = runs(steps, 'add');
  return cells;
}

/** The diff of two texts, line-level, with changed characters marked within paired lines. */
export function diffTexts(oldText: string, newText: string): DiffLine[] {
  const lines: DiffLine[] = align(linesOf(oldText), linesOf(newText), MAX_CELLS).map((s) => ({ op: s.op, text: s.v }));
  // Pair each block of removed lines with the block of added lines right after it, line by line.
  let budget = MAX_TOTAL_CHAR_CELLS;
  for (let k = 0; k < lines.length; ) {
    if (lines[k]!.op !== 'remove') {
      k++;
      continue;
    }
    let r = k;
    while (r < lines.length && lines[r]!.op === 'remove') r++;
    let e = r;
    while (e < lines.length && lines[e]!.op === 'add') e++;
    for (let p = 0; p < Math.min(r - k, e - r); p++)
      budget -= pairParts(
        lines[k + p] as DiffLine & { op: 'remove' },
        lines[r + p] as DiffLine & { op: 'add' },
        budget,
      );
    k = e;
  }
  return lines;
}

/** Rebuilds the new text from the old one and the diff; throws when the diff does not fit the old text. */
export function applyDiff(oldText: string, diff: readonly DiffLine[]): string {
  const old = linesOf(oldText);
  const out: string[] = [];
  let i = 0;
  for (const l of diff) {
    if (l.op === 'add') {
      out.push(l.text);
      continue;
    }
    if (old[i] !== l.text) throw new Error(`the diff does not fit the old text at line ${i + 1}`);
    if (l.op === 'same') out.push(l.text);
    i++;
  }
  if (i !== old.length) throw new Error('the diff leaves old lines unread');
  return out.join('\n');
}

/** How many lines were added and removed (the summary the page shows above the diff). */
export const diffCounts = (diff: readonly DiffLine[]) => ({
  added: diff.filter((l) => l.op === 'add').length,
  removed: diff.filter((l) => l.op === 'remove').length,
});
