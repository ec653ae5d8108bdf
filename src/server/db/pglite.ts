import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The embedded database with the extensions the migrations create: pg_trgm for the trigram indexes of the
 * search (issue 19). Every PGlite of the application and of the tests is made here, so that a data directory
 * or a dump holding those indexes always opens with the extension that reads them.
 */
export function createPglite(dataDirOrOptions?: string | PGliteOptions): Promise<PGlite> {
  const options = typeof dataDirOrOptions === 'string' ? { dataDir: dataDirOrOptions } : (dataDirOrOptions ?? {});
  return PGlite.create({ ...options, extensions: { ...options.extensions, pg_trgm } });
}
