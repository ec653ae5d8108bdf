import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { sweepReminders } from '../src/server/jobs/reminder-sweep.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * 请销假 through the API. The demo's 郑伟 (member3, 综合科) holds the post 党建及意识形态 with 吴婷 (member2)
 * as B; his head is 赵敏 (branch), his 分管领导 李红梅 (leader1). 杨帆 (member5) heads another department.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let c: Record<'owner' | 'backup' | 'head' | 'leader' | 'otherHead' | 'office' | 'discipline' | 'auditor', Client>;
const REASON = '家中老人住院需陪护';
const personOf = async (x: Client) => (await x.get('/api/auth/me')).json().user.personId as string;
const inbox = async (x: Client) =>
  (await x.get('/api/inbox?pageSize=100')).json().items as { kind: string; title: string; body: string }[];

/** Signs everyone in (again after the clock moves days on: sessions end when idle). */
async function signInAll() {
  const logins = {
    owner: 'member3',
    backup: 'member2',
    head: 'branch',
    leader: 'leader1',
    otherHead: 'member5',
    office: 'office',
    discipline: 'discipline',
    auditor: 'auditor',
  } as const;
  c = Object.fromEntries(
    await Promise.all(Object.entries(logins).map(async ([k, l]) => [k, await signIn(ctx, unit.user(l))])),
  );
}

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  await signInAll();
});

const request = (body: Record<string, unknown>) =>
  c.owner.post('/api/leave', { kind: 'personal', fromDate: '2026-12-01', toDate: '2026-12-07', ...body });

