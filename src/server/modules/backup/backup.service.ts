import { gunzipSync, gzipSync } from 'node:zlib';
import { getTableName, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import { KEY_CHECK } from '../installation/installation.service.js';

export const BACKUP_FORMAT = 'zuofeng-backup';
const VERSION = 1;
const BATCH = 2000;

/** Every table of the schema, by name. */
export const TABLES = (Object.values(schema) as unknown[])
  .filter((t): t is PgTable => t instanceof PgTable)
  .map((t) => getTableName(t));

/**
 * Live login state is never backed up: a session row is as good as a password for 12 hours, and a
 * backup travels further than the database. A restore leaves these tables empty (everyone signs in
 * again). Add here any other table that holds live login state.
 */
export const NOT_BACKED_UP: readonly string[] = ['sessions', 'known_devices', 'login_throttle'];
const BACKED_UP = TABLES.filter((t) => !NOT_BACKED_UP.includes(t));

interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: number;
  tables: Record<string, unknown[]>;
}

async function migrationCount(db: Db): Promise<number> {
  const r = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
  return r[0]?.n ?? 0;
}

/**
 * A logical backup: every table but the sessions as JSON in PostgreSQL's own text forms (json_agg),
 * gzipped. The same file restores on PGlite or on a PostgreSQL server, whichever made it. Secrets
 * are in it as they are stored — sealed with the key file, which is NOT in the backup: without that
 * file the channels' addresses and secrets (and everything else sealed) cannot be opened.
 */
export async function createBackup(db: Db, now: Date): Promise<Buffer> {
  const tables: Record<string, unknown[]> = {};
  for (const name of BACKED_UP) {
    const rows: unknown[] = [];
    for (let offset = 0; ; offset += BATCH) {
      const res = rowsOf<{ rows: unknown[] | null }>(await db.execute(
        sql`select json_agg(t) as rows from (select * from ${sql.identifier(name)} order by 1 limit ${BATCH} offset ${offset}) t`,
      ));
      const batch = res[0]?.rows ?? [];
      rows.push(...(typeof batch === 'string' ? JSON.parse(batch) : batch));
      if (batch.length < BATCH) break;
    }
    tables[name] = rows;
  }
  const file: BackupFile = { format: BACKUP_FORMAT, version: VERSION, createdAt: now.toISOString(), migrations: await migrationCount(db), tables };
  return gzipSync(JSON.stringify(file));
}

export class BackupError extends Error {}

function readBackup(data: Buffer): BackupFile {
  let file: BackupFile;
  try {
    file = JSON.parse(gunzipSync(data).toString('utf8'));
  } catch {
    throw new BackupError('不是有效的作风备份文件');
  }
  if (file.format !== BACKUP_FORMAT || file.version !== VERSION || typeof file.tables !== 'object') {
    throw new BackupError('不是有效的作风备份文件（格式或版本不符）');
  }
  return file;
}

/**
 * Replaces every row of the (already migrated) database with the backup's, in one transaction:
 * a failed restore leaves the database as it was. The sessions are emptied and stay empty, even if
 * the file (made by an older version) holds some. `keyCheck` (the key file's check value): a backup
 * of an installation with another key file is refused before anything changes — its secrets would
 * not open, the server would not start, and the restore could not be signed in the audit checkpoints.
 */
export async function restoreBackup(db: Db, data: Buffer, opts: { keyCheck?: string } = {}): Promise<Record<string, number>> {
  const file = readBackup(data);
  const recorded = (file.tables.installation_settings as { name?: string; value?: string }[] | undefined)?.find((r) => r.name === KEY_CHECK)?.value;
  if (opts.keyCheck && recorded && recorded !== opts.keyCheck) {
    throw new BackupError('备份来自使用另一把密钥文件的安装：请用原安装的密钥文件（ZUOFENG_KEY_FILE）恢复，否则恢复后服务无法启动。未做任何改动');
  }
  const here = await migrationCount(db);
  if (file.migrations !== here) throw new BackupError(`备份的数据库版本（${file.migrations}）与当前版本（${here}）不同，请使用同一版本的作风恢复`);
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${TABLES.map((t) => `"${t}"`).join(', ')}`));
    for (const name of BACKED_UP) {
      const rows = file.tables[name] ?? [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const json = JSON.stringify(rows.slice(i, i + BATCH));
        await tx.execute(sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${json}::json)`);
      }
      counts[name] = rows.length;
    }
    await tx.execute(sql`select setval(pg_get_serial_sequence('audit_events', 'id'), coalesce((select max(id) from audit_events), 0) + 1, false)`);
    // Imports queued after the restore go behind those restored in the queue.
    await tx.execute(sql`select setval('roster_import_queue_seq', coalesce((select max(queue_seq) from roster_imports), 0) + 1, false)`);
  });
  return counts;
}
