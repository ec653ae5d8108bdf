import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/clock.js';
import { openPostgres, rowsOf, type Database } from '../src/server/db/client.js';
import { notificationChannels, notificationSettings, notifications } from '../src/server/db/schema/index.js';
import { seedDemoUnit } from '../src/server/demo/seed-demo.js';
import { startReceivers } from './robot-receivers.js';

const url = process.env.TEST_DATABASE_URL;
const CONCURRENCY = 4;
const TOTAL = 1000;
const secret = 'crash-test-webhook-secret';

/** The real server (src/server/main.ts) on its own database, dispatching only: no demo, no sweeps. */
function startServer(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, ZUOFENG_DEMO: '0', PORT: '0', HOST: '127.0.0.1', ZUOFENG_LOG: '0', ZUOFENG_SWEEP_SECONDS: '0',
      ZUOFENG_DISPATCH_SECONDS: '1', ZUOFENG_DISPATCH_CONCURRENCY: String(CONCURRENCY), ZUOFENG_DELIVERY_LEASE_SECONDS: '2', ZUOFENG_FAKE_NOW: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const until = async (what: string, test: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * Kill -9 in the middle of dispatching 1,000 notices, restart, and count at the receiver: every
 * notice arrives, and only those in flight at the kill (at most the dispatcher's concurrency)
 * arrive twice — with the same idempotency key, so the receiver can tell. Needs PostgreSQL: a
 * database of its own is made and dropped.
 */
describe.skipIf(!url)('the dispatcher after a crash', () => {
  let admin: Database;
  let db: Database;
  let dbName = '';
  afterAll(async () => {
    await db?.close();
    if (dbName) await admin.db.execute(sql.raw(`drop database if exists ${dbName} with (force)`));
    await admin?.close();
  });

  it('delivers every notice after SIGKILL and repeats only what was in flight', async () => {
    admin = openPostgres(url!, 1);
    dbName = `zuofeng_crash_${randomBytes(4).toString('hex')}`;
    await admin.db.execute(sql.raw(`create database ${dbName}`));
    const dbUrl = Object.assign(new URL(url!), { pathname: `/${dbName}` }).toString();
    db = openPostgres(dbUrl, 2);
    await db.migrate();
    const { unit, admin: adminPerson } = await seedDemoUnit({ db: db.db, clock: systemClock }, 'crash_');
    // The webhook answers 20 ms after it has kept a message, and the first server is killed the
    // moment the 300th arrives: that one (and whatever else is in flight) has reached the receiver
    // but its answer has not reached the dispatcher.
    let first: ChildProcess | null = null;
    const rx = await startReceivers({
      wecomKey: 'x', dingToken: 'x', dingSecret: 'x', feishuHook: 'x', feishuSecret: 'x', webhookSecret: secret, delayMs: 20,
      onWebhook: (n) => { if (n === 300) first?.kill('SIGKILL'); },
    });
    try {
      const now = new Date();
      await db.db.insert(notificationChannels).values({ unitId: unit.id, kind: 'webhook', name: 'OA', address: `${rx.base}/hooks/zuofeng`, secret, createdAt: now, updatedAt: now });
      // Whatever the hour CI runs at, nothing is held for quiet hours.
      await db.db.insert(notificationSettings).values({ unitId: unit.id, quietHours: false, updatedAt: now });
      const [person] = rowsOf<{ id: string }>(await db.db.execute(sql`select id from people where unit_id = ${unit.id} limit 1`));
      await db.db.insert(notifications).values(Array.from({ length: TOTAL }, (_, i) => ({
        unitId: unit.id, recipientPersonId: person!.id, kind: 'chase', title: `催办 ${i}`, body: `第 ${i} 条`, dedupeKey: `crash:${i}`, createdAt: now,
      })));
      expect(adminPerson).toBeDefined();

      const ids = () => rx.received.flatMap((r) => (r.body.notices as { id: string }[]).map((n) => n.id));
      first = startServer(dbUrl);
      const exited = new Promise((r) => first!.once('exit', r));
      await until('the first messages', () => rx.received.length >= 300, 60_000);
      await exited;
      const atKill = rx.received.length;
      expect(atKill).toBeLessThan(TOTAL);

      const second = startServer(dbUrl);
      try {
        await until('every notice', async () => {
          const [left] = rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from notification_deliveries where status <> 'sent'`));
          return new Set(ids()).size === TOTAL && left!.n === 0;
        }, 90_000);
      } finally {
        second.kill('SIGTERM');
        await new Promise((r) => second.once('exit', r));
      }
      const all = ids();
      const repeated = all.length - new Set(all).size;
      const keys = new Set(rx.received.map((r) => r.headers['idempotency-key']));
      console.log(JSON.stringify({ suite: 'dispatch-crash', notices: TOTAL, receivedAtKill: atKill, received: all.length, distinct: new Set(all).size, repeated, concurrency: CONCURRENCY }));
      expect(new Set(all).size).toBe(TOTAL);
      expect(keys.size).toBe(TOTAL);
      expect(repeated).toBeLessThanOrEqual(CONCURRENCY);
      expect(repeated).toBeGreaterThanOrEqual(1); // the 300th was in flight: it must come again
    } finally {
      await rx.close();
    }
  }, 180_000);
});
