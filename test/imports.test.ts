import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, rowsOf } from '../src/server/db/client.js';
import { OUT_OF_MEMORY, TOO_LARGE_INFLATED } from '../src/server/xlsx-read.js';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { readSheetStreaming } from '../src/server/xlsx-sheet-stream.js';
import { runClaimed } from '../src/server/modules/people/roster-import-queue.js';
import { rosterImportRepo } from '../src/server/modules/people/roster-import.repo.js';
import { farColumnRoster, longCellRoster, manyRowsRoster, rosterBomb } from './xlsx-bombs.js';
import { multipartFile, xlsx } from './xlsx.js';

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let ctx: TestContext;
let bomb: Buffer;
let liar: Buffer;
let manyRows: Buffer;

beforeAll(async () => {
  ctx = await testApp();
  bomb = await rosterBomb();
  liar = await rosterBomb({ lie: true });
  manyRows = manyRowsRoster(300_000);
});

const upload = (c: Client, file: Buffer, url = '/api/people/imports') => {
  const { payload, headers } = multipartFile(file);
  return c.request('POST', url, payload, headers);
};
const importsOf = async (unitId: string) =>
  rowsOf<{ n: number }>(
    await ctx.database.db.execute(sql`select count(*)::int as n from roster_imports where unit_id = ${unitId}`),
  )[0]!.n;

/**
 * Runs `work` while asking for health every 20 ms (and taking `sample()` then); returns its result,
 * every health answer and every sample.
 */
async function whileHealthPolled<T>(
  health: () => Promise<number>,
  work: () => Promise<T>,
  sample: () => number = () => 0,
) {
  const codes: number[] = [];
  const samples: number[] = [];
  let busy = true;
  const poll = (async () => {
    while (busy) {
      codes.push(await health().catch(() => 0));
      samples.push(sample());
      await sleep(20);
    }
  })();
  try {
    return { result: await work(), codes, samples };
  } finally {
    busy = false;
    await poll;
  }
}

describe('hostile roster files (in process)', () => {
  it('a bomb is what it says: 1.5 MB that declares 1.5 GB of shared strings', () => {
    expect(bomb.length).toBeLessThan(2 * MB);
    expect(bomb.includes(Buffer.from('xl/sharedStrings.xml'))).toBe(true);
  });

  it('four bombs at once: four clear refusals, health answers throughout, nothing stored', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const { result, codes } = await whileHealthPolled(
      async () => (await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode,
      () => Promise.all([bomb, bomb, bomb, bomb].map((f) => upload(office, f))),
    );
    expect(result.map((r) => [r.statusCode, r.json().message])).toEqual(Array(4).fill([400, TOO_LARGE_INFLATED]));
    expect(codes.every((c) => c === 200)).toBe(true);
    expect(await importsOf(unit.unit.id)).toBe(0);
  });

  it('a bomb whose directory lies about its size is stopped by what is actually inflated', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const res = await upload(office, liar);
    expect([res.statusCode, res.json().message]).toEqual([400, TOO_LARGE_INFLATED]);
    expect(res.json().details).toEqual({ sheet: { kind: 'inflates_beyond_declared', entry: 'xl/sharedStrings.xml' } });
    expect(await importsOf(unit.unit.id)).toBe(0);
  });

  it('300,000 rows: refused at the row limit while other requests are answered', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const { result, codes } = await whileHealthPolled(
      async () => (await office.get('/api/people?pageSize=1')).statusCode,
      () => upload(office, manyRows),
    );
    expect([result.statusCode, result.json().message]).toEqual([400, '一次最多导入5000行，请分成几个文件上传']);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => c === 200)).toBe(true);
    expect(await importsOf(unit.unit.id)).toBe(0);
  });

  it('a cell longer than 500 characters: refused, naming its row and column', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const res = await upload(office, longCellRoster(501));
    expect([res.statusCode, res.json().message]).toEqual([400, '第2行A列（姓名）的内容超过500个字，请检查后重新上传']);
    const fits = (await upload(office, longCellRoster(500))).json();
    expect(fits.status).toBe('invalid'); // read, then refused by the roster's own rule on names
    expect(fits.errors[0]).toMatchObject({ row: 2, column: '姓名' });
  });

  it('keeps the first 64 columns of a row, however far its cells reach', async () => {
    const answer = await readSheetStreaming({
      file: farColumnRoster(),
      sheet: '花名册',
      maxRows: 10,
      maxCellChars: 500,
    });
    expect(answer).toMatchObject({ ok: true, rows: [{ rowNumber: 2 }] });
    expect(answer.ok && answer.rows[0]!.cells).toEqual(['远方', '', '', '', '否', '', '否', '', '在职']);
  });

  it('the contact objects import goes through the same reader', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const res = await upload(office, bomb, '/api/contact-objects/import');
    expect([res.statusCode, res.json().message]).toEqual([400, TOO_LARGE_INFLATED]);
    const lying = await upload(office, liar, '/api/contact-objects/import');
    expect([lying.statusCode, lying.json().message]).toEqual([400, TOO_LARGE_INFLATED]);
  });
});

