import { and, ilike, or, sql, type Column, type SQL } from 'drizzle-orm';

/** A LIKE/ILIKE pattern that finds `q` anywhere, with %, _ and \ in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Every word occurs in one of the columns (ILIKE, the word's `%`, `_` and `\` literal). Each `col ILIKE '%w%'` is
 * what a pg_trgm GIN index on the column serves for words of 3+ characters; shorter words are filtered among the
 * rows the other conditions (the unit) leave. No words: nothing matches.
 */
export function allWordsSql(words: readonly string[], columns: readonly (Column | SQL)[]): SQL {
  if (words.length === 0) return sql`false`;
  return and(...words.map((w) => or(...columns.map((c) => ilike(c, containsPattern(w))))))!;
}
