/**
 * One meaning of each figure: for generated items (every status, due dates around today, closing before
 * and after the due date, linked to a campaign's measures or not, in several departments) the ledger's
 * figure filters, the campaign overview, its departments' progress, the rankings and the workbench all
 * count 逾期 / 临期 / 按时办结 (and 逾期办结, 漏报) as domain/item-figures defines them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { parseIsoDate, shanghaiDate, toIsoDate } from '../src/domain/civil-date.js';
import {
  colourOf,
  dueSoonUntil,
  FIGURES,
  figuresOf,
  hasComeDue,
  type FigureFacts,
} from '../src/domain/item-figures.js';
import { ITEM_STATUSES, type ItemStatus } from '../src/domain/supervision.js';
import type { WorkdayCalendar } from '../src/domain/workdays.js';
import { calendarForUnit } from '../src/server/modules/calendar/calendar.service.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

const N = 12;
let ctx: TestContext;
let office: Client;
let owner: Client;
let unitId: string;
let campaignId: string;
let measureIds: string[];
let depts: { id: string; name: string }[];
let itemIds: string[];
let today: string;
let soonUntil: string;
let calendar: WorkdayCalendar;

beforeAll(async () => {
  ctx = await testApp();
  // A Wednesday: 临期 runs through Friday and the weekend after it (2 working days away), where a
  // ledger that stopped at Friday's date would disagree with the domain.
  ctx.clock.current = new Date('2026-12-02T02:00:00Z');
  const unit = await newDemoUnit(ctx);
  unitId = unit.unit.id;
  office = await signIn(ctx, unit.user('office'));
  owner = await signIn(ctx, unit.user('member1'));
  const ownerId = (await owner.get('/api/auth/me')).json().user.personId;
  depts = (await office.get('/api/departments')).json().slice(0, 3);
  const campaign = (
    await office.post('/api/campaigns', {
      name: '兴“十风”治“十弊”专项活动',
      year: 2026,
      startsOn: '2026-03-01',
      endsOn: '2026-12-15',
      params: { villageVisitsPerQuarter: 1 },
      phases: [{ key: 'prepare', title: '', from: '2026-03-01', to: '2026-03-31' }],
    })
  ).json();
  campaignId = campaign.id;
  measureIds = campaign.measures.slice(0, 2).map((m: { id: string }) => m.id);
  itemIds = [];
  for (let i = 0; i < N; i++) {
    const res = await office.post('/api/items', {
      title: `口径事项${i}`,
      leadDepartmentId: depts[i % depts.length]!.id,
      ownerPersonId: ownerId,
      receivedOn: '2026-10-12',
    });
    expect(res.statusCode).toBe(200);
    itemIds.push(res.json().id);
  }
  today = shanghaiDate(ctx.clock.now());
  calendar = await calendarForUnit(ctx.database.db, unitId);
  soonUntil = dueSoonUntil(today, calendar);
});

const day = (offset: number) => toIsoDate(parseIsoDate(today) + offset);
interface State extends FigureFacts {
  dept: number;
  measure: number | null;
}
const arbState: fc.Arbitrary<State> = fc
  .record({
    status: fc.constantFrom(...(Object.keys(ITEM_STATUSES) as ItemStatus[])),
    dueOffset: fc.integer({ min: -12, max: 12 }),
    closedOffset: fc.integer({ min: -4, max: 4 }),
    cadence: fc.constantFrom('none' as const, 'weekly' as const, 'monthly' as const),
    reportOffset: fc.option(fc.integer({ min: -40, max: -1 })),
    dept: fc.nat(2),
    measure: fc.option(fc.nat(1)),
  })
  .map((s) => {
    const due = day(s.dueOffset);
    return {
      status: s.status,
      due,
      // Closed on a date around its due date, never after today.
      closedOn: s.status === 'closed' ? day(Math.min(s.dueOffset + s.closedOffset, 0)) : null,
      cadence: s.cadence,
      lastReportOn: s.reportOffset === null ? null : day(s.reportOffset),
      assignedOn: day(-40),
      dept: s.dept,
      measure: s.measure,
    };
  });

async function store(states: State[]) {
  for (const [i, s] of states.entries()) {
    await ctx.database.db.execute(sql`update supervised_items set status = ${s.status}, due = ${s.due},
      closed_on = ${s.closedOn}, cadence = ${s.cadence}, last_report_on = ${s.lastReportOn}, assigned_on = ${s.assignedOn},
      lead_department_id = ${depts[s.dept]!.id}, measure_id = ${s.measure === null ? null : measureIds[s.measure]!}
      where unit_id = ${unitId} and id = ${itemIds[i]!}`);
  }
}

/** How many items the ledger lists with these filters (exact: far fewer than its count cap). */
async function ledgerTotal(query: string) {
  const r = (await office.get(`/api/items?pageSize=1&${query}`)).json();
  expect(r.totalExact).toBe(true);
  return r.total as number;
}

