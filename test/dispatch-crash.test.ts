import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/clock.js';
import { openDatabase, openPostgres, rowsOf, type Database } from '../src/server/db/client.js';
import { isSealed } from '../src/server/crypto/suite.js';
import { notificationChannels, notificationSettings, notifications } from '../src/server/db/schema/index.js';
import { seedDemoUnit } from '../src/server/demo/seed-demo.js';
import { startReceivers } from './robot-receivers.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const CONCURRENCY = 4;
const TOTAL = 1000;
const KILL_AT = 300;
const secret = 'crash-test-webhook-secret';

/** Where the server keeps its data: the embedded database in a directory, or a PostgreSQL database of its own. */
interface Store {
  env: Record<string, string>;
  open: () => Promise<Database>;
  drop: () => Promise<void>;
}

function pgliteStore(): Store {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-crash-'));
  return {
    env: { ZUOFENG_DATA_DIR: dataDir, DATABASE_URL: '' },
    open: () => openDatabase({ dataDir }),
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresStore(): Promise<Store> {
  const name = `zuofeng_crash_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(pgUrl!, 1);
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = Object.assign(new URL(pgUrl!), { pathname: `/${name}` }).toString();
  return {
    env: { DATABASE_URL: url, ZUOFENG_KEY_FILE: path.join(os.tmpdir(), `${name}.key`) },
    open: async () => openPostgres(url, 2),
    drop: async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

/** The real server (src/server/main.ts), dispatching only: no demo, no sweeps, a 2-second lease. */
function startServer(store: Store): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...store.env,
      ZUOFENG_DEMO: '0',
      PORT: '0',
      HOST: '127.0.0.1',
      ZUOFENG_LOG: '0',
      ZUOFENG_SWEEP_SECONDS: '0',
      ZUOFENG_DISPATCH_SECONDS: '1',
      ZUOFENG_DISPATCH_CONCURRENCY: String(CONCURRENCY),
      ZUOFENG_DELIVERY_LEASE_SECONDS: '2',
      ZUOFENG_FAKE_NOW: '',
      // The receiver runs on 127.0.0.1: the system administrator's allow-list lets it in.
      ZUOFENG_CHANNEL_ALLOW_HOSTS: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const until = async (what: string, test: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const exited = (child: ChildProcess) =>
  new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));

/**
 * Kill -9 in the middle of dispatching 1,000 notices, restart, and count at the receiver: every
 * notice arrives, and only those in flight at the kill (at most the dispatcher's concurrency)
 * arrive twice — with the same idempotency key, so the receiver can tell.
 */
async function crashAndRestart(store: Store) {
  const setup = await store.open();
  await setup.migrate();
  const { unit } = await seedDemoUnit({ db: setup.db, clock: systemClock }, `crash${randomBytes(2).toString('hex')}_`);
  // The webhook answers 20 ms after it has kept a message, and the first server is killed the moment
  // the 300th arrives: that one (and whatever else is in flight) has reached the receiver but its
  // answer has not reached the dispatcher.
  let first: ChildProcess | null = null;
  const rx = await startReceivers({
    wecomKey: 'x',
    dingToken: 'x',
    dingSecret: 'x',
    feishuHook: 'x',
    feishuSecret: 'x',
    webhookSecret: secret,
    delayMs: 20,
    onWebhook: (n) => {
      if (n === KILL_AT) first?.kill('SIGKILL');
    },
  });
  try {
    const now = new Date();
    // Stored plain, as a version before sealing did: the server seals it at start-up and still sends.
    await setup.db.insert(notificationChannels).values({
      unitId: unit.id,
      kind: 'webhook',
      name: 'OA',
      address: `${rx.base}/hooks/zuofeng`,
      secret,
      createdAt: now,
      updatedAt: now,
    });
    // Whatever the hour the test runs at, nothing is held for quiet hours.
    await setup.db.insert(notificationSettings).values({ unitId: unit.id, quietHours: false, updatedAt: now });
    const [person] = rowsOf<{ id: string }>(
      await setup.db.execute(sql`select id from people where unit_id = ${unit.id} limit 1`),
    );
    await setup.db.insert(notifications).values(
      Array.from({ length: TOTAL }, (_, i) => ({
        unitId: unit.id,
        recipientPersonId: person!.id,
        kind: 'chase',
        title: `催办 ${i}`,
        body: `第 ${i} 条`,
        dedupeKey: `crash:${i}`,
        createdAt: now,
      })),
    );
    await setup.close(); // the embedded database is one process's: the server opens it next

    const ids = () => rx.received.flatMap((r) => (r.body.notices as { id: string }[]).map((n) => n.id));
    first = startServer(store);
    await until('the kill', () => rx.received.length >= KILL_AT, 60_000);
    await exited(first);
    const atKill = rx.received.length;

    const second = startServer(store);
    try {
      await until('every notice', () => new Set(ids()).size === TOTAL, 90_000);
    } finally {
      second.kill('SIGTERM'); // a clean stop: the round in progress records its answers first
      await exited(second);
    }
    const check = await store.open();
    const [left] = rowsOf<{ n: number }>(
      await check.db.execute(
        sql`select count(*)::int as n from notification_deliveries where unit_id = ${unit.id} and status <> 'sent'`,
      ),
    );
    const [channel] = rowsOf<{ address: string; secret: string }>(
      await check.db.execute(sql`select address, secret from notification_channels where unit_id = ${unit.id}`),
    );
    await check.close();
    expect([isSealed(channel!.address), isSealed(channel!.secret)]).toEqual([true, true]);
    const all = ids();
    return {
      atKill,
      received: all.length,
      distinct: new Set(all).size,
      keys: new Set(rx.received.map((r) => r.headers['idempotency-key'])).size,
      notSent: left!.n,
    };
  } finally {
    await rx.close();
  }
}

describe('the dispatcher after a crash', () => {
  // `npm test` runs the embedded case; the PostgreSQL run of the same suite (TEST_DATABASE_URL) the other.
  const cases = [
    { name: 'the embedded database (npm start)', store: async () => pgliteStore(), skip: !!pgUrl },
    { name: 'PostgreSQL', store: postgresStore, skip: !pgUrl },
  ];
  for (const c of cases) {
    it.skipIf(c.skip)(
      `delivers every notice after SIGKILL and repeats only what was in flight — ${c.name}`,
      async () => {
        const store = await c.store();
        try {
          const r = await crashAndRestart(store);
          const repeated = r.received - r.distinct;
          console.log(
            JSON.stringify({
              suite: 'dispatch-crash',
              database: c.name,
              notices: TOTAL,
              receivedAtKill: r.atKill,
              received: r.received,
              distinct: r.distinct,
              repeated,
              concurrency: CONCURRENCY,
            }),
          );
          expect(r.atKill).toBeLessThan(TOTAL);
          expect(r.distinct).toBe(TOTAL);
          expect(r.keys).toBe(TOTAL); // a repeat carries the key of its first sending
          expect(repeated).toBeLessThanOrEqual(CONCURRENCY);
          expect(repeated).toBeGreaterThanOrEqual(1); // the 300th was in flight: it must come again
          expect(r.notSent).toBe(0);
        } finally {
          await store.drop();
        }
      },
      180_000,
    );
  }
});
