import type { Actor } from '../../../domain/roles.js';
import type { SearchKind, TSearchHit } from '../../../shared/contracts/search.js';
import type { AppDeps } from '../../types.js';

/**
 * What a kind of record gives the unit-wide search. `find` runs one query in the actor's unit and answers only
 * records the actor may see by the record's own policy (a confidential record never reaches another reader's
 * results): filter in SQL where the policy allows it, then check each row with the policy before returning it.
 * `words` are the query's words (each must occur, case-insensitive, in the record's searchable text); `tags`
 * (possibly empty) must all be on the record. Matching uses ILIKE over text columns with pg_trgm GIN indexes,
 * which PostgreSQL and PGlite both have (migrations create the extension and the indexes).
 */
export interface SearchSource {
  kind: SearchKind;
  /**
   * Whether the actor may search this kind at all (e.g. the 谈话函询 records: their readers only). Absent: every
   * user of the unit. The page names the kinds searched, so a kind the actor may never read is left out.
   */
  mayUse?(actor: Actor): boolean;
  find(
    deps: AppDeps,
    actor: Actor,
    q: { words: readonly string[]; tags: readonly string[]; limit: number },
  ): Promise<TSearchHit[]>;
}

/** `%word%` for ILIKE, with the pattern characters of the word itself escaped (`\` is ILIKE's default escape). */
export const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
