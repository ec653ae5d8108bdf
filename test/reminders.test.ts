import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, rowsOf } from '../src/server/db/client.js';
import { Scheduler } from '../src/server/jobs/scheduler.js';
import { shares, sweepReminders } from '../src/server/jobs/reminder-sweep.js';
import { Client, newDemoUnit, signIn, testApp, TestClock, type TestContext } from './helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});

async function unitWithItems(dues: { receivedOn: string; urgency?: string }[]) {
  const unit = await newDemoUnit(ctx);
  const office = await signIn(ctx, unit.user('office'));
  const owner = await signIn(ctx, unit.user('member1'));
  const ownerId = (await owner.get('/api/auth/me')).json().user.personId;
  const dept = (await office.get('/api/departments')).json()[0].id;
  const items = [];
  for (const [i, d] of dues.entries()) {
    items.push(
      (
        await office.post('/api/items', {
          title: `事项${i}`,
          leadDepartmentId: dept,
          ownerPersonId: ownerId,
          receivedOn: d.receivedOn,
          urgency: d.urgency ?? 'normal',
        })
      ).json(),
    );
  }
  return { unit, office, owner, items };
}
const kinds = async (owner: Client) =>
  (await owner.get('/api/inbox?pageSize=100'))
    .json()
    .items.map((n: { kind: string; title: string }) => `${n.kind}:${n.title}`)
    .sort();

