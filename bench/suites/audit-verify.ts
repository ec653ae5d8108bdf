import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { freePort } from '../../e2e/support.js';
import { configFromEnv } from '../../src/server/config.js';
import { keyringFor } from '../../src/server/crypto/keyring.js';
import { shanghaiDate } from '../../src/domain/civil-date.js';
import { formatCheckpointLine, nextCheckpointLines, readCheckpointLog } from '../../src/domain/audit-checkpoints.js';
import { readAuditCheckpoints } from '../../src/server/modules/audit/checkpoints.service.js';
import type { Emit } from '../run.js';

const LINES = Number(process.env.BENCH_CHECKPOINT_LINES ?? 200_000);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A data directory whose checkpoint log holds LINES signed lines of another unit (a few years of a city's log). */
function prepare(dataDir: string) {
  const config = configFromEnv({ ZUOFENG_DATA_DIR: dataDir });
  const keyring = keyringFor(config);
  fs.mkdirSync(config.auditCheckpointDir, { recursive: true, mode: 0o700 });
  const heads = Array.from({ length: LINES }, (_, i) => ({
    unitId: '99999999-9999-4999-8999-999999999999',
    seq: i + 1,
    hash: (i % 16).toString(16).repeat(64),
  }));
  const lines = nextCheckpointLines(null, heads, new Date(), 'sha256', (body, hash) =>
    keyring.mac('audit-checkpoint', body, hash),
  );
  const file = path.join(config.auditCheckpointDir, `${shanghaiDate(new Date()).slice(0, 7)}.log`);
  fs.writeFileSync(file, `${lines.map(formatCheckpointLine).join('\n')}\n`);
  return { config, file, mac: (body: string, hash: 'sha256' | 'sm3') => keyring.mac('audit-checkpoint', body, hash) };
}

/** Zuofeng as `npm start` runs it (embedded database, the demo unit), in its own process. */
async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
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
    if (child.exitCode !== null || i > 1200) throw new Error('基准服务器启动失败');
    await sleep(100);
  }
  return {
    address,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/** Runs `work` while asking /api/health every ~10 ms: the work's time and every health latency. */
async function healthDuring(address: string, work: () => Promise<unknown>) {
  const latencies: number[] = [];
  let busy = true;
  const sampler = (async () => {
    while (busy) {
      const t = performance.now();
      await fetch(`${address}/api/health`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      latencies.push(performance.now() - t);
      await sleep(10);
    }
  })();
  const started = performance.now();
  try {
    await work();
  } finally {
    busy = false;
  }
  const ms = performance.now() - started;
  await sampler;
  return { ms, latencies };
}

/**
 * The audit page's verify of one unit against a checkpoint log of LINES lines, inside the running
 * server, while /api/health is asked every ~10 ms: how long the verify takes, and how long health
 * waits meanwhile (the event loop is not blocked: the log is streamed). Then the command line's
 * full reading (every MAC) in this process, with the event loop's largest delay, and for comparison
 * how long the former synchronous reading of the same file held the event loop in one piece.
 */
export async function run(emit: Emit) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-bench-audit-verify-'));
  try {
    const { config, file, mac } = prepare(dataDir);
    emit('checkpoint_lines', LINES, 'count');
    emit('checkpoint_file_mb', fs.statSync(file).size / 1024 / 1024, 'MB');
    const server = await startServer(dataDir);
    try {
      const login = await fetch(`${server.address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'auditor', password: 'demo1234' }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const verify = async () => {
        const res = await fetch(`${server.address}/api/audit/verify`, { headers: { cookie } });
        if (!res.ok) throw new Error(`verify: ${res.status} ${await res.text()}`);
        return res.json();
      };
      await verify(); // warm-up
      const idle = await healthDuring(server.address, () => sleep(1000));
      emit('health_idle_p50_ms', pct(idle.latencies, 50), 'ms');
      const page = await healthDuring(server.address, verify);
      emit('page_verify_ms', page.ms, 'ms');
      emit('page_health_answers', page.latencies.length, 'count');
      emit('page_health_p50_ms', pct(page.latencies, 50), 'ms');
      emit('page_health_p99_ms', pct(page.latencies, 99), 'ms');
      emit('page_health_max_ms', Math.max(...page.latencies), 'ms');
    } finally {
      await server.stop();
    }

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t = performance.now();
    const full = await readAuditCheckpoints(config);
    emit('cli_full_read_ms', performance.now() - t, 'ms');
    delay.disable();
    emit('cli_full_read_loop_delay_max_ms', delay.max / 1e6, 'ms');
    if (full.authentic < LINES || full.problems.length)
      throw new Error(`expected ${LINES} authentic lines (and the demo unit's), read ${full.authentic}`);

    const s = performance.now();
    const text = fs.readFileSync(file, 'utf8').split('\n');
    readCheckpointLog(
      text.map((line, i) => ({ file: 'x', line: i + 1, text: line })),
      mac,
      'not-this-unit',
    );
    emit('former_sync_page_read_block_ms', performance.now() - s, 'ms');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
