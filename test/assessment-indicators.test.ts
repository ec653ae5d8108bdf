/**
 * 考核指标 on a seeded year (today 2026-12-06, the fourth quarter running): a department with items in every
 * quarter (on time, late, overdue, with missed reports, withdrawn), a person's items, obligation rules with
 * activities, an issued 通报 and findings it does not name. For each quarter and the year, the computed values
 * equal what the rankings, the ledger and the compliance matrix say for the same period; an unissued finding is
 * never counted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { periodRange } from '../src/domain/indicators.js';
import { indicatorValues, type IndicatorRow } from '../src/server/modules/assessment/indicator-values.service.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let office: Client;
let member: Client;
let unitId: string;
let dept: { id: string; name: string };
let memberId: string;
let campaignId: string;
const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026'];
const QUARTER_MID = ['02-15', '05-15', '08-14', '11-16'];

async function item(
  title: string,
  departmentId: string,
  ownerId: string,
  set: { due: string } & Record<string, unknown>,
) {
  const res = await office.post('/api/items', {
    title,
    leadDepartmentId: departmentId,
    ownerPersonId: ownerId,
    receivedOn: '2026-01-05',
  });
  expect(res.statusCode).toBe(200);
  const id = res.json().id as string;
  const s = { status: 'in_progress', closedOn: null, cadence: 'none', assignedOn: '2026-01-05', ...set };
  await ctx.database.db.execute(sql`update supervised_items set status = ${s.status}, due = ${s.due},
    closed_on = ${s.closedOn}, cadence = ${s.cadence}, assigned_on = ${s.assignedOn}
    where unit_id = ${unitId} and id = ${id}`);
  return id;
}
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function finding(personId: string, onDate: string, noticeStatus: 'issued' | 'draft' | null) {
  const id = randomUUID();
  const at = ctx.clock.now();
  await ctx.database.db.execute(sql`insert into discipline_findings
    (id, unit_id, kind, source_type, person_id, department_id, on_date, observed, status, created_at, updated_at)
    values (${id}, ${unitId}, 'inspection', 'check', ${personId}, ${dept.id}, ${onDate}, 'absent', 'confirmed', ${at}, ${at})`);
  if (noticeStatus) {
    const notice = randomUUID();
    await ctx.database.db.execute(sql`insert into discipline_notices
      (id, unit_id, kind, title, status, doc_number, created_at, updated_at)
      values (${notice}, ${unitId}, 'inspection', ${`在岗检查情况通报（${onDate}）`}, ${noticeStatus},
        ${noticeStatus === 'issued' ? '纪通〔2026〕1号' : null}, ${at}, ${at})`);
    await ctx.database.db.execute(sql`insert into discipline_notice_findings (unit_id, notice_id, finding_id, position)
      values (${unitId}, ${notice}, ${id}, 1)`);
  }
  return id;
}

beforeAll(async () => {
  ctx = await testApp();
  ctx.clock.current = new Date('2026-12-06T02:00:00Z');
  const unit = await newDemoUnit(ctx);
  unitId = unit.unit.id;
  office = await signIn(ctx, unit.user('office'));
  member = await signIn(ctx, unit.user('member1'));
  memberId = (await member.get('/api/auth/me')).json().user.personId;
  const depts = (await office.get('/api/departments')).json() as { id: string; name: string }[];
  dept = depts[0]!;
  const other = depts[1]!;
  const people = (await office.get('/api/people?pageSize=100')).json().items as { id: string }[];
  const handler = people.find((p) => p.id !== memberId)!.id;

  for (const [q, mid] of QUARTER_MID.entries()) {
    const due = `2026-${mid}`;
    await item(`Q${q + 1}按时`, dept.id, handler, { status: 'closed', due, closedOn: shift(due, -2) });
    await item(`Q${q + 1}逾期办结`, dept.id, handler, { status: 'closed', due, closedOn: shift(due, 3) });
    await item(`Q${q + 1}逾期`, dept.id, handler, { due });
    await item(`Q${q + 1}撤销`, dept.id, handler, { status: 'withdrawn', due });
    // Weekly reports never made: lapses, whether or not it has come due.
    await item(`Q${q + 1}漏报`, dept.id, handler, {
      due: q === 3 ? '2026-12-28' : shift(due, 20),
      cadence: 'weekly',
      assignedOn: shift(due, -30),
    });
    await item(`Q${q + 1}个人按时`, other.id, memberId, { status: 'closed', due, closedOn: due });
    if (q % 2 === 0) await item(`Q${q + 1}个人逾期`, other.id, memberId, { due: shift(due, 5) });
  }

  campaignId = (
    await office.post('/api/campaigns', {
      name: '指标测试活动',
      year: 2026,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    })
  ).json().id;
  const rule = (body: Record<string, unknown>) =>
    office.post(`/api/campaigns/${campaignId}/rules`, {
      activityKinds: ['party_law_study'],
      period: 'quarter',
      ...body,
    });
  expect((await rule({ title: '科室每季度法规学习', subject: { kind: 'each_department' } })).statusCode).toBe(200);
  expect(
    (await rule({ title: '个人每季度法规学习', subject: { kind: 'people', personIds: [memberId] } })).statusCode,
  ).toBe(200);
  const study = async (heldOn: string, more: Record<string, unknown>) => {
    const res = await office.post('/api/activities', {
      campaignId,
      type: 'study',
      kind: 'party_law_study',
      title: `法规学习${heldOn}`,
      heldOn,
      ...more,
    });
    expect(res.statusCode).toBe(200);
  };
  await study('2026-02-10', { departmentId: dept.id });
  await study('2026-08-10', { departmentId: dept.id });
  await study('2026-11-10', { departmentId: dept.id });
  await study('2026-05-10', { participantIds: [memberId] });

  await finding(memberId, '2026-05-10', 'issued');
  await finding(memberId, '2026-05-12', null);
  await finding(memberId, '2026-08-01', 'draft');
});

const indicator = (source: string, ownerKind: 'department' | 'person', ownerId: string, periodKind = 'quarter') =>
  ({
    id: randomUUID(),
    unitId,
    ownerKind,
    ownerId,
    measureId: null,
    title: source,
    unitLabel: '%',
    target: 90,
    direction: 'at_least',
    periodKind,
    source,
    withdrawnReason: null,
    version: 1,
    createdBy: randomUUID(),
    createdAt: new Date(),
    updatedAt: new Date(),
  }) as IndicatorRow;

const deps = () => ({ db: ctx.database.db, clock: ctx.clock, config: ctx.config });
const SOURCES = [
  'items_on_time_rate',
  'items_overdue',
  'items_report_missing',
  'obligations_met_rate',
  'discipline_findings',
];

async function values(ownerKind: 'department' | 'person', ownerId: string, periodKey: string) {
  const list = SOURCES.map((s) => indicator(s, ownerKind, ownerId));
  const out = await indicatorValues(deps(), unitId, list, periodKey);
  return Object.fromEntries(out.map((v, i) => [SOURCES[i]!, v]));
}

/** The department's row of each each_department count rule's matrix: cells 已达标 ÷ cells of ended periods. */
async function matrixRate(subjectKey: string, subjectKinds: string[], periodKey: string) {
  const p = periodRange(periodKey)!;
  const rules = (await office.get(`/api/campaigns/${campaignId}/rules`)).json() as {
    id: string;
    kind: string;
    subject: { kind: string };
  }[];
  let met = 0;
  let due = 0;
  for (const r of rules.filter((x) => x.kind === 'count' && subjectKinds.includes(x.subject.kind))) {
    const m = (await office.get(`/api/campaigns/${campaignId}/rules/${r.id}/compliance`)).json();
    for (const c of m.cells.filter((x: { subjectKey: string; status: string }) => x.subjectKey === subjectKey)) {
      const period = m.periods.find((x: { key: string }) => x.key === c.periodKey);
      if (c.status === 'none' || period.start < p.start || period.end > p.end || period.end >= '2026-12-06') continue;
      due++;
      if (c.status === 'met') met++;
    }
  }
  return due ? Math.round((met / due) * 1000) / 10 : null;
}

