import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { rowsOf } from '../src/server/db/client.js';

/**
 * 在岗检查 (issue 17): the discipline staff draw this month's plan (once), replay it, record a check with the
 * people prefilled from leave and absence records; a 无故离岗 becomes a finding the person explains and the
 * staff dismiss. The draw, the record and the finding stay with those the policies name, audit log included.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const as: Record<string, Client> = {};
const LOGINS = [
  'discipline',
  'leader4',
  'secretary',
  'office',
  'admin',
  'auditor',
  'security',
  'branch',
  'leader1',
  'member1',
  'member3',
  'member5',
];
let people: { id: string; name: string; departmentId: string | null }[] = [];
const idOf = (name: string) => people.find((p) => p.name === name)!.id;
let planId = '';
let checkId = '';
let findingId = '';
const NOTE = '上午十点未在岗，同事不知去向';

async function exec(q: ReturnType<typeof sql>) {
  await ctx.database.db.execute(q);
}

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  for (const l of LOGINS) as[l] = await signIn(ctx, unit.user(l));
  people = (await as.office!.get('/api/people?pageSize=100')).json().items;
  const departments = (await as.office!.get('/api/departments')).json();
  // Every check visits every department, so the test knows whom it will find (the draw itself is random).
  await exec(sql`insert into discipline_settings (unit_id, checks_per_month_min, checks_per_month_max, departments_per_check,
    leave_leader_days, meeting_absence_limit, meeting_late_limit, meeting_period, holiday_lead_days, inquiry_reply_days, updated_at)
    values (${unit.unit.id}, 2, 2, ${departments.length}, 3, 2, 3, 'quarter', 3, 10, now())`);
  // The leave service is another part's: its rows are written as it would. 吴婷 is on approved leave today;
  // 冯雪's leave was closed (销假) this morning, so she is back.
  const leave = (name: string, status: string, returnedOn: string | null) =>
    exec(sql`insert into leave_requests (unit_id, person_id, kind, from_date, to_date, half_days, reason, status, returned_on,
      created_by, created_at, updated_at) values (${unit.unit.id}, ${idOf(name)}, 'annual', '2026-11-27', '2026-12-02', 8,
      '家中有事', ${status}, ${returnedOn}, ${idOf(name)}, now(), now())`);
  await leave('吴婷', 'approved', null);
  await leave('冯雪', 'returned', '2026-11-30');
  await as.office!.post('/api/unavailability', {
    personId: idOf('周凯'),
    fromDate: '2026-11-29',
    toDate: '2026-12-01',
    reason: '赴市局公出',
  });
});

describe('the monthly plan and its draw', () => {
  it('is drawn by the discipline staff for this month, within min–max, every check visiting the drawn departments', async () => {
    const res = await as.discipline!.post('/api/discipline/check-plans', { month: '2026-11' });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ month: '2026-11', plannedCount: 2 });
    expect(plan.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.checks).toHaveLength(2);
    expect(plan.checks[0].departments.map((d: { name: string }) => d.name)).toContain('综合科（办公室）');
    expect(plan.checks[0]).toMatchObject({ ordinal: 1, status: 'planned', can: { see: true, record: true } });
    planId = plan.id;
    checkId = plan.checks[0].id;
  });

  it('refuses a second plan for the month and a plan for another month, changing nothing', async () => {
    const again = await as.discipline!.post('/api/discipline/check-plans', { month: '2026-11' });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toBe('2026-11 的检查计划已经制定，不能重复抽取');
    const next = await as.discipline!.post('/api/discipline/check-plans', { month: '2026-12' });
    expect(next.statusCode).toBe(400);
    expect(next.json().message).toContain('只能制定本月（2026-11）的检查计划');
    const page = (await as.discipline!.get('/api/discipline/check-plans')).json();
    expect(page.total).toBe(1);
    expect(page.items[0].checks).toHaveLength(2);
  });

  it('replays from its stored seed and inputs to the same draw, and tells when the stored draw was altered', async () => {
    const replay = (await as.discipline!.get(`/api/discipline/check-plans/${planId}/replay`)).json();
    expect(replay.matches).toBe(true);
    expect(replay.recomputed).toEqual(replay.stored);
    await exec(
      sql`update discipline_checks set department_ids = '[]'::jsonb where plan_id = ${planId} and ordinal = 2`,
    );
    expect((await as.discipline!.get(`/api/discipline/check-plans/${planId}/replay`)).json().matches).toBe(false);
    await exec(sql`update discipline_checks set department_ids = ${JSON.stringify(replay.stored[1])}::jsonb
      where plan_id = ${planId} and ordinal = 2`);
    expect((await as.discipline!.get(`/api/discipline/check-plans/${planId}/replay`)).json().matches).toBe(true);
  });

  it('is revealed to the discipline staff only: everyone else is told it does not exist', async () => {
    expect((await as.leader4!.get(`/api/discipline/check-plans/${planId}`)).statusCode).toBe(200);
    for (const l of ['secretary', 'office', 'admin', 'auditor', 'branch', 'leader1', 'member3']) {
      for (const url of [
        '/api/discipline/check-plans',
        `/api/discipline/check-plans/${planId}`,
        `/api/discipline/check-plans/${planId}/replay`,
        `/api/discipline/checks/${checkId}`,
      ])
        expect((await as[l]!.get(url)).statusCode, `${l} ${url}`).toBe(404);
      expect((await as[l]!.post('/api/discipline/check-plans', { month: '2026-11' })).statusCode, l).toBe(404);
    }
  });
});

describe('recording a check', () => {
  it('prefills the people of the drawn departments from approved leave and recorded absences', async () => {
    const view = (await as.discipline!.get(`/api/discipline/checks/${checkId}?on=2026-11-30`)).json();
    const row = (name: string) => view.rows.find((r: { name: string }) => r.name === name);
    expect(row('吴婷')).toMatchObject({ status: 'on_leave', prefilled: true });
    expect(row('冯雪')).toMatchObject({ status: 'on_duty', prefilled: false });
    expect(row('周凯')).toMatchObject({ status: 'business_trip', prefilled: true });
    expect(row('郑伟')).toMatchObject({ status: 'on_duty' });
    // The day before 冯雪's 销假 she was still on leave.
    const before = (await as.discipline!.get(`/api/discipline/checks/${checkId}?on=2026-11-28`)).json();
    expect(before.rows.find((r: { name: string }) => r.name === '冯雪').status).toBe('on_leave');
  });

  it('refuses someone not of the unit, someone outside the drawn departments and a day outside the plan, changing nothing', async () => {
    const other = await newDemoUnit(ctx);
    const stranger = (await (await signIn(ctx, other.user('office'))).get('/api/people?pageSize=1')).json().items[0];
    const base = { checkedOn: '2026-11-30', version: 1 };
    const r1 = await as.discipline!.post(`/api/discipline/checks/${checkId}/observations`, {
      ...base,
      observations: [{ personId: stranger.id, status: 'absent' }],
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().message).toBe('检查记录中有不属于本单位的人员');
    const r2 = await as.discipline!.post(`/api/discipline/checks/${checkId}/observations`, {
      ...base,
      checkedOn: '2026-10-30',
      observations: [{ personId: idOf('郑伟'), status: 'absent' }],
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().message).toContain('计划外的检查不能记录');
    // The leadership sits in no department: no drawn department holds them, so they are outside this check.
    const outside = people.find((p) => p.departmentId === null)!;
    const r3 = await as.discipline!.post(`/api/discipline/checks/${checkId}/observations`, {
      ...base,
      observations: [{ personId: outside.id, status: 'absent' }],
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().message).toContain('只能记录本次抽取科室的人员');
    const view = (await as.discipline!.get(`/api/discipline/checks/${checkId}`)).json();
    expect(view).toMatchObject({ status: 'planned', version: 1 });
    expect((await as.discipline!.get('/api/discipline/findings')).json().total).toBe(0);
  });

  it('records what was seen once; a 无故离岗 becomes a finding of the person', async () => {
    const view = (await as.discipline!.get(`/api/discipline/checks/${checkId}?on=2026-11-30`)).json();
    const observations = view.rows.map((r: { personId: string; name: string; status: string }) =>
      r.name === '郑伟'
        ? { personId: r.personId, status: 'absent', note: NOTE }
        : { personId: r.personId, status: r.status },
    );
    const res = await as.discipline!.post(`/api/discipline/checks/${checkId}/observations`, {
      checkedOn: '2026-11-30',
      inspectorIds: [idOf('戚红')],
      observations,
      version: view.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'recorded', checkedOn: '2026-11-30', can: { record: false } });
    expect(res.json().rows.find((r: { name: string }) => r.name === '郑伟')).toMatchObject({
      status: 'absent',
      note: NOTE,
    });
    const again = await as.discipline!.post(`/api/discipline/checks/${checkId}/observations`, {
      checkedOn: '2026-11-30',
      observations,
      version: res.json().version,
    });
    expect(again.statusCode).toBe(400);
    const findings = (await as.discipline!.get('/api/discipline/findings?kind=on_duty&month=2026-11')).json();
    expect(findings.total).toBe(1);
    expect(findings.items[0]).toMatchObject({
      personName: '郑伟',
      observed: 'absent',
      status: 'open',
      note: NOTE,
      can: { requestExplanation: true, explain: false, dismiss: true },
    });
    findingId = findings.items[0].id;
  });
});

describe('a finding and its 说明', () => {
  it('is seen by the discipline staff, the 党组书记 and the person, by nobody else', async () => {
    const mine = (await as.member3!.get('/api/discipline/findings')).json();
    expect(mine.items.map((f: { id: string }) => f.id)).toEqual([findingId]);
    expect((await as.secretary!.get(`/api/discipline/findings/${findingId}`)).json()).toMatchObject({
      note: NOTE,
      can: { see: true, dismiss: false, requestExplanation: false },
    });
    for (const l of ['office', 'admin', 'auditor', 'security', 'branch', 'leader1', 'member1', 'member5']) {
      const list = await as[l]!.get('/api/discipline/findings?pageSize=100');
      expect(list.json().total, l).toBe(0);
      expect((await as[l]!.get(`/api/discipline/findings/${findingId}`)).statusCode, l).toBe(404);
      expect(
        (await as[l]!.post(`/api/discipline/findings/${findingId}/dismiss`, { reason: '查无实据', version: 1 }))
          .statusCode,
        l,
      ).toBe(404);
    }
  });

  it('asks the person for a 说明 through their inbox only, with a title that tells nothing', async () => {
    expect(
      (await as.member3!.post(`/api/discipline/findings/${findingId}/request-explanation`, { version: 1 })).statusCode,
    ).toBe(403);
    const res = await as.discipline!.post(`/api/discipline/findings/${findingId}/request-explanation`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().can.requestExplanation).toBe(false);
    const inbox = (await as.member3!.get('/api/inbox')).json();
    const notice = inbox.items.find((n: { kind: string }) => n.kind === 'discipline_explanation');
    expect(notice).toMatchObject({ title: '请填写一项情况说明' });
    expect(JSON.stringify(notice)).not.toContain('离岗');
    const { mayGoToGroup } = await import('../src/domain/dispatch-plan.js');
    expect(mayGoToGroup('discipline_explanation')).toBe(false);
    expect(
      (await as.member1!.get('/api/inbox'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'discipline_explanation'),
    ).toBe(false);
  });

  it('takes the person’s 说明 once, then it is read-only; the staff dismiss it with a reason', async () => {
    const f = (await as.member3!.get(`/api/discipline/findings/${findingId}`)).json();
    expect(f.can).toMatchObject({ explain: true, dismiss: false });
    const res = await as.member3!.post(`/api/discipline/findings/${findingId}/explain`, {
      explanation: '当时到档案室查阅资料，未及时告知同事',
      version: f.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'explained', can: { explain: false } });
    const twice = await as.member3!.post(`/api/discipline/findings/${findingId}/explain`, {
      explanation: '改一下说明',
      version: res.json().version,
    });
    expect(twice.statusCode).toBe(403);
    const noReason = await as.discipline!.post(`/api/discipline/findings/${findingId}/dismiss`, {
      reason: '',
      version: res.json().version,
    });
    expect(noReason.statusCode).toBe(400);
    const stale = await as.discipline!.post(`/api/discipline/findings/${findingId}/dismiss`, {
      reason: '情况属实但有正当理由',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const dismissed = await as.discipline!.post(`/api/discipline/findings/${findingId}/dismiss`, {
      reason: '经核实系查阅档案，有正当理由',
      version: res.json().version,
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({
      status: 'dismissed',
      dismissedReason: '经核实系查阅档案，有正当理由',
      explanation: '当时到档案室查阅资料，未及时告知同事',
      can: { dismiss: false, confirm: false },
    });
    expect((await as.discipline!.get('/api/discipline/findings?status=dismissed')).json().total).toBe(1);
    expect((await as.discipline!.get('/api/discipline/findings?status=open')).json().total).toBe(0);
  });
});

describe('the audit trail of the checks', () => {
  it('records every step, with details only for those the policies allow; the 说明 itself is never in it', async () => {
    const history = (type: string, id: string) => `/api/audit/events?entityType=${type}&entityId=${id}&pageSize=100`;
    const own = (await as.discipline!.get(history('discipline_finding', findingId))).json();
    expect(own.items.map((e: { action: string }) => e.action).sort()).toEqual(
      ['create', 'dismiss', 'explain', 'request_explanation'].sort(),
    );
    expect(own.items.every((e: { detailsHidden: boolean }) => !e.detailsHidden)).toBe(true);
    expect(JSON.stringify(own)).not.toContain('档案室');
    for (const l of LOGINS.filter((x) => !['discipline', 'leader4'].includes(x))) {
      for (const url of [
        history('discipline_finding', findingId),
        history('check_plan', planId),
        history('discipline_check', checkId),
        '/api/audit/events?pageSize=100',
      ]) {
        const res = await as[l]!.get(url);
        expect([200, 403], `${l} ${url}`).toContain(res.statusCode);
        if (res.statusCode !== 200) continue;
        const events = res
          .json()
          .items.filter((e: { entityType: string }) =>
            ['check_plan', 'discipline_check', 'discipline_finding'].includes(e.entityType),
          );
        const mayRead = (e: { entityType: string }) =>
          e.entityType === 'discipline_finding' && ['secretary', 'member3'].includes(l);
        for (const e of events) expect(e.detailsHidden, `${l} ${e.entityType}`).toBe(!mayRead(e));
        if (!['secretary', 'member3'].includes(l))
          expect(JSON.stringify(events), `${l} ${url}`).not.toContain(idOf('郑伟'));
        expect(res.body).not.toContain('档案室');
      }
    }
    // The office and the administrator were asked too: the auditor reads the whole log, but not these details.
    const whole = (await as.auditor!.get('/api/audit/events?pageSize=100')).json();
    expect(whole.items.some((e: { entityType: string }) => e.entityType === 'check_plan')).toBe(true);
  });
});

describe('withdrawn checks and the replay (review 9)', () => {
  it('leaves withdrawn checks out of the history, checks the stored history against the database, and reports withdrawals', async () => {
    // An earlier month whose only check was withdrawn: it was never carried out, so it shields no department.
    const [oct] = rowsOf<{ id: string }>(
      await ctx.database.db
        .execute(sql`insert into check_plans (unit_id, month, planned_count, seed, inputs, created_by, created_at)
        select unit_id, '2026-10', 1, seed, inputs, created_by, created_at from check_plans where id = ${planId} returning id`),
    );
    const addOctCheck = (ordinal: number, status: string, reason: string | null) =>
      exec(sql`insert into discipline_checks (unit_id, plan_id, ordinal, department_ids, status, withdrawn_reason, created_at, updated_at)
        values (${unit.unit.id}, ${oct!.id}, ${ordinal}, '["x"]'::jsonb, ${status}, ${reason}, now(), now())`);
    await addOctCheck(1, 'withdrawn', '当天全单位外出集中学习');
    const replay = async () => (await as.discipline!.get(`/api/discipline/check-plans/${planId}/replay`)).json();
    expect(await replay()).toMatchObject({ historyMatches: true, withdrawn: [] });
    // A carried-out check of October the stored inputs did not know of: the replay says so.
    await addOctCheck(2, 'planned', null);
    expect((await replay()).historyMatches).toBe(false);
    await exec(sql`delete from discipline_checks where plan_id = ${oct!.id}`);
    await exec(sql`delete from check_plans where id = ${oct!.id}`);

    const plan = (await as.discipline!.get(`/api/discipline/check-plans/${planId}`)).json();
    const planned = plan.checks.find((c: { status: string }) => c.status === 'planned');
    const res = await as.discipline!.post(`/api/discipline/checks/${planned.id}/withdraw`, {
      reason: '检查组临时抽调',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await replay()).toMatchObject({
      matches: true,
      historyMatches: true,
      withdrawn: [{ ordinal: planned.ordinal, reason: '检查组临时抽调' }],
    });
  });
});
