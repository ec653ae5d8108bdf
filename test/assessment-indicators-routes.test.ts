/**
 * 考核指标 through the API: who sees, reports and reviews (domain/policies/assessment-indicator), another unit's
 * id answers 404, and bad input (a target out of range, an unknown period, a computed source with another unit)
 * answers 400 and changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
const as: Record<string, Client> = {};
let dept0: string;
let member1: string;
let deptReported: { id: string; version: number };
let personReported: { id: string; version: number };
let computed: { id: string; version: number };

const body = (more: Record<string, unknown>) => ({
  ownerKind: 'department',
  ownerId: dept0,
  title: '争取上级资金',
  unitLabel: '万元',
  target: 50,
  direction: 'at_least',
  periodKind: 'quarter',
  source: 'reported',
  ...more,
});
const total = async (c: Client, query = '') =>
  (await c.get(`/api/assessment/indicators?pageSize=100${query}`)).json().total as number;
const ids = async (c: Client) =>
  ((await c.get('/api/assessment/indicators?pageSize=100')).json().items as { id: string }[]).map((i) => i.id);

beforeAll(async () => {
  ctx = await testApp();
  ctx.clock.current = new Date('2026-11-20T02:00:00Z');
  const unit = await newDemoUnit(ctx);
  // member1 and member2 are of 综合科 (whose head is `branch`); member5 heads 社会救助股, member6 works there.
  for (const login of ['office', 'leader1', 'secretary', 'branch', 'member1', 'member2', 'member5', 'member6', 'admin'])
    as[login] = await signIn(ctx, unit.user(login));
  const other = await newDemoUnit(ctx);
  as.otherOffice = await signIn(ctx, other.user('office'));
  dept0 = ((await as.office!.get('/api/departments')).json() as { id: string; name: string }[]).find((d) =>
    d.name.startsWith('综合科'),
  )!.id;
  member1 = (await as.member1!.get('/api/auth/me')).json().user.personId;
  const create = async (b: Record<string, unknown>) => {
    const res = await as.office!.post('/api/assessment/indicators', body(b));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  deptReported = await create({});
  personReported = await create({ ownerKind: 'person', ownerId: member1, title: '撰写调研报告', unitLabel: '篇' });
  computed = await create({ title: '按时办结率', source: 'items_on_time_rate', unitLabel: '%', target: 95 });
});

describe('who sees', () => {
  it('a department’s indicators: the leadership, the office, its head and members; a person’s: them, their head', async () => {
    const all = [deptReported.id, personReported.id, computed.id].sort();
    for (const who of ['office', 'leader1', 'secretary', 'branch'])
      expect((await ids(as[who]!)).sort(), who).toEqual(all);
    expect((await ids(as.member1!)).sort()).toEqual(all);
    expect((await ids(as.member2!)).sort()).toEqual([deptReported.id, computed.id].sort());
    for (const who of ['member5', 'member6']) {
      expect(await ids(as[who]!), who).toEqual([]);
      expect((await as[who]!.get(`/api/assessment/indicators/${personReported.id}`)).statusCode).toBe(404);
      expect((await as[who]!.get(`/api/assessment/indicators/${deptReported.id}`)).statusCode).toBe(404);
    }
    // An administrator without a person opens nothing.
    expect((await as.admin!.get('/api/assessment/indicators')).statusCode).toBe(403);
  });

  it('another unit’s id answers 404, for reading and for every write', async () => {
    const o = as.otherOffice!;
    const id = deptReported.id;
    expect((await o.get(`/api/assessment/indicators/${id}`)).statusCode).toBe(404);
    expect((await o.put(`/api/assessment/indicators/${id}`, { ...body({}), version: 1 })).statusCode).toBe(404);
    expect(
      (await o.post(`/api/assessment/indicators/${id}/withdraw`, { reason: '不需要', version: 1 })).statusCode,
    ).toBe(404);
    const report = { periodKey: '2026-Q4', value: 10, evidence: '上级资金到账' };
    expect((await o.post(`/api/assessment/indicators/${id}/reports`, report)).statusCode).toBe(404);
    // And an owner of another unit cannot be named.
    const foreign = await o.post('/api/assessment/indicators', body({}));
    expect([foreign.statusCode, foreign.json().message]).toEqual([400, '所选科室不存在']);
  });

  it('the list filters by owner, department, source and words', async () => {
    const o = as.office!;
    expect(await total(o, '&ownerKind=person')).toBe(1);
    expect(await total(o, `&personId=${member1}`)).toBe(1);
    expect(await total(o, `&departmentId=${dept0}`)).toBe(3);
    expect(await total(o, '&source=items_on_time_rate')).toBe(1);
    expect(await total(o, `&q=${encodeURIComponent('调研')}`)).toBe(1);
    expect(await total(o, `&q=${encodeURIComponent('周凯')}`)).toBe(1);
    const page = (await o.get('/api/assessment/indicators?pageSize=2')).json();
    expect([page.items.length, page.total, page.can.create]).toEqual([2, 3, true]);
    expect((await as.branch!.get('/api/assessment/indicators')).json().can.create).toBe(false);
  });
});

describe('reports and review', () => {
  const report = (c: Client, id: string, b: Record<string, unknown>) =>
    c.post(`/api/assessment/indicators/${id}/reports`, {
      periodKey: '2026-Q4',
      value: 42,
      evidence: '资金到账凭证',
      ...b,
    });

  it('the head reports the department’s value, the person their own; others may not', async () => {
    expect((await report(as.member2!, deptReported.id, {})).statusCode).toBe(403);
    expect((await report(as.leader1!, deptReported.id, {})).statusCode).toBe(403);
    expect((await report(as.branch!, personReported.id, {})).statusCode).toBe(403);
    const mine = await report(as.member1!, personReported.id, { value: 2 });
    expect(mine.statusCode, mine.body).toBe(200);
    const res = await report(as.branch!, deptReported.id, {});
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.trend.at(-1)).toMatchObject({
      periodKey: '2026-Q4',
      value: null,
      missing: '填报值待审核',
      status: 'none',
    });
    expect(d.reports).toHaveLength(1);
    expect(d.reports[0]).toMatchObject({ status: 'submitted', value: 42, can: { review: false } });
    // One live report per period.
    expect((await report(as.office!, deptReported.id, { value: 43 })).statusCode).toBe(409);
    // A computed indicator is not reported.
    expect((await report(as.office!, computed.id, {})).statusCode).toBe(400);
  });

  it('the office returns with a reason or accepts; the value then counts, coloured against the target', async () => {
    const detail = (await as.office!.get(`/api/assessment/indicators/${deptReported.id}`)).json();
    const r = detail.reports[0];
    expect(r.can.review).toBe(true);
    const review = (c: Client, id: string, b: Record<string, unknown>) =>
      c.post(`/api/assessment/indicators/${deptReported.id}/reports/${id}/review`, b);
    expect((await review(as.branch!, r.id, { decision: 'accept', version: r.version })).statusCode).toBe(403);
    expect((await review(as.office!, r.id, { decision: 'return', version: r.version })).statusCode).toBe(400);
    const returned = await review(as.office!, r.id, { decision: 'return', reason: '缺少到账凭证', version: r.version });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().trend.at(-1).missing).toBe('填报值已退回，待重新填报');
    ctx.clock.advance(60_000);
    const again = await report(as.branch!, deptReported.id, { value: 46, evidence: '补充到账凭证' });
    expect(again.statusCode).toBe(200);
    const second = again.json().reports[0];
    const accepted = await review(as.office!, second.id, { decision: 'accept', version: second.version });
    expect(accepted.statusCode).toBe(200);
    const d = accepted.json();
    // 46 of a 50 target: within a tenth of it, 接近.
    expect(d.trend.at(-1)).toMatchObject({ value: 46, status: 'near', missing: null });
    expect(d.periods.at(-1).evidence).toEqual([
      expect.objectContaining({ kind: 'report', note: '补充到账凭证', id: second.id }),
    ]);
    expect((await review(as.office!, second.id, { decision: 'return', reason: '再看看', version: 2 })).statusCode).toBe(
      409,
    );
    const events = (await as.office!.get(`/api/assessment/indicators/${deptReported.id}`)).json().reports;
    expect(events.map((e: { status: string }) => e.status)).toEqual(['accepted', 'returned']);
  });

  it('nobody accepts a value they reported themselves, the office included: the page is told so too', async () => {
    const own = await report(as.office!, personReported.id, { periodKey: '2026-Q3', value: 3 });
    expect(own.statusCode, own.body).toBe(200);
    const r = own.json().reports.find((x: { periodKey: string }) => x.periodKey === '2026-Q3');
    expect(r.can.review).toBe(false);
    const self = await as.office!.post(`/api/assessment/indicators/${personReported.id}/reports/${r.id}/review`, {
      decision: 'accept',
      version: r.version,
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe('不能审核自己填报的指标值，请由办公室其他人员审核');
    const after = (await as.office!.get(`/api/assessment/indicators/${personReported.id}`)).json();
    expect(after.reports.find((x: { id: string }) => x.id === r.id).status).toBe('submitted');
  });

  it('the items behind a department value go to the ledger readers, not to a plain member of the department', async () => {
    // An item of 综合科 owned by member1, due within this quarter and already past.
    const item = await as.office!.post('/api/items', {
      title: '核对综合科档案移交清单',
      leadDepartmentId: dept0,
      ownerPersonId: member1,
      receivedOn: '2026-10-09',
      due: '2026-10-30',
    });
    expect(item.statusCode, item.body).toBe(200);
    const kinds = (d: { periods: { evidence: { kind: string }[] }[] }) =>
      new Set(d.periods.flatMap((p) => p.evidence.map((e) => e.kind)));
    const ledgerReader = (await as.office!.get(`/api/assessment/indicators/${computed.id}`)).json();
    expect(kinds(ledgerReader).has('item')).toBe(true);
    // member2 works in 综合科: sees the indicator and its value, not the items behind it.
    const member = await as.member2!.get(`/api/assessment/indicators/${computed.id}`);
    expect(member.statusCode).toBe(200);
    expect(member.json().trend).toEqual(ledgerReader.trend);
    expect(kinds(member.json()).has('item')).toBe(false);
  });
});

describe('bad input changes nothing', () => {
  it('a target out of range, a unit a computed source does not take, an unknown period: 400', async () => {
    const before = await total(as.office!);
    const bad = [
      body({ unitLabel: '%', target: 120 }),
      body({ source: 'items_overdue', unitLabel: '%', target: 1, direction: 'at_most' }),
      body({ source: 'items_overdue', unitLabel: '件', target: 1, direction: 'at_least' }),
      body({ target: 'many' }),
      body({ periodKind: 'week' }),
      body({ ownerKind: 'person', ownerId: dept0 }),
      body({ measureId: '00000000-0000-4000-8000-000000000000' }),
    ];
    for (const b of bad) {
      const res = await as.office!.post('/api/assessment/indicators', b);
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await total(as.office!)).toBe(before);
    const reports = (await as.office!.get(`/api/assessment/indicators/${personReported.id}`)).json().reports.length;
    for (const periodKey of ['2026-Q5', '2026-11', '2027-Q1', 'soon'])
      expect(
        (
          await as.member1!.post(`/api/assessment/indicators/${personReported.id}/reports`, {
            periodKey,
            value: 1,
            evidence: '说明',
          })
        ).statusCode,
        periodKey,
      ).toBe(400);
    expect((await as.office!.get(`/api/assessment/indicators/${personReported.id}`)).json().reports).toHaveLength(
      reports,
    );
  });

  it('edits at the version read, by the office; withdrawn with a reason, then kept apart and read-only', async () => {
    const id = computed.id;
    const edit = { measureId: null, title: '按时办结率', unitLabel: '%', target: 90, direction: 'at_least' };
    expect((await as.branch!.put(`/api/assessment/indicators/${id}`, { ...edit, version: 1 })).statusCode).toBe(403);
    expect(
      (await as.office!.put(`/api/assessment/indicators/${id}`, { ...edit, target: 101, version: 1 })).statusCode,
    ).toBe(400);
    const ok = await as.office!.put(`/api/assessment/indicators/${id}`, { ...edit, version: 1 });
    expect([ok.statusCode, ok.json().target, ok.json().version]).toEqual([200, 90, 2]);
    expect((await as.office!.put(`/api/assessment/indicators/${id}`, { ...edit, version: 1 })).statusCode).toBe(409);
    expect((await as.office!.post(`/api/assessment/indicators/${id}/withdraw`, { version: 2 })).statusCode).toBe(400);
    const w = await as.office!.post(`/api/assessment/indicators/${id}/withdraw`, {
      reason: '改为年度考核',
      version: 2,
    });
    expect([w.statusCode, w.json().withdrawnReason, w.json().can.edit]).toEqual([200, '改为年度考核', false]);
    expect(await ids(as.office!)).not.toContain(id);
    expect(await total(as.office!, '&withdrawn=true')).toBe(1);
    expect((await as.office!.put(`/api/assessment/indicators/${id}`, { ...edit, version: 3 })).statusCode).toBe(403);
  });
});

describe('the demo', () => {
  it('opens on computed and reported indicators, the current quarter’s report waiting for review', async () => {
    const demo = await newDemoUnit(ctx, { sampleWork: true });
    const office = await signIn(ctx, demo.user('office'));
    const page = (await office.get('/api/assessment/indicators?pageSize=100')).json();
    expect(page.total).toBe(6);
    const reported = page.items.find((i: { source: string }) => i.source === 'reported');
    expect(reported.trend.slice(-2)).toMatchObject([
      { periodKey: '2026-Q3', value: 56.8, status: 'met' },
      { periodKey: '2026-Q4', value: null, missing: '填报值待审核' },
    ]);
    const rate = page.items.find((i: { title: string }) => i.title === '督办事项按时办结率');
    expect(rate.trend.at(-1).periodKey).toBe('2026-Q4');
  });
});
