import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/** Ids in request bodies are checked against the actor's unit: another unit's id is refused and nothing changes. */
let ctx: TestContext;
let branchA: Client;
let officeB: Client;
let unitA: string;
let meetingA: { id: string; version: number; campaignId: string; formId: string };
const b: { campaign: string; form: string; opinionItem: string; person: string; department: string; group: string } = {
  campaign: '',
  form: '',
  opinionItem: '',
  person: '',
  department: '',
  group: '',
};

async function campaignAndForm(c: Client) {
  const campaign = (
    await c.post('/api/campaigns', {
      name: '兴“十风”治“十弊”专项活动',
      year: 2026,
      startsOn: '2026-03-01',
      endsOn: '2026-12-15',
    })
  ).json();
  const form = (
    await c.post('/api/opinion-forms', {
      campaignId: campaign.id,
      title: '问题征求意见表',
      opensOn: '2026-11-25',
      closesOn: '2026-12-10',
    })
  ).json();
  return { campaign, form };
}

/** Everything of unit A a refused request could have touched: its audit head and the rows named. */
async function stateOfA() {
  const [row] = rowsOf(
    await ctx.database.db.execute(sql`select u.audit_seq,
    (select row_to_json(m) from org_life_meetings m where m.id = ${meetingA.id}) as meeting,
    (select json_agg(l.entries order by l.id) from self_check_lists l where l.meeting_id = ${meetingA.id}) as lists
    from units u where u.id = ${unitA}`),
  );
  return JSON.stringify(row);
}

beforeAll(async () => {
  ctx = await testApp({ opinionChallengeAfter: 0 });
  const [a, other] = [await newDemoUnit(ctx), await newDemoUnit(ctx)];
  unitA = a.unit.id;
  branchA = await signIn(ctx, a.user('branch'));
  officeB = await signIn(ctx, other.user('office'));
  const mine = await campaignAndForm(await signIn(ctx, a.user('office')));
  meetingA = (
    await branchA.post('/api/org-life', {
      campaignId: mine.campaign.id,
      formId: mine.form.id,
      title: '专题组织生活会',
      plannedOn: '2026-12-20',
    })
  ).json();
  const theirs = await campaignAndForm(officeB);
  await officeB.post(`/api/opinion-forms/${theirs.form.id}/status`, { status: 'open', version: theirs.form.version });
  const token = (
    await officeB.post(`/api/opinion-forms/${theirs.form.id}/distributions`, { audience: 'staff', label: '职工' })
  ).json().token;
  await ctx.app.inject({
    method: 'POST',
    url: `/api/public/opinions/${token}`,
    payload: { answers: { c1: '学习形式单一' } },
  });
  await flushOpinionsAtDayEnd(ctx); // submissions become opinion items as a batch (docs/ANONYMITY.md)
  b.campaign = theirs.campaign.id;
  b.form = theirs.form.id;
  b.opinionItem = (await officeB.get(`/api/opinion-forms/${theirs.form.id}/items`)).json().items[0].id;
  b.person = (await officeB.get('/api/people?pageSize=1')).json().items[0].id;
  b.department = (await officeB.get('/api/departments')).json()[0].id;
  b.group = (await officeB.get('/api/groups')).json()[0].id;
  expect(Object.values(b).every(Boolean)).toBe(true);
});