describe('computed indicators agree with the rankings, the ledger and the compliance matrix', () => {
  it('a department, each quarter and the year', async () => {
    for (const key of PERIODS) {
      const p = periodRange(key)!;
      const v = await values('department', dept.id, key);
      const ranking = (await office.get(`/api/rankings?by=department&from=${p.start}&to=${p.end}`)).json();
      const row = ranking.find((r: { group: string }) => r.group === dept.name);
      expect(row, key).toBeDefined();
      expect(v.items_on_time_rate!.value, `${key} rate`).toBe(row.onTimeRate);
      expect(v.items_overdue!.value, `${key} overdue`).toBe(row.overdue);
      expect(v.items_report_missing!.value, `${key} lapses`).toBe(row.lapses);
      expect(v.obligations_met_rate!.value, `${key} obligations`).toBe(
        await matrixRate(dept.id, ['each_department'], key),
      );
      // Every item behind the rate is listed, each linking to the item.
      const decided = row.closedOnTime + row.overdue;
      expect(v.items_on_time_rate!.evidence.filter((e) => e.kind === 'item')).toHaveLength(decided);
      // The findings of the department: only the one an issued 通报 names (Q2).
      expect(v.discipline_findings!.value, `${key} findings`).toBe(key === '2026-Q2' || key === '2026' ? 1 : 0);
    }
    // The values themselves, so that an agreement on wrong numbers cannot pass.
    const q1 = await values('department', dept.id, '2026-Q1');
    expect([q1.items_on_time_rate!.value, q1.items_overdue!.value]).toEqual([25, 3]);
    // The template's 听取科室汇报 (never held) and this test's 法规学习 (held in Q1 and Q3).
    expect(q1.obligations_met_rate!.value).toBe(50);
    const q2 = await values('department', dept.id, '2026-Q2');
    expect(q2.obligations_met_rate!.value).toBe(0);
    const q4 = await values('department', dept.id, '2026-Q4');
    expect(q4.obligations_met_rate).toMatchObject({ value: null, missing: '无已结束的规定动作考核周期' });
    const year = await values('department', dept.id, '2026');
    expect(year.items_overdue!.value).toBe(11);
    expect(year.obligations_met_rate!.value).toBe(33.3);
    expect(year.obligations_met_rate!.evidence).toHaveLength(6);
  });

  it('a person: their items as 责任人, their rules, their findings', async () => {
    for (const key of PERIODS) {
      const v = await values('person', memberId, key);
      expect(v.obligations_met_rate!.value, key).toBe(await matrixRate(memberId, ['people'], key));
    }
    const year = await values('person', memberId, '2026');
    // The person's own ledger (我承办的事项): every one of their items is due in 2026.
    const mine = async (figure: string) =>
      (await member.get(`/api/items/mine?pageSize=1&figure=${figure}`)).json().total as number;
    expect(year.items_overdue!.value).toBe((await mine('overdue')) + (await mine('closedLate')));
    const onTime = await mine('onTime');
    expect(year.items_on_time_rate!.value).toBe(Math.round((onTime / (onTime + (await mine('overdue')))) * 1000) / 10);
    expect([year.items_on_time_rate!.value, year.items_overdue!.value]).toEqual([66.7, 2]);
    expect(year.discipline_findings).toMatchObject({ value: 1 });
    expect(year.discipline_findings!.evidence[0]!.title).toContain('纪通〔2026〕1号');
    const q3 = await values('person', memberId, '2026-Q3');
    expect(q3.discipline_findings!.value).toBe(0);
    expect(q3.obligations_met_rate!.value).toBe(0);
    const q2 = await values('person', memberId, '2026-Q2');
    expect(q2.items_on_time_rate!.value).toBe(100);
  });

  it('a rate with nothing decided is null with its reason; a future period has no value; a bad key is refused', async () => {
    const nobody = randomUUID();
    const v = await values('department', nobody, '2026-Q3');
    expect(v.items_on_time_rate).toMatchObject({ value: null, missing: '无已到期事项', evidence: [] });
    expect(v.items_overdue).toMatchObject({ value: 0, missing: null });
    const future = await values('department', dept.id, '2027-Q1');
    expect(future.items_overdue).toMatchObject({ value: null, missing: '考核期尚未开始' });
    await expect(
      indicatorValues(deps(), unitId, [indicator('items_overdue', 'department', dept.id)], '2026-Q5'),
    ).rejects.toMatchObject({
      status: 400,
    });
  });
});
