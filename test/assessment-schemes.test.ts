import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/server/db/client.js';
import { indicatorCents } from '../src/domain/assessment.js';
import { indicatorValues } from '../src/server/modules/assessment/indicator-values.service.js';
import type { AppDeps } from '../src/server/types.js';
import { assessmentIndicators, supervisedItems } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { docxParagraphs } from './docx-text.js';
import { readXlsx } from './xlsx.js';

/**
 * 考核方案与结果 on a demo unit (today 2026-11-30): the office drafts a quarterly scheme for departments, computes,
 * the group scores and settles a quota tie, the 组长 confirms, the scheme is frozen; exports; who sees what;
 * the attention list and a leader's decision; other units' ids; bad input.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client, lead: Client, member: Client, secretary: Client, head: Client, plain: Client;
let schemeId: string;

const BANDS = [
  { grade: 'excellent', minScore: 30, quotaPercent: 20 },
  { grade: 'competent', minScore: 20, quotaPercent: null },
  { grade: 'basic', minScore: 10, quotaPercent: null },
  { grade: 'incompetent', minScore: 0, quotaPercent: null },
];
const body = () => ({
  title: '2026年第四季度科室考核',
  subjectKind: 'department',
  periodKey: '2026-Q4',
  items: [
    { kind: 'indicator', id: 'ontime', title: '按时办结率', source: 'items_on_time_rate', weight: 60, span: null },
    { kind: 'manual', id: 'poll', title: '民主测评', maxPoints: 40 },
  ],
  bands: BANDS,
  groupMemberIds: [unit.personId.get('张志强')!],
  groupLeadId: unit.personId.get('李红梅')!,
});
type Card = { id: string; subjectName: string; total: number; finalGrade: string; version: number };
const scheme = async (c: Client = office) => (await c.get(`/api/assessment/schemes/${schemeId}`)).json();
const cards = async (c: Client = office) =>
  ((await c.get(`/api/assessment/schemes/${schemeId}/scorecards?pageSize=100`)).json() as { items: Card[] }).items;
const card = async (name: string) => (await cards()).find((c) => c.subjectName === name)!;
const auditCount = async () =>
  rowsOf<{ n: number }>(await ctx.database.db.execute(sql`select count(*)::int n from audit_events`))[0]!.n;

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx, { sampleWork: true });
  const c = await Promise.all(
    ['office', 'leader1', 'leader2', 'secretary', 'branch', 'discipline'].map((l) => signIn(ctx, unit.user(l))),
  );
  [office, lead, member, secretary, head, plain] = c as [Client, Client, Client, Client, Client, Client];
}, 120_000);

describe('compute → manual → confirm → frozen', () => {
  it('the office drafts and computes; a missing indicator scores 0 with its reason', async () => {
    const r = await office.post('/api/assessment/schemes', body());
    expect(r.statusCode, r.body).toBe(200);
    schemeId = r.json().id;
    expect(r.json()).toMatchObject({ status: 'draft', periodKind: 'quarter', groupLead: { name: '李红梅' } });
    // 社会救助股 has its own quarterly 按时办结率 indicator (target 95 %); the other departments have none.
    const relief = unit.deptIds[1]!;
    const [indicator] = await ctx.database.db
      .insert(assessmentIndicators)
      .values({
        unitId: unit.unit.id,
        ownerKind: 'department',
        ownerId: relief,
        title: '按时办结率',
        unitLabel: '%',
        target: 95,
        direction: 'at_least',
        periodKind: 'quarter',
        source: 'items_on_time_rate',
        createdBy: unit.admin.id,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning();
    const c = await office.post(`/api/assessment/schemes/${schemeId}/compute`, { version: r.json().version });
    expect(c.statusCode, c.body).toBe(200);
    expect((await cards()).length).toBe(6);
    const deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config } as AppDeps;
    const [v] = await indicatorValues(deps, unit.unit.id, [indicator!], '2026-Q4');
    // The seeded year: its two items due this quarter are overdue, so 0 % and 0 points, with both items as evidence.
    expect(v).toMatchObject({ value: 0, missing: null });
    expect(v!.evidence.length).toBe(2);
    const reliefCard = (await office.get(`/api/assessment/scorecards/${(await card('社会救助股')).id}`)).json();
    expect(reliefCard.points[0]).toMatchObject({
      value: v!.value,
      points:
        v!.value === null ? 0 : indicatorCents(60, { value: v!.value, target: 95, direction: 'at_least' }, null) / 100,
    });
    expect(reliefCard.points[0].evidence.map((e: { id: string }) => e.id)).toEqual(v!.evidence.map((e) => e.id));
    for (const e of reliefCard.points[0].evidence) if (e.kind === 'item') expect(e.href).toBe(`/items?item=${e.id}`);
    const one = (await office.get(`/api/assessment/scorecards/${(await card('养老服务股')).id}`)).json();
    expect(one.points[0]).toMatchObject({ points: 0, value: null, reason: expect.stringContaining('未设置') });
    expect(one.points[1]).toMatchObject({ points: 0, reason: '考核组尚未评分' });
    expect(one.total).toBe(0);
  });

  it('the 组长 may not confirm while a manual item is unscored', async () => {
    const s = await scheme(lead);
    expect(s.unscored.length).toBe(6);
    const r = await lead.post(`/api/assessment/schemes/${schemeId}/confirm`, { version: s.version });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toContain('尚未评分');
  });

  it('group members score with a reason; others may not', async () => {
    const scores: [string, number][] = [
      ['综合科（办公室）', 36],
      ['社会救助股', 36],
      ['养老服务股', 30],
      ['社会事务股', 25],
      ['区划地名股', 15],
      ['机关纪委', 5],
    ];
    for (const [name, points] of scores) {
      const r = await member.put(`/api/assessment/scorecards/${(await card(name)).id}/manual-score`, {
        itemId: 'poll',
        points,
        reason: '民主测评汇总结果',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const id = (await card('机关纪委')).id;
    expect(
      (
        await office.put(`/api/assessment/scorecards/${id}/manual-score`, {
          itemId: 'poll',
          points: 1,
          reason: '试一试',
        })
      ).statusCode,
    ).toBe(403);
    const one = (await lead.get(`/api/assessment/scorecards/${(await card('养老服务股')).id}`)).json();
    expect(one.total).toBe(30);
    expect(one.manualScores).toEqual([
      expect.objectContaining({ assessorName: '张志强', points: 30, reason: '民主测评汇总结果' }),
    ]);
    expect(one.total).toBe(one.points.reduce((s: number, p: { points: number }) => s + p.points, 0));
  });

  it('a tie at the 优秀 quota (1 of 6) is left to the group; a change beyond the quota is refused', async () => {
    const s = await scheme(lead);
    expect(s.ties).toEqual([expect.objectContaining({ label: '优秀', score: 36, seats: 1, resolved: false })]);
    expect((await card('综合科（办公室）')).finalGrade).toBe('competent');
    const refused = await lead.post(`/api/assessment/schemes/${schemeId}/confirm`, { version: s.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('同分');
    const a = await card('综合科（办公室）');
    const up = await lead.put(`/api/assessment/scorecards/${a.id}/grade`, {
      grade: 'excellent',
      reason: '群众满意度调查排名第一',
      version: a.version,
    });
    expect(up.statusCode, up.body).toBe(200);
    const b = await card('社会救助股');
    const over = await lead.put(`/api/assessment/scorecards/${b.id}/grade`, {
      grade: 'excellent',
      reason: '同样优秀',
      version: b.version,
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toContain('名额');
    const keep = await member.put(`/api/assessment/scorecards/${b.id}/grade`, {
      grade: 'competent',
      reason: '名额已满，经考核组研究定为称职',
      version: b.version,
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect((await scheme(lead)).ties[0].resolved).toBe(true);
    expect((await scheme(lead)).quotas[0]).toMatchObject({ label: '优秀', count: 1, quota: 1, ok: true });
  });

  it('only the 组长 confirms; the confirmed scheme is frozen', async () => {
    const s = await scheme(lead);
    expect((await member.post(`/api/assessment/schemes/${schemeId}/confirm`, { version: s.version })).statusCode).toBe(
      403,
    );
    const ok = await lead.post(`/api/assessment/schemes/${schemeId}/confirm`, { version: s.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', can: { score: false, confirm: false, edit: false } });
    const id = (await card('机关纪委')).id;
    expect(
      (
        await member.put(`/api/assessment/scorecards/${id}/manual-score`, {
          itemId: 'poll',
          points: 9,
          reason: '再评一次',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await office.post(`/api/assessment/schemes/${schemeId}/compute`, { version: ok.json().version })).statusCode,
    ).toBe(403);
    expect(
      (await office.put(`/api/assessment/schemes/${schemeId}`, { ...body(), version: ok.json().version })).statusCode,
    ).toBe(403);
  });
});

describe('exports', () => {
  it('the .xlsx holds every subject and every point with its source', async () => {
    const r = await secretary.get(`/api/assessment/schemes/${schemeId}/results.xlsx`);
    expect(r.statusCode).toBe(200);
    const rows = await readXlsx(r.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['考核对象', '总分', '等次', '考核项目', '来源', '得分', '依据']));
    expect(rows.length).toBe(1 + 6 * 2);
    expect(rows.find((x) => x[0] === '综合科（办公室）' && x[4] === '民主测评')).toEqual(
      expect.arrayContaining(['综合科（办公室）', '36', '优秀', '人工评分', '张志强（民主测评汇总结果）']),
    );
  });
  it('the .docx summary names the subjects with their totals and grades', async () => {
    const r = await secretary.get(`/api/assessment/schemes/${schemeId}/results.docx`);
    expect(r.statusCode).toBe(200);
    const text = (await docxParagraphs(r.rawPayload)).join('\n');
    expect(text).toContain('2026年第四季度科室考核考核结果');
    expect(text).toContain('综合科（办公室）：总分 36 分，等次：优秀');
    expect(text).toContain('机关纪委：总分 5 分，等次：不称职');
  });
});

describe('who sees what', () => {
  it('the leadership sees every card; a department head only their department’s, once confirmed; others nothing', async () => {
    expect((await cards(secretary)).length).toBe(6);
    expect((await cards(head)).map((c) => c.subjectName)).toEqual(['综合科（办公室）']);
    const other = await card('社会救助股');
    expect((await head.get(`/api/assessment/scorecards/${other.id}`)).statusCode).toBe(404);
    expect((await plain.get(`/api/assessment/schemes/${schemeId}`)).statusCode).toBe(404);
    expect((await plain.get(`/api/assessment/schemes/${schemeId}/results.xlsx`)).statusCode).toBe(404);
    expect(((await plain.get('/api/assessment/schemes')).json() as { total: number }).total).toBe(0);
    expect(((await head.get('/api/assessment/schemes')).json() as { total: number }).total).toBe(1);
  });
  it('a draft is seen by nobody beyond the office, the group and the leadership', async () => {
    const r = await office.post('/api/assessment/schemes', { ...body(), title: '草稿方案' });
    expect((await head.get(`/api/assessment/schemes/${r.json().id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/assessment/schemes/${r.json().id}`)).statusCode).toBe(200);
    const w = await office.post(`/api/assessment/schemes/${r.json().id}/withdraw`, {
      reason: '重复制定',
      version: r.json().version,
    });
    expect(w.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '重复制定' });
  });
});

describe('another unit, bad input', () => {
  it("another unit's ids answer 404", async () => {
    const other = await newDemoUnit(ctx);
    const o = await signIn(ctx, other.user('office'));
    expect((await o.get(`/api/assessment/schemes/${schemeId}`)).statusCode).toBe(404);
    expect(
      (await o.post(`/api/assessment/schemes/${schemeId}/withdraw`, { reason: '不是本单位的', version: 1 })).statusCode,
    ).toBe(404);
    expect((await o.get(`/api/assessment/scorecards/${(await card('机关纪委')).id}`)).statusCode).toBe(404);
    const mine = await o.post('/api/assessment/schemes', {
      ...body(),
      groupLeadId: other.personId.get('李红梅')!,
      groupMemberIds: [unit.personId.get('张志强')!],
    });
    expect(mine.statusCode).toBe(400);
  });
  it('bad input answers 400 in Chinese and changes nothing', async () => {
    const before = await auditCount();
    const bad = [
      { ...body(), bands: [...BANDS].reverse() },
      { ...body(), periodKey: '2026-Q5' },
      { ...body(), items: [] },
      { ...body(), bands: BANDS.map((b) => (b.grade === 'incompetent' ? { ...b, quotaPercent: 10 } : b)) },
    ];
    for (const b of bad) {
      const r = await office.post('/api/assessment/schemes', b);
      expect(r.statusCode, JSON.stringify(b)).toBe(400);
      expect(r.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const draft = (await office.post('/api/assessment/schemes', { ...body(), title: '评分校验' })).json();
    await office.post(`/api/assessment/schemes/${draft.id}/compute`, { version: draft.version });
    const list = (await office.get(`/api/assessment/schemes/${draft.id}/scorecards`)).json().items as Card[];
    const after = await auditCount();
    for (const b of [
      { itemId: 'poll', points: 41, reason: '超过满分' },
      { itemId: 'ontime', points: 10, reason: '不是人工项' },
      { itemId: 'poll', points: 10, reason: '' },
    ]) {
      const r = await member.put(`/api/assessment/scorecards/${list[0]!.id}/manual-score`, b);
      expect(r.statusCode, JSON.stringify(b)).toBe(400);
    }
    expect(await auditCount()).toBe(after);
    expect(after).toBe(before + 2);
  });
});

describe('the attention list', () => {
  it('is for the leadership only, states its rule, and takes a decision with a reason', async () => {
    const item = (title: string, who: string, due: string, closedOn: string | null) => ({
      unitId: unit.unit.id,
      title,
      source: 'leader_assigned',
      ownerPersonId: unit.personId.get(who)!,
      status: closedOn ? 'closed' : 'in_progress',
      assignedOn: '2026-01-05',
      closedOn,
      due,
      createdBy: unit.admin.id,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await ctx.database.db
      .insert(supervisedItems)
      .values([
        item('上半年低保复核', '周凯', '2026-05-10', '2026-05-20'),
        item('四季度临时救助台账', '周凯', '2026-10-10', null),
        item('一季度走访', '邹杰', '2026-03-10', '2026-03-20'),
        item('二季度调研', '李红梅', '2026-04-10', '2026-04-20'),
        item('三季度调研', '李红梅', '2026-08-10', '2026-08-20'),
      ]);
    expect((await office.get('/api/assessment/attention')).statusCode).toBe(403);
    expect((await head.get('/api/assessment/attention')).statusCode).toBe(403);
    const rule = await secretary.put('/api/assessment/attention/rule', {
      minEvents: 1,
      minQuarters: 2,
      lastQuarters: 4,
      version: 0,
    });
    expect(rule.statusCode, rule.body).toBe(200);
    expect(
      (await lead.put('/api/assessment/attention/rule', { minEvents: 1, minQuarters: 2, lastQuarters: 4, version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await secretary.put('/api/assessment/attention/rule', {
          minEvents: 1,
          minQuarters: 1,
          lastQuarters: 4,
          version: 1,
        })
      ).statusCode,
    ).toBe(400);
    const v = (await secretary.get('/api/assessment/attention')).json();
    expect(v.ruleText).toContain('最近 4 个季度中，至少有 2 个季度');
    expect(v.windowKey).toBe('2026-Q1..2026-Q4');
    const names = v.entries.map((e: { personName: string }) => e.personName);
    expect(names).toContain('周凯');
    expect(names).toContain('李红梅');
    expect(names).not.toContain('邹杰');
    const zhou = v.entries.find((e: { personName: string }) => e.personName === '周凯');
    expect(
      zhou.evidence.map((e: { label: string; quarter: string; title: string }) => [e.label, e.quarter, e.title]),
    ).toEqual([
      ['事项逾期', '2026-Q2', '上半年低保复核'],
      ['事项逾期', '2026-Q4', '四季度临时救助台账'],
    ]);
    // A leader never sees their own case.
    const own = (await lead.get('/api/assessment/attention')).json();
    expect(own.entries.map((e: { personName: string }) => e.personName)).not.toContain('李红梅');
    const decide = (personId: string, c = secretary, reason = '请分管领导谈话提醒') =>
      c.post('/api/assessment/attention/decisions', { personId, windowKey: v.windowKey, decision: 'talk', reason });
    expect((await decide(zhou.personId)).statusCode).toBe(200);
    expect((await decide(unit.personId.get('李红梅')!, lead)).statusCode).toBe(403);
    expect((await decide(unit.personId.get('邹杰')!)).statusCode).toBe(400);
    expect((await decide(zhou.personId, office)).statusCode).toBe(403);
    expect((await decide(zhou.personId, secretary, '')).statusCode).toBe(400);
    const after = (await secretary.get('/api/assessment/attention')).json();
    expect(after.entries.find((e: { personName: string }) => e.personName === '周凯').decisions).toEqual([
      expect.objectContaining({ label: '谈话提醒', reason: '请分管领导谈话提醒', decidedByName: '王建国' }),
    ]);
  });
});