describe('leave (请销假)', () => {
  it('goes head → 分管领导 above the threshold, lets the B post act while it lasts, and stops at 销假', async () => {
    // Monday 2026-11-30: an item of 郑伟's received four weeks ago, overdue by now.
    const dept = (await c.office.get('/api/departments')).json()[0].id;
    const item = (
      await c.office.post('/api/items', {
        title: '党建台账整理',
        leadDepartmentId: dept,
        ownerPersonId: await personOf(c.owner),
        receivedOn: '2026-11-02',
      })
    ).json();
    expect(item.backupPersonId).toBe(await personOf(c.backup));

    const length = (await c.owner.get('/api/leave/length?fromDate=2026-12-01&toDate=2026-12-07')).json();
    expect(length).toEqual({ halfDays: 10, leaderRequired: true }); // Tue–Fri and Monday: 5 working days > 3
    let leave = (await request({ reason: REASON })).json();
    expect(leave).toMatchObject({ status: 'pending', step: 'head', awaitingNames: ['赵敏'], reason: REASON });
    expect(leave.can).toMatchObject({ approve: false, withdraw: true });
    expect((await c.owner.post(`/api/leave/${leave.id}/approve`, { version: leave.version })).statusCode).toBe(403);
    // The 分管领导 has no part in it before the head's decision.
    expect((await c.leader.post(`/api/leave/${leave.id}/approve`, { version: leave.version })).statusCode).toBe(404);

    const toApprove = (await c.head.get('/api/leave?scope=approve')).json();
    expect(toApprove.items.map((l: { id: string }) => l.id)).toEqual([leave.id]);
    leave = (await c.head.post(`/api/leave/${leave.id}/approve`, { version: leave.version })).json();
    expect(leave).toMatchObject({ status: 'pending', step: 'leader', awaitingNames: ['李红梅'] });
    // A stale version changes nothing.
    expect((await c.leader.post(`/api/leave/${leave.id}/approve`, { version: leave.version - 1 })).statusCode).toBe(
      409,
    );
    leave = (await c.leader.post(`/api/leave/${leave.id}/approve`, { version: leave.version })).json();
    expect(leave).toMatchObject({ status: 'approved', step: null, awaitingNames: [] });
    expect((await inbox(c.owner)).map((n) => n.title)).toContain('请假已批准');

    // Wednesday 2026-12-02, 09:00: the overdue reminder goes to 吴婷, who may act on the item.
    ctx.clock.current = new Date('2026-12-02T01:00:00Z');
    await signInAll();
    const ownerBefore = (await inbox(c.owner)).filter((n) => n.kind === 'overdue').length;
    await sweepReminders(ctx.database.db, ctx.clock.now());
    expect((await inbox(c.backup)).filter((n) => n.kind === 'overdue')).toHaveLength(1);
    expect((await inbox(c.owner)).filter((n) => n.kind === 'overdue')).toHaveLength(ownerBefore);
    const seen = (await c.backup.get(`/api/items/${item.id}`)).json();
    expect([seen.backupActing, seen.can.sign]).toEqual([true, true]);

    // 销假 on Thursday: back at work that day, the reminders are his again.
    ctx.clock.current = new Date('2026-12-03T01:00:00Z');
    await signInAll();
    expect(
      (await c.owner.post(`/api/leave/${leave.id}/return`, { version: leave.version, returnedOn: '2026-12-04' })).json()
        .message,
    ).toBe('销假日期不能晚于今天');
    leave = (
      await c.owner.post(`/api/leave/${leave.id}/return`, { version: leave.version, returnedOn: '2026-12-03' })
    ).json();
    expect(leave).toMatchObject({ status: 'returned', returnedOn: '2026-12-03' });
    await sweepReminders(ctx.database.db, ctx.clock.now());
    expect((await inbox(c.backup)).filter((n) => n.kind === 'overdue')).toHaveLength(1);
    expect((await inbox(c.owner)).filter((n) => n.kind === 'overdue')).toHaveLength(ownerBefore + 1);
    expect((await c.backup.get(`/api/items/${item.id}`)).json().backupActing).toBe(false);
  });

  it('refuses a leave overlapping another, with nothing changed; half days touching at noon are fine', async () => {
    ctx.clock.current = new Date('2026-11-30T02:00:00Z');
    await signInAll();
    const total = async () => (await c.owner.get('/api/leave?scope=mine')).json().total as number;
    const before = await total();
    const first = await request({ fromDate: '2026-12-14', toDate: '2026-12-15', endsAtNoon: true });
    expect(first.statusCode).toBe(200);
    const clash = await request({ fromDate: '2026-12-15', toDate: '2026-12-15' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().message).toBe('与已有的请假（2026-12-14 至 2026-12-15）时间重叠，请调整日期或先撤销原请假');
    expect(await total()).toBe(before + 1);
    const afternoon = await request({ fromDate: '2026-12-15', toDate: '2026-12-15', startsAfternoon: true });
    expect(afternoon.json()).toMatchObject({ status: 'pending', halfDays: 1 });
    // Weekend days only: nothing to ask leave for.
    expect((await request({ fromDate: '2026-12-19', toDate: '2026-12-20' })).json().message).toBe(
      '所选期间均为非工作日，无需请假',
    );
    expect(await total()).toBe(before + 2);
    // Withdrawn with a reason, the days are free again.
    const w = first.json();
    expect(
      (await c.owner.post(`/api/leave/${w.id}/withdraw`, { version: w.version, reason: '工作安排调整' })).json(),
    ).toMatchObject({ status: 'withdrawn' });
    expect((await request({ fromDate: '2026-12-14', toDate: '2026-12-14' })).statusCode).toBe(200);
  });

  it("keeps the reason from another department's head, the office and the audit trail", async () => {
    const [leave] = (await c.owner.get('/api/leave?scope=mine&status=returned')).json().items;
    expect(leave.reason).toBe(REASON);
    expect((await c.otherHead.get(`/api/leave/${leave.id}`)).statusCode).toBe(404);
    expect((await c.otherHead.get('/api/leave?scope=unit&pageSize=100')).json().items).toEqual([]);
    const byOffice = (await c.office.get(`/api/leave/${leave.id}`)).json();
    expect(byOffice).toMatchObject({ personName: '郑伟', status: 'returned', reason: null });
    expect((await c.discipline.get(`/api/leave/${leave.id}`)).json().reason).toBe(REASON);
    expect((await c.head.get(`/api/leave/${leave.id}`)).json().reason).toBe(REASON);
    const unitList = (await c.office.get('/api/leave?scope=unit&month=2026-12&pageSize=100')).json();
    expect(unitList.total).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(unitList)).not.toContain(REASON);
    // The audit trail records every step, without the reason — also for those who read its details.
    const events = (await c.auditor.get(`/api/audit/events?entityType=leave_request&entityId=${leave.id}`)).json();
    expect(events.items.length).toBe(4);
    expect(JSON.stringify(events)).not.toContain(REASON);
    expect(JSON.stringify((await c.auditor.get('/api/audit/events?pageSize=100')).json())).not.toContain(REASON);
    // Not in the stored events either (the page hides a sensitive object's details from the auditor anyway).
    const stored = rowsOf<{ n: number }>(
      await ctx.database.db.execute(
        sql`select count(*)::int as n from audit_events where entity_type = 'leave_request' and unit_id = ${unit.unit.id}
          and (coalesce(before::text, '') || coalesce(after::text, '')) like ${'%' + REASON + '%'}`,
      ),
    );
    expect(stored[0]!.n).toBe(0);
    const all = rowsOf<{ n: number }>(
      await ctx.database.db.execute(
        sql`select count(*)::int as n from audit_events where entity_type = 'leave_request' and entity_id = ${leave.id}`,
      ),
    );
    expect(all[0]!.n).toBe(4);
    for (const x of [c.head, c.leader, c.owner]) expect(JSON.stringify(await inbox(x))).not.toContain(REASON);
  });

  it("sends a head's own leave to the 分管领导, who alone approves it", async () => {
    const leave = (
      await c.head.post('/api/leave', { kind: 'annual', fromDate: '2027-01-04', toDate: '2027-01-08' })
    ).json();
    expect(leave).toMatchObject({ status: 'pending', awaitingNames: ['李红梅'], leaderRequired: true, reason: '' });
    expect((await c.head.post(`/api/leave/${leave.id}/approve`, { version: leave.version })).statusCode).toBe(403);
    const rejected = await c.leader.post(`/api/leave/${leave.id}/reject`, {
      version: leave.version,
      reason: '年底工作集中',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectedReason: '年底工作集中' });
    const again = (
      await c.head.post('/api/leave', { kind: 'annual', fromDate: '2027-01-04', toDate: '2027-01-08' })
    ).json();
    const approved = (await c.leader.post(`/api/leave/${again.id}/approve`, { version: again.version })).json();
    expect(approved.status).toBe('approved');
  });
});

describe('bounded leave dates (review 14)', () => {
  it('refuses a span over 366 days or a start more than a year back, in request and length alike, nothing changed', async () => {
    await signInAll();
    const before = (await c.owner.get('/api/leave?pageSize=100')).json().total;
    for (const [fromDate, toDate, message] of [
      ['2027-01-04', '9999-12-31', '366'],
      ['2027-01-04', '2028-01-05', '366'],
      ['2025-11-01', '2025-11-03', '一年'],
    ] as const) {
      const res = await request({ fromDate, toDate });
      expect(res.statusCode, `${fromDate}..${toDate}`).toBe(400);
      expect(res.json().message).toContain(message);
      const length = await c.owner.get(`/api/leave/length?fromDate=${fromDate}&toDate=${toDate}`);
      expect(length.statusCode).toBe(400);
      expect(length.json().message).toContain(message);
    }
    expect((await c.owner.get('/api/leave?pageSize=100')).json().total).toBe(before);
    // A year exactly is still one request.
    expect((await c.owner.get('/api/leave/length?fromDate=2027-01-04&toDate=2028-01-04')).statusCode).toBe(200);
  });
});