describe('a reading worker that runs out of memory or time', () => {
  let starved: TestContext;
  let hurried: TestContext;
  beforeAll(async () => {
    // Below what loading the reader itself needs: the worker dies of its heap limit.
    starved = await testApp({ importMemoryMb: 8 });
    hurried = await testApp({ importSeconds: 0.001 });
  });

  it('is a clear 400, and the server reads the next file normally', async () => {
    const file = await xlsx([['甲', '', '', '', '否', '', '否', '', '在职']]);
    const unit = await newDemoUnit(ctx);
    const oom = await upload(await signIn(starved, unit.user('office')), file);
    expect([oom.statusCode, oom.json().message]).toEqual([400, OUT_OF_MEMORY]);
    const slow = await upload(await signIn(hurried, unit.user('office')), file);
    expect([slow.statusCode, slow.json().message]).toEqual([
      400,
      '文件读取超时（超过0.001秒），请检查文件内容或分成几个文件上传',
    ]);
    const fine = await upload(await signIn(ctx, unit.user('office')), file);
    expect(fine.json()).toMatchObject({ status: 'validated', total: 1 });
  });
});

describe('one import at a time per unit', () => {
  const rows = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => [`${prefix}${i}`, '', '科员', '', '否', '', '否', 13500000000 + i, '在职']);
  const until = async (c: Client, id: string, done: (s: string) => boolean) => {
    for (let i = 0; i < 500; i++) {
      const imp = (await c.get(`/api/people/imports/${id}`)).json();
      if (done(imp.status)) return imp;
      await sleep(20);
    }
    throw new Error(`import ${id} did not get there`);
  };

  it('queues imports behind a running one with their places, then runs them in order', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    // Another instance is running an import of this unit (its heartbeat is fresh).
    const blocker = (await upload(office, await xlsx(rows('前', 1)))).json();
    await ctx.database.db.execute(
      sql`update roster_imports set status = 'running', heartbeat_at = ${ctx.clock.now().toISOString()} where id = ${blocker.id}`,
    );
    const second = (await upload(office, await xlsx(rows('二', 60)))).json();
    const third = (await upload(office, await xlsx(rows('三', 70)))).json();
    expect((await office.post(`/api/people/imports/${second.id}/apply`)).json()).toMatchObject({
      status: 'queued',
      queuePosition: 1,
      processed: 0,
    });
    expect((await office.post(`/api/people/imports/${third.id}/apply`)).json()).toMatchObject({
      status: 'queued',
      queuePosition: 2,
    });
    expect((await office.post(`/api/people/imports/${second.id}/apply`)).json().message).toBe(
      '该导入已在排队、进行或已完成',
    );
    expect((await office.get(`/api/people/imports/${second.id}`)).json()).toMatchObject({
      status: 'queued',
      queuePosition: 1,
    });
    await ctx.database.db.execute(sql`update roster_imports set status = 'done' where id = ${blocker.id}`);
    // The next poll finds the unit free: the second runs, then the third after it.
    expect(await until(office, third.id, (s) => s === 'done' || s === 'failed')).toMatchObject({
      status: 'done',
      created: 70,
      queuePosition: null,
    });
    expect((await office.get(`/api/people/imports/${second.id}`)).json()).toMatchObject({
      status: 'done',
      created: 60,
    });
    const [order] = rowsOf<{ second_first: boolean }>(
      await ctx.database.db.execute(sql`
      select (select max(created_at) from people where unit_id = ${unit.unit.id} and name like '二%')
          <= (select min(created_at) from people where unit_id = ${unit.unit.id} and name like '三%') as second_first`),
    );
    expect(order!.second_first).toBe(true);
  });

  it('starts an import at once when the unit is free', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const imp = (await upload(office, await xlsx(rows('即', 10)))).json();
    expect((await office.post(`/api/people/imports/${imp.id}/apply`)).json()).toMatchObject({
      status: 'running',
      queuePosition: null,
    });
    expect(await until(office, imp.id, (s) => s === 'done')).toMatchObject({ created: 10 });
  });

  it('resumes an import whose instance died, from its last committed chunk, when its page polls', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const imp = (await upload(office, await xlsx(rows('续', 120)))).json();
    // As a dead instance leaves it: running, its first chunk of 50 committed, no heartbeat for minutes.
    const long = new Date(ctx.clock.now().getTime() - 5 * 60_000);
    await ctx.database.db.execute(
      sql`update roster_imports set status = 'running', processed = 50, heartbeat_at = ${long.toISOString()}, applied_by_name = '办公室' where id = ${imp.id}`,
    );
    expect(await until(office, imp.id, (s) => s === 'done')).toMatchObject({ processed: 120, created: 70 });
    const names = (await office.get(`/api/people?q=${encodeURIComponent('续')}&pageSize=100`))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(names).toHaveLength(70);
    expect(names).toContain('续50');
    expect(names).not.toContain('续49');
  });

  it('a runner whose chunk fails marks the import failed only while it still holds it, never after another instance took it over', async () => {
    const deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config };
    const state = async (id: string) =>
      rowsOf<{ status: string; heartbeat_at: string }>(
        await ctx.database.db.execute(sql`select status, heartbeat_at::text from roster_imports where id = ${id}`),
      )[0]!;
    const ranAt = new Date(ctx.clock.now().getTime() - 90_000);
    const tookOverAt = new Date(ctx.clock.now().getTime() - 1_000);
    for (const stillOurs of [false, true]) {
      const unit = await newDemoUnit(ctx);
      const office = await signIn(ctx, unit.user('office'));
      const imp = (await upload(office, await xlsx(rows(stillOurs ? '己' : '他', 3)))).json();
      // A row the database refuses (no name): the runner's chunk fails with an error of its own, not a lost lease.
      await ctx.database.db.execute(
        sql`update roster_imports set status = 'running', heartbeat_at = ${ranAt.toISOString()}, rows = '[{"name": null, "phone": "13500000000"}]'::jsonb where id = ${imp.id}`,
      );
      // The runner, as it claimed the import 90 s ago (its heartbeat since gone stale).
      const asClaimed = (await rosterImportRepo.byId(ctx.database.db, unit.unit.id, imp.id))!;
      // Meanwhile another instance found it stale and claimed it: the heartbeat is theirs now.
      if (!stillOurs)
        await ctx.database.db.execute(
          sql`update roster_imports set heartbeat_at = ${tookOverAt.toISOString()} where id = ${imp.id}`,
        );
      const before = await state(imp.id);
      await runClaimed(deps, asClaimed);
      if (stillOurs) expect(await state(imp.id)).toMatchObject({ status: 'failed' });
      else expect(await state(imp.id)).toEqual(before);
    }
  });
});

