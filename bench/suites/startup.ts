import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { freePort } from '../../e2e/support.js';
import type { Emit } from '../run.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Milliseconds from spawning `npm start` to the first healthy /api/health. */
async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZUOFENG_DATA_DIR: dataDir,
      ZUOFENG_LOG: '0',
      ZUOFENG_SKIP_BUILD: '1',
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok && (await res.json()).status === 'ok') return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * start_new_ms: a new data directory (migrations and the demo unit are created).
 * start_existing_ms: the same directory again. The web client is built beforehand and not timed.
 */
export async function run(emit: Emit) {
  const fresh: number[] = [];
  const existing: number[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-bench-'));
  try {
    for (let i = 0; i < RUNS; i++) {
      const dir = path.join(root, `run${i}`);
      fresh.push(await timeToHealthy(dir));
      existing.push(await timeToHealthy(dir));
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  emit('start_new_ms', median(fresh), 'ms');
  emit('start_existing_ms', median(existing), 'ms');
  emit('runs', RUNS, 'count');
}
