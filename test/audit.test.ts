import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/server/modules/audit/audit.service.js';
import { newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { asDatabaseAdmin } from './audit-attack.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await testApp();
});

const verifyUnit = async (unitId: string) => (await verifyAudit(ctx.database.db, unitId))[0]!;

describe('the audit chain', () => {
  it('holds one event per write, in order, and verifies intact', async () => {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const auditor = await signIn(ctx, unit.user('auditor'));
    const before = await verifyUnit(unit.unit.id);
    await office.post('/api/departments', { name: '信访股', sortOrder: 7 });
    const after = await verifyUnit(unit.unit.id);
    expect(after.events).toBe(before.events + 1);
    expect(after.firstBreak).toBeNull();
    expect((await auditor.get('/api/audit/verify')).json()).toEqual({
      ok: true,
      events: after.events,
      firstBreak: null,
      checkpoints: { checked: 0, latest: null, problem: null, overdue: null },
      messages: [],
      notes: [],
    });
  });

  it('finds an edited event at its seq', async () => {
    const unit = await newDemoUnit(ctx);
    await asDatabaseAdmin(
      ctx.database.db,
      sql`update audit_events set after = '{"name":"篡改"}'::jsonb where unit_id = ${unit.unit.id} and seq = 5`,
    );
    expect((await verifyUnit(unit.unit.id)).firstBreak).toEqual({ seq: 5, reason: 'hash_mismatch' });
    const auditor = await signIn(ctx, unit.user('auditor'));
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({
      ok: false,
      firstBreak: { seq: 5 },
      messages: ['审计链在第 5 条处断开（记录内容被改动，hash_mismatch）'],
    });
  });

  it('finds a deleted event, in the middle or at the end', async () => {
    const unit = await newDemoUnit(ctx);
    await asDatabaseAdmin(ctx.database.db, sql`delete from audit_events where unit_id = ${unit.unit.id} and seq = 9`);
    expect((await verifyUnit(unit.unit.id)).firstBreak).toEqual({ seq: 9, reason: 'sequence_gap' });
    const other = await newDemoUnit(ctx);
    const { events } = await verifyUnit(other.unit.id);
    await asDatabaseAdmin(
      ctx.database.db,
      sql`delete from audit_events where unit_id = ${other.unit.id} and seq = ${events}`,
    );
    expect((await verifyUnit(other.unit.id)).firstBreak).toEqual({ seq: events, reason: 'sequence_gap' });
  });

  it('keeps one unit intact when another is tampered with', async () => {
    const a = await newDemoUnit(ctx);
    const b = await newDemoUnit(ctx);
    await asDatabaseAdmin(
      ctx.database.db,
      sql`update audit_events set actor_name = '某人' where unit_id = ${a.unit.id} and seq = 2`,
    );
    expect((await verifyUnit(b.unit.id)).firstBreak).toBeNull();
  });

  it("lets anyone read their own user's history but not others' without audit.read", async () => {
    const unit = await newDemoUnit(ctx);
    const member = await signIn(ctx, unit.user('member1'));
    const me = (await member.get('/api/auth/me')).json();
    expect((await member.get(`/api/audit/events?entityType=user&entityId=${me.user.id}`)).statusCode).toBe(200);
    expect((await member.get('/api/audit/events')).statusCode).toBe(403);
  });

  it("keeps an account's trail (logins, grants, resets) to the security and audit administrators and its owner", async () => {
    const unit = await newDemoUnit(ctx);
    const member = await signIn(ctx, unit.user('member1'));
    const id = (await member.get('/api/auth/me')).json().user.id;
    const trail = `/api/audit/events?entityType=user&entityId=${id}`;
    // history.read (another object's history) is not enough: the system administrator, the office, the party secretary, discipline.
    for (const login of ['admin', 'office', 'secretary', 'discipline', 'member2']) {
      const res = await (await signIn(ctx, unit.user(login))).get(trail);
      expect([res.statusCode, res.json().code], login).toEqual([403, 'forbidden']);
    }
    for (const login of ['security', 'auditor']) {
      const res = await (await signIn(ctx, unit.user(login))).get(trail);
      expect(res.statusCode, login).toBe(200);
      expect(
        res.json().items.map((e: { action: string }) => e.action),
        login,
      ).toContain('login');
    }
    expect((await member.get(trail)).json().items.length).toBeGreaterThan(0);
    // The history of other objects stays open with history.read.
    const office = await signIn(ctx, unit.user('office'));
    const person = (await office.get('/api/people?pageSize=1')).json().items[0];
    expect((await office.get(`/api/audit/events?entityType=person&entityId=${person.id}`)).statusCode).toBe(200);
  });
});
