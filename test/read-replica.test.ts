import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { defaultConfig } from '../src/server/config.js';
import { sql } from 'drizzle-orm';
import { openReadReplica, rowsOf, type Db } from '../src/server/db/client.js';
import { ReadRouter, routeReads, walLagProbe, type StandbyState } from '../src/server/db/replica.js';
import { Client, newDemoUnit, testApp, testDatabase, TestClock, testKeyFile, type TestContext } from './helpers.js';

/**
 * Routes declaring `replica` read from the standby while the probe allows it (db/replica.ts). The
 * standby here is the test database itself seen through a counter: on PostgreSQL through a pool of its
 * own whose sessions are read-only, so that a write routed there would fail the request.
 */
let state: StandbyState | 'throws' = { lagSeconds: 0 };
let replicaReads = 0;
let ctx: TestContext;
let office: Client;
let unitId: string;
let closeReplica = async () => {};
let standbyDb: Db | null = null;

const counting = (db: Db): Db =>
  new Proxy(db, {
    get(target, prop) {
      if (prop === 'select' || prop === 'execute' || prop === 'query') replicaReads++;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

beforeAll(async () => {
  const database = await testDatabase();
  const standby = process.env.TEST_DATABASE_URL ? openReadReplica(process.env.TEST_DATABASE_URL, 2) : null;
  if (standby) closeReplica = standby.close;
  standbyDb = standby?.db ?? null;
  const replica = counting(standby?.db ?? database.db);
  const reads = new ReadRouter({
    replica,
    cacheMs: 0,
    maxLagSeconds: 5,
    probe: async () => {
      if (state === 'throws') throw new Error('connect ECONNREFUSED 127.0.0.1:54332');
      return state;
    },
  });
  const clock = new TestClock();
  const config = {
    ...defaultConfig,
    webDir: null,
    loginLimitPerMinute: 100_000,
    filesDir: fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-files-')),
    keyFile: testKeyFile(),
    auditCheckpointDir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-checkpoints-')), 'a'),
  };
  const app = await buildApp({ db: routeReads(database.db), clock, config, reads });
  ctx = { app, database, clock, config };
  const demo = await newDemoUnit(ctx, { sampleWork: true });
  office = await new Client(app).login(demo.user('office'));
  unitId = demo.unit.id;
});
afterAll(async () => {
  await ctx.app.close();
  await closeReplica();
});

const RANKINGS = '/api/rankings?by=department&from=2026-01-01&to=2026-12-31';

async function served(url: string) {
  const before = replicaReads;
  const res = await office.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return { res, header: res.headers['x-zf-db'], replicaReads: replicaReads - before };
}

describe('read-only routes on the hot standby', () => {
  it('a dashboard reads the standby while it is within the allowed lag, and says so', async () => {
    state = { lagSeconds: 0.2 };
    const viaReplica = await served(RANKINGS);
    expect(viaReplica.header).toBe('replica');
    expect(viaReplica.replicaReads).toBeGreaterThan(0);
    expect(viaReplica.res.json().length).toBeGreaterThan(0);
    // The same figures as the primary gives (here both are one database).
    state = { lagSeconds: 60 };
    const viaPrimary = await served(RANKINGS);
    expect(viaPrimary.res.json()).toEqual(viaReplica.res.json());
  });

  it('lag over N, a standby that does not answer, or one promoted → the primary', async () => {
    for (const s of [{ lagSeconds: 5.5 }, 'throws', 'notStandby', 'down'] as const) {
      state = s;
      const r = await served(RANKINGS);
      expect([s, r.header, r.replicaReads]).toEqual([s, 'primary', 0]);
    }
  });

  it('an export streams its rows from the standby and records its audit event on the primary', async () => {
    state = { lagSeconds: 0 };
    const r = await served('/api/items/export.xlsx');
    expect(r.header).toBe('replica');
    expect(r.replicaReads).toBeGreaterThan(0);
    expect(r.res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const exports = rowsOf<{ n: number }>(
      await ctx.database.db.execute(
        sql`select count(*)::int as n from audit_events where unit_id = ${unitId} and action = 'export'`,
      ),
    );
    expect(exports[0]!.n).toBe(1);
  });

  it("a campaign's department progress and compliance matrix read the standby too", async () => {
    state = { lagSeconds: 0 };
    const created = await office.post('/api/campaigns', {
      name: '兴“十风”治“十弊”专项活动',
      year: 2026,
      startsOn: '2026-03-01',
      endsOn: '2026-12-15',
      params: { villageVisitsPerQuarter: 1 },
      phases: [{ key: 'prepare', title: '', from: '2026-03-01', to: '2026-03-31' }],
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const departments = await served(`/api/campaigns/${id}/departments`);
    expect([departments.header, departments.replicaReads > 0]).toEqual(['replica', true]);
    const rules = (await office.get(`/api/campaigns/${id}/rules`)).json() as { id: string }[];
    expect(rules.length).toBeGreaterThan(0);
    const matrix = await served(`/api/campaigns/${id}/rules/${rules[0]!.id}/compliance`);
    expect([matrix.header, matrix.replicaReads > 0]).toEqual(['replica', true]);
  });

  it('routes that do not declare `replica` (the ledger page) stay on the primary, without the header', async () => {
    state = { lagSeconds: 0 };
    const r = await served('/api/items?limit=5');
    expect([r.header, r.replicaReads]).toEqual([undefined, 0]);
  });
});

describe('the WAL probe', () => {
  it('calls a database that is not in recovery "notStandby" (a promoted standby is not read)', async () => {
    expect(await walLagProbe(ctx.database.db, standbyDb ?? ctx.database.db)()).toBe('notStandby');
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('the standby pool opens read-only sessions', async () => {
    const [row] = rowsOf<{ ro: string }>(
      await standbyDb!.execute(sql`select current_setting('default_transaction_read_only') as ro`),
    );
    expect(row!.ro).toBe('on');
    const err = await standbyDb!.execute(sql`create table zf_replica_write_test (a int)`).catch((e: Error) => e);
    expect(String((err as Error & { cause?: Error }).cause?.message)).toMatch(/read-only transaction/);
  });
});

describe('without a standby', () => {
  it('nothing changes: no routing, no header', async () => {
    const plain = await testApp();
    const demo = await newDemoUnit(plain, { sampleWork: true });
    const res = await (await new Client(plain.app).login(demo.user('office'))).get(RANKINGS);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-zf-db']).toBeUndefined();
  });
});
