import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PACKED_BYTES } from '../../src/domain/opinion-batches.js';
import type { Emit } from '../run.js';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zuofeng_bench';
const CLIENTS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** The gzipped size of every script the public form page loads (built when missing). */
async function publicFormJsKb(): Promise<number> {
  const html = path.resolve('dist/web/opinion.html');
  if (!fs.existsSync(html)) execSync('npx vite build', { stdio: 'ignore' });
  const page = fs.readFileSync(html, 'utf8');
  const scripts = [...page.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  return scripts.reduce((kb, src) => kb + zlib.gzipSync(fs.readFileSync(path.join('dist/web', src))).length / 1024, 0);
}

/**
 * The public form's submit endpoint under 64 concurrent clients for 20 s, against the server in
 * its own process on PostgreSQL: submissions per second, p99 latency, how many were written out as
 * batches during the load and how many waited, and how many acknowledged submissions are missing
 * once the form is closed (must be 0).
 */
/** Inserts of a row the size of a sealed submission, 64 connections, 5 s, straight to PostgreSQL. */
async function rawSqlBaseline(): Promise<number> {
  const pool = new pg.Pool({ connectionString: URL_, max: CLIENTS });
  await pool.query(
    'drop table if exists bench_raw_pending; create table bench_raw_pending (like opinion_pending including defaults)',
  );
  await pool.query('alter table bench_raw_pending alter column sealed set storage external');
  const sealed = randomBytes(PACKED_BYTES + 28).toString('base64url');
  let n = 0;
  const end = performance.now() + 5000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        await pool.query(
          "insert into bench_raw_pending (unit_id, form_id, audience, day, sealed) values (gen_random_uuid(), gen_random_uuid(), 'masses', '2026-12-04', $1)",
          [sealed],
        );
        n++;
      }
    }),
  );
  const perSecond = n / ((performance.now() - started) / 1000);
  await pool.query('drop table bench_raw_pending');
  await pool.end();
  return perSecond;
}

export async function run(emit: Emit) {
  emit('public_form_js_gz_kb', await publicFormJsKb(), 'KB');
  const { ensureCityData, startServer } = await import('./supervision.js');
  await ensureCityData();
  // The per-source limit would (rightly) stop 64 clients on one address: lifted for the measurement.
  const server = await startServer({
    ZUOFENG_OPINION_SUBMITS_PER_MINUTE: '100000000',
    ZUOFENG_OPINION_CHALLENGE_AFTER: '0',
    ZUOFENG_OPINION_GRACE_SECONDS: '1',
  });
  try {
    const login = await fetch(`${server.address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-admin', password: 'bench1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await (await fetch(`${server.address}/api/auth/me`, { headers: { cookie } })).json();
    const write = async (path: string, body: unknown) => {
      const res = await fetch(`${server.address}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path} ${res.status} ${await res.text()}`);
      return res.json();
    };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const form = await write('/api/opinion-forms', {
      title: '基准征求意见表',
      opensOn: today,
      closesOn: today,
      questions: [
        { id: 'q1', kind: 'text', label: '意见建议' },
        { id: 'q2', kind: 'rating', label: '满意度' },
        { id: 'q3', kind: 'choice', label: '身份', options: ['干部', '群众'] },
      ],
    });
    await write(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
    const link = await write(`/api/opinion-forms/${form.id}/distributions`, { audience: 'masses', label: '基准' });
    const url = `${server.address}/api/public/opinions/${link.token}`;
    const times: number[] = [];
    let acknowledged = 0;
    let failed = 0;
    const end = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let k = 0; performance.now() < end; k++) {
          const t = performance.now();
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              answers: {
                q1: `第${c}号客户端的第${k}条意见：建议改进调研方式，深入基层。`,
                q2: 1 + (k % 5),
                q3: k % 2 ? '干部' : '群众',
              },
            }),
          });
          await res.arrayBuffer();
          times.push(performance.now() - t);
          if (res.ok) acknowledged++;
          else failed++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const pool = new pg.Pool({ connectionString: URL_, max: 1 });
    const count = async (table: string) =>
      Number((await pool.query(`select count(*) from ${table} where form_id = $1`, [form.id])).rows[0].count);
    // Submissions wait sealed in the pending store and go out in shuffled batches (docs/ANONYMITY.md):
    // what the load left pending is written out when the form closes.
    const pendingAtEnd = await count('opinion_pending');
    const respondedAtEnd = await count('opinion_responses');
    const closeStarted = performance.now();
    await write(`/api/opinion-forms/${form.id}/status`, { status: 'closed', version: form.version + 1 });
    // The last batch waits out the grace after the close (1 s here).
    while ((await count('opinion_pending')) > 0 && performance.now() - closeStarted < 120_000)
      await new Promise((r) => setTimeout(r, 100));
    const closeMs = performance.now() - closeStarted;
    const stored = await count('opinion_responses');
    const leftPending = await count('opinion_pending');
    // Each submission has one distinct text: its opinion item, written in the same statement, must be there too.
    const itemised = Number(
      (await pool.query('select coalesce(sum(repeats), 0) as n from opinion_items where form_id = $1', [form.id]))
        .rows[0].n,
    );
    await pool.end();
    emit('submits_per_s', acknowledged / elapsed, 'req/s');
    emit('p99_ms', pct(times, 99), 'ms');
    emit('p50_ms', pct(times, 50), 'ms');
    emit('acknowledged', acknowledged, 'count');
    emit('refused', failed, 'count');
    emit('written_during_load', respondedAtEnd, 'count');
    emit('pending_at_end', pendingAtEnd, 'count');
    emit('close_to_last_batch_ms', closeMs, 'ms');
    emit('left_pending', leftPending, 'count');
    emit('lost', acknowledged - stored, 'count');
    emit('items_lost', acknowledged - itemised, 'count');
    // Baseline in the same run: the database alone taking one sealed-size row per statement from 64
    // connections (what each submission costs PostgreSQL at least), against the whole request above.
    const raw = await rawSqlBaseline();
    emit('raw_sql_pending_inserts_per_s', raw, 'rows/s');
    emit('app_vs_raw_sql', acknowledged / elapsed / raw, 'ratio');
  } finally {
    await server.stop();
  }
}
