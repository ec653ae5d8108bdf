/** Only the fields that changed, for a readable before → after. */
export function changedFields<T extends object>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(old[k]) !== JSON.stringify(v)) {
      b[k] = old[k];
      a[k] = v;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
