import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { rowsOf } from '../src/server/db/client.js';
import { fanOut } from '../src/server/modules/deliveries/fanout.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, type Client, type TestContext } from './helpers.js';
import { multipartFile, xlsx } from './xlsx.js';

/** The demo accounts the fuzz test acts as: each route is tried by those of them its permission lets in. */
export const ACTORS = [
  'admin',
  'security',
  'auditor',
  'office',
  'branch',
  'secretary',
  'discipline',
  'member1',
  'member5',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** Kinds of things a request names by id. */
export type Kind =
  | 'person'
  | 'department'
  | 'post'
  | 'group'
  | 'user'
  | 'grant'
  | 'import'
  | 'calendarImport'
  | 'override'
  | 'item'
  | 'milestone'
  | 'extension'
  | 'notification'
  | 'unavailability'
  | 'campaign'
  | 'measure'
  | 'rule'
  | 'activity'
  | 'rollCall'
  | 'object'
  | 'opinionForm'
  | 'distribution'
  | 'opinionItem'
  | 'meeting'
  | 'study'
  | 'talk'
  | 'list'
  | 'channel'
  | 'delivery'
  | 'unit';

export interface UnitFixtures {
  unitId: string;
  prefix: string;
  ids: Record<Kind, string[]>;
  token: string;
  clients: Record<ActorName, Client>;
}

function ok(res: LightMyRequestResponse, what: string) {
  if (res.statusCode !== 200) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * A demo unit with one or more real things of every kind a route names, created through the API
 * as its users would: the fuzz test aims its ids at them (and at another unit's).
 */
export async function unitFixtures(ctx: TestContext): Promise<UnitFixtures> {
  const unit = await newDemoUnit(ctx);
  const clients = Object.fromEntries(
    await Promise.all(ACTORS.map(async (a) => [a, await signIn(ctx, unit.user(a))])),
  ) as Record<ActorName, Client>;
  const { admin, security, branch, member1 } = clients;
  const people = ok(await admin.get('/api/people?pageSize=100'), 'people').items as { id: string; name: string }[];
  const depts = ok(await admin.get('/api/departments'), 'departments') as { id: string }[];
  const posts = ok(await admin.get('/api/posts'), 'posts').items as { id: string }[];
  const groups = ok(await admin.get('/api/groups'), 'groups') as { id: string }[];
  const users = ok(await security.get('/api/users?pageSize=100'), 'users').items as {
    id: string;
    username: string;
    grants: { id: string }[];
  }[];
  // The users whose accounts the fuzz may change are none of the actors.
  const targets = users.filter((u) => !ACTORS.some((a) => u.username === unit.user(a)));
  const me1 = ok(await member1.get('/api/auth/me'), 'me').user.personId as string;

  const rosterFile = multipartFile(
    await xlsx([['新同志', '社会救助股', '科员', '', '是', '', '否', '13700000001', '在职']]),
  );
  const imp = ok(
    await admin.request('POST', '/api/people/imports', rosterFile.payload, rosterFile.headers),
    'roster import',
  );
  const override = ok(
    await admin.post('/api/calendar/overrides', { date: '2026-10-12', working: false, reason: '县庆放假' }),
    'override',
  );
  const schedule = multipartFile(
    Buffer.from('{"year":2030,"days":[{"name":"元旦","date":"2030-01-01","isOffDay":true}]}'),
    '2030.json',
  );
  const calImport = ok(
    await admin.request('POST', '/api/calendar/imports', schedule.payload, schedule.headers),
    'calendar import',
  );
  const item = ok(
    await admin.post('/api/items', {
      title: '测试督办',
      leadDepartmentId: depts[0]!.id,
      ownerPersonId: me1,
      receivedOn: '2026-11-02',
      milestones: [{ title: '摸底', due: '2026-11-10' }],
    }),
    'item',
  );
  const plain = ok(
    await admin.post('/api/items', {
      title: '按工作日计算的督办',
      leadDepartmentId: depts[0]!.id,
      ownerPersonId: me1,
      receivedOn: '2026-11-27',
    }),
    'item',
  );
  const extended = ok(
    await member1.post(`/api/items/${plain.id}/extensions`, { extraDays: 2, reason: '等待数据' }),
    'extension',
  );
  ok(await admin.post('/api/items/chase', { itemIds: [item.id], message: '请抓紧办理' }), 'chase');
  const notices = ok(await member1.get('/api/inbox'), 'inbox').items as { id: string }[];
  const away = ok(
    await admin.post('/api/unavailability', {
      personId: people[8]!.id,
      fromDate: '2026-12-01',
      toDate: '2026-12-03',
      reason: '出差',
    }),
    'unavailability',
  );
  const campaign = ok(
    await admin.post('/api/campaigns', { name: '测试活动', year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31' }),
    'campaign',
  );
  const rules = ok(await admin.get(`/api/campaigns/${campaign.id}/rules`), 'rules') as { id: string }[];
  const object = ok(
    await admin.post('/api/contact-objects', { kind: 'village', name: '测试村', assigneeIds: [people[3]!.id] }),
    'contact object',
  );
  const activity = ok(
    await admin.post('/api/activities', {
      type: 'study',
      title: '测试学习',
      heldOn: '2026-11-02',
      participantIds: people.slice(0, 8).map((p) => p.id),
    }),
    'activity',
  );
  const called = ok(await admin.post(`/api/activities/${activity.id}/roll-call`, { count: 2 }), 'roll call') as {
    id: string;
  }[];
  const form = ok(
    await admin.post('/api/opinion-forms', {
      campaignId: campaign.id,
      title: '意见表',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
    }),
    'opinion form',
  );
  const distribution = ok(
    await admin.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'staff', label: '职工' }),
    'distribution',
  );
  ok(await admin.post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version }), 'open form');
  for (const text of ['学习形式单一', '调研走马观花', '会议太多']) {
    ok(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/public/opinions/${distribution.token}`,
        payload: { answers: { c1: text, c2: `${text}（二）` } },
      }),
      'public opinion',
    );
  }
  await flushOpinionsAtDayEnd(ctx); // submissions become opinion items as a batch (docs/ANONYMITY.md)
  const opinionItems = ok(await branch.get(`/api/opinion-forms/${form.id}/items?pageSize=50`), 'opinion items')
    .items as { id: string }[];
  const meeting = ok(
    await branch.post('/api/org-life', {
      title: '专题组织生活会',
      plannedOn: '2026-12-20',
      formId: form.id,
      campaignId: campaign.id,
    }),
    'meeting',
  );
  const study = ok(
    await branch.post(`/api/org-life/${meeting.id}/study`, {
      kind: 'seminar',
      title: '集中研讨',
      heldOn: '2026-11-30',
    }),
    'study',
  );
  const lists = ok(await branch.get(`/api/org-life/${meeting.id}/lists`), 'lists');
  const mine = ok(await member1.get(`/api/org-life/${meeting.id}/lists/mine`), 'my list');
  const members = (
    ok(await branch.get(`/api/org-life/${meeting.id}`), 'meeting detail').people as { id: string; member: boolean }[]
  ).filter((p) => p.member);
  ok(
    await branch.post(`/api/org-life/${meeting.id}/talks`, {
      kind: 'member_member',
      aPersonId: members[5]!.id,
      bPersonId: members[6]!.id,
      heldOn: '2026-11-30',
    }),
    'talk',
  );
  const talks = ok(await branch.get(`/api/org-life/${meeting.id}/talks`), 'talks').records as { id: string }[];
  const channel = ok(
    await admin.post('/api/channels', {
      kind: 'wecom',
      name: '工作群',
      address: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k',
    }),
    'channel',
  );
  await fanOut(ctx.database.db, ctx.clock.now(), { limit: 500, mailEnabled: false, units: [unit.unit.id] });
  const deliveries = rowsOf<{ id: string }>(
    await ctx.database.db.execute(sql`select id from notification_deliveries where unit_id = ${unit.unit.id} limit 3`),
  );

  const ids: Record<Kind, string[]> = {
    person: people.map((p) => p.id),
    department: depts.map((d) => d.id),
    post: posts.map((p) => p.id),
    group: groups.map((g) => g.id),
    user: targets.map((u) => u.id),
    grant: targets.flatMap((u) => u.grants.map((g) => g.id)),
    import: [imp.id],
    calendarImport: [calImport.id],
    override: [override.id],
    item: [item.id, plain.id],
    milestone: item.milestones.map((m: { id: string }) => m.id),
    extension: extended.extensions.map((e: { id: string }) => e.id),
    notification: notices.map((n) => n.id),
    unavailability: [away.id],
    campaign: [campaign.id],
    measure: campaign.measures.slice(0, 5).map((m: { id: string }) => m.id),
    rule: rules.map((r) => r.id),
    activity: [activity.id],
    rollCall: called.map((c) => c.id),
    object: [object.id],
    opinionForm: [form.id],
    distribution: [distribution.id],
    opinionItem: opinionItems.map((i) => i.id),
    meeting: [meeting.id],
    study: study.sessions.map((s: { id: string }) => s.id),
    talk: talks.map((t) => t.id),
    list: [lists.branch.listId, mine.id],
    channel: [channel.id],
    delivery: deliveries.map((d) => d.id),
    unit: [unit.unit.id],
  };
  for (const [kind, list] of Object.entries(ids)) if (list.length === 0) throw new Error(`fixture: no ${kind}`);
  return { unitId: unit.unit.id, prefix: unit.prefix, ids, token: distribution.token, clients };
}
