import { fork } from 'node:child_process';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Emit } from '../run.js';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zuofeng_bench';
const UNITS = 200;
const PER_UNIT = 50;

/** A fresh database of its own for the run (the dispatcher serves every unit it finds). */
async function freshDatabase(): Promise<string> {
  const url = new URL(BASE);
  const name = 'zuofeng_bench_dispatch';
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The morning burst: 200 units, each with a generic webhook, and 50 reminders per unit (10,000)
 * waiting in the outbox. The dispatcher (in this process, concurrency 16, PostgreSQL) fans them
 * out and delivers them to a local receiver that answers at once: notices delivered per second,
 * the fan-out's share, and repeats at the receiver (must be 0 without a crash).
 */
export async function run(emit: Emit) {
  const { openPostgres } = await import('../../src/server/db/client.js');
  const { Dispatcher } = await import('../../src/server/jobs/dispatcher.js');
  const { fanOut } = await import('../../src/server/modules/deliveries/fanout.js');
  const { ephemeralKeyring } = await import('../../src/server/crypto/keyring.js');
  const { sealPlainChannels } = await import('../../src/server/modules/channels/channel-secrets.js');
  const { Egress } = await import('../../src/server/net/egress.js');
  const { parseAllowList } = await import('../../src/domain/channel-address.js');
  const keys = ephemeralKeyring();
  // The receiver runs on 127.0.0.1: allow-listed, as a system administrator would for an intranet OA.
  const egress = new Egress(parseAllowList('127.0.0.1').list);
  const database = openPostgres(await freshDatabase(), 8);
  await database.migrate();
  const db = database.db;
  // The receiver runs in a process of its own, so that it does not share the dispatcher's CPU.
  const receiver = fork(new URL('./dispatch-receiver.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
  });
  const port = await new Promise<number>((r) => receiver.once('message', (m) => r(Number(m))));
  const address = `http://127.0.0.1:${port}/hook`;
  const counts = () =>
    new Promise<{ distinct: number; received: number }>((r) => {
      receiver.once('message', (m) => r(m as { distinct: number; received: number }));
      receiver.send('count');
    });
  try {
    const now = new Date();
    await db.execute(sql`
      with u as (insert into units (code, name) select 'bench-d-' || g, '基准单位' || g from generate_series(1, ${UNITS}) g returning id),
      p as (insert into people (unit_id, name, phone, created_at, updated_at) select id, '承办人', '13900000000', now(), now() from u returning id, unit_id),
      c as (insert into notification_channels (unit_id, kind, name, address, secret, created_at, updated_at) select id, 'webhook', 'OA', ${address}, 'bench-secret', now(), now() from u),
      s as (insert into notification_settings (unit_id, quiet_hours, updated_at) select id, false, now() from u)
      insert into notifications (unit_id, recipient_person_id, kind, title, body, dedupe_key, created_at)
      select p.unit_id, p.id, 'chase', '催办：事项' || k, '请尽快办理', 'bench:' || k, ${now.toISOString()}::timestamptz
      from p, generate_series(1, ${PER_UNIT}) k`);
    await sealPlainChannels(db, keys); // as start-up does: addresses and secrets are stored sealed
    const total = UNITS * PER_UNIT;
    const t0 = performance.now();
    for (let n = 1; n > 0; ) n = await fanOut(db, new Date(), { limit: 500, mailEnabled: false });
    const fanoutMs = performance.now() - t0;
    const d = new Dispatcher(
      db,
      { now: () => new Date() },
      {
        concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
        leaseMs: 60_000,
        publicUrl: 'http://localhost:3000',
        mail: null,
        keys,
        egress,
      },
    );
    const t1 = performance.now();
    for (;;) {
      const r = await d.runOnce();
      if (r.claimed === 0 && (await counts()).distinct >= total) break;
    }
    const sendMs = performance.now() - t1;
    const c = await counts();
    const repeats = c.received - c.distinct;
    emit('notices', total, 'count');
    emit('fanout_per_s', total / (fanoutMs / 1000), 'notices/s');
    emit('delivered_per_s', total / (sendMs / 1000), 'notices/s');
    emit('end_to_end_s', (fanoutMs + sendMs) / 1000, 's');
    emit('repeats', repeats, 'count');
  } finally {
    egress.close();
    receiver.kill();
    await database.close();
  }
}
