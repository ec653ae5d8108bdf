import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { agendaItems, decisionMeetings, ruleVersions } from '../src/server/db/schema/index.js';
import { meetingRulesFor } from '../src/server/modules/decisions/meeting-rules.service.js';
import type { AppDeps } from '../src/server/types.js';
import { newDemoUnit, signIn, type Client, testApp, type TestContext } from './helpers.js';

/**
 * Rule documents (制度) with versions (issue 18): the office keeps the 党组议事规则 and its versions in effective
 * order, a backdated version is refused with nothing changed, the diff endpoint marks what a revision changed,
 * the meetings' rules switch to the new parameters on the new version's effective date, every member reads but
 * cannot write, and nothing of another unit is reached (its document: 404; its meeting item: refused).
 */
let ctx: TestContext;
let deps: AppDeps;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let secretary: Client;
let member: Client;
let otherOffice: Client;
let adoptedItem = '';
let undecidedItem = '';
let otherUnitItem = '';
let otherOfficeName = '';

const V1 =
  '第一条 为规范党组议事决策，制定本规则。\n第二条 党组会议须有半数以上党组成员到会方可召开。\n第三条 本规则自印发之日起施行。';
const V2 =
  '第一条 为规范党组议事决策，制定本规则。\n第二条 党组会议须有三分之二以上党组成员到会方可召开。\n第三条 会议材料应提前5个工作日送达。\n第四条 本规则自印发之日起施行。';
const PARAMS_1 = { materialsLeadDays: 3, quorumOver: [1, 2], cadreQuorumAtLeast: [2, 3], largeFundsFrom: 10 };
const PARAMS_2 = { materialsLeadDays: 5, quorumOver: [2, 3], cadreQuorumAtLeast: [2, 3], largeFundsFrom: 20 };

/**
 * A 党组会 of the unit (as the meetings module stores one) with one item adopted and one not yet decided;
 * `members` default to the chair alone, `category` is the adopted item's.
 */
