import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.js';
import { configFromEnv } from '../src/server/config.js';
import { Scheduler, type CheckpointJob } from '../src/server/jobs/scheduler.js';
import { verifyAuditTrail } from '../src/server/modules/audit/audit-verify.js';
import { lastCheckpointAt, writeAuditCheckpoints } from '../src/server/modules/audit/checkpoints.service.js';
import { newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

/**
 * Checkpoints that are held back (issue 13 §5, review): a lease row pushed forward, a lease kept
 * renewed by someone who never writes, a reminder sweep that fails — none may stop them, and when
 * they are stopped anyway, verification says so.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
beforeEach(() => {
  ctx.clock.current = new Date('2026-11-30T02:00:00Z');
  ctx.config.auditCheckpointDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-cp-')), 'audit-checkpoints');
});
/** The leases this file's schedulers took go again (the database may be shared with other test files). */
const schedulers: Scheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0))
    await ctx.database.db.execute(sql`delete from job_leases where holder like ${`${s.holder}%`}`);
  await ctx.database.db.execute(sql`delete from job_leases where name = 'audit-checkpoint'`);
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function unit() {
  const u = await newDemoUnit(ctx);
  const office = await signIn(ctx, u.user('office'));
  let n = 0;
  return {
    id: u.unit.id,
    u,
    office,
    /** One audited change, now. */
    change: async () =>
      expect((await office.post('/api/departments', { name: `科室${++n}`, sortOrder: 10 + n })).statusCode).toBe(200),
    report: (config = ctx.config) => verifyAuditTrail(ctx.database.db, config, ctx.clock.now(), u.unit.id),
    job: (): CheckpointJob => ({
      everyMs: HOUR,
      run: (now) => writeAuditCheckpoints(ctx.database.db, ctx.config, now, { unitIds: [u.unit.id] }),
      lastWrittenAt: () => lastCheckpointAt(ctx.config),
    }),
  };
}
function scheduler(job: CheckpointJob, db: Db = ctx.database.db, log: string[] = []) {
  const s = new Scheduler(db, ctx.clock, 5 * MINUTE, (m) => log.push(m), { auditCheckpoint: job });
  schedulers.push(s);
  return s;
}
const lines = () => {
  const file = path.join(ctx.config.auditCheckpointDir, '2026-11.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').length : 0;
};

describe('verification of events that waited too long for a checkpoint', () => {
  it('fails once an event is older than two intervals (and a tick) with no checkpoint, in the service and the API', async () => {
    const u = await unit();
    const auditor = await signIn(ctx, u.u.user('auditor'));
    await writeAuditCheckpoints(ctx.database.db, ctx.config, ctx.clock.now(), { unitIds: [u.id] });
    const checkpointed = (await u.report()).units[0]!.events;
    await u.change();
    await u.change();
    // The default: hourly checkpoints, a sweep every 5 minutes. The auditor's page stays open meanwhile
    // (继续使用 before each idle timeout), so that no new login is recorded in the trail.
    for (let i = 0; i < 5; i++) {
      ctx.clock.advance(25 * MINUTE);
      expect((await auditor.post('/api/auth/keepalive')).statusCode).toBe(200);
    }
    expect((await u.report()).ok).toBe(true);
    ctx.clock.advance(1000);
    const r = await u.report();
    expect(r.ok).toBe(false);
    expect(r.units[0]!.messages).toHaveLength(1);
    expect(r.units[0]!.messages[0]).toMatch(
      new RegExp(
        `^检查点过期：第 ${checkpointed} 条之后的 2 条记录（最早 2026-11-30 10:00:00）尚未写入检查点。检查点应每 60 分钟写入一次`,
      ),
    );
    const api = (await auditor.get('/api/audit/verify')).json();
    expect(api).toMatchObject({
      ok: false,
      checkpoints: {
        problem: null,
        overdue: { afterSeq: checkpointed, count: 2, earliest: '2026-11-30T02:00:00.000Z' },
      },
      notes: [],
    });
    expect(api.messages[0]).toMatch(/^检查点过期：/);

    await writeAuditCheckpoints(ctx.database.db, ctx.config, ctx.clock.now(), { unitIds: [u.id] });
    expect(await u.report()).toMatchObject({ ok: true, units: [{ messages: [], lag: null }] });
  });

  it('says so, as information, when checkpoints are written only at shutdown', async () => {
    const u = await unit();
    ctx.clock.advance(48 * HOUR);
    const r = await u.report({ ...ctx.config, auditCheckpointMinutes: 0 });
    expect(r.ok).toBe(true);
    expect(r.units[0]!.notes).toEqual([
      expect.stringMatching(
        /^检查点只在服务停止时写入（ZUOFENG_AUDIT_CHECKPOINT_MINUTES=0）：本单位尚无检查点，\d+ 条记录（最早 2026-11-30 10:00:00）尚未写入检查点$/,
      ),
    ]);
    expect((await u.report()).units[0]!.messages[0]).toMatch(/^检查点过期：本单位尚无检查点，\d+ 条记录/);
  });
});

