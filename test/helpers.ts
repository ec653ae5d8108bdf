import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { createPglite } from '../src/server/db/pglite.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject, afterAll } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { defaultConfig, type Config } from '../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../src/server/db/client.js';
import { seedDemoUnit } from '../src/server/demo/seed-demo.js';
import { seedDemoWork } from '../src/server/demo/demo-work.js';
import type { Clock } from '../src/server/clock.js';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(public current = new Date('2026-11-30T02:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** One key file per test process, outside the working tree (the default would be ./data/keys). */
export const testKeyFile = () => path.join(os.tmpdir(), 'zuofeng-test-keys', `${process.pid}.key`);

let shared: Promise<Database> | undefined;

/**
 * The PostgreSQL suite runs every file at once on one database. A test that changes an
 * installation-wide setting (the idle timeout, the public address) would change what the other
 * files see, so it runs only on its own PGlite clone (npm test).
 */
export const ON_SHARED_DATABASE = !!process.env.TEST_DATABASE_URL;

/** The database of this test file: a clone of the migrated PGlite template, or the test PostgreSQL. */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const database = process.env.TEST_DATABASE_URL
      ? openPostgres(process.env.TEST_DATABASE_URL, 4)
      : openPglite(await createPglite({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) }));
    afterAll(() => database.close());
    return database;
  })();
  return shared;
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  config: Config;
}

/** `logStream`: the app logs (as `npm start` does) into it, for tests of what the logs hold. */
export async function testApp(config: Partial<Config> = {}, opts: { logStream?: Writable } = {}): Promise<TestContext> {
  const database = await testDatabase();
  const clock = new TestClock();
  // Every inject comes from one address: the per-address login limit is tested on its own.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-files-'));
  const auditCheckpointDir = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-checkpoints-')),
    'audit-checkpoints',
  );
  const cfg = {
    ...defaultConfig,
    webDir: null,
    loginLimitPerMinute: 100_000,
    filesDir,
    keyFile: testKeyFile(),
    auditCheckpointDir,
    ...config,
  };
  const app = await buildApp(
    { db: database.db, clock, config: cfg },
    { logger: !!opts.logStream, logStream: opts.logStream },
  );
  afterAll(() => app.close());
  return { app, database, clock, config: cfg };
}

/**
 * A fresh demo unit with its own usernames (prefix_admin, prefix_office, …); `sampleWork` adds the
 * demo's sample items (demo-work.ts), which `npm start` seeds and most tests do without.
 */
export async function newDemoUnit(ctx: TestContext, opts: { sampleWork?: boolean } = {}) {
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const seeded = await seedDemoUnit({ db: ctx.database.db, clock: ctx.clock }, prefix);
  if (opts.sampleWork) await seedDemoWork({ db: ctx.database.db, clock: ctx.clock, config: ctx.config }, seeded);
  return { ...seeded, prefix, user: (login: string) => `${prefix}${login}` };
}

/** A signed-in client: keeps the cookie and sends the CSRF header on writes. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password = 'demo1234') {
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    this.cookie = String(res.cookies.find((c) => c.name === 'zf_session')!.value);
    const me = await this.get('/api/auth/me');
    this.csrf = me.json().csrfToken;
    return this;
  }

  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      payload: payload as never,
      headers: {
        ...(this.cookie ? { cookie: `zf_session=${this.cookie}` } : {}),
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...headers,
      },
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  put = (url: string, payload?: unknown) => this.request('PUT', url, payload ?? {});
  patch = (url: string, payload?: unknown) => this.request('PATCH', url, payload ?? {});
}

export const signIn = (ctx: TestContext, username: string, password?: string) =>
  new Client(ctx.app).login(username, password);

/**
 * Opinion submissions wait in the pending store until a batch of k forms or the day ends
 * (docs/ANONYMITY.md). Runs the flush as it runs after midnight: the clock moves to the next day for
 * the flush only, then back. Like a real day's end, it closes the day's groups: a test that submits
 * again afterwards should use another audience (a group that got more after its last batch is held).
 */
export async function flushOpinionsAtDayEnd(ctx: TestContext) {
  const { flushPending } = await import('../src/server/modules/opinions/pending.service.js');
  const now = ctx.clock.current;
  ctx.clock.advance(24 * 3_600_000);
  try {
    return await flushPending({ db: ctx.database.db, clock: ctx.clock, config: ctx.config });
  } finally {
    ctx.clock.current = now;
  }
}
