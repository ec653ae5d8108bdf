import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/server/db/schema/audit.js';
import { inspectionFlagAcks } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * Issue 20's inspection plan (measures 35 and 39): the city's 督查室 drafts the year's plan for its three counties,
 * sees 扎堆 (crowded, same week, month quota), merges, and approves — open flags need a reason each; the approved
 * plan is frozen but for what happened. An overseer of one county reads and cannot write.
 */
let ctx: TestContext;
let city: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let countyWatch: Client;
let member: Client;
const county: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
let outside: string;
let planId: string;

async function newUser(security: Client, name: string, grant: Record<string, unknown>) {
  const username = `${city.prefix}${name}`.replace(/_/g, '');
  const user = await security.post('/api/users', { username, displayName: name, password: 'Watch-2026!zf' });
  expect(user.statusCode, user.body).toBe(200);
  const g = await security.post(`/api/users/${user.json().id}/grants`, grant);
  expect(g.statusCode, g.body).toBe(200);
  const first = await signIn(ctx, username, 'Watch-2026!zf');
  await first.post('/api/auth/password', { currentPassword: 'Watch-2026!zf', newPassword: 'Watch-2026!zf-2' });
  return signIn(ctx, username, 'Watch-2026!zf-2');
}

const add = (body: Record<string, unknown>, as = office) => as.post(`/api/oversight/plans/${planId}/inspections`, body);
const view = async (as = office) => {
  const res = await as.get('/api/oversight/plans/2026');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const inspection = (subject: string, team: string, startsOn: string, unitIds: string[]) => ({
  subject,
  kind: 'special',
  team,
  startsOn,
  unitIds,
});

beforeAll(async () => {
  ctx = await testApp();
  city = await newDemoUnit(ctx);
  const admin = await signIn(ctx, city.user('admin'));
  for (const k of ['a', 'b', 'c'] as const) {
    const res = await admin.post('/api/units', {
      code: `${city.prefix}plan-${k}`.replace(/_/g, '-'),
      name: `${k.toUpperCase()}县`,
      kind: 'county',
    });
    expect(res.statusCode, res.body).toBe(200);
    county[k] = res.json().id;
  }
  outside = (await newDemoUnit(ctx)).unit.id;
  const security = await signIn(ctx, city.user('security'));
  office = await newUser(security, 'dcs', { role: 'oversight' });
  countyWatch = await newUser(security, 'awatch', { role: 'oversight', scopeType: 'subtree', scopeId: county.a });
  member = await signIn(ctx, city.user('office'));
});

describe('the inspection plan against 扎堆', () => {
  it('starts empty, then a draft with the default settings; one plan a year', async () => {
    const empty = await view();
    expect(empty.plan).toBeNull();
    expect(empty.can).toEqual({ read: true, manage: true });
    const made = await office.post('/api/oversight/plans', { year: 2026 });
    expect(made.statusCode, made.body).toBe(200);
    planId = made.json().plan.id;
    expect(made.json().plan).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      settings: { maxWithinWindow: 1, windowWorkingDays: 10, yearQuota: 4, monthQuota: 1 },
    });
    expect(made.json().ruleText).toContain('10个工作日内');
    expect((await office.post('/api/oversight/plans', { year: 2026 })).statusCode).toBe(409);
  });

  it('flags two teams crowding one county in a week and a month, and merges them away', async () => {
    const i1 = await add(inspection('安全生产专项督查', '第一督查组', '2026-03-02', [county.a]));
    expect(i1.statusCode, i1.body).toBe(200);
    const i2 = await add({
      ...inspection('营商环境督查', '第二督查组', '2026-03-04', [county.a, county.b]),
      kind: 'comprehensive',
    });
    expect(i2.statusCode, i2.body).toBe(200);
    expect((await add(inspection('乡村振兴督查', '第三督查组', '2026-06-08', [county.c]))).statusCode).toBe(200);
    const flagged = await view();
    expect(flagged.flags.map((f: { kind: string }) => f.kind).sort()).toEqual(['crowded', 'monthQuota', 'sameWeek']);
    for (const f of flagged.flags) {
      expect(f.unitName).toBe('A县');
      expect(f.mergeIds.sort()).toEqual([i1.json().id, i2.json().id].sort());
      expect(f.text).toContain('安全生产专项督查');
    }
    // Approval is refused while a flag is open without a reason; nothing changes.
    const refused = await office.post(`/api/oversight/plans/${planId}/approve`, { version: flagged.plan.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('扎堆');
    expect((await view()).plan.status).toBe('draft');

    const merged = await office.post(`/api/oversight/plans/${planId}/merge`, {
      inspectionIds: flagged.flags[0].mergeIds,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({
      id: i1.json().id,
      startsOn: '2026-03-02',
      team: '第一督查组、第二督查组',
      kind: 'comprehensive',
      subject: '安全生产专项督查；营商环境督查',
    });
    expect(
      merged
        .json()
        .units.map((u: { name: string }) => u.name)
        .sort(),
    ).toEqual(['A县', 'B县']);
    expect((await view()).flags).toEqual([]);
    const list = (await office.get(`/api/oversight/plans/${planId}/inspections?pageSize=2`)).json();
    expect(list.total).toBe(3);
    expect(list.items).toHaveLength(2);
    const gone = (await office.get(`/api/oversight/plans/${planId}/inspections?status=merged`)).json();
    expect(gone.items).toMatchObject([{ id: i2.json().id, status: 'merged', mergedInto: i1.json().id }]);
    // Merging it again: it is merged already.
    expect(
      (await office.post(`/api/oversight/plans/${planId}/merge`, { inspectionIds: [i1.json().id, i2.json().id] }))
        .statusCode,
    ).toBe(409);
  });

  it('edits and withdraws a draft at the version read; settings change the flags', async () => {
    const i = (await add(inspection('生态环保督查', '第三督查组', '2026-06-09', [county.c]))).json();
    let v = await view();
    expect(v.flags.map((f: { kind: string }) => f.kind).sort()).toEqual(['crowded', 'monthQuota']);
    const edited = await office.put(`/api/oversight/inspections/${i.id}`, {
      ...inspection('生态环境保护督查', '第三督查组', '2026-06-10', [county.c]),
      version: i.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await office.put(`/api/oversight/inspections/${i.id}`, {
      ...inspection('又一次修改', '第三督查组', '2026-06-10', [county.c]),
      version: i.version,
    });
    expect(stale.statusCode).toBe(409);
    const settings = await office.put(`/api/oversight/plans/${planId}/settings`, {
      maxWithinWindow: 1,
      windowWorkingDays: 10,
      yearQuota: 4,
      monthQuota: 2,
      version: v.plan.version,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json().flags.map((f: { kind: string }) => f.kind)).toEqual(['crowded']);
    expect(
      (
        await office.put(`/api/oversight/plans/${planId}/settings`, {
          ...settings.json().plan.settings,
          version: v.plan.version,
        })
      ).statusCode,
    ).toBe(409);
    const w = (await add(inspection('临时督查', '第四督查组', '2026-09-01', [county.b]))).json();
    const withdrawn = await office.post(`/api/oversight/inspections/${w.id}/withdraw`, {
      reason: '与年中督查重复',
      version: w.version,
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '与年中督查重复' });
    v = await view();
    expect(v.flags).toHaveLength(1);
  });

  it('approves with a reason for each kept flag, then freezes all but what happened', async () => {
    const v = await view();
    const flag = v.flags[0];
    const approved = await office.post(`/api/oversight/plans/${planId}/approve`, {
      version: v.plan.version,
      keep: [{ key: flag.key, reason: '两项督查内容不同，已征得C县同意' }],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().plan).toMatchObject({ status: 'approved', statusLabel: '已批准' });
    expect(approved.json().plan.approvedByName).toBe('dcs');
    expect(approved.json().flags[0].keptReason).toBe('两项督查内容不同，已征得C县同意');
    const acks = await ctx.database.db.select().from(inspectionFlagAcks).where(eq(inspectionFlagAcks.planId, planId));
    expect(acks.map((a) => a.flagKey)).toEqual([flag.key]);
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.unitId, city.unit.id), eq(auditEvents.entityType, 'inspection_plan')));
    expect(audit.map((a) => a.action).sort()).toEqual(['approve', 'create', 'update']);

    const items = (await office.get(`/api/oversight/plans/${planId}/inspections?status=planned`)).json().items;
    const first = items[0];
    const frozen = [
      await office.put(`/api/oversight/inspections/${first.id}`, {
        ...inspection('修改督查', '第一督查组', '2026-03-02', [county.a]),
        version: first.version,
      }),
      await office.post(`/api/oversight/inspections/${first.id}/withdraw`, {
        reason: '不再需要',
        version: first.version,
      }),
      await office.post(`/api/oversight/plans/${planId}/merge`, { inspectionIds: [items[0].id, items[1].id] }),
      await office.put(`/api/oversight/plans/${planId}/settings`, { ...v.plan.settings, version: 2 }),
      await office.post(`/api/oversight/plans/${planId}/approve`, { version: approved.json().plan.version }),
    ];
    for (const r of frozen) expect(r.statusCode, r.body).toBe(409);
    expect((await add(inspection('计划外督查', '第五督查组', '2026-10-12', [county.b]))).statusCode).toBe(400);
    const unplanned = await add({
      ...inspection('计划外督查', '第五督查组', '2026-10-12', [county.b]),
      unplannedReason: '上级交办的防汛专项督查',
    });
    expect(unplanned.statusCode, unplanned.body).toBe(200);
    expect(unplanned.json().unplannedReason).toBe('上级交办的防汛专项督查');
    const done = await office.post(`/api/oversight/inspections/${first.id}/happened`, {
      from: '2026-03-02',
      to: '2026-03-05',
      summary: '发现问题3个，已反馈A县',
      version: first.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      happenedFrom: '2026-03-02',
      happenedSummary: '发现问题3个，已反馈A县',
    });
  });
});

describe('who may, and what is refused', () => {
  it('an overseer of one county reads the plan and gets 403 on every write; a plain member gets 403', async () => {
    const v = await view(countyWatch);
    expect(v.can).toEqual({ read: true, manage: false });
    expect(v.plan.id).toBe(planId);
    expect((await countyWatch.get(`/api/oversight/plans/${planId}/inspections`)).statusCode).toBe(200);
    expect((await countyWatch.post('/api/oversight/plans', { year: 2027 })).statusCode).toBe(403);
    expect((await add(inspection('越权督查', '第一督查组', '2026-11-02', [county.a]), countyWatch)).statusCode).toBe(
      403,
    );
    expect((await member.get('/api/oversight/plans/2026')).statusCode).toBe(403);
  });

  it('refuses a unit outside the subtree, the own unit, a deactivated county, and bad input, with 400', async () => {
    const draft = (await office.post('/api/oversight/plans', { year: 2027 })).json().plan.id;
    const to = (body: unknown) => office.post(`/api/oversight/plans/${draft}/inspections`, body);
    const ok = inspection('年度综合督查', '第一督查组', '2027-04-06', [county.a]);
    for (const unitIds of [[outside], [city.unit.id], ['00000000-0000-4000-8000-000000000000']]) {
      const r = await to({ ...ok, unitIds });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().message).toContain('督查范围');
    }
    const admin = await signIn(ctx, city.user('admin'));
    expect((await admin.post(`/api/units/${county.b}/deactivate`, { reason: '撤并' })).statusCode).toBe(200);
    expect((await to({ ...ok, unitIds: [county.b] })).json().message).toContain('已停用');
    for (const bad of [
      { ...ok, startsOn: 'x' },
      { ...ok, startsOn: '2026-04-06' },
      { ...ok, unitIds: [] },
      { ...ok, kind: 'other' },
      { ...ok, subject: '' },
    ])
      expect((await to(bad)).statusCode).toBe(400);
    expect((await office.post('/api/oversight/plans', { year: 1990 })).statusCode).toBe(400);
    expect((await office.get('/api/oversight/plans/abc')).statusCode).toBe(400);
    expect((await office.post(`/api/oversight/plans/${draft}/merge`, { inspectionIds: [] })).statusCode).toBe(400);
    const total = (await office.get(`/api/oversight/plans/${draft}/inspections`)).json().total;
    expect(total).toBe(0);
  });
});