describe('reminders', () => {
  it('tell the owner on assignment, the working day before the due date, and daily while overdue — once each', async () => {
    // 2026-10-12 (Monday): item 0 is due 2026-10-13 (tomorrow), item 1 was due 2026-10-09.
    const { unit, owner, items } = await unitWithItems([{ receivedOn: '2026-09-28' }, { receivedOn: '2026-09-22' }]);
    expect(items.map((i: { due: string }) => i.due)).toEqual(['2026-10-13', '2026-10-09']);
    const at = new Date('2026-10-12T01:00:00Z');
    await sweepReminders(ctx.database.db, at);
    await sweepReminders(ctx.database.db, at);
    expect(await kinds(owner)).toEqual([
      'assigned:新交办：事项0',
      'assigned:新交办：事项1',
      'digest:本周待办：2 项一般事项',
      'due_soon:明日到期：事项0',
      'overdue:已逾期：事项1',
    ]);
    await sweepReminders(ctx.database.db, new Date('2026-10-13T01:00:00Z'));
    const overdue = (await kinds(owner)).filter((k: string) => k.startsWith('overdue'));
    expect(overdue).toEqual(['overdue:已逾期：事项1', 'overdue:已逾期：事项1']);
    // No reminders on an off day (Saturday 2026-10-17).
    const before = (await kinds(owner)).length;
    await sweepReminders(ctx.database.db, new Date('2026-10-17T01:00:00Z'));
    expect((await kinds(owner)).length).toBe(before);
    void unit;
  });

  it('track urgent items every two working hours, and remind important ones at half time', async () => {
    const { owner } = await unitWithItems([
      { receivedOn: '2026-10-12', urgency: 'urgent' },
      { receivedOn: '2026-09-28', urgency: 'important' },
    ]);
    const sweepAt = (iso: string) => sweepReminders(ctx.database.db, new Date(iso));
    await sweepAt('2026-10-09T01:00:00Z'); // Friday 09:00: half of the important item's 7 days
    await sweepAt('2026-10-12T00:00:00Z'); // 08:00, before working hours
    await sweepAt('2026-10-12T01:00:00Z'); // 09:00, slot 0
    await sweepAt('2026-10-12T01:30:00Z'); // 09:30, still slot 0
    await sweepAt('2026-10-12T03:00:00Z'); // 11:00, slot 1
    await sweepAt('2026-10-12T10:00:00Z'); // 18:00, after hours
    const k = await kinds(owner);
    expect(k.filter((x: string) => x.startsWith('urgent'))).toEqual([
      'urgent:紧急件跟踪：事项0',
      'urgent:紧急件跟踪：事项0',
    ]);
    expect(k.filter((x: string) => x.startsWith('halfway'))).toEqual(['halfway:时限过半：事项1']);
  });

  it("send one overdue notice a day per person listing the items, and follow each unit's own calendar", async () => {
    const busy = await unitWithItems([
      { receivedOn: '2026-09-15' },
      { receivedOn: '2026-09-16' },
      { receivedOn: '2026-09-17' },
      { receivedOn: '2026-09-18' },
    ]);
    const local = await unitWithItems([{ receivedOn: '2026-09-21' }]);
    // The second unit has a local day off on Monday 2026-10-12: no reminders there that day.
    expect(
      (await local.office.post('/api/calendar/overrides', { date: '2026-10-12', working: false, reason: '县庆放假' }))
        .statusCode,
    ).toBe(200);
    await sweepReminders(ctx.database.db, new Date('2026-10-12T01:00:00Z'));
    const inbox = (await busy.owner.get('/api/inbox?pageSize=100'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'overdue');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].title).toBe('已逾期：4 项督办事项');
    expect(inbox[0].body).toBe('您有 4 项督办事项已逾期，最早的“事项0”已于 2026-09-23 到期，请立即办理并说明情况。');
    expect((await kinds(local.owner)).filter((k: string) => k.startsWith('overdue'))).toEqual([]);
    await sweepReminders(ctx.database.db, new Date('2026-10-13T01:00:00Z'));
    expect((await kinds(local.owner)).filter((k: string) => k.startsWith('overdue'))).toEqual([
      'overdue:已逾期：事项0',
    ]);
  });

  it('lets the office chase a selection, and the owner read the inbox', async () => {
    const { office, owner, items } = await unitWithItems([{ receivedOn: '2026-11-20' }, { receivedOn: '2026-11-23' }]);
    const res = await office.post('/api/items/chase', {
      itemIds: items.map((i: { id: string }) => i.id),
      message: '请于本周五前反馈进展',
    });
    expect(res.json()).toEqual({ chased: 2 });
    const inbox = (await owner.get('/api/inbox?unread=true')).json();
    expect(inbox.unread).toBe(4);
    expect(
      inbox.items.filter((n: { kind: string }) => n.kind === 'chase').map((n: { body: string }) => n.body),
    ).toEqual(['请于本周五前反馈进展', '请于本周五前反馈进展']);
    await owner.post(`/api/inbox/${inbox.items[0].id}/read`);
    expect((await owner.get('/api/inbox')).json().unread).toBe(3);
    expect((await owner.post('/api/inbox/read-all')).json().updated).toBe(3);
    expect((await owner.post('/api/items/chase', { itemIds: [items[0].id], message: '越权' })).statusCode).toBe(403);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two app instances on one PostgreSQL database', () => {
  it('sweep once between them, and write each reminder once', async () => {
    const { owner } = await unitWithItems([
      { receivedOn: '2026-09-28' },
      { receivedOn: '2026-09-22' },
      { receivedOn: '2026-09-21' },
    ]);
    const [a, b] = [openPostgres(process.env.TEST_DATABASE_URL!, 3), openPostgres(process.env.TEST_DATABASE_URL!, 3)];
    try {
      await a.db.execute(sql`delete from job_leases where name = 'supervision-sweep'`);
      const clock = new TestClock(new Date('2026-10-12T01:00:00Z'));
      const one = new Scheduler(a.db, clock, 60_000);
      const two = new Scheduler(b.db, clock, 60_000);
      const ticks = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).tick()));
      const sweepers = new Set(ticks.map((t, i) => (t.swept ? (i % 2 ? 'one' : 'two') : null)).filter(Boolean));
      expect(sweepers.size).toBe(1);
      const counts = rowsOf<{ dedupe_key: string; n: number }>(
        await a.db.execute(
          sql`select dedupe_key, count(*)::int as n from notifications group by unit_id, dedupe_key having count(*) > 1`,
        ),
      );
      expect(counts).toEqual([]);
      const mine = await kinds(owner);
      // Two overdue items, one notice that lists both.
      expect(mine.filter((k: string) => k.startsWith('overdue'))).toEqual(['overdue:已逾期：2 项督办事项']);
      expect(mine.filter((k: string) => k.startsWith('due_soon'))).toHaveLength(1);
      clock.advance(3 * 60_000);
      const afterExpiry = await Promise.all([one.tick(), two.tick()]);
      expect(afterExpiry.filter((t) => t.swept)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('sweep shares', () => {
  it('deals every unit into at most n non-empty shares, each unit once', () => {
    expect(shares([], 2)).toEqual([]);
    expect(shares(['a'], 2)).toEqual([['a']]);
    expect(shares(['a', 'b', 'c'], 2)).toEqual([['a', 'c'], ['b']]);
    const units = Array.from({ length: 501 }, (_, i) => i);
    const dealt = shares(units, 2);
    expect(dealt.map((s) => s.length)).toEqual([251, 250]);
    expect(dealt.flat().sort((a, b) => a - b)).toEqual(units);
  });
});
