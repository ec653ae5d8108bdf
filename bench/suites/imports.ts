import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { xlsx } from '../../test/xlsx.js';
import { manyRowsRoster, rosterBomb } from '../../test/xlsx-bombs.js';
import type { Emit } from '../run.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zuofeng_bench';
const DB = 'zuofeng_bench_imports';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh database of its own for every run (the demo unit is seeded by the server). */
async function freshDatabase(): Promise<string> {
  const url = new URL(ADMIN_URL);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  url.pathname = `/${DB}`;
  return url.toString();
}

/** Zuofeng as it runs in production (`src/server/main.ts`), in its own process, with the demo unit. */
async function startServer(databaseUrl: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-bench-imports-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ZUOFENG_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZUOFENG_DEMO: '1',
      ZUOFENG_SWEEP_SECONDS: '0',
      ZUOFENG_DISPATCH_SECONDS: '0',
      ZUOFENG_LOG: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const address = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    !(await fetch(`${address}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    if (child.exitCode !== null || i > 600) throw new Error('基准服务器启动失败');
    await sleep(100);
  }
  return {
    address,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const statusMb = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/**
 * Runs `work` while asking /api/health and reading the server's resident memory every ~20 ms:
 * the work's result and time, every health latency, failed health answers, and the largest RSS.
 */
async function sampled<T>(server: Awaited<ReturnType<typeof startServer>>, work: () => Promise<T>) {
  const latencies: number[] = [];
  let failures = 0;
  let maxRss = 0;
  let busy = true;
  const sampler = (async () => {
    while (busy) {
      const t = performance.now();
      const ok = await fetch(`${server.address}/api/health`).then(
        async (r) => (await r.arrayBuffer(), r.ok),
        () => false,
      );
      latencies.push(performance.now() - t);
      if (!ok) failures++;
      if (server.alive()) maxRss = Math.max(maxRss, statusMb(server.pid, 'VmRSS'));
      await sleep(20);
    }
  })();
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, latencies, failures, maxRss };
  } finally {
    busy = false;
    await sampler;
  }
}

/**
 * Hostile roster uploads against the real server on PostgreSQL: four ~1.5 MB .xlsx files whose one
 * cell inflates to 1.5 GB, sent at once (refused by the directory check); four that declare 100 KB
 * but inflate the same (refused by the worker counting what it inflates); one of 300,000 rows
 * (refused at the row limit). For each, and for a quiet baseline and a valid 5,000-row file in the
 * same run: the server's largest RSS, /api/health latency p50/p99/max and the refusals.
 */
export async function run(emit: Emit) {
  const server = await startServer(await freshDatabase());
  try {
    const login = await fetch(`${server.address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: 'demo1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = await (await fetch(`${server.address}/api/auth/me`, { headers: { cookie } })).json();
    const send = async (file: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), '花名册.xlsx');
      const res = await fetch(`${server.address}/api/people/imports`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      await res.arrayBuffer();
      return res.status;
    };
    const files = {
      bomb: await rosterBomb(),
      liar: await rosterBomb({ lie: true }),
      rows300k: manyRowsRoster(300_000),
      valid5000: await xlsx(
        Array.from({ length: 5000 }, (_, i) => [`基准${i}`, '', '科员', '', '否', '', '否', 13000000000 + i, '在职']),
      ),
    };
    emit('bomb_file_kb', files.bomb.length / 1024, 'KB');
    emit('rows300k_file_kb', files.rows300k.length / 1024, 'KB');
    emit('rss_at_start_mb', statusMb(server.pid, 'VmRSS'), 'MB');
    const report = (phase: string, s: Awaited<ReturnType<typeof sampled<number[]>>>) => {
      emit(`${phase}_refused`, s.result.filter((c) => c === 400).length, 'count');
      emit(`${phase}_answered_ms`, s.ms, 'ms');
      emit(`${phase}_max_rss_mb`, s.maxRss, 'MB');
      emit(`${phase}_health_p50_ms`, pct(s.latencies, 50), 'ms');
      emit(`${phase}_health_p99_ms`, pct(s.latencies, 99), 'ms');
      emit(`${phase}_health_max_ms`, Math.max(...s.latencies), 'ms');
      emit(`${phase}_health_failed`, s.failures, 'count');
    };
    report(
      'baseline',
      await sampled(server, async () => {
        await sleep(3000);
        return [];
      }),
    );
    report('bombs4', await sampled(server, () => Promise.all([1, 2, 3, 4].map(() => send(files.bomb)))));
    report('liars4', await sampled(server, () => Promise.all([1, 2, 3, 4].map(() => send(files.liar)))));
    report('rows300k', await sampled(server, async () => [await send(files.rows300k)]));
    const valid = await sampled(server, async () => [await send(files.valid5000)]);
    emit('valid5000_status', valid.result[0]!, 'http');
    emit('valid5000_checked_ms', valid.ms, 'ms');
    emit('valid5000_max_rss_mb', valid.maxRss, 'MB');
    emit('valid5000_health_p99_ms', pct(valid.latencies, 99), 'ms');
    emit('server_alive', server.alive() ? 1 : 0, 'bool');
    emit('vmhwm_mb', statusMb(server.pid, 'VmHWM'), 'MB');
  } finally {
    await server.stop();
  }
}
