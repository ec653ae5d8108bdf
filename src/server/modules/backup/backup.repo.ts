import { getTableName, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';

/** Rows a statement, reading and writing. */
const BATCH = 2000;

/** Every table of the schema, by name. */
export const TABLES = (Object.values(schema) as unknown[])
  .filter((t): t is PgTable => t instanceof PgTable)
  .map((t) => getTableName(t));

/**
 * Whole tables in and out, for every unit at once (a backup is the installation's): rows travel in
 * PostgreSQL's own JSON text forms, so the same file restores on PGlite or on a PostgreSQL server.
 */
export const backupRepo = {
  /** How many migrations the database has run (a backup restores only into the same version). */
  async migrationCount(db: Db): Promise<number> {
    const r = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    return r[0]?.n ?? 0;
  },
  /** Every row of a table as JSON (json_agg), read in batches in the order of its first column. */
  async tableRows(db: Db, name: string): Promise<unknown[]> {
    const rows: unknown[] = [];
    for (let offset = 0; ; offset += BATCH) {
      const res = rowsOf<{ rows: unknown[] | null }>(
        await db.execute(
          sql`select json_agg(t) as rows from (select * from ${sql.identifier(name)} order by 1 limit ${BATCH} offset ${offset}) t`,
        ),
      );
      const batch = res[0]?.rows ?? [];
      rows.push(...(typeof batch === 'string' ? JSON.parse(batch) : batch));
      if (batch.length < BATCH) break;
    }
    return rows;
  },
  /** Empties the tables in one statement. */
  async truncate(tx: Db, tables: readonly string[]) {
    await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`));
  },
  /** Inserts rows read by `tableRows` into the (empty) table, in batches. */
  async insertRows(tx: Db, name: string, rows: readonly unknown[]) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const json = JSON.stringify(rows.slice(i, i + BATCH));
      await tx.execute(
        sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${json}::json)`,
      );
    }
  },
  /** Sets the sequences past the restored rows: the audit events' ids, and the roster imports' queue. */
  async resetSequences(tx: Db) {
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('audit_events', 'id'), coalesce((select max(id) from audit_events), 0) + 1, false)`,
    );
    // Imports queued after the restore go behind those restored in the queue.
    await tx.execute(
      sql`select setval('roster_import_queue_seq', coalesce((select max(queue_seq) from roster_imports), 0) + 1, false)`,
    );
  },
};
