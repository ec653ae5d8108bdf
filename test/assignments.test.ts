import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let admin: Client;
let dept: Record<string, string>;
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
  const departments: { id: string; name: string }[] = (await office.get('/api/departments')).json();
  dept = Object.fromEntries(departments.map((d) => [d.name, d.id]));
  const people: { id: string; name: string }[] = (await office.get('/api/people?pageSize=100')).json().items;
  person = Object.fromEntries(people.map((p) => [p.name, p.id]));
});

const RELIEF = '社会救助股';
const leaderHistory = async (departmentId: string) =>
  (await office.get(`/api/department-leaders?departmentId=${departmentId}`)).json();
const auditCount = async () => (await admin.get('/api/audit/events?pageSize=1')).json().total as number;

describe('分管领导 in the org model', () => {
  it('is set from a date: the former one ends the day before, and the history is kept and audited', async () => {
    const before = (await office.get('/api/departments')).json().find((d: { id: string }) => d.id === dept[RELIEF]);
    expect([before.leaderName, before.leaderFrom]).toEqual(['张志强', null]);
    const set = await admin.post('/api/department-leaders', {
      departmentId: dept[RELIEF],
      personId: person['刘海峰'],
      from: '2026-12-01',
    });
    expect(set.statusCode).toBe(200);
    const history = await leaderHistory(dept[RELIEF]!);
    expect(
      history.items.map((r: { personName: string; from: string; to: string }) => [r.personName, r.from, r.to]),
    ).toEqual([
      ['刘海峰', '2026-12-01', null],
      ['张志强', null, '2026-11-30'],
    ]);
    // Today (2026-11-30) the former one is still in charge.
    const today = (await office.get('/api/departments')).json().find((d: { id: string }) => d.id === dept[RELIEF]);
    expect(today.leaderName).toBe('张志强');
    ctx.clock.current = new Date('2026-12-01T02:00:00Z');
    office = await signIn(ctx, unit.user('office')); // the day's idle sessions have ended
    const tomorrow = (await office.get('/api/departments')).json().find((d: { id: string }) => d.id === dept[RELIEF]);
    expect([tomorrow.leaderName, tomorrow.leaderFrom]).toEqual(['刘海峰', '2026-12-01']);
    admin = await signIn(ctx, unit.user('admin'));
    const events = (await admin.get(`/api/audit/events?entityType=department&entityId=${dept[RELIEF]}`)).json().items;
    expect(events[0]).toMatchObject({ action: 'set_leader', after: { personName: '刘海峰', from: '2026-12-01' } });
  });

  it('refuses a non-leader, an overlapping date, another unit’s department and a member, changing nothing', async () => {
    await admin.post('/api/department-leaders', {
      departmentId: dept[RELIEF],
      personId: person['刘海峰'],
      from: '2026-12-01',
    });
    const other = await newDemoUnit(ctx);
    const otherDept = (await (await signIn(ctx, other.user('office'))).get('/api/departments')).json()[0].id;
    const historyBefore = await leaderHistory(dept[RELIEF]!);
    const auditBefore = await auditCount();
    const refusals: [Record<string, string>, RegExp][] = [
      [{ departmentId: dept[RELIEF]!, personId: person['周凯']!, from: '2026-12-10' }, /周凯不是在职的班子成员/],
      [{ departmentId: dept[RELIEF]!, personId: person['陈静']!, from: '2026-12-01' }, /不能与之重叠/],
      [{ departmentId: dept[RELIEF]!, personId: person['陈静']!, from: '2026-11-20' }, /不能与之重叠/],
      [{ departmentId: otherDept, personId: person['陈静']!, from: '2026-12-10' }, /所选科室不存在/],
      [{ departmentId: dept[RELIEF]!, personId: person['陈静']!, from: '2026-02-30' }, /日期/],
      // A mistyped year would close the current term decades ahead, and could not be undone.
      [{ departmentId: dept[RELIEF]!, personId: person['陈静']!, from: '2062-01-01' }, /生效日期应在 2000-01-01 至/],
      [{ departmentId: dept[RELIEF]!, personId: person['陈静']!, from: '0000-01-01' }, /生效日期应在 2000-01-01 至/],
    ];
    for (const [body, message] of refusals) {
      const res = await admin.post('/api/department-leaders', body);
      expect([res.statusCode, res.json().message]).toEqual([400, expect.stringMatching(message)]);
    }
    const member = await signIn(ctx, unit.user('member1'));
    const body = { departmentId: dept[RELIEF], personId: person['陈静'], from: '2026-12-10' };
    expect((await member.post('/api/department-leaders', body)).statusCode).toBe(403);
    expect(await leaderHistory(dept[RELIEF]!)).toEqual(historyBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('pairs the talk plan’s 一对三 with the 分管领导 on the meeting’s date', async () => {
    await admin.post('/api/department-leaders', {
      departmentId: dept[RELIEF],
      personId: person['刘海峰'],
      from: '2026-12-01',
    });
    const branch = await signIn(ctx, unit.user('branch'));
    const members: { id: string }[] = (
      await office.get(`/api/people?departmentId=${dept[RELIEF]}&isPartyMember=true&pageSize=100`)
    ).json().items;
    expect(members.length).toBeGreaterThan(0);
    const leaderOfMembers = async (plannedOn: string) => {
      const m = (
        await branch.post('/api/org-life', {
          title: `组织生活会${plannedOn}`,
          plannedOn,
          place: '会议室',
          leaderMax: 10,
        })
      ).json();
      const plan = (await branch.post(`/api/org-life/${m.id}/talk-plan`, { version: m.version })).json().plan;
      const pairs = plan.filter((t: { kind: string }) => t.kind === 'one_to_three');
      return new Set(members.map((p) => pairs.find((t: { b: string }) => t.b === p.id)?.a));
    };
    expect(await leaderOfMembers('2026-11-30')).toEqual(new Set([person['张志强']]));
    expect(await leaderOfMembers('2026-12-20')).toEqual(new Set([person['刘海峰']]));
  });

  it('groups rankings by leader by the 分管领导 of the lead department on the due date', async () => {
    await admin.post('/api/department-leaders', {
      departmentId: dept[RELIEF],
      personId: person['刘海峰'],
      from: '2026-12-01',
    });
    const item = (explicitDue: string) => ({
      title: `到期${explicitDue}`,
      leadDepartmentId: dept[RELIEF],
      ownerPersonId: person['杨帆'],
      leaderPersonId: person['王建国'],
      receivedOn: '2026-11-20',
      explicitDue,
    });
    for (const due of ['2026-11-25', '2026-12-10', '2026-12-11'])
      expect((await office.post('/api/items', item(due))).statusCode).toBe(200);
    const rows = (await office.get('/api/rankings?by=leader&from=2026-11-01&to=2026-12-31')).json();
    const byGroup = Object.fromEntries(rows.map((r: { group: string; items: number }) => [r.group, r.items]));
    expect(byGroup).toEqual({ 张志强: 1, 刘海峰: 2 });
  });

  it('gives a new item without a leader its department’s 分管领导 of the day', async () => {
    await admin.post('/api/department-leaders', {
      departmentId: dept[RELIEF],
      personId: person['刘海峰'],
      from: '2026-12-01',
    });
    const body = {
      title: '救助对象复核',
      leadDepartmentId: dept[RELIEF],
      ownerPersonId: person['杨帆'],
      receivedOn: '2026-11-30',
    };
    expect((await office.post('/api/items', body)).json().leaderPersonId).toBe(person['张志强']);
    ctx.clock.current = new Date('2026-12-02T02:00:00Z');
    office = await signIn(ctx, unit.user('office')); // the day's idle sessions have ended
    expect((await office.post('/api/items', { ...body, receivedOn: '2026-12-02' })).json().leaderPersonId).toBe(
      person['刘海峰'],
    );
    const explicit = await office.post('/api/items', { ...body, leaderPersonId: person['陈静'] });
    expect(explicit.json().leaderPersonId).toBe(person['陈静']);
  });
  it('gives a measure broken down without a leader its lead department’s 分管领导', async () => {
    const campaign = (
      await office.post('/api/campaigns', {
        name: '作风建设',
        year: 2026,
        startsOn: '2026-03-01',
        endsOn: '2026-12-15',
      })
    ).json();
    const measure = campaign.measures[0];
    const res = await office.post(`/api/campaigns/${campaign.id}/measures/${measure.id}/breakdown`, {
      leadDepartmentId: dept[RELIEF],
      ownerPersonIds: [person['杨帆']],
      receivedOn: '2026-11-30',
    });
    expect(res.statusCode).toBe(200);
    const item = (await office.get(`/api/items/${res.json().itemIds[0]}`)).json();
    expect(item.leaderPersonId).toBe(person['张志强']);
  });
});

describe('我分管的科室 in the ledger', () => {
  it('lists the items led by the departments in the reader’s charge today', async () => {
    const item = (title: string, department: string) => ({
      title,
      leadDepartmentId: dept[department],
      ownerPersonId: person['杨帆'],
      receivedOn: '2026-11-20',
    });
    for (const [title, d] of [
      ['救助核查', RELIEF],
      ['养老巡查', '养老服务股'],
      ['地名普查', '区划地名股'],
    ] as const)
      expect((await office.post('/api/items', item(title, d))).statusCode).toBe(200);
    const titles = async (c: Client) =>
      (await c.get('/api/items?inMyCharge=true&pageSize=100'))
        .json()
        .items.map((i: { title: string }) => i.title)
        .sort();
    const zhang = await signIn(ctx, unit.user('leader2'));
    expect(await titles(zhang)).toEqual(['养老巡查', '救助核查'].sort());
    // From tomorrow 社会救助股 is 刘海峰's: today's list does not change yet.
    await admin.post('/api/department-leaders', {
      departmentId: dept[RELIEF],
      personId: person['刘海峰'],
      from: '2026-12-01',
    });
    expect(await titles(zhang)).toEqual(['养老巡查', '救助核查'].sort());
    ctx.clock.current = new Date('2026-12-01T02:00:00Z');
    expect(await titles(await signIn(ctx, unit.user('leader2')))).toEqual(['养老巡查']);
    expect(await titles(await signIn(ctx, unit.user('leader3')))).toEqual(['地名普查', '救助核查'].sort());
  });
});