describe('every figure has one meaning', () => {
  it('the ledger, the campaign overview, the rankings and the workbench agree with the domain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbState, { minLength: N, maxLength: N }), async (states) => {
        await store(states);
        const all = figuresOf(states, today, soonUntil);
        const inCampaign = states.filter((s) => s.measure !== null);
        const campaign = figuresOf(inCampaign, today, soonUntil);

        // The ledger's figure filters, unit-wide and for the campaign.
        for (const f of FIGURES) {
          expect(await ledgerTotal(`figure=${f}`), `ledger ${f}`).toBe(all[f]);
          expect(await ledgerTotal(`figure=${f}&campaignId=${campaignId}`), `campaign ledger ${f}`).toBe(campaign[f]);
        }
        // The colours are the figures: red = 逾期, yellow = 临期 or 漏报.
        expect(await ledgerTotal('colour=red')).toBe(all.overdue);
        const yellow = states.filter((s) => colourOf(s, today, calendar) === 'yellow').length;
        expect(await ledgerTotal('colour=yellow')).toBe(yellow);

        // The campaign overview (本活动事项) and its departments' progress.
        const detail = (await office.get(`/api/campaigns/${campaignId}`)).json();
        expect(detail.figures).toEqual({
          ...campaign,
          items: inCampaign.filter((s) => s.status !== 'withdrawn').length,
          closed: inCampaign.filter((s) => s.status === 'closed').length,
        });
        const byDept = (await office.get(`/api/campaigns/${campaignId}/departments`)).json();
        for (const [d, dept] of depts.entries()) {
          const mine = inCampaign.filter((s) => s.dept === d);
          const row = byDept.find((r: { department: string }) => r.department === dept.name);
          expect(row?.overdue ?? 0, `department ${dept.name}`).toBe(figuresOf(mine, today, soonUntil).overdue);
        }

        // The rankings: only items whose due date has come, per department.
        const ranking = (await office.get('/api/rankings?by=department&from=2026-01-01&to=2027-12-31')).json();
        for (const [d, dept] of depts.entries()) {
          const due = states.filter((s) => s.dept === d && hasComeDue(s, today));
          const f = figuresOf(due, today, soonUntil);
          const row = ranking.find((r: { group: string }) => r.group === dept.name);
          expect(row?.closedOnTime ?? 0, `ranking ${dept.name}`).toBe(f.onTime);
          expect(row?.overdue ?? 0).toBe(f.overdue + f.closedLate);
          expect(row?.onTimeRate ?? null).toBe(f.onTimeRate);
        }

        // The workbench (the office reads the ledger: the unit's figures), each with the filter that lists them.
        const wb = (await office.get('/api/workbench')).json().itemFigures;
        const count = (k: string) => wb.figures.find((f: { key: string }) => f.key === k);
        expect(wb.scope).toBe('unit');
        expect(count('overdue').count).toBe(all.overdue);
        expect(count('dueSoon').count).toBe(all.dueSoon);
        expect(count('reportMissing').count).toBe(all.reportMissing);
        const thisMonth = states.filter((s) => s.closedOn !== null && s.closedOn >= `${today.slice(0, 8)}01`);
        expect(count('onTimeThisMonth').count).toBe(figuresOf(thisMonth, today, soonUntil).onTime);
        for (const f of wb.figures)
          expect(await ledgerTotal(new URLSearchParams(f.query).toString()), `workbench ${f.key}`).toBe(f.count);

        // A member without the ledger sees the items they handle (here: all of them), as 我承办的事项 lists them.
        const mine = (await owner.get('/api/workbench')).json().itemFigures;
        expect(mine.scope).toBe('mine');
        for (const f of mine.figures) {
          const listed = (await owner.get(`/api/items/mine?pageSize=1&${new URLSearchParams(f.query)}`)).json();
          expect([f.count, listed.total], `mine ${f.key}`).toEqual([count(f.key).count, count(f.key).count]);
        }
      }),
      { numRuns: 20 },
    );
  });
});
