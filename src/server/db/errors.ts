/**
 * The unique index a statement violated (PostgreSQL 23505, on either driver), looking through the
 * wrappers drivers and Drizzle put around the error; undefined for any other error.
 */
export function violatedUniqueIndex(error: unknown): string | undefined {
  for (let e: unknown = error, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
  }
  return undefined;
}
