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

export const pct = (xs: number[], p: number) =>
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

/** The bench database, migrated, with the city data set (generated when missing: a few minutes). */
export async function ensureCityData() {
  await ensureBenchDatabase();
  const { openPostgres } = await import('../../src/server/db/client.js');
  const { benchDataPresent, generateCity } = await import('../../src/cli/bench-data.js');
  const setup = openPostgres(URL_, 4);
  try {
    await setup.migrate();
    if (!(await benchDataPresent(setup.db))) await generateCity(setup.db, (m) => console.error(`生成基准数据 ${m}`));
  } finally {
    await setup.close();
  }
}

/** The bench server's key file: outside the working tree, the same for every checkout on this machine. */
export const BENCH_KEY_FILE = path.join(os.tmpdir(), 'zuofeng-bench-keys', 'bench.key');

/** Runs `n` clients that each run `perClient` tasks in a row; returns every task's latency in ms. */
export async function concurrently(n: number, perClient: number, task: (i: number) => Promise<void>) {
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
    buildServer(): Promise<void>;
    serverBundle: string;
    serverBundleStale(): boolean;
  };
  if (build.serverBundleStale()) await build.buildServer();
  const port = 20000 + Math.floor(Math.random() * 20000);
  // As `npm start` runs it (its node flags and scripts/start.mjs), the bundle fresh: its memory is what
  // an installation sees.
  const child = spawn(process.execPath, [...npmStartFlags(), 'scripts/start.mjs'], {
    env: {
      ...process.env,
      DATABASE_URL: URL_,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZUOFENG_DEMO: '0',
      ZUOFENG_SWEEP_SECONDS: '0',
      ZUOFENG_LOG: '0',
      ZUOFENG_KEY_FILE: BENCH_KEY_FILE,
      ZUOFENG_SKIP_BUILD: '1',
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

/** The node flags of package.json's start script (`node --flag … scripts/start.mjs`). */
function npmStartFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((a) => a.startsWith('--'));
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

/** Signs in through the API; the session cookie. */
async function signIn(address: string, username: string) {
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench1234' }),
  });
  if (!login.ok) throw new Error(`基准账号 ${username} 登录失败：${login.status}`);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * The ledger of one unit (red items of its second department, page by page) through HTTP: one client
 * alone, then 32 at once; then the same statement as raw SQL (the page by deferred join, with its
 * capped count) on a pool of its own, after the server has stopped.
 */
async function ledgerUnderLoad(url: string, username: string, unitCode: string) {
  const server = await startServer({ DATABASE_URL: url });
  let dept: string;
  let alone: number[];
  let ledger: number[];
  try {
    const cookie = await signIn(server.address, username);
    const get = (path: string) => fetch(`${server.address}${path}`, { headers: { cookie } });
    dept = (await (await get('/api/departments')).json())[1].id as string;
    const page = (i: number) => `/api/items?colour=red&departmentId=${dept}&pageSize=50&page=${1 + (i % 20)}`;
    await get(page(0));
    alone = await concurrently(1, 100, async (i) => {
      await (await get(page(i))).arrayBuffer();
    });
    ledger = await concurrently(CLIENTS, REQUESTS_PER_CLIENT, async (i) => {
      const res = await get(page(i));
      if (!res.ok) throw new Error(`ledger ${res.status}`);
      await res.arrayBuffer();
    });
  } finally {
    await server.stop();
  }
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  const unit = (await pool.query(`select id from units where code = $1`, [unitCode])).rows[0].id;
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
  return { alone: pct(alone, 50), p50: pct(ledger, 50), p95: pct(ledger, 95), raw: pct(raw, 95) };
}

/**
 * The supervision benchmarks on a city-scale data set on PostgreSQL (generated when missing):
 * the filtered ledger page through HTTP under 32 concurrent clients against the same query's raw
 * SQL, the reminder sweep over all open items, and a 100,000-row .xlsx export with peak memory.
 * With BENCH_PROVINCE_DATABASE_URL (the simulated province of `npm run bench -- oversight`, made
 * there): the ledger of one of its units and the sweep over its 6,006 units as well.
 */
export async function run(emit: Emit) {
  await ensureCityData();
  const { openPostgres } = await import('../../src/server/db/client.js');
  // The ledger of the big unit (100,000 items).
  const city = await ledgerUnderLoad(URL_, 'bench-admin', 'bench-city-0000');
  emit('ledger_single_client_p50_ms', city.alone, 'ms');
  emit('ledger_p50_ms', city.p50, 'ms');
  emit('ledger_p95_ms', city.p95, 'ms');
  emit('raw_sql_p95_ms', city.raw, 'ms');
  emit('ledger_vs_raw', city.p95 / city.raw, 'x');

  // The sweep over all open items, on a working day in working hours (written reminders are removed after).
  const sweepAt = new Date('2026-11-30T02:00:00Z');
  const swept = await timedSweep(URL_, sweepAt);
  emit('sweep_ms', swept.ms, 'ms');
  emit('sweep_reminders_written', swept.written, 'count');

  // Export 100,000 rows of the big unit's ledger from a freshly started server; its peak resident
  // memory (VmHWM, startup included) is read from /proc when the download is complete.
  const exporter = await startServer();
  try {
    const cookie = await signIn(exporter.address, 'bench-admin');
    // Idle: started, signed in, then left alone for two seconds.
    await new Promise((r) => setTimeout(r, 2000));
    emit('idle_server_rss_mb', residentMb(exporter.pid), 'MB');
    const startMb = peakMb(exporter.pid);
    const t = performance.now();
    const res = await fetch(`${exporter.address}/api/items/export.xlsx`, { headers: { cookie } });
    const size = (await res.arrayBuffer()).byteLength;
    emit('export_100k_ms', performance.now() - t, 'ms');
    emit('export_100k_peak_mb', peakMb(exporter.pid), 'MB');
    emit('export_server_before_mb', startMb, 'MB');
    emit('export_100k_size_kb', size / 1024, 'KB');
  } finally {
    await exporter.stop();
  }

  const provinceUrl = process.env.BENCH_PROVINCE_DATABASE_URL;
  if (!provinceUrl) return;
  const { PROVINCE_UNIT_LOGIN, ensureProvinceUnitLogin, provincePresent } = await import(
    '../../src/cli/bench-province.js'
  );
  const province = openPostgres(provinceUrl, 4);
  await province.migrate();
  const present = await provincePresent(province.db);
  if (present) await ensureProvinceUnitLogin(province.db);
  await province.close();
  if (!present)
    throw new Error('省级基准数据不存在：请先运行 BENCH_PROVINCE_ITEMS=12000000 npm run bench -- oversight');
  // A unit of the province (about 2,000 items of its 12,000,000): a page's cost must not grow with the data.
  const unit = await ledgerUnderLoad(provinceUrl, PROVINCE_UNIT_LOGIN.username, PROVINCE_UNIT_LOGIN.unitCode);
  emit('province_ledger_p95_ms', unit.p95, 'ms');
  emit('province_raw_sql_p95_ms', unit.raw, 'ms');
  emit('province_ledger_vs_raw', unit.p95 / unit.raw, 'x');
  emit('province_ledger_vs_city', unit.p95 / city.p95, 'x');
  const provinceSwept = await timedSweep(provinceUrl, sweepAt);
  emit('province_sweep_ms', provinceSwept.ms, 'ms');
  emit('province_sweep_reminders_written', provinceSwept.written, 'count');
}

/** One sweep of every unit's open items at `at`, timed; its reminders are removed afterwards. */
async function timedSweep(url: string, at: Date) {
  const { openPostgres } = await import('../../src/server/db/client.js');
  const { sweepReminders } = await import('../../src/server/jobs/reminder-sweep.js');
  const database = openPostgres(url, 4);
  try {
    const t = performance.now();
    const { written } = await sweepReminders(database.db, at);
    return { ms: performance.now() - t, written };
  } finally {
    // Shares commit on their own: whatever a failed sweep wrote goes too, or the next run would count less.
    await database.db.execute(sql`delete from notifications where created_at = ${at.toISOString()}::timestamptz`);
    await database.close();
  }
}
