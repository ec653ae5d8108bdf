import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import type { Db } from './client.js';
import { ReadRouter, routeReads, targetFor, type StandbyState } from './replica.js';

/** A stand-in database that says which one answered. */
const fakeDb = (name: string) =>
  ({
    select: () => name,
    execute: () => name,
    insert: () => name,
    update: () => name,
    transaction: () => name,
  }) as unknown as Db;

const router = (probe: () => Promise<StandbyState>, clock = { t: 0 }, replica = fakeDb('replica')) =>
  new ReadRouter({ replica, probe, maxLagSeconds: 5, now: () => clock.t });

describe('the standby rule', () => {
  it('reads the standby only while it is a standby within the allowed lag', () => {
    expect(targetFor({ lagSeconds: 0 }, 5)).toBe('replica');
    expect(targetFor({ lagSeconds: 5 }, 5)).toBe('replica');
    expect(targetFor({ lagSeconds: 5.01 }, 5)).toBe('primary');
    expect(targetFor('down', 5)).toBe('primary');
    expect(targetFor('notStandby', 5)).toBe('primary');
  });

  it('lag over N → primary; standby down (the probe fails) → primary', async () => {
    expect(await router(async () => ({ lagSeconds: 1 })).choose()).toBe('replica');
    expect(await router(async () => ({ lagSeconds: 30 })).choose()).toBe('primary');
    expect(
      await router(async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:54332');
      }).choose(),
    ).toBe('primary');
  });

  it('probes at most once a second, and concurrent requests share one probe', async () => {
    const clock = { t: 0 };
    let probes = 0;
    let lag = 0;
    const r = router(async () => (probes++, { lagSeconds: lag }), clock);
    expect(await Promise.all([r.choose(), r.choose(), r.choose()])).toEqual(['replica', 'replica', 'replica']);
    expect(probes).toBe(1);
    lag = 60;
    clock.t = 999;
    expect(await r.choose()).toBe('replica');
    expect(probes).toBe(1);
    clock.t = 1000;
    expect(await r.choose()).toBe('primary');
    expect(probes).toBe(2);
    expect(r.lastState).toEqual({ lagSeconds: 60 });
  });
});

describe('routed reads', () => {
  const primary = fakeDb('primary');
  const db = routeReads(primary) as unknown as Record<string, () => string>;
  const r = router(async () => ({ lagSeconds: 0 }));

  it('inside a replica route reads go to the standby, writes and transactions to the primary', async () => {
    const seen = await r.run('replica', async () => {
      await Promise.resolve(); // still routed after an await
      return [db.select!(), db.execute!(), db.insert!(), db.update!(), db.transaction!()];
    });
    expect(seen).toEqual(['replica', 'replica', 'primary', 'primary', 'primary']);
  });

  it('outside a replica route, or when the primary was chosen, everything goes to the primary', async () => {
    expect(db.select!()).toBe('primary');
    expect(await r.run('primary', async () => db.select!())).toBe('primary');
  });
});

describe('the settings', () => {
  it('READ_DATABASE_URL counts only beside DATABASE_URL; the allowed lag defaults to 5 s', () => {
    const standby = 'postgres://zuofeng@127.0.0.1:54332/zuofeng';
    expect(configFromEnv({ READ_DATABASE_URL: standby }).readDatabaseUrl).toBeUndefined();
    const c = configFromEnv({ DATABASE_URL: 'postgres://zuofeng@127.0.0.1:54330/zuofeng', READ_DATABASE_URL: standby });
    expect([c.readDatabaseUrl, c.maxStandbyLagSeconds]).toEqual([standby, 5]);
    expect(configFromEnv({ ZUOFENG_MAX_STANDBY_LAG_SECONDS: '30' }).maxStandbyLagSeconds).toBe(30);
  });
});
