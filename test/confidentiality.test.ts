import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { recordAudit } from '../src/server/modules/audit/audit.service.js';
import { CLI_ACTOR } from '../src/server/modules/audit-actor.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { readXlsx } from './xlsx.js';

/**
 * One test per sensitivity class (docs/ARCHITECTURE.md, domain/policies/): what each demo role
 * reads of a personal record and of the records derived from it, of a confidential discipline
 * record, and of an opinion nobody has classified yet — in lists, searches, exports and the audit log.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let branch: Client,
  office: Client,
  admin: Client,
  leader: Client,
  zhouKai: Client,
  zhengWei: Client,
  head: Client,
  discipline: Client,
  auditor: Client,
  security: Client;
let meeting: { id: string; version: number; people: { id: string; name: string; member: boolean }[] };
let formId = '';
let campaignId = '';
const personId = (name: string) => meeting.people.find((p) => p.name === name)!.id;
const PROBLEM = '服务群众耐心不够，存在生硬现象';
const HIDDEN_TITLE = '个人自查问题整改（内容仅本人、支部书记和班子成员可见）';

beforeAll(async () => {
  ctx = await testApp({ opinionSubmitsPerMinute: 1000 });
  unit = await newDemoUnit(ctx);
  const logins = [
    'branch',
    'office',
    'admin',
    'leader1',
    'member1',
    'member3',
    'member5',
    'discipline',
    'auditor',
    'security',
  ];
  [branch, office, admin, leader, zhouKai, zhengWei, head, discipline, auditor, security] = (await Promise.all(
    logins.map((u) => signIn(ctx, unit.user(u))),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client, Client, Client, Client];
  const campaign = (
    await office.post('/api/campaigns', { name: '专项活动', year: 2026, startsOn: '2026-03-01', endsOn: '2026-12-15' })
  ).json();
  campaignId = campaign.id;
  const form = (
    await branch.post('/api/opinion-forms', {
      campaignId: campaign.id,
      title: '征求意见表',
      opensOn: '2026-11-25',
      closesOn: '2026-12-10',
    })
  ).json();
  formId = form.id;
  await branch.post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
  const token = (
    await branch.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'staff', label: '在职干部职工' })
  ).json().token;
  await ctx.app.inject({
    method: 'POST',
    url: `/api/public/opinions/${token}`,
    payload: { answers: { c3: '郑伟同志服务群众态度生硬' } },
  });
  await flushOpinionsAtDayEnd(ctx);
  meeting = (
    await branch.post('/api/org-life', {
      campaignId: campaign.id,
      formId: form.id,
      title: '专题组织生活会',
      plannedOn: '2026-12-20',
    })
  ).json();
  // 周凯's personal list, submitted and approved by the branch secretary.
  const mine = (await zhouKai.get(`/api/org-life/${meeting.id}/lists/mine`)).json();
  const entry = {
    categoryNo: 5,
    appearance: '下基层调研少',
    shortfall: PROBLEM,
    causes: '宗旨意识树得不牢',
    nextSteps: '每月下基层不少于2次',
    due: '2027-03-31',
  };
  const saved = (
    await zhouKai.put(`/api/self-check-lists/${mine.id}`, { entries: [entry], version: mine.version })
  ).json();
  const submitted = (
    await zhouKai.post(`/api/self-check-lists/${mine.id}/action`, { action: 'submit', version: saved.version })
  ).json();
  expect(
    (
      await branch.post(`/api/self-check-lists/${mine.id}/action`, { action: 'approve', version: submitted.version })
    ).json().status,
  ).toBe('approved');
});

describe('personal: a self-check list and everything derived from it', () => {
  it('the rectification list and its .xlsx show a personal problem only to those who may read the list, even before the meeting', async () => {
    const asOffice = (await office.get(`/api/org-life/${meeting.id}/rectification`)).json();
    expect(JSON.stringify(asOffice)).not.toContain(PROBLEM);
    expect(JSON.stringify(asOffice)).not.toContain('周凯');
    expect(asOffice.rows).toEqual([
      expect.objectContaining({
        readable: false,
        from: '党员个人',
        ownerName: '',
        problem: expect.stringContaining('仅本人、支部书记和班子成员可见'),
      }),
    ]);
    const sheet = await readXlsx((await office.get(`/api/org-life/${meeting.id}/rectification.xlsx`)).rawPayload);
    expect(JSON.stringify(sheet)).not.toContain(PROBLEM);
    expect(JSON.stringify(sheet)).not.toContain('周凯');
    const asSecretary = (await branch.get(`/api/org-life/${meeting.id}/rectification`)).json();
    expect(asSecretary.rows).toEqual([expect.objectContaining({ readable: true, from: '周凯', problem: PROBLEM })]);
  });

  it("its supervised item: the ledger, a search, the item, its deadline and its history keep the list's class", async () => {
    const m = (await branch.get(`/api/org-life/${meeting.id}`)).json();
    const attendance = m.people
      .filter((p: { member: boolean }) => p.member)
      .map((p: { id: string }) => ({ personId: p.id, present: true, reason: '' }));
    expect(
      (
        await branch.post(`/api/org-life/${meeting.id}/record`, {
          heldOn: '2026-11-30',
          place: '会议室',
          attendance,
          secretaryReport: '报告',
          minutes: '记录',
          holdDespiteGaps: { reason: '测试保密性，准备情况不影响' },
          version: m.version,
        })
      ).json().status,
    ).toBe('held');
    // The office generates the items without reading them.
    const generated = (await office.post(`/api/org-life/${meeting.id}/rectification`)).json();
    expect(generated.rows[0].itemId).toBeTruthy();
    const itemId = generated.rows[0].itemId as string;

    for (const reader of [office, head]) {
      const ledger = (await reader.get('/api/items?source=rectification')).json();
      expect(ledger.items).toEqual([
        expect.objectContaining({ id: itemId, title: HIDDEN_TITLE, content: '', personal: true, ownerName: '周凯' }),
      ]);
      expect((await reader.get(`/api/items?q=${encodeURIComponent('生硬')}`)).json().total).toBe(0);
      const detail = (await reader.get(`/api/items/${itemId}`)).json();
      expect(JSON.stringify(detail)).not.toContain(PROBLEM);
      expect(detail.can).toMatchObject({ see: true, readContent: false, close: false, withdraw: false });
      const sheet = await readXlsx((await reader.get('/api/items/export.xlsx?source=rectification')).rawPayload);
      expect(JSON.stringify(sheet)).not.toContain(PROBLEM);
    }
    expect(JSON.stringify((await office.get('/api/deadlines?pageSize=100')).json())).not.toContain(PROBLEM);
    // Its source names the member's list; its notices travel to group robots and the delivery log.
    expect((await office.get(`/api/items/${itemId}`)).json()).toMatchObject({ sourceRef: '', category: null });
    const notices = await ctx.database.db.execute(sql`select title, body from notifications where item_id = ${itemId}`);
    expect(rowsOf<{ title: string; body: string }>(notices).map((n) => n.title)).toEqual([
      expect.stringContaining('个人自查问题整改'),
    ]);
    expect(JSON.stringify(rowsOf(notices))).not.toContain(PROBLEM);
    for (const reader of [zhouKai, branch, leader]) {
      expect((await reader.get(`/api/items/${itemId}`)).json()).toMatchObject({
        title: expect.stringContaining(PROBLEM),
        can: { readContent: true },
      });
    }
    expect((await branch.get(`/api/items?q=${encodeURIComponent('生硬')}`)).json().total).toBe(1);

    // Its history: who and when for every reader of the log, what only for those who read the item.
    const history = `/api/audit/events?entityType=item&entityId=${itemId}`;
    for (const reader of [auditor, office]) {
      const events = (await reader.get(history)).json().items;
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e: { detailsHidden: boolean; after: unknown }) => e.detailsHidden && e.after === null)).toBe(
        true,
      );
    }
    expect(JSON.stringify((await auditor.get('/api/audit/events?pageSize=100')).json())).not.toContain(PROBLEM);
    const asLeader = (await (await signIn(ctx, unit.user('secretary'))).get(history)).json().items;
    expect(asLeader.find((e: { action: string }) => e.action === 'create')).toMatchObject({
      detailsHidden: false,
      after: { title: expect.stringContaining(PROBLEM) },
    });
    // A deadline's events follow its item (an upgraded unit's older ones carry the real title).
    const [deadline] = rowsOf<{ id: string }>(
      await ctx.database.db.execute(
        sql`select id from deadlines where subject_type = 'item' and subject_id = ${itemId}`,
      ),
    );
    await ctx.database.db.transaction((tx) =>
      recordAudit(tx, CLI_ACTOR, ctx.clock.now(), {
        unitId: unit.unit.id,
        entityType: 'deadline',
        entityId: deadline!.id,
        action: 'create',
        after: { title: PROBLEM },
      }),
    );
    const deadlineHistory = `/api/audit/events?entityType=deadline&entityId=${deadline!.id}`;
    for (const reader of [auditor, office])
      expect(JSON.stringify((await reader.get(deadlineHistory)).json())).not.toContain(PROBLEM);
    expect(
      JSON.stringify((await auditor.get('/api/audit/events?entityType=deadline&pageSize=100')).json()),
    ).not.toContain(PROBLEM);
    expect(JSON.stringify((await (await signIn(ctx, unit.user('secretary'))).get(deadlineHistory)).json())).toContain(
      PROBLEM,
    );
    // The chain still verifies for the audit administrator.
    expect((await auditor.get('/api/audit/verify')).json().firstBreak).toBeNull();
  });

  it('is reviewed by those who read it: the owner submits, the office may not close it, the branch secretary does', async () => {
    const itemId = (await branch.get('/api/items?source=rectification')).json().items[0].id;
    let item = (await zhouKai.get(`/api/items/${itemId}`)).json();
    item = (await zhouKai.post(`/api/items/${itemId}/transitions`, { action: 'sign', version: item.version })).json();
    item = (
      await zhouKai.post(`/api/items/${itemId}/transitions`, {
        action: 'submit',
        version: item.version,
        result: '已每月下基层两次',
      })
    ).json();
    expect(item.status).toBe('under_review');
    expect((await office.get('/api/items/reviewable')).json().items.map((i: { id: string }) => i.id)).not.toContain(
      itemId,
    );
    expect(
      (await office.post(`/api/items/${itemId}/transitions`, { action: 'close', version: item.version })).statusCode,
    ).toBe(403);
    expect((await branch.get('/api/items/reviewable')).json().items.map((i: { id: string }) => i.id)).toContain(itemId);
    expect(
      (await branch.post(`/api/items/${itemId}/transitions`, { action: 'close', version: item.version })).json().status,
    ).toBe('closed');
  });
});

describe('confidential: a discipline record', () => {
  let activityId = '';
  it('is read in full by the discipline staff and the person concerned, by nobody else', async () => {
    const body = {
      type: 'inspection',
      title: '11月不打招呼在岗检查',
      heldOn: '2026-11-20',
      absentIds: [personId('郑伟')],
      minutes: '郑伟无故离岗',
    };
    expect((await head.post('/api/activities', { ...body, confidential: true })).statusCode).toBe(403);
    const a = (await discipline.post('/api/activities', body)).json();
    expect(a).toMatchObject({ confidential: true, can: { readDetails: true, withdraw: true } });
    activityId = a.id;
    for (const reader of [head, office, leader]) {
      const page = (await reader.get('/api/activities?pageSize=100')).json();
      const row = page.items.find((x: { id: string }) => x.id === activityId);
      expect(row).toMatchObject({
        confidential: true,
        minutes: '',
        participantNames: [],
        absentIds: [],
        departmentName: null,
        can: { readDetails: false, withdraw: false },
      });
      expect(JSON.stringify(page)).not.toContain('郑伟');
      expect(
        (await reader.get(`/api/activities?personId=${personId('郑伟')}`))
          .json()
          .items.map((x: { id: string }) => x.id),
      ).not.toContain(activityId);
    }
    expect((await zhengWei.get('/api/activities')).statusCode).toBe(403);
    expect((await office.post(`/api/activities/${activityId}/withdraw`, { reason: '录入错误' })).statusCode).toBe(404);
    const own = (await discipline.get('/api/activities?pageSize=100'))
      .json()
      .items.find((x: { id: string }) => x.id === activityId);
    expect(own).toMatchObject({ minutes: '郑伟无故离岗', absentIds: [personId('郑伟')] });
  });

  it('keeps its details out of the audit log for those who may not read it', async () => {
    const history = `/api/audit/events?entityType=activity&entityId=${activityId}`;
    expect((await auditor.get(history)).json().items[0]).toMatchObject({ detailsHidden: true, after: null });
    expect((await office.get(history)).json().items[0]).toMatchObject({ detailsHidden: true, after: null });
    expect((await discipline.get(history)).json().items[0]).toMatchObject({
      detailsHidden: false,
      after: { title: '11月不打招呼在岗检查' },
    });
  });

  it('counts for the unit in compliance, but its cells do not tell others which department it visited', async () => {
    const dept = (await office.get('/api/departments')).json()[0];
    const visited = (
      await discipline.post('/api/activities', {
        type: 'inspection',
        title: '11月在岗抽查',
        heldOn: '2026-11-21',
        departmentId: dept.id,
        minutes: '抽查情况',
      })
    ).json();
    const rule = async (subject: object) =>
      (
        await office.post(`/api/campaigns/${campaignId}/rules`, {
          title: '在岗检查',
          subject,
          activityKinds: ['inspection'],
          period: 'month',
          kind: 'count',
          min: 1,
          max: null,
        })
      ).json().id as string;
    const [byDepartment, byUnit] = [await rule({ kind: 'each_department' }), await rule({ kind: 'unit' })];
    const cell = async (reader: Client, ruleId: string, subjectKey: string) => {
      const c = (await reader.get(`/api/campaigns/${campaignId}/rules/${ruleId}/compliance`)).json();
      return c.cells.find(
        (x: { subjectKey: string; periodKey: string }) => x.subjectKey === subjectKey && x.periodKey === '2026-11',
      ) as { count: number; activityIds: string[] };
    };
    const unitKey = (await discipline.get(`/api/campaigns/${campaignId}/rules/${byUnit}/compliance`)).json().subjects[0]
      .key as string;
    for (const reader of [head, office, leader]) {
      expect(await cell(reader, byDepartment, dept.id), 'the department cell').toMatchObject({
        count: 0,
        activityIds: [],
      });
      expect((await cell(reader, byUnit, unitKey)).activityIds, 'the unit cell').toContain(visited.id);
      // The cell lists what it counted: a record the reader may not read is listed without its title.
      const all = JSON.stringify((await reader.get(`/api/campaigns/${campaignId}/rules/${byUnit}/compliance`)).json());
      expect(all).not.toContain('11月在岗抽查');
      expect(all).toContain('纪律检查记录（保密');
    }
    expect(
      JSON.stringify((await discipline.get(`/api/campaigns/${campaignId}/rules/${byUnit}/compliance`)).json()),
    ).toContain('11月在岗抽查');
    expect((await cell(discipline, byDepartment, dept.id)).activityIds).toContain(visited.id);
  });
});

describe('an opinion nobody has classified yet', () => {
  it('is read by the branch secretary and the triage the unit names, not by every manager of opinions', async () => {
    const items = (await office.get(`/api/opinion-forms/${formId}/items`)).json();
    expect(items.total).toBe(1);
    expect(JSON.stringify(items)).not.toContain('生硬');
    expect(items.items[0]).toMatchObject({ readable: false, can: { readText: false, classify: false } });
    expect((await office.get(`/api/opinion-forms/${formId}/items?q=${encodeURIComponent('生硬')}`)).json().total).toBe(
      0,
    );
    expect(
      (
        await admin.post(`/api/opinion-items/${items.items[0].id}/classify`, {
          categoryNo: null,
          targetKind: 'branch',
          version: items.items[0].version,
        })
      ).statusCode,
    ).toBe(404);
    expect((await zhengWei.get(`/api/opinion-forms/${formId}/items`)).statusCode).toBe(403);
    expect((await branch.get(`/api/opinion-forms/${formId}/items`)).json().items[0]).toMatchObject({
      readable: true,
      text: '郑伟同志服务群众态度生硬',
    });

    // The security administrator names 吴婷 (member2) for triage: she reads and classifies, but does not adopt.
    const user = (await security.get(`/api/users?q=${unit.user('member2')}`)).json().items[0];
    expect(
      (
        await security.post(`/api/users/${user.id}/grants`, {
          role: 'opinion_triage',
          scopeType: 'unit',
          scopeId: null,
        })
      ).statusCode,
    ).toBe(200);
    const triage = await signIn(ctx, unit.user('member2'));
    const seen = (await triage.get(`/api/opinion-forms/${formId}/items`)).json().items[0];
    expect(seen).toMatchObject({ readable: true, can: { classify: true, decide: false } });
    const classified = (
      await triage.post(`/api/opinion-items/${seen.id}/classify`, {
        categoryNo: 3,
        targetKind: 'person',
        targetPersonId: personId('郑伟'),
        version: seen.version,
      })
    ).json();
    expect(classified.targetKind).toBe('person');
    // Now it is about 郑伟: he and the branch secretary read it; the triage no longer does.
    expect((await triage.get(`/api/opinion-forms/${formId}/items`)).json().items[0].readable).toBe(false);
    expect((await branch.get(`/api/opinion-forms/${formId}/items`)).json().items[0].readable).toBe(true);
  });
});

describe('the actions offered are the actions allowed', () => {
  it('待复核 lists only what the reader may review; 申请延期 is offered only where the deadline can be extended', async () => {
    const dept = (await office.get('/api/departments')).json()[0];
    const fixed = (
      await office.post('/api/items', {
        title: '固定时限事项',
        leadDepartmentId: dept.id,
        ownerPersonId: personId('郑伟'),
        receivedOn: '2026-11-30',
        explicitDue: '2026-12-31',
      })
    ).json();
    const item = (
      await zhengWei.post(`/api/items/${fixed.id}/transitions`, { action: 'sign', version: fixed.version })
    ).json();
    expect(item.can).toMatchObject({ report: true, requestExtension: false });
    expect(
      (await zhengWei.post(`/api/items/${fixed.id}/extensions`, { extraDays: 3, reason: '情况复杂需要延期' })).json()
        .message,
    ).toMatch(/不能申请延期/);
    expect(
      (
        await zhengWei.post(`/api/items/${fixed.id}/transitions`, {
          action: 'submit',
          version: item.version,
          result: '已办结',
        })
      ).json().status,
    ).toBe('under_review');
    // 杨帆 heads another department and leads nothing: nothing waits for his review; the office reviews it.
    expect((await head.get('/api/items/reviewable')).json().items.map((i: { id: string }) => i.id)).not.toContain(
      fixed.id,
    );
    expect((await head.get(`/api/items/${fixed.id}`)).json().can.close).toBe(false);
    expect((await office.get('/api/items/reviewable')).json().items.map((i: { id: string }) => i.id)).toContain(
      fixed.id,
    );
    expect((await office.get(`/api/items/${fixed.id}`)).json().can.close).toBe(true);
  });
});
