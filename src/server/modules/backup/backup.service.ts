import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from '../../db/client.js';
import { KEY_CHECK } from '../installation/installation.service.js';
import { backupRepo, TABLES } from './backup.repo.js';

export const BACKUP_FORMAT = 'zuofeng-backup';
const VERSION = 1;

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

/**
 * A logical backup: every table but the sessions as JSON in PostgreSQL's own text forms (json_agg),
 * gzipped. The same file restores on PGlite or on a PostgreSQL server, whichever made it. Secrets
 * are in it as they are stored — sealed with the key file, which is NOT in the backup: without that
 * file the channels' addresses and secrets (and everything else sealed) cannot be opened.
 */
export async function createBackup(db: Db, now: Date): Promise<Buffer> {
  const tables: Record<string, unknown[]> = {};
  for (const name of BACKED_UP) tables[name] = await backupRepo.tableRows(db, name);
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: VERSION,
    createdAt: now.toISOString(),
    migrations: await backupRepo.migrationCount(db),
    tables,
  };
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
export async function restoreBackup(
  db: Db,
  data: Buffer,
  opts: { keyCheck?: string } = {},
): Promise<Record<string, number>> {
  const file = readBackup(data);
  const recorded = (file.tables.installation_settings as { name?: string; value?: string }[] | undefined)?.find(
    (r) => r.name === KEY_CHECK,
  )?.value;
  if (opts.keyCheck && recorded && recorded !== opts.keyCheck) {
    throw new BackupError(
      '备份来自使用另一把密钥文件的安装：请用原安装的密钥文件（ZUOFENG_KEY_FILE）恢复，否则恢复后服务无法启动。未做任何改动',
    );
  }
  const here = await backupRepo.migrationCount(db);
  if (file.migrations !== here)
    throw new BackupError(`备份的数据库版本（${file.migrations}）与当前版本（${here}）不同，请使用同一版本的作风恢复`);
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await backupRepo.truncate(tx, TABLES);
    for (const name of BACKED_UP) {
      const rows = file.tables[name] ?? [];
      await backupRepo.insertRows(tx, name, rows);
      counts[name] = rows.length;
    }
    await backupRepo.resetSequences(tx);
  });
  return counts;
}
