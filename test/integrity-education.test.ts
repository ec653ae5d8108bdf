import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIAL_ACTIVITY_TITLE } from '../src/domain/policies/activity.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * The integrity education plan (measure 22): the discipline staff plan the year's sessions, link the
 * activities that held them, and read held/planned, attendance and 政治家访 coverage — the cadres not yet
 * visited named — each figure counted from those records.
 */
let ctx: TestContext;
let discipline: Client;
let office: Client;
let ids: Record<string, string> = {};
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
  ctx.clock.current = new Date('2027-06-01T02:00:00Z');
  unit = await newDemoUnit(ctx);
  discipline = await signIn(ctx, unit.user('discipline'));
  office = await signIn(ctx, unit.user('office'));
  const people = (await office.get('/api/people?pageSize=100')).json().items as { id: string; name: string }[];
  ids = Object.fromEntries(people.map((p) => [p.name, p.id]));
});

const record = async (kind: string, type: string, heldOn: string, extra: Record<string, unknown>) => {
  const r = await office.post('/api/activities', { type, kind, title: `${heldOn}活动`, heldOn, ...extra });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().id as string;
};

describe('integrity education plan', () => {
  let planId = '';
  const session: Record<string, { id: string; version: number }> = {};
  const plan = async (c = discipline) => (await c.get('/api/discipline/education-plans?year=2027')).json();

  it('is drawn up by the discipline staff with its sessions; the office may not', async () => {
    expect((await office.post('/api/discipline/education-plans', { year: 2027, title: '计划' })).statusCode).toBe(403);
    const p = await discipline.post('/api/discipline/education-plans', { year: 2027, title: '2027年廉政教育计划' });
    expect(p.statusCode).toBe(200);
    planId = p.json().id;
    const again = await discipline.post('/api/discipline/education-plans', { year: 2027, title: '又一个' });
    expect(again.statusCode).toBe(400);
    const add = (b: Record<string, unknown>) =>
      discipline.post(`/api/discipline/education-plans/${planId}/sessions`, b);
    for (const [key, b] of [
      ['warning', { kind: 'warning_education', month: 3, topic: '典型案例警示教育', audience: 'all' }],
      ['law1', { kind: 'party_law_study', month: 4, topic: '学习《中国共产党纪律处分条例》', audience: 'leadership' }],
      ['law2', { kind: 'party_law_study', month: 9, topic: '学习《廉洁自律准则》', audience: 'all' }],
      [
        'visit',
        {
          kind: 'political_home_visit',
          month: 5,
          topic: '政治家访',
          audience: 'leadership',
          cadreIds: [ids['李红梅'], ids['张志强'], ids['刘海峰']],
        },
      ],
    ] as const) {
      const r = await add(b);
      expect(r.statusCode, r.body).toBe(200);
      session[key] = { id: r.json().id, version: 1 };
    }
    // A 政治家访 without the cadres to visit cannot be planned (full coverage is the point).
    const none = await add({ kind: 'political_home_visit', month: 6, topic: '家访', audience: 'all' });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('全覆盖');
    expect((await plan()).plan.figures.held).toMatchObject({ value: 0, of: 4 });
  });

  it('counts a session held when an activity of its kind is linked, with attendance and coverage from the records', async () => {
    const warning = await record('warning_education', 'education', '2027-03-15', {
      participantIds: [ids['周凯'], ids['吴婷'], ids['郑伟'], ids['冯雪']],
      absentIds: [ids['杨帆']],
    });
    const visit = await record('political_home_visit', 'home_visit', '2027-05-10', {
      objectIds: [ids['李红梅'], ids['刘海峰']],
      participantIds: [ids['戚红']],
    });
    const study = await record('party_law_study', 'study', '2027-04-20', { participantIds: [ids['王建国']] });

    // The wrong kind, or an activity of another year, does not hold a session.
    const wrong = await discipline.post(`/api/discipline/education-sessions/${session.warning!.id}/link`, {
      activityId: study,
      version: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('警示教育');
    const candidates = (
      await discipline.get(`/api/discipline/education-sessions/${session.visit!.id}/candidates`)
    ).json();
    expect(candidates.items.map((a: { id: string }) => a.id)).toEqual([visit]);

    for (const [key, activityId] of [
      ['warning', warning],
      ['visit', visit],
    ] as const) {
      const r = await discipline.post(`/api/discipline/education-sessions/${session[key]!.id}/link`, {
        activityId,
        version: 1,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    // A stale version is refused, nothing linked twice.
    expect(
      (
        await discipline.post(`/api/discipline/education-sessions/${session.warning!.id}/link`, {
          activityId: warning,
          version: 1,
        })
      ).statusCode,
    ).toBe(400);

    const p = (await plan()).plan;
    expect(p.figures.held).toMatchObject({ value: 2, of: 4 });
    expect(p.figures.held.explanation).toContain('计划场次 4 场');
    expect(p.months).toEqual([
      { month: 3, planned: 1, held: 1 },
      { month: 4, planned: 1, held: 0 },
      { month: 5, planned: 1, held: 1 },
      { month: 9, planned: 1, held: 0 },
    ]);
    expect(p.figures.coverage).toMatchObject({ value: 2, of: 3, missing: [{ id: ids['张志强'], name: '张志强' }] });
    expect(p.figures.attendance).toMatchObject({ value: 5, of: 6 });
    const visitRow = p.sessions.find((s: { id: string }) => s.id === session.visit!.id);
    expect(visitRow.cadres.map((c: { name: string; visited: boolean }) => `${c.name}:${c.visited}`)).toEqual([
      '李红梅:true',
      '张志强:false',
      '刘海峰:true',
    ]);
  });

  it('is read by the leadership, not by the office or members', async () => {
    for (const login of ['secretary', 'leader1']) {
      const c = await signIn(ctx, unit.user(login));
      const r = await c.get('/api/discipline/education-plans?year=2027');
      expect(r.statusCode).toBe(200);
      expect(r.json().can).toEqual({ see: true, manage: false });
      expect(
        (await c.post(`/api/discipline/education-sessions/${session.law2!.id}/withdraw`, { reason: '调整计划' }))
          .statusCode,
      ).toBe(403);
    }
    expect((await office.get('/api/discipline/education-plans?year=2027')).statusCode).toBe(403);
    expect(
      (await office.post(`/api/discipline/education-sessions/${session.law2!.id}/withdraw`, { reason: '调整计划' }))
        .statusCode,
    ).toBe(404);
  });

  it('a withdrawn session leaves the plan’s figures', async () => {
    const r = await discipline.post(`/api/discipline/education-sessions/${session.law2!.id}/withdraw`, {
      reason: '与四月场次合并',
    });
    expect(r.statusCode).toBe(200);
    expect((await plan()).plan.figures.held).toMatchObject({ value: 2, of: 3 });
  });
  it('shows a confidential activity’s title only to those who may read it: plan, candidates, 廉政档案 (review 16)', async () => {
    const SECRET = '针对周凯问题线索的专项党规学习';
    const a = await discipline.post('/api/activities', {
      type: 'study',
      kind: 'party_law_study',
      title: SECRET,
      heldOn: '2027-04-22',
      participantIds: [ids['周凯']],
      confidential: true,
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().confidential).toBe(true);
    const link = await discipline.post(`/api/discipline/education-sessions/${session.law1!.id}/link`, {
      activityId: a.json().id,
      version: 1,
    });
    expect(link.statusCode, link.body).toBe(200);
    const titles = (p: { plan: { sessions: { activities: { title: string }[] }[] } }) =>
      p.plan.sessions.flatMap((s) => s.activities.map((x) => x.title));
    expect(titles(await plan())).toContain(SECRET);
    const leader = await signIn(ctx, unit.user('leader1'));
    const seen = await plan(leader);
    expect(JSON.stringify(seen)).not.toContain(SECRET);
    expect(titles(seen)).toContain(CONFIDENTIAL_ACTIVITY_TITLE);

    const file = async (c: Client) =>
      (await c.get(`/api/discipline/people/${ids['周凯']}/integrity-file`)).json().education as { title: string }[];
    expect((await file(discipline)).map((e) => e.title)).toContain(SECRET);
    const secretary = await signIn(ctx, unit.user('secretary'));
    const theirs = await file(secretary);
    expect(JSON.stringify(theirs)).not.toContain(SECRET);
    expect(theirs.map((e) => e.title)).toContain(CONFIDENTIAL_ACTIVITY_TITLE);
  });
});