describe('checkpoints that someone tries to hold back', () => {
  it('are written although the lease row was pushed far into the future', async () => {
    const u = await unit();
    const s = scheduler(u.job());
    expect(await s.auditCheckpointTick(ctx.clock.now())).toBe(1);
    await ctx.database.db.execute(
      sql`update job_leases set holder = 'ghost', expires_at = '2100-01-01T00:00:00Z' where name = 'audit-checkpoint'`,
    );
    await u.change();
    ctx.clock.advance(HOUR + 1000);
    expect(await s.auditCheckpointTick(ctx.clock.now())).toBe(1);
    expect(lines()).toBe(2);
  });

  it('are written although someone keeps the lease renewed and never writes, before verification would call them overdue', async () => {
    const u = await unit();
    const log: string[] = [];
    const s = scheduler(u.job(), ctx.database.db, log);
    const written: number[] = [];
    for (let minute = 0; minute <= 6 * 60; minute += 5) {
      // A database writer renews the lease as a live holder would (within its term), every tick.
      await ctx.database.db
        .execute(sql`insert into job_leases (name, holder, expires_at) values ('audit-checkpoint', 'ghost', ${new Date(ctx.clock.now().getTime() + 50 * MINUTE).toISOString()}::timestamptz)
        on conflict (name) do update set holder = 'ghost', expires_at = excluded.expires_at`);
      if (minute % 20 === 0) await u.change();
      if (await s.auditCheckpointTick(ctx.clock.now())) written.push(minute);
      const r = await u.report();
      expect(r.units[0]!.messages, `at minute ${minute}`).toEqual([]);
      ctx.clock.advance(5 * MINUTE);
    }
    // Due from the file's last line (an hour after it, or at once with none), written half an interval later.
    expect(written).toEqual([30, 120, 210, 300]);
    expect(log.filter((m) => m.includes('已越过租约'))).toHaveLength(4);
  });

  it('are written although the reminder, obligation, discipline and dashboard sweeps fail', async () => {
    const u = await unit();
    // The database refuses everything the sweeps ask of it; the leases still work.
    const dialect = new PgDialect();
    const refusing = new Proxy(ctx.database.db, {
      get(target, prop) {
        if (prop === 'execute') {
          return (q: SQL) =>
            dialect.sqlToQuery(q).sql.includes('job_leases')
              ? target.execute(q)
              : Promise.reject(new Error('数据库拒绝了查询'));
        }
        if (['select', 'selectDistinct', 'transaction', 'insert', 'update'].includes(prop as string))
          return () => {
            throw new Error('数据库拒绝了查询');
          };
        return Reflect.get(target, prop);
      },
    });
    const log: string[] = [];
    await ctx.database.db.execute(
      sql`delete from job_leases where name in ('supervision-sweep', 'obligation-sweep', 'meeting-discipline-sweep', 'holiday-reminders', 'unit-figures-refresh')`,
    );
    const s = scheduler(u.job(), refusing, log);
    expect(await s.tick()).toEqual({ swept: true, written: 0 });
    expect(log).toEqual([
      '催办：写入提醒失败：数据库拒绝了查询',
      '周期任务：有风险提醒失败：数据库拒绝了查询',
      '会风会纪：达到通报标准失败：数据库拒绝了查询',
      '节前廉政提醒失败：数据库拒绝了查询',
      '汇总看板：刷新失败：数据库拒绝了查询',
      '审计检查点：写入 1 条',
    ]);
    expect(lines()).toBe(1);
  });
});

describe('when checkpoints are written', () => {
  it('by one instance per interval, whichever holds the lease', async () => {
    const u = await unit();
    const job = u.job();
    const [one, two] = [scheduler(job), scheduler(job)];
    const first = await Promise.all([
      one.auditCheckpointTick(ctx.clock.now()),
      two.auditCheckpointTick(ctx.clock.now()),
    ]);
    expect(first.filter((n) => n !== null)).toEqual([1]);
    await u.change();
    ctx.clock.advance(HOUR / 2);
    expect(
      await Promise.all([one.auditCheckpointTick(ctx.clock.now()), two.auditCheckpointTick(ctx.clock.now())]),
    ).toEqual([null, null]);
    ctx.clock.advance(HOUR / 2 + 1000);
    expect(
      (await Promise.all([one.auditCheckpointTick(ctx.clock.now()), two.auditCheckpointTick(ctx.clock.now())])).filter(
        (n) => n !== null,
      ),
    ).toEqual([1]);
    // Nothing moved since: the heads are checked about once per interval, by one instance or the other.
    ctx.clock.advance(HOUR + 1000);
    expect(
      (await Promise.all([one.auditCheckpointTick(ctx.clock.now()), two.auditCheckpointTick(ctx.clock.now())])).filter(
        (n) => n !== null,
      ),
    ).toEqual([0]);
    const off = scheduler({ ...job, everyMs: 0 });
    expect(await off.auditCheckpointTick(ctx.clock.now())).toBeNull();
  });

  it('go to ZUOFENG_AUDIT_CHECKPOINT_DIR, by default <data dir>/audit-checkpoints, hourly', () => {
    expect(configFromEnv({ ZUOFENG_DATA_DIR: '/srv/zf' })).toMatchObject({
      auditCheckpointDir: '/srv/zf/audit-checkpoints',
      auditCheckpointMinutes: 60,
    });
    expect(
      configFromEnv({ ZUOFENG_AUDIT_CHECKPOINT_DIR: '/worm/zf', ZUOFENG_AUDIT_CHECKPOINT_MINUTES: '15' }),
    ).toMatchObject({ auditCheckpointDir: '/worm/zf', auditCheckpointMinutes: 15 });
  });
});
