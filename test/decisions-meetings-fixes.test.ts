import { beforeAll, describe, expect, it } from 'vitest';
import { insertPosition } from '../src/server/modules/decisions/session.service.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { actorOf } from './walk-fixtures.js';

/**
 * Findings of the review of issue 18 on meetings: the 党组书记 states last whoever chairs (3), a position cannot
 * follow a decision (8), a meeting's date is bounded (10a).
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const as: Record<string, Client> = {};
const c = (l: string) => as[l]!;
const pid = (name: string) => unit.personId.get(name)!;
const LEADERS = ['王建国', '李红梅', '张志强', '刘海峰', '陈静'];

type Item = {
  id: string;
  seq: number;
  title: string;
  followUpOf: { id: string } | null;
  version: number;
  outcome: string | null;
  principalId: string | null;
  maySpeakIds: string[];
  positions: { name: string; isPrincipal: boolean }[];
};
type Meeting = { id: string; version: number; title: string; status: string; items: Item[] };

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Meeting;
}
async function refused(res: { statusCode: number; body: string; json: () => { message: string } }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().message;
}
const get = async (id: string) => ok(await c('secretary').get(`/api/decisions/meetings/${id}`));

/** A 党组会 of all five leaders with one ordinary item, opened with everyone present. */
async function heldMeeting(heldOn: string, extra: object = {}) {
  return openMeeting(await preparedMeeting(heldOn, extra));
}
async function preparedMeeting(heldOn: string, extra: object = {}) {
  const m = await ok(
    await c('office').post('/api/decisions/meetings', {
      kind: 'party_group',
      heldOn,
      unplannedReason: '研究日常工作',
      memberIds: LEADERS.map(pid),
      ...extra,
    }),
  );
  await ok(await c('office').post(`/api/decisions/meetings/${m.id}/items`, { title: '办公用房调整方案' }));
  return get(m.id);
}
async function openMeeting(prepared: Meeting) {
  const m = prepared;
  await ok(
    await c('office').post(`/api/decisions/meetings/${m.id}/open`, {
      presentIds: LEADERS.map(pid),
      absences: [],
      version: prepared.version,
    }),
  );
  return get(m.id);
}
const speak = (m: Meeting, it: Item, name: string) =>
  c('office').post(`/api/decisions/meetings/${m.id}/items/${it.id}/positions`, {
    personId: pid(name),
    position: 'agree',
    remark: '',
  });

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  for (const l of ['office', 'secretary']) as[l] = await signIn(ctx, unit.user(l));
});

describe('finding 3: the 党组书记 states last whoever chairs', () => {
  it('a meeting chaired by 李红梅 still refuses 王建国 first, nothing recorded; he is listed as the principal', async () => {
    const m = await heldMeeting('2026-12-01', { chairPersonId: pid('李红梅') });
    const it0 = m.items[0]!;
    expect(it0.principalId).toBe(pid('王建国'));
    expect(it0.maySpeakIds).not.toContain(pid('王建国'));
    expect(it0.maySpeakIds).toContain(pid('李红梅'));
    expect(await refused(await speak(m, it0, '王建国'), 400)).toBe('主要负责人应当最后表态：还有4名成员未表态');
    expect((await get(m.id)).items[0]!.positions).toHaveLength(0);
    for (const n of ['李红梅', '张志强', '刘海峰', '陈静']) await ok(await speak(m, it0, n));
    const after = await ok(await speak(m, it0, '王建国'));
    expect(after.items[0]!.positions.map((p) => [p.name, p.isPrincipal])).toEqual([
      ['李红梅', false],
      ['张志强', false],
      ['刘海峰', false],
      ['陈静', false],
      ['王建国', true],
    ]);
  });
});

