import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/clock.js';
import { configFromEnv } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemoUnit } from '../src/server/demo/seed-demo.js';
import { verifyAuditTrail } from '../src/server/modules/audit/audit-verify.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-shutdown-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('a clean shutdown of the server', () => {
  it('anchors the chains that moved in a signed checkpoint (no scheduler running)', { timeout: 240_000 }, async () => {
    const env = { ZUOFENG_DATA_DIR: dataDir };
    const setup = await openDatabase({ dataDir });
    await setup.migrate();
    const { unit } = await seedDemoUnit({ db: setup.db, clock: systemClock }, 'shut_');
    await setup.close();

    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        ...env,
        DATABASE_URL: '',
        ZUOFENG_DEMO: '0',
        PORT: '0',
        HOST: '127.0.0.1',
        ZUOFENG_LOG: '0',
        ZUOFENG_SWEEP_SECONDS: '0',
        ZUOFENG_DISPATCH_SECONDS: '0',
        ZUOFENG_FAKE_NOW: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('已启动')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`server exited (${code}) before it started: ${out}`)));
    });
    const checkpointDir = path.join(dataDir, 'audit-checkpoints');
    expect(fs.statSync(checkpointDir).mode & 0o777).toBe(0o700); // created at start
    expect(fs.readdirSync(checkpointDir)).toEqual([]);
    const exit = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    expect(await exit).toBe(0);

    const database = await openDatabase({ dataDir });
    try {
      const report = await verifyAuditTrail(database.db, configFromEnv(env), new Date(), unit.id);
      expect(report).toMatchObject({ ok: true, log: { lines: 1, problems: [] } });
      expect(report.units[0]!.checkpoints).toMatchObject({
        checked: 1,
        problem: null,
        latest: { seq: report.units[0]!.events },
      });
    } finally {
      await database.close();
    }
  });
});
