import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { appendAuditEvent, SYSTEM_ACTOR, verifyAudit } from '../src/server/modules/audit/audit.service.js';
import { verifyAuditTrail } from '../src/server/modules/audit/audit-verify.js';
import { writeAuditCheckpoints } from '../src/server/modules/audit/checkpoints.service.js';
import type { AuditHashAlg } from '../src/domain/audit-chain.js';
import { hashAlgOf } from '../src/server/crypto/suite.js';
import { smtpSender } from '../src/server/modules/deliveries/mail.js';
import { mailCheckpointDigest } from '../src/server/modules/audit/checkpoint-digest.js';
import { newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { decodeParts, startSmtp } from './smtp-receiver.js';
import { asDatabaseAdmin, rewriteHistory } from './audit-attack.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
/** Each test: the clock at 2026-11-30 10:00 in Beijing (lines go to 2026-11.log), a checkpoint directory of its own (the app reads the same config). */
beforeEach(() => {
  ctx.clock.current = new Date('2026-11-30T02:00:00Z');
  ctx.config.auditCheckpointDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-cp-')), 'audit-checkpoints');
});

const HOUR = 3_600_000;
const FILE = '2026-11.log';

/** A demo unit, and checkpoints written for it alone (the database may be shared with other test files). */
async function unitWithCheckpoints() {
  const unit = await newDemoUnit(ctx);
  const id = unit.unit.id;
  const head = async () =>
    rowsOf<{ seq: number; head: string }>(
      await ctx.database.db.execute(sql`select audit_seq as seq, audit_head as head from units where id = ${id}`),
    )[0]!;
  return {
    id,
    unit,
    head,
    office: await signIn(ctx, unit.user('office')),
    checkpoint: (alg?: AuditHashAlg) =>
      writeAuditCheckpoints(ctx.database.db, ctx.config, ctx.clock.now(), { unitIds: [id], alg }),
    report: async () => await verifyAuditTrail(ctx.database.db, ctx.config, ctx.clock.now(), id),
  };
}

const readLog = () => fs.readFileSync(path.join(ctx.config.auditCheckpointDir, FILE), 'utf8').trimEnd().split('\n');
const writeLog = (lines: string[]) =>
  fs.writeFileSync(path.join(ctx.config.auditCheckpointDir, FILE), `${lines.join('\n')}\n`);

describe('the rewrite attack', () => {
  it('passes the chain check on its own, and is found by the checkpoints with where it happened', async () => {
    const u = await unitWithCheckpoints();
    expect(await u.checkpoint()).toBe(1);
    const first = (await u.head()).seq;
    await u.office.post('/api/departments', { name: '信访股', sortOrder: 7 });
    await u.office.post('/api/departments', { name: '档案股', sortOrder: 8 });
    ctx.clock.advance(HOUR);
    expect(await u.checkpoint()).toBe(1);
    expect(await u.checkpoint()).toBe(0); // the head did not move
    await u.office.post('/api/departments', { name: '法规股', sortOrder: 9 });
    expect(await u.report()).toMatchObject({
      ok: true,
      units: [{ ok: true, checkpoints: { checked: 2, latest: { seq: first + 2 }, problem: null } }],
    });

    await rewriteHistory(ctx.database.db, u.id, first + 1);

    const [old] = await verifyAudit(ctx.database.db, u.id);
    expect(old!.firstBreak).toBeNull(); // what `zuofeng audit verify` checked before: the forged chain holds
    const r = await u.report();
    expect(r.ok).toBe(false);
    expect(r.units[0]!.checkpoints.problem).toMatchObject({ kind: 'rewritten', seq: first + 2, lastGoodSeq: first });
    expect(r.units[0]!.messages).toHaveLength(1);
    expect(r.units[0]!.messages[0]).toMatch(
      new RegExp(
        `^审计记录被改写：改写发生在第 ${first + 2} 条之前（含第 ${first + 2} 条，第 ${first} 条及以前与检查点一致）。检查点（2026-11-30 11:00:00）记录第 ${first + 2} 条的哈希为 [0-9a-f]{12}…，数据库中为 [0-9a-f]{12}…$`,
      ),
    );

    const auditor = await signIn(ctx, u.unit.user('auditor'));
    const api = (await auditor.get('/api/audit/verify')).json();
    expect(api).toMatchObject({
      ok: false,
      firstBreak: null,
      checkpoints: { checked: 2, problem: { kind: 'rewritten', seq: first + 2 } },
    });
    expect(api.messages[0]).toContain(`改写发生在第 ${first + 2} 条之前`);
  });

  it('finds events removed from the end with the head moved back', async () => {
    const u = await unitWithCheckpoints();
    await u.checkpoint();
    const { seq } = await u.head();
    const [kept] = rowsOf<{ hash: string }>(
      await ctx.database.db.execute(sql`select hash from audit_events where unit_id = ${u.id} and seq = ${seq - 2}`),
    );
    await asDatabaseAdmin(
      ctx.database.db,
      sql`delete from audit_events where unit_id = ${u.id} and seq > ${seq - 2}`,
      sql`update units set audit_seq = ${seq - 2}, audit_head = ${kept!.hash} where id = ${u.id}`,
    );
    const r = await u.report();
    expect(r.units[0]!.firstBreak).toBeNull();
    expect(r.units[0]!.messages).toEqual([
      `审计记录被删除：检查点（2026-11-30 10:00:00）记录到第 ${seq} 条，数据库中只到第 ${seq - 2} 条`,
    ]);
  });
});

describe('the checkpoint file', () => {
  it('is append-only lines in a directory of its own, signed with the key outside the database, chained line to line', async () => {
    const a = await unitWithCheckpoints();
    const b = await unitWithCheckpoints();
    await a.checkpoint();
    await b.checkpoint();
    expect(fs.statSync(ctx.config.auditCheckpointDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(ctx.config.auditCheckpointDir, FILE)).mode & 0o777).toBe(0o600);
    const [l1, l2] = readLog().map((l) => JSON.parse(l));
    expect(l1).toMatchObject({
      n: 1,
      unitId: a.id,
      seq: (await a.head()).seq,
      hash: (await a.head()).head,
      at: '2026-11-30T02:00:00.000Z',
      prev: '0'.repeat(64),
    });
    expect(l1.alg).toBe(`hmac-${hashAlgOf()}`); // HMAC-SM3 when ZUOFENG_CRYPTO=gm
    expect(
      rowsOf<{ alg: string }>(
        await ctx.database.db.execute(sql`select distinct alg from audit_events where unit_id = ${a.id}`),
      ),
    ).toEqual([{ alg: hashAlgOf() }]);
    expect(l2).toMatchObject({ n: 2, unitId: b.id, prev: l1.mac });
    const recorded = rowsOf<{ seq: number; line: number }>(
      await ctx.database.db.execute(sql`select seq, line from audit_checkpoints where unit_id = ${b.id}`),
    );
    expect(recorded).toEqual([{ seq: (await b.head()).seq, line: 2 }]);
  });

  it('reports a line edited, removed or moved as a tampered checkpoint file', async () => {
    const a = await unitWithCheckpoints();
    const b = await unitWithCheckpoints();
    await a.checkpoint();
    await b.checkpoint();
    await a.office.post('/api/departments', { name: '信访股', sortOrder: 7 });
    await a.checkpoint();
    const lines = readLog();
    expect((await a.report()).ok).toBe(true);

    writeLog([lines[0]!.replace(/"seq":\d+/, '"seq":1'), lines[1]!, lines[2]!]);
    const edited = await a.report();
    expect(edited.ok).toBe(false);
    expect(edited.log.problems.map((p) => p.message)).toEqual([`检查点文件被篡改：${FILE} 第 1 行签名不符`]);
    const auditor = await signIn(ctx, a.unit.user('auditor'));
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({
      ok: false,
      messages: [`检查点文件被篡改：${FILE} 第 1 行签名不符`],
    });

    writeLog([lines[0]!, lines[2]!]);
    const removed = await b.report();
    expect(removed.log.problems.map((p) => p.message)).toEqual([
      `检查点文件被篡改：${FILE} 第 2 行之前缺少 1 条检查点（第 2 号）`,
    ]);
    expect(removed.units[0]!.messages[0]).toMatch(
      /^检查点缺失：数据库记录本单位在 2026-11-30 10:00:00 写入了第 \d+ 条的检查点，检查点文件中却没有这一行/,
    );

    writeLog([lines[1]!, lines[0]!, lines[2]!]);
    expect((await a.report()).log.problems.map((p) => p.line)).toEqual([1, 2, 3]);
  });

  it('missing altogether, while the database recorded checkpoints, fails verification', async () => {
    const u = await unitWithCheckpoints();
    await u.checkpoint();
    fs.rmSync(ctx.config.auditCheckpointDir, { recursive: true });
    const r = await u.report();
    expect(r).toMatchObject({ ok: false, log: { files: [], lines: 0, problems: [] } });
    expect(r.units[0]!.checkpoints.problem).toMatchObject({ kind: 'missing', seq: (await u.head()).seq });
    expect(r.units[0]!.messages[0]).toContain('ZUOFENG_AUDIT_CHECKPOINT_DIR 指向了别处');
  });

  it('cannot be silenced from the database: a head marked as checkpointed without a line is reported', async () => {
    const u = await unitWithCheckpoints();
    await u.checkpoint();
    await u.office.post('/api/departments', { name: '信访股', sortOrder: 7 });
    const now = await u.head();
    await asDatabaseAdmin(
      ctx.database.db,
      sql`update audit_checkpoints set seq = ${now.seq}, hash = ${now.head} where unit_id = ${u.id}`,
    );
    expect(await u.checkpoint()).toBe(0);
    expect((await u.report()).units[0]!.checkpoints.problem).toMatchObject({ kind: 'missing', seq: now.seq });
  });

  it('continues after a line cut short by a crash, which verification names', async () => {
    const u = await unitWithCheckpoints();
    await u.checkpoint();
    fs.appendFileSync(path.join(ctx.config.auditCheckpointDir, FILE), '{"n":2,"unitId":"');
    await u.office.post('/api/departments', { name: '信访股', sortOrder: 7 });
    await u.checkpoint();
    const lines = readLog();
    expect(JSON.parse(lines[2]!)).toMatchObject({ n: 2, prev: JSON.parse(lines[0]!).mac });
    const r = await u.report();
    expect(r.log.problems.map((p) => p.message)).toEqual([`检查点文件被篡改：${FILE} 第 2 行不是有效的检查点`]);
    expect(r.units[0]).toMatchObject({ ok: true, checkpoints: { checked: 2 } });
  });
});

describe('国密: the chain and the checkpoints in SM3', () => {
  /** Appends `n` events hashed with `alg`, as recordAudit does under that mode. */
  async function append(unitId: string, n: number, alg: AuditHashAlg) {
    for (let i = 0; i < n; i++) {
      await ctx.database.db.transaction((tx) =>
        appendAuditEvent(
          tx,
          SYSTEM_ACTOR,
          ctx.clock.now(),
          { unitId, entityType: 'unit', entityId: unitId, action: 'test', after: { alg, i } },
          alg,
        ),
      );
    }
  }
  async function mixedUnit() {
    const u = await unitWithCheckpoints();
    await append(u.id, 3, 'sha256');
    await u.checkpoint('sha256');
    ctx.clock.advance(HOUR);
    await append(u.id, 3, 'sm3');
    await u.checkpoint('sm3');
    return u;
  }
  const algs = async (unitId: string) =>
    rowsOf<{ alg: string }>(
      await ctx.database.db.execute(sql`select distinct alg from audit_events where unit_id = ${unitId} order by alg`),
    ).map((r) => r.alg);

  it('a chain written half in the default mode and half in gm verifies, with checkpoints of both', async () => {
    const u = await mixedUnit();
    expect(await algs(u.id)).toEqual(['sha256', 'sm3']);
    const macs = readLog()
      .map((l) => JSON.parse(l))
      .filter((l) => l.unitId === u.id)
      .map((l) => l.alg);
    expect(macs.slice(-2)).toEqual(['hmac-sha256', 'hmac-sm3']);
    expect((await u.report()).units[0]).toMatchObject({
      ok: true,
      firstBreak: null,
      checkpoints: { checked: macs.length, problem: null },
    });
  });

  it('finds an edit in either half, and the rewrite attack across them', async () => {
    for (const alg of ['sha256', 'sm3'] as const) {
      const u = await mixedUnit();
      const [e] = rowsOf<{ seq: number }>(
        await ctx.database.db.execute(
          sql`select max(seq) as seq from audit_events where unit_id = ${u.id} and alg = ${alg}`,
        ),
      );
      await asDatabaseAdmin(
        ctx.database.db,
        sql`update audit_events set after = '{"alg":"x"}'::jsonb where unit_id = ${u.id} and seq = ${e!.seq}`,
      );
      expect((await u.report()).units[0]!.firstBreak).toEqual({ seq: e!.seq, reason: 'hash_mismatch' });
    }
    const u = await mixedUnit();
    const { seq } = await u.head();
    await rewriteHistory(ctx.database.db, u.id, seq - 4); // a SHA-256 event; every later one (SM3 too) recomputed
    const r = (await u.report()).units[0]!;
    expect(r.firstBreak).toBeNull();
    expect(r.checkpoints.problem).toMatchObject({ kind: 'rewritten', seq: seq - 3 });
  });
});

describe('the daily mail of checkpoints', () => {
  it("sends the unit's latest checkpoint line to its users holding audit.read who gave a mail address, and to nobody else", async () => {
    const smtp = await startSmtp();
    try {
      const u = await unitWithCheckpoints();
      // The demo's `auditor` login has no person, so no mailbox: the security administrator links it to a member of staff.
      const security = await signIn(ctx, u.unit.user('security'));
      const userNamed = async (login: string) =>
        (
          (await security.get(`/api/users?q=${u.unit.user(login)}`)).json().items as {
            id: string;
            username: string;
            personId: string | null;
          }[]
        ).find((x) => x.username === u.unit.user(login))!;
      const staff = await userNamed('member2');
      expect(
        (await security.patch(`/api/users/${(await userNamed('auditor')).id}`, { personId: staff.personId }))
          .statusCode,
      ).toBe(200);
      const auditor = await signIn(ctx, u.unit.user('auditor'));
      const member = await signIn(ctx, u.unit.user('member1'));
      for (const [who, email] of [
        [u.office, 'office@example.cn'],
        [member, 'member@example.cn'],
        [auditor, 'auditor@example.cn'],
      ] as const) {
        expect(
          (
            await who.put('/api/me/notification-preferences', {
              groupRobot: true,
              mail: false,
              email,
              mailDigest: false,
            })
          ).statusCode,
        ).toBe(200);
      }
      await u.checkpoint();
      await u.office.post('/api/departments', { name: '信访股', sortOrder: 7 });
      ctx.clock.advance(HOUR);
      await u.checkpoint();
      const send = smtpSender(smtp.url, '作风督办 <zf@example.cn>');
      expect(await mailCheckpointDigest(ctx.database.db, ctx.config, send, ctx.clock.now())).toBe(1);
      expect(smtp.received.map((m) => m.to)).toEqual([['auditor@example.cn']]);
      const text = decodeParts(smtp.received[0]!.data)['text/plain']!;
      expect(text).toContain(`审计检查点日报：${u.unit.unit.name}（2026-11-30）`);
      expect(text).toContain(`检查点原文：${readLog().at(-1)}`);
      ctx.clock.advance(25 * HOUR); // nothing moved since: nothing to send
      expect(await mailCheckpointDigest(ctx.database.db, ctx.config, send, ctx.clock.now())).toBe(0);
    } finally {
      await smtp.close();
    }
  });
});