describe('finding 8: no position after the item is decided', () => {
  it('a position racing a 缓议 is refused once the item is decided, and none is recorded after the decision', async () => {
    const m = await heldMeeting('2026-12-02');
    const it0 = m.items[0]!;
    const decide = c('office').post(`/api/decisions/meetings/${m.id}/items/${it0.id}/decide`, {
      outcome: 'deferred',
      conclusion: '材料不全，下次会议再议',
      decisions: [],
      version: it0.version,
    });
    const [d, p] = await Promise.all([decide, speak(m, it0, '李红梅')]);
    expect(d.statusCode, d.body).toBe(200);
    const after = (await get(m.id)).items[0]!;
    expect(after.outcome).toBe('deferred');
    // Either the position came first (and the 缓议 followed it) or it was refused; never recorded after.
    if (p.statusCode === 200) expect(after.positions).toHaveLength(1);
    else {
      expect(p.statusCode, p.body).toBe(400);
      expect(after.positions).toHaveLength(0);
    }
    expect(await refused(await speak(m, it0, '张志强'), 400)).toBe('该议题已作出决定');
    expect((await get(m.id)).items[0]!.positions).toHaveLength(after.positions.length);
  });
  it('the step inside the transaction re-reads the locked item: a position checked before a 缓议 is refused after it', async () => {
    const m = await heldMeeting('2026-12-04');
    const it0 = m.items[0]!;
    // The request read the item undecided; the 缓议 is recorded before its transaction runs.
    await ok(
      await c('office').post(`/api/decisions/meetings/${m.id}/items/${it0.id}/decide`, {
        outcome: 'deferred',
        conclusion: '下次会议再议',
        decisions: [],
        version: it0.version,
      }),
    );
    const deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config };
    const actor = await actorOf(ctx.database.db, unit.user('office'));
    const step = ctx.database.db.transaction((tx) =>
      insertPosition(
        tx,
        deps,
        actor,
        { meetingId: m.id, itemId: it0.id },
        {
          personId: pid('李红梅'),
          position: 'agree',
          remark: '',
        },
      ),
    );
    await expect(step).rejects.toMatchObject({ message: '该议题已作出决定' });
    expect((await get(m.id)).items[0]!.positions).toHaveLength(0);
  });
});

/** Every leader agrees (the secretary last) and the item is adopted with one 议定事项. */
async function adopt(m: Meeting, seq: number) {
  const it = (await get(m.id)).items.find((i) => i.seq === seq)!;
  for (const n of ['李红梅', '张志强', '刘海峰', '陈静', '王建国']) await ok(await speak(m, it, n));
  return ok(
    await c('office').post(`/api/decisions/meetings/${m.id}/items/${it.id}/decide`, {
      outcome: 'adopted',
      conclusion: '同意',
      decisions: [
        { text: '落实办公用房调整', ownerPersonId: pid('周凯'), leadDepartmentId: unit.deptIds[0], due: '2027-01-29' },
      ],
      version: (await get(m.id)).items.find((i) => i.seq === seq)!.version,
    }),
  );
}
const agenda = async (id: string) => (await get(id)).items.map((i) => [i.seq, i.title, i.followUpOf?.id ?? null]);

describe('finding 7: the follow-up reaches a meeting created before the previous one decided', () => {
  it('at the opening of the next meeting (局长办公会)', async () => {
    const first = await heldMeeting('2026-12-08', { kind: 'director_office' });
    const next = await preparedMeeting('2026-12-15', { kind: 'director_office' });
    expect(await agenda(next.id)).toEqual([[1, '办公用房调整方案', null]]);
    await adopt(first, 1);
    await openMeeting(next);
    expect(await agenda(next.id)).toEqual([
      [1, '上次会议议定事项落实情况', first.id],
      [2, '办公用房调整方案', null],
    ]);
  });

  it('when the previous meeting closes, once; a second meeting on the same day follows the first', async () => {
    const first = await heldMeeting('2026-12-09');
    const next = await preparedMeeting('2026-12-16');
    await adopt(first, 1);
    const closing = await get(first.id);
    await ok(
      await c('office').post(`/api/decisions/meetings/${first.id}/close`, {
        durationMinutes: 60,
        version: closing.version,
      }),
    );
    expect(await agenda(next.id)).toEqual([
      [1, '上次会议议定事项落实情况', first.id],
      [2, '办公用房调整方案', null],
    ]);
    // Opening does not add it twice.
    const opened = await openMeeting(await get(next.id));
    expect(await agenda(opened.id)).toHaveLength(2);
    const heard = opened.items[0]!;
    await ok(
      await c('office').post(`/api/decisions/meetings/${next.id}/items/${heard.id}/decide`, {
        outcome: 'adopted',
        noted: true,
        conclusion: '会议听取了落实情况',
        decisions: [],
        version: heard.version,
      }),
    );
    await adopt(next, 2);
    // Held the same day, after it: its follow-up is of `next`, not of `first`.
    const sameDay = await preparedMeeting('2026-12-16');
    expect((await agenda(sameDay.id))[0]).toEqual([1, '上次会议议定事项落实情况', next.id]);
  });
});

describe('finding 10a: a meeting is held within a year back and two years ahead', () => {
  it('refuses 1900-01-01 and 9999-12-31 with a message, nothing created', async () => {
    const before = (await c('office').get('/api/decisions/meetings?pageSize=100')).json().total as number;
    for (const heldOn of ['1900-01-01', '9999-12-31', '2025-11-29', '2028-12-01'])
      expect(
        await refused(
          await c('office').post('/api/decisions/meetings', {
            kind: 'party_group',
            heldOn,
            unplannedReason: '测试日期',
          }),
          400,
        ),
      ).toBe('会议日期应在今天（2026-11-30）前一年至后两年之内');
    expect((await c('office').get('/api/decisions/meetings?pageSize=100')).json().total).toBe(before);
  });
});