/** The real server (src/server/main.ts) in its own process, with the demo unit, on its own database. */
async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-imports-'));
  let dbUrl = '';
  let dropDb = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    const name = `zuofeng_imports_${randomBytes(4).toString('hex')}`;
    const admin = openPostgres(process.env.TEST_DATABASE_URL, 1);
    await admin.db.execute(sql.raw(`create database ${name}`));
    dbUrl = Object.assign(new URL(process.env.TEST_DATABASE_URL), { pathname: `/${name}` }).toString();
    dropDb = async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    };
  }
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ZUOFENG_DATA_DIR: dataDir,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZUOFENG_LOG: '0',
      ZUOFENG_SWEEP_SECONDS: '0',
      ZUOFENG_DISPATCH_SECONDS: '0',
      ZUOFENG_DEMO: '1',
      ZUOFENG_FAKE_NOW: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    if (child.exitCode !== null || i > 900) throw new Error('server did not start');
    await sleep(100);
  }
  return {
    base,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      await dropDb();
    },
  };
}

describe('the real server under four bombs, two liars and 300,000 rows at once', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  }, 180_000);
  afterAll(async () => server?.stop());

  const memoryMb = (field: 'VmRSS') =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))![1]) /
    1024;

  it('refuses every file clearly, keeps answering /api/health, and lives', async () => {
    const login = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: 'demo1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = await (await fetch(`${server.base}/api/auth/me`, { headers: { cookie } })).json();
    const send = async (file: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), '花名册.xlsx');
      const res = await fetch(`${server.base}/api/people/imports`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      return [res.status, (await res.json()).message];
    };
    const before = memoryMb('VmRSS');
    const { result, codes, samples } = await whileHealthPolled(
      async () => (await fetch(`${server.base}/api/health`)).status,
      () => Promise.all([bomb, bomb, bomb, bomb, liar, liar, manyRows].map(send)),
      () => memoryMb('VmRSS'),
    );
    expect(result).toEqual([
      ...Array(6).fill([400, TOO_LARGE_INFLATED]),
      [400, '一次最多导入5000行，请分成几个文件上传'],
    ]);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => c === 200)).toBe(true);
    expect(server.child.exitCode).toBeNull();
    // Inflating one bomb would take 1.5 GB; the figure itself is the benchmark's (bench/suites/imports.ts).
    expect(Math.max(...samples) - before).toBeLessThan(300);
  }, 120_000);
});
