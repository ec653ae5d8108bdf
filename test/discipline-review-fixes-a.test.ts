import { beforeAll, describe, expect, it } from 'vitest';
import { disciplineFindings, disciplineNoticeFindings, disciplineNotices } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * Review findings 1, 2, 3, 4 (findings), 10 and 13 on the discipline module: what an issued 通报 shows the unit,
 * which findings a 通报 may name, who approves, staff acting on their own findings, the audit log's actor names
 * for confidential records, and one finding named by two issued notices.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let discipline: Client;
let leader4: Client;
let people: { id: string; name: string }[] = [];
const idOf = (name: string) => people.find((p) => p.name === name)!.id;

async function finding(
  personName: string,
  f: { onDate: string; status: string; note?: string; explanation?: string; requested?: boolean },
) {
  const now = ctx.clock.now();
  const [row] = await ctx.database.db
    .insert(disciplineFindings)
    .values({
      unitId: unit.unit.id,
      kind: 'on_duty',
      sourceType: 'check',
      personId: idOf(personName),
      onDate: f.onDate,
      observed: 'absent',
      note: f.note ?? '检查时不在岗',
      status: f.status,
      explanation: f.explanation ?? null,
      explanationRequestedAt: f.requested ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!.id;
}

/** Drafted by 戚红, approved by the 纪检组长 陈静, issued by 戚红. */
async function draftAndApprove(findingIds: string[]) {
  const d = await discipline.post('/api/discipline/notices', { kind: 'inspection', findingIds });
  expect(d.statusCode).toBe(200);
  const a = await leader4.post(`/api/discipline/notices/${d.json().id}/approve`, { version: d.json().version });
  expect(a.statusCode).toBe(200);
  return a.json() as { id: string; version: number };
}
const issue = (n: { id: string; version: number }) =>
  discipline.post(`/api/discipline/notices/${n.id}/issue`, { version: n.version });

beforeAll(async () => {
  ctx = await testApp();
  ctx.clock.current = new Date('2026-12-04T02:00:00Z');
  unit = await newDemoUnit(ctx);
  discipline = await signIn(ctx, unit.user('discipline'));
  leader4 = await signIn(ctx, unit.user('leader4'));
  people = (await (await signIn(ctx, unit.user('office'))).get('/api/people?pageSize=100')).json().items;
});

describe('review findings (part a)', () => {
  it('1: an issued 通报 shows the unit only name, department, date and what was observed — no 说明, no note', async () => {
    const f = await finding('郑伟', {
      onDate: '2026-11-17',
      status: 'confirmed',
      note: '上午10时检查时不在岗，同事称去了医院',
      explanation: '去医院复查，忘记请假',
      requested: true,
    });
    const n = await draftAndApprove([f]);
    const drafted = (await discipline.get(`/api/discipline/notices/${n.id}`)).json();
    expect(drafted.paragraphs.join('')).not.toContain('去医院复查');
    expect((await issue(n)).statusCode).toBe(200);
    const member = await signIn(ctx, unit.user('member2'));
    const seen = (await member.get(`/api/discipline/notices/${n.id}`)).json();
    expect(seen.findings[0]).toMatchObject({ personName: '郑伟', onDate: '2026-11-17', observedLabel: '无故离岗' });
    expect(JSON.stringify(seen.findings)).not.toContain('去医院复查');
    expect(JSON.stringify(seen.findings)).not.toContain('同事称去了医院');
    expect(seen.findings[0]).not.toHaveProperty('status');
    // The discipline staff still read the whole finding.
    expect((await discipline.get(`/api/discipline/notices/${n.id}`)).json().findings[0].explanation).toBe(
      '去医院复查，忘记请假',
    );
  });

  it('2: only confirmed findings go into a 通报; confirm needs a 说明 given or asked for', async () => {
    const explained = await finding('秦磊', { onDate: '2026-11-20', status: 'explained', explanation: '堵车' });
    const refused = await discipline.post('/api/discipline/notices', { kind: 'inspection', findingIds: [explained] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('认定');
    const open = await finding('周凯', { onDate: '2026-11-21', status: 'open' });
    const early = await discipline.post(`/api/discipline/findings/${open}/confirm`, { version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('说明');
    expect((await discipline.get(`/api/discipline/findings/${open}`)).json().can.confirm).toBe(false);
    const asked = await discipline.post(`/api/discipline/findings/${open}/request-explanation`, { version: 1 });
    expect(asked.json().can.confirm).toBe(true);
  });

  it('2: a finding a draft names cannot be dismissed, and a notice naming an unconfirmed finding is not issued', async () => {
    // As the 会风会纪 sweep drafts it: an open finding in a draft.
    const f = await finding('许娜', { onDate: '2026-11-22', status: 'open', requested: true });
    const now = ctx.clock.now();
    const [n] = await ctx.database.db
      .insert(disciplineNotices)
      .values({
        unitId: unit.unit.id,
        kind: 'meeting',
        title: '关于会风会纪情况的通报',
        paragraphs: ['一、许娜'],
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await ctx.database.db
      .insert(disciplineNoticeFindings)
      .values({ unitId: unit.unit.id, noticeId: n!.id, findingId: f, position: 0 });
    const dismissed = await discipline.post(`/api/discipline/findings/${f}/dismiss`, {
      reason: '核实有误',
      version: 1,
    });
    expect(dismissed.statusCode).toBe(400);
    expect(dismissed.json().message).toContain('通报');
    const a = await leader4.post(`/api/discipline/notices/${n!.id}/approve`, { version: n!.version });
    expect(a.statusCode).toBe(200);
    const r = await issue(a.json());
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('认定');
    expect((await discipline.get(`/api/discipline/notices/${n!.id}`)).json().status).toBe('approved');
  });

  it('3: a discipline lead who drafted a notice cannot approve it alone', async () => {
    const f = await finding('何军', { onDate: '2026-11-23', status: 'confirmed', requested: true });
    const d = (await leader4.post('/api/discipline/notices', { kind: 'inspection', findingIds: [f] })).json();
    expect(d.can.approve).toBe(false);
    const self = await leader4.post(`/api/discipline/notices/${d.id}/approve`, { version: d.version });
    expect(self.statusCode).toBe(403);
    const secretary = await signIn(ctx, unit.user('secretary'));
    expect((await secretary.post(`/api/discipline/notices/${d.id}/approve`, { version: d.version })).statusCode).toBe(
      200,
    );
  });

  it('4: a staff member does not act on a finding about themselves', async () => {
    const f = await finding('戚红', { onDate: '2026-11-24', status: 'open' });
    const own = (await discipline.get(`/api/discipline/findings/${f}`)).json();
    expect(own.can).toMatchObject({ requestExplanation: false, confirm: false, dismiss: false });
    expect(
      (await discipline.post(`/api/discipline/findings/${f}/request-explanation`, { version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await discipline.post(`/api/discipline/findings/${f}/dismiss`, { reason: '自己看着办', version: 1 })).statusCode,
    ).toBe(403);
    // Another staff member (the 纪检组长) does.
    expect((await leader4.get(`/api/discipline/findings/${f}`)).json().can).toMatchObject({
      requestExplanation: true,
      dismiss: true,
    });
  });

  it('10: the audit log does not name the person behind a confidential record to those who may not read it', async () => {
    const f = await finding('杨帆', { onDate: '2026-11-25', status: 'open' });
    const asked = (await discipline.post(`/api/discipline/findings/${f}/request-explanation`, { version: 1 })).json();
    const yang = await signIn(ctx, unit.user('member5')); // 杨帆
    const said = await yang.post(`/api/discipline/findings/${f}/explain`, {
      explanation: '外出办事',
      version: asked.version,
    });
    expect(said.statusCode).toBe(200);
    const auditor = await signIn(ctx, unit.user('auditor'));
    const events = (await auditor.get(`/api/audit/events?entityType=discipline_finding&entityId=${f}`)).json().items;
    const explain = events.find((e: { action: string }) => e.action === 'explain');
    expect(explain.actorName).toBe('（保密）');
    expect(JSON.stringify(events)).not.toContain('杨帆');
    const staff = (await discipline.get(`/api/audit/events?entityType=discipline_finding&entityId=${f}`)).json();
    if (staff.items) expect(staff.items.find((e: { action: string }) => e.action === 'explain').actorName).toBe('杨帆');
  });

  it('13: one finding is not named by two issued notices', async () => {
    const f = await finding('吴婷', { onDate: '2026-11-26', status: 'confirmed', requested: true });
    const first = await draftAndApprove([f]);
    const second = await draftAndApprove([f]);
    expect((await issue(first)).statusCode).toBe(200);
    const again = await issue(second);
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('已在印发的通报中');
    expect((await discipline.get(`/api/discipline/notices/${second.id}`)).json().status).toBe('approved');
  });
});
