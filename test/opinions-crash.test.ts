import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/clock.js';
import { openDatabase, openPostgres, rowsOf, type Database } from '../src/server/db/client.js';
import { seedDemoUnit } from '../src/server/demo/seed-demo.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const CLIENTS = 16;
const KILL_AT = 300;

interface Store {
  env: Record<string, string>;
  open: () => Promise<Database>;
  drop: () => Promise<void>;
}

function pgliteStore(): Store {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-ocrash-'));
  return {
    env: { ZUOFENG_DATA_DIR: dataDir, DATABASE_URL: '', ZUOFENG_KEY_FILE: path.join(dataDir, 'keys', 'zuofeng.key') },
    open: () => openDatabase({ dataDir }),
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresStore(): Promise<Store> {
  const name = `zuofeng_ocrash_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(pgUrl!, 1);
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = Object.assign(new URL(pgUrl!), { pathname: `/${name}` }).toString();
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-ocrash-keys-'));
  return {
    env: { DATABASE_URL: url, ZUOFENG_KEY_FILE: path.join(keyDir, 'zuofeng.key') },
    open: async () => openPostgres(url, 2),
    drop: async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
      fs.rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

function startServer(store: Store, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...store.env,
      ZUOFENG_DEMO: '0',
      PORT: String(port),
      HOST: '127.0.0.1',
      ZUOFENG_LOG: '0',
      ZUOFENG_SWEEP_SECONDS: '0',
      ZUOFENG_DISPATCH_SECONDS: '0',
      ZUOFENG_OPINION_SUBMITS_PER_MINUTE: '100000000',
      ZUOFENG_OPINION_CHALLENGE_AFTER: '0',
      ZUOFENG_OPINION_GRACE_SECONDS: '1',
      ZUOFENG_FAKE_NOW: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));

async function ready(base: string) {
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
  }
  throw new Error('server did not start');
}

async function signedIn(base: string, username: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json();
  const post = async (url: string, body: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return Object.assign(post, {
    get: async (url: string) => (await fetch(`${base}${url}`, { headers: { cookie } })).json(),
  });
}

const until = async (what: string, test: () => Promise<boolean>, timeoutMs: number) => {
  for (const end = Date.now() + timeoutMs; !(await test()); await new Promise((r) => setTimeout(r, 200))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
};

/**
 * Kill -9 while 16 clients submit to a public form, restart, close the form (which writes every
 * pending submission out): every submission that was acknowledged is a response, none twice.
 */
async function crashWhileSubmitting(store: Store) {
  const setup = await store.open();
  await setup.migrate();
  const prefix = `oc${randomBytes(2).toString('hex')}_`;
  await seedDemoUnit({ db: setup.db, clock: systemClock }, prefix);
  await setup.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const first = startServer(store, port);
  await ready(base);
  const post = await signedIn(base, `${prefix}branch`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const form = await post('/api/opinion-forms', {
    title: '崩溃测试',
    opensOn: today,
    closesOn: '2099-12-31',
    questions: [{ id: 'q1', kind: 'text', label: '意见' }],
  });
  await post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
  const link = await post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'masses', label: '群众' });

  const acknowledged: string[] = [];
  let attempted = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const text = `崩溃前第${next++}条`;
        attempted++;
        try {
          const res = await fetch(`${base}/api/public/opinions/${link.token}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ answers: { q1: text } }),
          });
          if (!res.ok) return;
          acknowledged.push(text);
          if (acknowledged.length === KILL_AT) first.kill('SIGKILL');
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
  await exited(first);
  const atKill = acknowledged.length;

  const probe = await store.open();
  const [pendingAtKill] = rowsOf<{ n: number }>(
    await probe.db.execute(sql`select count(*)::int as n from opinion_pending where form_id = ${form.id}`),
  );
  await probe.close();

  const second = startServer(store, port);
  try {
    await ready(base);
    const again = await signedIn(base, `${prefix}branch`);
    await again(`/api/opinion-forms/${form.id}/status`, { status: 'closed', version: form.version + 1 });
    // The last batch is written once the grace after the close is over (1 s here).
    await until('the last batch', async () => (await again.get(`/api/opinion-forms/${form.id}`)).pending === 0, 60_000);
  } finally {
    second.kill('SIGTERM');
    await exited(second);
  }
  const check = await store.open();
  const texts = rowsOf<{ t: string }>(
    await check.db.execute(sql`select answers->>'q1' as t from opinion_responses where form_id = ${form.id}`),
  ).map((r) => r.t);
  const [left] = rowsOf<{ n: number }>(
    await check.db.execute(sql`select count(*)::int as n from opinion_pending where form_id = ${form.id}`),
  );
  await check.close();
  return { atKill, attempted, acknowledged, texts, pendingAtKill: pendingAtKill!.n, left: left!.n };
}

describe('anonymous submissions after a crash', () => {
  const cases = [
    { name: 'the embedded database (npm start)', store: async () => pgliteStore(), skip: !!pgUrl },
    { name: 'PostgreSQL', store: postgresStore, skip: !pgUrl },
  ];
  for (const c of cases) {
    it.skipIf(c.skip)(
      `loses no acknowledged submission when killed with SIGKILL — ${c.name}`,
      async () => {
        const store = await c.store();
        try {
          const r = await crashWhileSubmitting(store);
          const stored = new Set(r.texts);
          const lost = r.acknowledged.filter((t) => !stored.has(t)).length;
          console.log(
            JSON.stringify({
              suite: 'opinions-crash',
              database: c.name,
              acknowledgedAtKill: r.atKill,
              acknowledged: r.acknowledged.length,
              attempted: r.attempted,
              pendingAtKill: r.pendingAtKill,
              responses: r.texts.length,
              lost,
            }),
          );
          expect(r.acknowledged.length).toBeGreaterThanOrEqual(KILL_AT);
          expect(r.pendingAtKill).toBeGreaterThan(0); // the kill found submissions waiting for their batch
          expect(lost).toBe(0);
          expect(stored.size).toBe(r.texts.length); // none written twice
          expect(r.texts.length).toBeLessThanOrEqual(r.attempted);
          expect(r.left).toBe(0);
        } finally {
          await store.drop();
        }
      },
      180_000,
    );
  }
});
