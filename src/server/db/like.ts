/** A LIKE/ILIKE pattern that finds `q` anywhere, with %, _ and \ in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
