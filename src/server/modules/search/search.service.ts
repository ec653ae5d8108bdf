import type { Actor } from '../../../domain/roles.js';
import { wordsOf } from '../../../domain/search-text.js';
import {
  SEARCH_KIND_CAP,
  SEARCH_KINDS,
  type SearchKind,
  type TSearchHit,
  type TSearchQuery,
  type TSearchResult,
} from '../../../shared/contracts/search.js';
import type { AppDeps } from '../../types.js';
import { SEARCH_SOURCES } from './sources.js';

const rank = (k: SearchKind) => SEARCH_KINDS.indexOf(k);

/** Newest first; undated records last; then in the page's order of kinds, then by id (a stable page). */
const byDate = (a: TSearchHit, b: TSearchHit) =>
  (b.date ?? '').localeCompare(a.date ?? '') || rank(a.kind) - rank(b.kind) || a.id.localeCompare(b.id);

/**
 * One search over the unit's records (issue 19). Every source the reader may use answers what its policy lets
 * the reader see, at most SEARCH_KIND_CAP hits each; the counts are of those hits only (never of records the
 * reader may not see). `kinds` narrows the list, not the counts, so that the page shows every kind's count
 * beside its filter. A search is a read: no audit event.
 *
 * Matching is ILIKE over pg_trgm GIN indexes on both databases: the PostgreSQL of the target machines has no
 * Chinese tokenizer (zhparser), so full-text search would not split Chinese words. A word of 3+ characters is
 * found through the index; a shorter one (水利) still matches, filtered among the unit's rows.
 */
export async function search(deps: AppDeps, actor: Actor, q: TSearchQuery): Promise<TSearchResult> {
  const words = wordsOf(q.q);
  const usable = SEARCH_SOURCES.filter((s) => s.mayUse?.(actor) ?? true).sort((a, b) => rank(a.kind) - rank(b.kind));
  const found = await Promise.all(
    usable.map((s) => s.find(deps, actor, { words, tags: q.tags ?? [], limit: SEARCH_KIND_CAP })),
  );
  const counts: TSearchResult['counts'] = {};
  const capped: SearchKind[] = [];
  usable.forEach((s, i) => {
    const n = found[i]!.length;
    counts[s.kind] = n;
    if (n >= SEARCH_KIND_CAP) capped.push(s.kind);
  });
  const wanted = q.kinds?.length ? new Set(q.kinds) : null;
  const hits = found.flat().filter((h) => !wanted || wanted.has(h.kind));
  hits.sort(byDate);
  const offset = (q.page - 1) * q.pageSize;
  return {
    items: hits.slice(offset, offset + q.pageSize),
    total: hits.length,
    page: q.page,
    pageSize: q.pageSize,
    words,
    searched: usable.map((s) => s.kind).filter((k) => !wanted || wanted.has(k)),
    counts,
    capped,
  };
}