async function seedMeeting(
  unitId: string,
  chairPersonId: string,
  title: string,
  heldOn: string,
  o: { status?: string; members?: string[]; category?: string } = {},
) {
  const at = ctx.clock.now();
  const [m] = await deps.db
    .insert(decisionMeetings)
    .values({
      unitId,
      kind: 'party_group',
      sessionNo: 1,
      title,
      heldOn,
      chairPersonId,
      memberIds: o.members ?? [chairPersonId],
      status: o.status ?? 'closed',
      createdBy: chairPersonId,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const item = (seq: number, t: string, outcome: string | null, category = 'none') => ({
    unitId,
    meetingId: m!.id,
    seq,
    title: t,
    outcome,
    category,
    createdAt: at,
    updatedAt: at,
  });
  const rows = await deps.db
    .insert(agendaItems)
    .values([item(1, '审议《党组议事规则（2027年修订）》', 'adopted', o.category), item(2, '研究办公用房调整', null)])
    .returning();
  return [rows[0]!.id, rows[1]!.id] as const;
}

const personOf = async (c: Client) => (await c.get('/api/auth/me')).json().user.personId as string;

beforeAll(async () => {
  ctx = await testApp();
  deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config } as AppDeps;
  unit = await newDemoUnit(ctx);
  const other = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  secretary = await signIn(ctx, unit.user('secretary'));
  member = await signIn(ctx, unit.user('member1'));
  otherOfficeName = other.user('office');
  otherOffice = await signIn(ctx, otherOfficeName);
  // Held after the first version below takes effect (a version may not rule a meeting already held).
  [adoptedItem, undecidedItem] = await seedMeeting(
    unit.unit.id,
    await personOf(secretary),
    '2026年第12次党组会议',
    '2026-12-10',
    { status: 'preparing' },
  );
  [otherUnitItem] = await seedMeeting(other.unit.id, await personOf(otherOffice), '他单位党组会议', '2026-12-10');
});

describe('the 党组议事规则 and its versions', () => {
  let docId = '';
  let version = 0;

  it('is kept by the office: a first version in force, a revision adopted at a 党组会 taking effect later', async () => {
    const created = await office.post('/api/decisions/rule-documents', {
      kind: 'meeting_rules',
      title: '中共示例县民政局党组议事规则',
    });
    expect(created.statusCode, created.body).toBe(200);
    docId = created.json().id;
    const first = await office.post(`/api/decisions/rule-documents/${docId}/versions`, {
      label: '2024年印发',
      text: V1,
      effectiveFrom: '2024-03-01',
      params: PARAMS_1,
      version: created.json().version,
    });
    expect(first.statusCode, first.body).toBe(200);
    // The 党组会 is then held under the first version and adopts the revision.
    await deps.db.update(decisionMeetings).set({ status: 'closed' }).where(eq(decisionMeetings.unitId, unit.unit.id));
    const second = await secretary.post(`/api/decisions/rule-documents/${docId}/versions`, {
      label: '2027年修订',
      text: V2,
      effectiveFrom: '2027-01-01',
      params: PARAMS_2,
      adoptedByItemId: adoptedItem,
      version: first.json().version,
    });
    expect(second.statusCode, second.body).toBe(200);
    const d = second.json();
    version = d.version;
    expect(d.versions.map((v: { label: string; standing: string }) => [v.label, v.standing])).toEqual([
      ['2024年印发', 'current'],
      ['2027年修订', 'future'],
    ]);
    expect(d.current).toMatchObject({ label: '2024年印发', effectiveFrom: '2024-03-01' });
    expect(d.upcoming).toMatchObject({ label: '2027年修订' });
    expect(d.versions[1].adoptedBy).toEqual({
      itemId: adoptedItem,
      itemTitle: '审议《党组议事规则（2027年修订）》',
      meetingTitle: '2026年第12次党组会议',
      heldOn: '2026-12-10',
    });
    // A second live 党组议事规则 is refused: its versions go under the one kept.
    const twice = await office.post('/api/decisions/rule-documents', {
      kind: 'meeting_rules',
      title: '另一份议事规则',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('请在其下新增版本');
  });

  it('refuses a backdated version, with nothing changed', async () => {
    const before = await deps.db.select().from(ruleVersions).where(eq(ruleVersions.documentId, docId));
    for (const effectiveFrom of ['2026-12-31', '2027-01-01']) {
      const res = await office.post(`/api/decisions/rule-documents/${docId}/versions`, {
        label: '补充修订',
        text: V2 + '\n第五条 补充。',
        effectiveFrom,
        params: PARAMS_2,
        version,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe(`新版本的生效日期（${effectiveFrom}）必须晚于上一版本的生效日期（2027-01-01）`);
    }
    const after = await deps.db.select().from(ruleVersions).where(eq(ruleVersions.documentId, docId));
    expect(after).toEqual(before);
    expect((await office.get(`/api/decisions/rule-documents/${docId}`)).json().version).toBe(version);
  });

  it('refuses parameters out of range and adopted-by items that are not decided or not of the unit', async () => {
    const add = (extra: object) =>
      office.post(`/api/decisions/rule-documents/${docId}/versions`, {
        label: '再修订',
        text: V2,
        effectiveFrom: '2027-06-01',
        params: PARAMS_2,
        version,
        ...extra,
      });
    const cases: [object, string][] = [
      [{ params: { ...PARAMS_2, quorumOver: [3, 2] } }, '一般事项的到会比例应为不大于1的正分数'],
      [{ params: { ...PARAMS_2, materialsLeadDays: 31 } }, '0至30之间的整数'],
      [{ params: null }, '请填写本版党组议事规则的议事规则参数'],
      [{ adoptedByItemId: otherUnitItem }, '所选议题不存在'],
      [{ adoptedByItemId: undecidedItem }, '只能选择会议已审议通过的议题'],
      [
        { adoptedByItemId: adoptedItem, effectiveFrom: '2026-12-01' },
        '生效日期不能早于通过该制度的会议日期（2026-12-10',
      ],
      [{ effectiveFrom: '2026-12-01' }, '必须晚于上一版本'],
    ];
    for (const [extra, message] of cases) {
      const res = await add(extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().message).toContain(message);
    }
    expect((await office.get(`/api/decisions/rule-documents/${docId}`)).json().versions).toHaveLength(2);
  });

  it('shows the diff between the two versions, line by line with the changed words marked', async () => {
    const d = (await member.get(`/api/decisions/rule-documents/${docId}`)).json();
    const [v1, v2] = d.versions;
    const res = await member.get(`/api/decisions/rule-documents/${docId}/diff?from=${v1.id}&to=${v2.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const diff = res.json();
    expect(diff).toMatchObject({ added: 3, removed: 2, from: { label: '2024年印发' }, to: { label: '2027年修订' } });
    expect(diff.lines.map((l: { op: string }) => l.op)).toEqual(['same', 'remove', 'remove', 'add', 'add', 'add']);
    expect(diff.lines[1].parts).toContainEqual({ changed: true, text: '半数' });
    expect(diff.lines[3].parts).toContainEqual({ changed: true, text: '三分之二' });
    // Without versions named: the latest live version against the one before it.
    expect((await member.get(`/api/decisions/rule-documents/${docId}/diff`)).json()).toEqual(diff);
    const foreign = await member.get(`/api/decisions/rule-documents/${docId}/diff?from=${v1.id}&to=${adoptedItem}`);
    expect(foreign.statusCode).toBe(404);
  });

  it('gives the meetings the new parameters from the effective date on', async () => {
    expect(await meetingRulesFor(deps, unit.unit.id, '2024-02-29', 'party_group')).toEqual({
      rules: expect.objectContaining({ materialsLeadDays: 3 }),
      source: null,
    });
    const before = await meetingRulesFor(deps, unit.unit.id, '2026-12-31', 'party_group');
    expect(before.rules).toEqual(PARAMS_1);
    expect(before.source).toMatchObject({
      title: '中共示例县民政局党组议事规则（2024年印发）',
      effectiveFrom: '2024-03-01',
    });
    const after = await meetingRulesFor(deps, unit.unit.id, '2027-01-01', 'party_group');
    expect(after.rules).toEqual(PARAMS_2);
    expect(after.source).toMatchObject({
      title: '中共示例县民政局党组议事规则（2027年修订）',
      effectiveFrom: '2027-01-01',
    });
    // A 局长办公会 keeps the 党组议事规则 until the unit adopts its own.
    expect((await meetingRulesFor(deps, unit.unit.id, '2027-01-01', 'director_office')).rules).toEqual(PARAMS_2);
    // The API answers for today, as the clock says: before, and on the effective date.
    expect((await member.get('/api/decisions/meeting-rules')).json().rules).toEqual(PARAMS_1);
    const saved = ctx.clock.current;
    ctx.clock.current = new Date('2027-01-01T00:30:00+08:00');
    try {
      // Sessions idle out across a month: sign in again on the day.
      const [member, office] = [await signIn(ctx, unit.user('member1')), await signIn(ctx, unit.user('office'))];
      const today = (await member.get('/api/decisions/meeting-rules')).json();
      expect(today.rules).toEqual(PARAMS_2);
      const d = (await member.get(`/api/decisions/rule-documents/${docId}`)).json();
      expect(d.current.label).toBe('2027年修订');
      expect(d.versions.map((v: { standing: string }) => v.standing)).toEqual(['past', 'current']);
      // In force: it can no longer be withdrawn.
      const late = await office.post(`/api/decisions/rule-versions/${d.versions[1].id}/withdraw`, {
        reason: '撤回修订',
        version: d.version,
      });
      expect(late.statusCode).toBe(400);
      expect(late.json().message).toContain('只能撤销尚未生效的版本');
    } finally {
      ctx.clock.current = saved;
      // Back to today, the sessions of the day are signed in afresh.
      member = await signIn(ctx, unit.user('member1'));
      office = await signIn(ctx, unit.user('office'));
      secretary = await signIn(ctx, unit.user('secretary'));
      otherOffice = await signIn(ctx, otherOfficeName);
    }
  });

  it('lets every member read but not write (403, nothing changed)', async () => {
    const list = await member.get('/api/decisions/rule-documents?kind=meeting_rules');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      id: docId,
      can: { see: true, addVersion: false, withdraw: false },
    });
    const writes = [
      member.post('/api/decisions/rule-documents', { kind: 'fault_tolerance', title: '容错纠错实施细则' }),
      member.post(`/api/decisions/rule-documents/${docId}/versions`, {
        label: '成员修订',
        text: V2,
        effectiveFrom: '2028-01-01',
        params: PARAMS_2,
        version,
      }),
      member.post(`/api/decisions/rule-documents/${docId}/withdraw`, { reason: '成员撤销', version }),
      member.get('/api/decisions/rule-documents/adoptable-items'),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(403);
    const d = (await office.get(`/api/decisions/rule-documents/${docId}`)).json();
    expect(d.version).toBe(version);
    expect(d.versions).toHaveLength(2);
    expect(d.can).toEqual({ see: true, addVersion: true, withdraw: true });
  });

  it("answers 404 to another unit's office for this unit's document and versions", async () => {
    const d = (await office.get(`/api/decisions/rule-documents/${docId}`)).json();
    const asked = [
      otherOffice.get(`/api/decisions/rule-documents/${docId}`),
      otherOffice.post(`/api/decisions/rule-documents/${docId}/versions`, {
        label: '他单位',
        text: V2,
        effectiveFrom: '2028-01-01',
        params: PARAMS_2,
        version,
      }),
      otherOffice.post(`/api/decisions/rule-versions/${d.versions[1].id}/withdraw`, { reason: '他单位撤销', version }),
      otherOffice.get(`/api/decisions/rule-documents/${docId}/diff?from=${d.versions[0].id}&to=${d.versions[1].id}`),
    ];
    for (const res of await Promise.all(asked)) expect(res.statusCode, res.body).toBe(404);
    expect((await otherOffice.get('/api/decisions/rule-documents')).json().total).toBe(0);
  });

  it('withdraws a version not yet in force with a reason: the earlier one stays in force, and the audit trail says so', async () => {
    const d = (await office.get(`/api/decisions/rule-documents/${docId}`)).json();
    const res = await office.post(`/api/decisions/rule-versions/${d.versions[1].id}/withdraw`, {
      reason: '会议决定暂缓修订',
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().versions[1]).toMatchObject({ standing: 'withdrawn', withdrawnReason: '会议决定暂缓修订' });
    expect(res.json().upcoming).toBeNull();
    expect((await meetingRulesFor(deps, unit.unit.id, '2027-06-01', 'party_group')).rules).toEqual(PARAMS_1);
    const events = rowsOf<{ action: string }>(
      await deps.db.execute(sql`select action from audit_events where entity_id = ${docId} order by seq`),
    ).map((e) => e.action);
    expect(events).toEqual(['create', 'add_version', 'add_version', 'withdraw_version']);
  });
});

describe('the 局长办公会议事规则', () => {
  it('rules a 局长办公会 from its own effective date, while a 党组会 keeps the 党组议事规则', async () => {
    const doc = (
      await secretary.post('/api/decisions/rule-documents', { kind: 'director_rules', title: '局长办公会议事规则' })
    ).json();
    const own = { materialsLeadDays: 1, quorumOver: [1, 2], cadreQuorumAtLeast: [2, 3], largeFundsFrom: 5 };
    const res = await secretary.post(`/api/decisions/rule-documents/${doc.id}/versions`, {
      label: '2026年制定',
      text: '第一条 局长办公会议由局长召集和主持。',
      effectiveFrom: '2026-06-01',
      params: own,
      version: doc.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await meetingRulesFor(deps, unit.unit.id, '2026-05-31', 'director_office')).rules).toEqual(PARAMS_1);
    const director = await meetingRulesFor(deps, unit.unit.id, '2026-06-01', 'director_office');
    expect(director.rules).toEqual(own);
    expect(director.source?.title).toBe('局长办公会议事规则（2026年制定）');
    expect((await meetingRulesFor(deps, unit.unit.id, '2026-06-01', 'party_group')).rules).toEqual(PARAMS_1);
    const api = (await member.get('/api/decisions/meeting-rules?kind=director_office&onDate=2026-06-01')).json();
    expect(api.rules).toEqual(own);
  });
});

describe('the list of rule documents', () => {
  it('keeps each department its own 责任清单, filtered by kind and department and searched by title', async () => {
    const depts = (await office.get('/api/departments')).json();
    const missing = await office.post('/api/decisions/rule-documents', {
      kind: 'responsibility_list',
      title: '责任清单',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('责任清单须选择所属科室');
    for (const d of depts.slice(0, 2)) {
      const res = await office.post('/api/decisions/rule-documents', {
        kind: 'responsibility_list',
        title: `${d.name}责任清单`,
        departmentId: d.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ departmentName: d.name, current: null, versionCount: 0 });
    }
    const byDept = (await member.get(`/api/decisions/rule-documents?departmentId=${depts[1].id}`)).json();
    expect(byDept.items.map((x: { title: string }) => x.title)).toEqual([`${depts[1].name}责任清单`]);
    const search = (await member.get(`/api/decisions/rule-documents?q=${encodeURIComponent('党组议事')}`)).json();
    expect(search.items.map((x: { kind: string }) => x.kind)).toEqual(['meeting_rules']);
    // Listed in the order of the kinds: the 议事规则 first, the 责任清单 after.
    const all = (await member.get('/api/decisions/rule-documents')).json();
    expect(all.items.map((x: { kind: string }) => x.kind)).toEqual([
      'meeting_rules',
      'director_rules',
      'responsibility_list',
      'responsibility_list',
    ]);
    const paged = (await member.get('/api/decisions/rule-documents?pageSize=2&page=2')).json();
    expect(paged).toMatchObject({ total: 4, page: 2 });
    expect(paged.items).toHaveLength(2);
    const foreignDept = await otherOffice.post('/api/decisions/rule-documents', {
      kind: 'responsibility_list',
      title: '他单位清单',
      departmentId: depts[0].id,
    });
    expect(foreignDept.statusCode).toBe(400);
  });

  it('offers the office only the adopted items of its own meetings to name as adopting a version', async () => {
    const page = (await office.get('/api/decisions/rule-documents/adoptable-items')).json();
    expect(page.items.map((i: { itemId: string }) => i.itemId)).toEqual([adoptedItem]);
  });
});

describe('a version of 议事规则 may not loosen the statutory quorum nor rule a meeting already held (finding 4)', () => {
  it('refuses a quorum below the floor and a date on or before a held meeting, with nothing changed', async () => {
    const u = await newDemoUnit(ctx);
    const keeper = await signIn(ctx, u.user('office'));
    const chair = await personOf(await signIn(ctx, u.user('secretary')));
    await seedMeeting(u.unit.id, chair, '2026年第11次党组会议', '2026-11-20');
    // Neither a meeting being prepared nor a withdrawn one was held under any rules.
    await seedMeeting(u.unit.id, chair, '2026年第13次党组会议', '2026-12-20', { status: 'withdrawn' });
    await seedMeeting(u.unit.id, chair, '2026年第14次党组会议', '2026-12-24', { status: 'preparing' });
    const doc = (
      await keeper.post('/api/decisions/rule-documents', { kind: 'meeting_rules', title: '党组议事规则' })
    ).json();
    const add = (extra: object) =>
      keeper.post(`/api/decisions/rule-documents/${doc.id}/versions`, {
        label: '2026年修订',
        text: V1,
        effectiveFrom: '2026-11-21',
        params: PARAMS_1,
        version: doc.version,
        ...extra,
      });
    const refusals: [object, string][] = [
      [{ effectiveFrom: '2026-11-20' }, '生效日期（2026-11-20）须晚于已召开的2026年第11次党组会议（2026-11-20）'],
      [{ effectiveFrom: '2024-01-01' }, '须晚于已召开的2026年第11次党组会议（2026-11-20）'],
      [{ params: { ...PARAMS_1, quorumOver: [1, 100] } }, '一般事项的到会比例不能低于法定的半数'],
      [{ params: { ...PARAMS_1, cadreQuorumAtLeast: [1, 2] } }, '干部任免事项的到会比例不能低于法定的三分之二'],
    ];
    for (const [extra, message] of refusals) {
      const res = await add(extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().message).toContain(message);
    }
    const unchanged = (await keeper.get(`/api/decisions/rule-documents/${doc.id}`)).json();
    expect(unchanged).toMatchObject({ version: doc.version, versions: [] });
    expect((await meetingRulesFor(deps, u.unit.id, '2026-11-20', 'party_group')).source).toBeNull();
    // The day after the last held meeting, with parameters at least the statutory ones: accepted.
    expect((await add({})).statusCode).toBe(200);
    // The 局长办公会议事规则 rule the 局长办公会 alone: a held 党组会 does not hold them back.
    const director = (
      await keeper.post('/api/decisions/rule-documents', { kind: 'director_rules', title: '局长办公会议事规则' })
    ).json();
    const own = await keeper.post(`/api/decisions/rule-documents/${director.id}/versions`, {
      label: '2026年制定',
      text: '第一条 局长办公会议由局长召集和主持。',
      effectiveFrom: '2026-06-01',
      params: PARAMS_1,
      version: director.version,
    });
    expect(own.statusCode, own.body).toBe(200);
  });
});

describe('the meeting item that adopted a version keeps the item’s readers (finding 1)', () => {
  it('offers no 干部任免 item, refuses one as adopting, and names the item only to those who read it', async () => {
    const u = await newDemoUnit(ctx);
    const [keeper, chair, reader] = [
      await signIn(ctx, u.user('office')),
      await signIn(ctx, u.user('secretary')),
      await signIn(ctx, u.user('member1')),
    ];
    const members = [await personOf(chair), await personOf(await signIn(ctx, u.user('leader1')))];
    const [cadreItem] = await seedMeeting(u.unit.id, members[0]!, '2026年第10次党组会议', '2026-10-10', {
      members,
      category: 'cadre',
    });
    const [plainItem] = await seedMeeting(u.unit.id, members[0]!, '2026年第11次党组会议', '2026-10-20', { members });
    await deps.db.update(agendaItems).set({ title: '拟任命张三为办公室主任' }).where(eq(agendaItems.id, cadreItem));
    for (const c of [keeper, chair]) {
      const page = (await c.get('/api/decisions/rule-documents/adoptable-items?pageSize=100')).json();
      expect(page.items.map((i: { itemId: string }) => i.itemId)).toEqual([plainItem]);
      expect(page.total).toBe(1);
      expect(JSON.stringify(page)).not.toContain('张三');
      const searched = await c.get(`/api/decisions/rule-documents/adoptable-items?q=${encodeURIComponent('张三')}`);
      expect(searched.json()).toMatchObject({ total: 0, items: [] });
    }
    const doc = (
      await keeper.post('/api/decisions/rule-documents', {
        kind: 'other',
        kindName: '财务管理制度',
        title: '财务管理制度',
      })
    ).json();
    const add = (c: Client, adoptedByItemId: string) =>
      c.post(`/api/decisions/rule-documents/${doc.id}/versions`, {
        label: '2026年制定',
        text: '第一条 为规范财务管理，制定本制度。',
        effectiveFrom: '2026-11-01',
        adoptedByItemId,
        version: doc.version,
      });
    // The office may not read the 干部任免 item: to it the item does not exist; a member is told why not.
    const byOffice = await add(keeper, cadreItem);
    expect(byOffice.statusCode).toBe(400);
    expect(byOffice.json().message).toBe('所选议题不存在');
    const byMember = await add(chair, cadreItem);
    expect(byMember.statusCode).toBe(400);
    expect(byMember.json().message).toBe('干部任免议题不能作为制度的通过依据');
    expect((await keeper.get(`/api/decisions/rule-documents/${doc.id}`)).json()).toMatchObject({
      version: doc.version,
      versions: [],
    });
    expect((await add(keeper, plainItem)).statusCode).toBe(200);
    // The meeting and its date are the unit's to know; the item's title only its readers'.
    const seen = async (c: Client) =>
      (await c.get(`/api/decisions/rule-documents/${doc.id}`)).json().versions[0].adoptedBy;
    expect(await seen(reader)).toEqual({
      itemId: null,
      itemTitle: null,
      meetingTitle: '2026年第11次党组会议',
      heldOn: '2026-10-20',
    });
    for (const c of [keeper, chair])
      expect(await seen(c)).toEqual({
        itemId: plainItem,
        itemTitle: '审议《党组议事规则（2027年修订）》',
        meetingTitle: '2026年第11次党组会议',
        heldOn: '2026-10-20',
      });
  });
});
