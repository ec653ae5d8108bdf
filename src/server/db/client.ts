import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migrationsFolder } from '../paths.js';
import { bindTransactions } from './bound.js';
import { createPglite } from './pglite.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** Either driver: PGlite (embedded) or node-postgres. A transaction has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export { migrationsFolder };

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, for backup and restore of the embedded database. */
  pglite?: PGlite;
}

export function openPglite(client: PGlite): Database {
  const db = bindTransactions(drizzlePglite(client, { schema }) as unknown as Db);
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    close: () => client.close(),
  };
}

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (a restart, a failover: deploy/README.md) emits 'error' on the
  // pool; unheard, it would end the process. pg-pool has already discarded that client: the next
  // query opens a new connection to the same URL.
  pool.on('error', (err) => console.warn(`数据库连接中断（已丢弃该连接，下次查询将重新连接）：${err.message}`));
  const pgDb = drizzlePg(pool, { schema });
  return {
    db: bindTransactions(pgDb as unknown as Db),
    kind: 'postgres',
    migrate: () => migratePg(pgDb, { migrationsFolder }),
    close: () => pool.end(),
  };
}

/**
 * The hot standby's pool (READ_DATABASE_URL): every session read-only, so that a write routed there by
 * mistake fails instead of being attempted; a standby that does not answer within 2 s counts as down.
 */
export function openReadReplica(url: string, max = 10): { db: Db; close(): Promise<void> } {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 2000,
    options: '-c default_transaction_read_only=on',
  });
  pool.on('error', (err) => console.warn(`只读备库连接中断（已丢弃该连接）：${err.message}`));
  return { db: drizzlePg(pool, { schema }) as unknown as Db, close: () => pool.end() };
}

/** Opens the database the environment asks for: DATABASE_URL, else PGlite in dataDir. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const release = lockDataDir(opts.dataDir);
  const database = openPglite(await createPglite(opts.dataDir));
  return {
    ...database,
    close: async () => {
      await database.close();
      release();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt
 * it. A pid file refuses that with a clear message (a stale file of a dead process is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'zuofeng.pid');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`数据目录 ${dataDir} 正被另一个作风进程使用（pid ${pid}），请先停止该进程`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rows of a raw `db.execute` result: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
