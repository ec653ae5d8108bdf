import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Emit } from '../run.js';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zuofeng_bench';
const CLIENTS = 32;
const REQUESTS_PER_CLIENT = 25;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Creates the bench database when it is missing. */
export async function ensureBenchDatabase() {
  const url = new URL(URL_);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '')}"`);
  await admin.end();
  // Bench data is disposable: whichever key file this machine has now (BENCH_KEY_FILE) is the bench database's key.
  const db = new pg.Client({ connectionString: URL_ });
  await db.connect();
  await db.query("delete from installation_settings where name = 'key_check'").catch(() => undefined); // before the first migration the table is missing
  await db.end();
}

/** The bench server's key file: outside the working tree, the same for every checkout on this machine. */
export const BENCH_KEY_FILE = path.join(os.tmpdir(), 'zuofeng-bench-keys', 'bench.key');

/** Runs `n` clients that each run `perClient` tasks in a row; returns every task's latency in ms. */
async function concurrently(n: number, perClient: number, task: (i: number) => Promise<void>) {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async (_, c) => {
      for (let k = 0; k < perClient; k++) {
        const t = performance.now();
        await task(c * perClient + k);
        times.push(performance.now() - t);
      }
    }),
  );
  return times;
}

/** Zuofeng as `npm start` runs it (the server bundle, built when stale), in its own process, on the bench database. */
export async function startServer(extraEnv: Record<string, string> = {}) {
  // @ts-expect-error: a plain .mjs build script without types
  const build = (await import('../../scripts/build-server.mjs')) as {
    buildServer(): void;
    serverBundle: string;
    serverBundleStale(): boolean;
  };
  if (build.serverBundleStale()) build.buildServer();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [build.serverBundle], {
    env: {
      ...process.env,
      DATABASE_URL: URL_,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZUOFENG_DEMO: '0',
      ZUOFENG_SWEEP_SECONDS: '0',
      ZUOFENG_LOG: '0',
      ZUOFENG_KEY_FILE: BENCH_KEY_FILE,
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const address = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('基准服务器启动失败');
    if (
      await fetch(`${address}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error('基准服务器启动超时');
    await new Promise((r) => setTimeout(r, 100));
  }
  let stopped = false;
  return {
    address,
    pid: child.pid!,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** A process's peak resident memory so far (Linux /proc VmHWM), in MB. */
function peakMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** A process's resident memory now (Linux /proc VmRSS), in MB. */
function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/**
 * The supervision benchmarks on a city-scale data set on PostgreSQL (generated when missing):
 * the filtered ledger page through HTTP under 32 concurrent clients against the same query's raw
 * SQL, the reminder sweep over all open items, and a 100,000-row .xlsx export with peak memory.
 */
export async function run(emit: Emit) {
  await ensureBenchDatabase();
  const { openPostgres } = await import('../../src/server/db/client.js');
  const { benchDataPresent, generateCity } = await import('../../src/cli/bench-data.js');
  const { sweepReminders } = await import('../../src/server/jobs/reminder-sweep.js');
  const setup = openPostgres(URL_, 4);
  await setup.migrate();
  if (!(await benchDataPresent(setup.db))) await generateCity(setup.db, (m) => console.error(`生成基准数据 ${m}`));
  await setup.close();
  const server = await startServer();
  try {
    const login = await fetch(`${server.address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-admin', password: 'bench1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const get = (path: string) => fetch(`${server.address}${path}`, { headers: { cookie } });
    // The ledger of the big unit (100,000 items): red items of one department, page by page.
    const dept = (await (await get('/api/departments')).json())[1].id as string;
    const page = (i: number) => `/api/items?colour=red&departmentId=${dept}&pageSize=50&page=${1 + (i % 20)}`;
    await get(page(0));
    // One client alone first (what a user sees on a quiet server), then 32 at once.
    const alone = await concurrently(1, 100, async (i) => {
      await (await get(page(i))).arrayBuffer();
    });
    const ledger = await concurrently(CLIENTS, REQUESTS_PER_CLIENT, async (i) => {
      const res = await get(page(i));
      if (!res.ok) throw new Error(`ledger ${res.status}`);
      await res.arrayBuffer();
    });
    await server.stop();
    // The same statement as raw SQL (the page by deferred join, with its capped count), on its own pool.
    const pool = new pg.Pool({ connectionString: URL_, max: CLIENTS });
    const unit = (await pool.query(`select id from units where code = 'bench-city-0000'`)).rows[0].id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const raw = await concurrently(CLIENTS, REQUESTS_PER_CLIENT, async (i) => {
      const where = `i.unit_id = $1 and i.lead_department_id = $2 and i.status in ('assigned','in_progress','under_review') and i.due < $3`;
      const offset = (i % 20) * 50;
      await pool.query(
        `select i.*, p.name, dep.name, (select count(*) from (select 1 from supervised_items i where ${where} limit ${offset + 1000 + 1}) c) as total
        from (select i.id, i.due from supervised_items i where ${where} order by i.due, i.id limit 50 offset ${offset}) k
        join supervised_items i on i.id = k.id left join people p on p.id = i.owner_person_id left join departments dep on dep.id = i.lead_department_id
        order by k.due, k.id`,
        [unit, dept, today],
      );
    });
    await pool.end();
    emit('ledger_single_client_p50_ms', pct(alone, 50), 'ms');
    emit('ledger_p50_ms', pct(ledger, 50), 'ms');
    emit('ledger_p95_ms', pct(ledger, 95), 'ms');
    emit('raw_sql_p95_ms', pct(raw, 95), 'ms');
    emit('ledger_vs_raw', pct(ledger, 95) / pct(raw, 95), 'x');

    // The sweep over all open items, on a working day in working hours (written reminders are removed after).
    const database = openPostgres(URL_, 4);
    const sweepAt = new Date('2026-11-30T02:00:00Z');
    let t = performance.now();
    const swept = await sweepReminders(database.db, sweepAt);
    emit('sweep_ms', performance.now() - t, 'ms');
    emit('sweep_reminders_written', swept.written, 'count');
    await database.db.execute(sql`delete from notifications where created_at = ${sweepAt.toISOString()}::timestamptz`);
    await database.close();

    // Export 100,000 rows of the big unit's ledger from a freshly started server; its peak resident
    // memory (VmHWM, startup included) is read from /proc when the download is complete.
    const exporter = await startServer();
    const session = await fetch(`${exporter.address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-admin', password: 'bench1234' }),
    });
    // Idle: started, signed in, then left alone for two seconds.
    await new Promise((r) => setTimeout(r, 2000));
    emit('idle_server_rss_mb', residentMb(exporter.pid), 'MB');
    const startMb = peakMb(exporter.pid);
    t = performance.now();
    const res = await fetch(`${exporter.address}/api/items/export.xlsx`, {
      headers: { cookie: session.headers.get('set-cookie')!.split(';')[0]! },
    });
    const size = (await res.arrayBuffer()).byteLength;
    const exportMs = performance.now() - t;
    emit('export_100k_ms', exportMs, 'ms');
    emit('export_100k_peak_mb', peakMb(exporter.pid), 'MB');
    emit('export_server_before_mb', startMb, 'MB');
    emit('export_100k_size_kb', size / 1024, 'KB');
    await exporter.stop();
  } finally {
    await server.stop();
  }
}
