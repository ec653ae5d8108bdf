/** Effective-dated assignments, continued: contact objects maintained, and activities corrected and withdrawn. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { unitFacts } from '../src/server/modules/campaigns/compliance.service.js';
import { contactObjectsRepo } from '../src/server/modules/campaigns/contact-objects.repo.js';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let admin: Client;
let person: Record<string, string>;

beforeAll(async () => {
  ctx = await testApp();
});

// Every test gets its own unit and today's date (2026-11-30).
beforeEach(async () => {
  ctx.clock.current = new Date('2026-11-30T02:00:00Z');
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  admin = await signIn(ctx, unit.user('admin'));
  const people: { id: string; name: string }[] = (await office.get('/api/people?pageSize=100')).json().items;
  person = Object.fromEntries(people.map((p) => [p.name, p.id]));
});

const auditCount = async () => (await admin.get('/api/audit/events?pageSize=1')).json().total as number;

describe('contact objects maintained', () => {
  const objectBody = () => ({ kind: 'village', name: '红星村', assigneeIds: [person['周凯'], person['郑伟']] });
  const historyOf = async (id: string) =>
    (await office.get(`/api/contact-objects/${id}/assignments`))
      .json()
      .items.map((a: { personName: string; from: string | null; to: string | null }) => [a.personName, a.from, a.to]);
  const listed = async (id: string) =>
    (await office.get('/api/contact-objects')).json().find((o: { id: string }) => o.id === id);

  it('are reassigned from a date: the former assignees end the day before, today’s list and the history say so', async () => {
    const o = (await office.post('/api/contact-objects', objectBody())).json();
    expect(o.can).toEqual({ see: true, edit: true, deactivate: true, reactivate: false, reassign: true });
    const res = await office.post(`/api/contact-objects/${o.id}/assignments`, {
      personIds: [person['吴婷']],
      from: '2026-12-01',
      version: o.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().assigneeNames.sort()).toEqual(['周凯', '郑伟'].sort()); // today is 2026-11-30
    expect(await historyOf(o.id)).toEqual([
      ['吴婷', '2026-12-01', null],
      ['周凯', null, '2026-11-30'],
      ['郑伟', null, '2026-11-30'],
    ]);
    ctx.clock.current = new Date('2026-12-01T02:00:00Z');
    office = await signIn(ctx, unit.user('office'));
    expect((await listed(o.id)).assigneeNames).toEqual(['吴婷']);
    const events = (await office.get(`/api/audit/events?entityType=contact_object&entityId=${o.id}`)).json().items;
    expect(events[0]).toMatchObject({ action: 'reassign', after: { personIds: [person['吴婷']], from: '2026-12-01' } });
  });

  it('the assignment history function returns past and current assignees of the unit’s objects', async () => {
    const o = (await office.post('/api/contact-objects', objectBody())).json();
    await office.post(`/api/contact-objects/${o.id}/assignments`, {
      personIds: [person['吴婷'], person['周凯']],
      from: '2026-12-01',
      version: o.version,
    });
    const history = await contactObjectsRepo.assignmentHistory(ctx.database.db, unit.unit.id);
    const mine = history.filter((a) => a.objectId === o.id).map(({ personId, from, to }) => ({ personId, from, to }));
    expect(mine).toEqual(
      expect.arrayContaining([
        { personId: person['周凯'], from: null, to: '2026-11-30' },
        { personId: person['郑伟'], from: null, to: '2026-11-30' },
        { personId: person['周凯'], from: '2026-12-01', to: null },
        { personId: person['吴婷'], from: '2026-12-01', to: null },
      ]),
    );
    expect(mine).toHaveLength(4);
  });

  it('refuse an overlapping reassignment, an unknown person and another unit’s person, changing nothing', async () => {
    const o = (await office.post('/api/contact-objects', objectBody())).json();
    const moved = (
      await office.post(`/api/contact-objects/${o.id}/assignments`, {
        personIds: [person['吴婷']],
        from: '2026-12-01',
        version: o.version,
      })
    ).json();
    const other = await newDemoUnit(ctx);
    const stranger = (await (await signIn(ctx, other.user('office'))).get('/api/people?pageSize=1')).json().items[0].id;
    const before = [await historyOf(o.id), await listed(o.id), await auditCount()];
    const refusals: [string[], string, RegExp][] = [
      [[person['冯雪']!], '2026-11-20', /不能与之重叠/],
      [[person['冯雪']!], '2026-12-01', /不能与之重叠/],
      [['00000000-0000-4000-8000-00000000abcd'], '2026-12-05', /所选人员不存在/],
      [[stranger], '2026-12-05', /所选人员不存在/],
      [[person['冯雪']!], '2062-12-05', /生效日期应在 2000-01-01 至/],
    ];
    for (const [personIds, from, message] of refusals) {
      const res = await office.post(`/api/contact-objects/${o.id}/assignments`, {
        personIds,
        from,
        version: moved.version,
      });
      expect([res.statusCode, res.json().message]).toEqual([400, expect.stringMatching(message)]);
    }
    expect([await historyOf(o.id), await listed(o.id), await auditCount()]).toEqual(before);
  });

  it('are renamed, deactivated with a reason and reactivated, by the office only', async () => {
    const o = (await office.post('/api/contact-objects', objectBody())).json();
    await office.post('/api/contact-objects', { kind: 'village', name: '光明村', assigneeIds: [] });
    const dup = await office.put(`/api/contact-objects/${o.id}`, { name: '光明村', version: o.version });
    expect([dup.statusCode, dup.json().message]).toEqual([400, '已有同名对象“光明村”']);
    const renamed = (await office.put(`/api/contact-objects/${o.id}`, { name: '红星社区', version: o.version })).json();
    expect(renamed.name).toBe('红星社区');
    expect((await office.put(`/api/contact-objects/${o.id}`, { name: '旧名', version: o.version })).statusCode).toBe(
      409,
    );
    expect((await office.post(`/api/contact-objects/${o.id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    const off = (await office.post(`/api/contact-objects/${o.id}/withdraw`, { reason: '帮扶关系调整' })).json();
    expect([off.active, off.withdrawnReason, off.can.reassign, off.can.reactivate]).toEqual([
      false,
      '帮扶关系调整',
      false,
      true,
    ]);
    const body = { personIds: [person['吴婷']], from: '2026-12-05', version: off.version };
    expect((await office.post(`/api/contact-objects/${o.id}/assignments`, body)).statusCode).toBe(403);
    const leader = await signIn(ctx, unit.user('leader1')); // reads campaigns, does not manage them
    expect((await leader.post(`/api/contact-objects/${o.id}/restore`, { reason: '恢复帮扶' })).statusCode).toBe(403);
    const seen = (await leader.get('/api/contact-objects')).json().find((x: { id: string }) => x.id === o.id);
    expect(Object.values(seen.can).filter(Boolean)).toEqual([true]); // see only
    const on = (await office.post(`/api/contact-objects/${o.id}/restore`, { reason: '恢复帮扶' })).json();
    expect([on.active, on.withdrawnReason]).toEqual([true, null]);
    const actions = (await office.get(`/api/audit/events?entityType=contact_object&entityId=${o.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['restore', 'withdraw', 'update', 'create']);
  });

  it('deactivated, end their assignments the day before and keep the date; reactivated, are assigned again from then', async () => {
    const o = (await office.post('/api/contact-objects', objectBody())).json();
    await office.post(`/api/contact-objects/${o.id}/withdraw`, { reason: '帮扶关系调整' });
    expect(await historyOf(o.id)).toEqual([
      ['周凯', null, '2026-11-29'],
      ['郑伟', null, '2026-11-29'],
    ]);
    const facts = await unitFacts(ctx.database.db, unit.unit.id);
    expect(facts.objects.find((x) => x.id === o.id)!.deactivatedOn).toBe('2026-11-30');
    ctx.clock.current = new Date('2026-12-03T02:00:00Z');
    office = await signIn(ctx, unit.user('office'));
    const on = (await office.post(`/api/contact-objects/${o.id}/restore`, { reason: '恢复帮扶' })).json();
    expect(on.assigneeNames.sort()).toEqual(['周凯', '郑伟'].sort());
    expect((await historyOf(o.id)).slice(0, 2).sort()).toEqual([
      ['周凯', '2026-12-03', null],
      ['郑伟', '2026-12-03', null],
    ]);
    const again = await unitFacts(ctx.database.db, unit.unit.id);
    expect(again.objects.find((x) => x.id === o.id)!.deactivatedOn).toBeNull();
  });
});

describe('activities corrected and withdrawn', () => {
  const study = () => ({
    type: 'study',
    title: '集中学习',
    heldOn: '2026-11-20',
    participantIds: [person['周凯'], person['郑伟']],
    minutes: '学习条例',
  });
  const eventsOf = async (id: string) =>
    (await admin.get(`/api/audit/events?entityType=activity&entityId=${id}`)).json().items;

  it('is corrected with a reason at the version read, audited; refused without a reason, stale, or for others', async () => {
    const recorder = await signIn(ctx, unit.user('leader1')); // records, does not manage campaigns
    const a = (await recorder.post('/api/activities', { ...study(), kind: 'party_law_study' })).json();
    expect([a.version, a.can.correct, a.can.withdraw]).toEqual([1, true, true]);
    const noReason = await recorder.put(`/api/activities/${a.id}`, { ...study(), reason: '', version: 1 });
    expect([noReason.statusCode, noReason.json().message]).toEqual([400, expect.stringContaining('请填写更正原因')]);
    const other = await signIn(ctx, unit.user('leader2')); // records too, but not this one
    const body = {
      ...study(),
      participantIds: [person['周凯']],
      heldOn: '2026-11-21',
      reason: '郑伟未参加',
      version: 1,
    };
    expect((await other.put(`/api/activities/${a.id}`, body)).statusCode).toBe(403);
    const badDate = await recorder.put(`/api/activities/${a.id}`, { ...body, heldOn: '2026-12-25' });
    expect([badDate.statusCode, badDate.json().message]).toEqual([400, '活动日期不能晚于今天']);
    expect(await eventsOf(a.id)).toHaveLength(1);
    const fixed = (await recorder.put(`/api/activities/${a.id}`, body)).json();
    // The correction named no kind: the recorded one stays (it still counts for 党内法规学习 rules).
    expect([fixed.version, fixed.heldOn, fixed.participantNames, fixed.kind]).toEqual([
      2,
      '2026-11-21',
      ['周凯'],
      'party_law_study',
    ]);
    expect((await recorder.put(`/api/activities/${a.id}`, body)).statusCode).toBe(409);
    const [event] = await eventsOf(a.id);
    expect(event).toMatchObject({
      action: 'correct',
      before: { heldOn: '2026-11-20', participantIds: [person['周凯'], person['郑伟']] },
      after: { heldOn: '2026-11-21', participantIds: [person['周凯']], reason: '郑伟未参加' },
    });
  });

  it('is withdrawn with a reason by its keepers only, and then can no longer be corrected', async () => {
    const a = (await office.post('/api/activities', study())).json();
    const member = await signIn(ctx, unit.user('leader2')); // records activities, not the office's
    const seen = (await member.get(`/api/activities?ids=${a.id}`)).json().items[0];
    expect([seen.can.correct, seen.can.withdraw]).toEqual([false, false]);
    expect((await member.post(`/api/activities/${a.id}/withdraw`, { reason: '重复登记' })).statusCode).toBe(403);
    expect((await office.post(`/api/activities/${a.id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    const off = (await office.post(`/api/activities/${a.id}/withdraw`, { reason: '重复登记' })).json();
    expect([off.active, off.withdrawnReason, off.can.correct]).toEqual([false, '重复登记', false]);
    const late = await office.put(`/api/activities/${a.id}`, { ...study(), reason: '补正', version: off.version });
    expect([late.statusCode, late.json().message]).toEqual([400, '该活动记录已撤回，不能更正']);
    expect((await eventsOf(a.id)).map((e: { action: string }) => e.action)).toEqual(['withdraw', 'create']);
  });
});