describe("another unit's ids in a body", () => {
  it('are refused when a meeting is changed: its campaign and its opinion form', async () => {
    const before = await stateOfA();
    const base = { title: '专题组织生活会', plannedOn: '2026-12-20', version: meetingA.version };
    const form = await branchA.put(`/api/org-life/${meetingA.id}`, {
      ...base,
      campaignId: meetingA.campaignId,
      formId: b.form,
    });
    expect([form.statusCode, form.json().message]).toEqual([400, '所选征求意见表不存在']);
    const campaign = await branchA.put(`/api/org-life/${meetingA.id}`, {
      ...base,
      campaignId: b.campaign,
      formId: meetingA.formId,
    });
    expect([campaign.statusCode, campaign.json().message]).toEqual([400, '所选专项活动不存在']);
    expect(await stateOfA()).toBe(before);
    // The unit's own ids still do.
    const own = await branchA.put(`/api/org-life/${meetingA.id}`, {
      ...base,
      campaignId: meetingA.campaignId,
      formId: meetingA.formId,
      place: '三楼会议室',
    });
    expect([own.statusCode, own.json().place]).toEqual([200, '三楼会议室']);
  });

  it('are refused in a self-check list: the opinion item an entry came from, and its rectification owner', async () => {
    const list = (await branchA.get(`/api/org-life/${meetingA.id}/lists`)).json().branch;
    const { version } = (await branchA.get(`/api/self-check-lists/${list.listId}`)).json();
    const before = await stateOfA();
    const entry = { categoryNo: 1, shortfall: '学习不够深入', causes: '重视不够', nextSteps: '加强学习' };
    const item = await branchA.put(`/api/self-check-lists/${list.listId}`, {
      entries: [{ ...entry, sourceItemId: b.opinionItem }],
      version,
    });
    expect([item.statusCode, item.json().message]).toEqual([400, '清单引用的意见不存在']);
    const owner = await branchA.put(`/api/self-check-lists/${list.listId}`, {
      entries: [{ ...entry, ownerPersonId: b.person }],
      version,
    });
    expect([owner.statusCode, owner.json().message]).toEqual([400, '所选整改责任人不存在']);
    expect(await stateOfA()).toBe(before);
    expect((await branchA.put(`/api/self-check-lists/${list.listId}`, { entries: [entry], version })).statusCode).toBe(
      200,
    );
  });

  it('are refused wherever else a body names a person, a department, a group, a campaign or an item', async () => {
    const office = await signIn(ctx, (await newDemoUnit(ctx)).user('office'));
    const dept = (await office.get('/api/departments')).json()[0].id;
    const me = (await office.get('/api/auth/me')).json().user.personId;
    const before = rowsOf<{ s: number }>(
      await ctx.database.db.execute(
        sql`select audit_seq as s from units u join users x on x.unit_id = u.id where x.person_id = ${me}`,
      ),
    )[0]!.s;
    const refused: [string, string, object][] = [
      ['POST', '/api/posts', { title: '岗', departmentId: b.department, holderAId: null, holderBId: null }],
      ['POST', '/api/posts', { title: '岗', departmentId: dept, holderAId: b.person, holderBId: null }],
      ['POST', '/api/groups', { kind: 'task_force', name: '专班', parentGroupId: b.group }],
      [
        'POST',
        '/api/campaigns',
        { name: '活动', year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31', leadingGroupId: b.group },
      ],
      [
        'POST',
        '/api/opinion-forms',
        { campaignId: b.campaign, title: '表', opensOn: '2026-11-01', closesOn: '2026-12-31' },
      ],
      ['POST', '/api/org-life', { campaignId: b.campaign, title: '会', plannedOn: '2026-12-20' }],
      [
        'POST',
        '/api/items',
        { title: '事项', leadDepartmentId: dept, ownerPersonId: b.person, receivedOn: '2026-11-02' },
      ],
      [
        'POST',
        '/api/items',
        {
          title: '事项',
          leadDepartmentId: dept,
          cooperatingDepartmentIds: [b.department],
          ownerPersonId: me,
          receivedOn: '2026-11-02',
        },
      ],
      ['POST', '/api/activities', { type: 'study', title: '学习', heldOn: '2026-11-02', departmentId: b.department }],
      ['POST', '/api/activities', { type: 'study', title: '学习', heldOn: '2026-11-02', campaignId: b.campaign }],
      [
        'POST',
        '/api/unavailability',
        { personId: b.person, fromDate: '2026-12-01', toDate: '2026-12-02', reason: '出差' },
      ],
      [
        'PUT',
        '/api/deadline-settings',
        {
          urgentSameDay: true,
          importantDays: 5,
          normalDays: 10,
          extensionCapDays: 15,
          extensionApproverPersonId: b.person,
        },
      ],
      ['POST', '/api/items/chase', { itemIds: [b.opinionItem], message: '请抓紧' }],
      [
        'PUT',
        `/api/people/${me}`,
        { name: '孙丽', departmentId: b.department, isPartyMember: true, isLeadership: false },
      ],
    ];
    for (const [method, url, body] of refused) {
      const res = await office.request(method as 'POST', url, body);
      expect([res.statusCode, res.json().code], `${method} ${url} ${JSON.stringify(body)}`).toEqual([
        400,
        'bad_request',
      ]);
      expect(res.json().message).toMatch(/^所选.+不存在/);
    }
    const after = rowsOf<{ s: number }>(
      await ctx.database.db.execute(
        sql`select audit_seq as s from units u join users x on x.unit_id = u.id where x.person_id = ${me}`,
      ),
    )[0]!.s;
    expect(after).toBe(before);
  });
});
