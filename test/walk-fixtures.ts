import { and, eq, isNull, sql } from 'drizzle-orm';
import { upwardBody } from './walk-upward.js';
import type { Actor, Role, ScopeType } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { disciplineFindings, roleGrants, users } from '../src/server/db/schema/index.js';
import { rowsOf } from '../src/server/db/client.js';
import { fanOut } from '../src/server/modules/deliveries/fanout.js';
import { flushOpinionsAtDayEnd, signIn, type Client, type newDemoUnit, type TestContext } from './helpers.js';
import { holidayBody, holidayKind, seedHolidayObjects } from './walk-holiday.js';
import { decisionsBody, seedDecisionObjects } from './walk-decisions.js';
import { ruleDocumentBody, ruleDocumentKind, seedRuleDocumentObjects } from './walk-rules.js';
import { consultationBody, seedConsultation } from './walk-consultation.js';
import { planBody, planKind, seedPlanObjects } from './walk-plan.js';
import { oversightPlanBody, oversightPlanKind, seedOversightPlanObjects } from './walk-oversight-plan.js';
import { libraryBody, libraryKind, seedLibraryObjects } from './walk-libraries.js';
import { indicatorBody, indicatorKind, seedIndicatorObjects } from './walk-indicators.js';
import { recognitionBody, recognitionKind, seedRecognitionObjects } from './walk-recognition.js';
import { assessmentBody, assessmentKind, seedAssessmentObjects } from './walk-assessment.js';

/**
 * What the route walks share: one object of every kind in a demo unit (to ask for it by id), the
 * URL of a route for those ids, and a body that passes validation for each write.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

/** The demo unit's logins the walks act as: every role once, and members of several departments. */
export const WALK_LOGINS = [
  'admin',
  'security',
  'auditor',
  'office',
  'secretary',
  'leader1',
  'leader4',
  'branch',
  'discipline',
  'member1',
  'member3',
  'member5',
];

/** The actor a policy is asked about, as the server builds it for a session (active grants only). */
export async function actorOf(db: Db, username: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const grants = await db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, u!.id), isNull(roleGrants.revokedAt)));
  const scope = (g: (typeof grants)[number]) => ({
    role: g.role as Role,
    scopeType: g.scopeType as ScopeType,
    scopeId: g.scopeId,
  });
  return {
    userId: u!.id,
    unitId: u!.unitId,
    username,
    displayName: u!.displayName,
    personId: u!.personId,
    grants: grants.map(scope),
  };
}

/** Creates one object of every kind in `unitA` (as its system administrator and branch secretary) and returns their ids by kind. */
export async function seedWalkObjects(
  ctx: TestContext,
  unitA: Awaited<ReturnType<typeof newDemoUnit>>,
  adminA: Client,
  securityA: Client,
): Promise<Record<string, string>> {
  const person = (await adminA.get('/api/people?pageSize=1')).json().items[0];
  const dept = (await adminA.get('/api/departments')).json()[0];
  const post = (await adminA.get('/api/posts')).json().items[0];
  const group = (await adminA.get('/api/groups')).json()[0];
  const user = (await securityA.get(`/api/users?q=${unitA.user('secretary')}`)).json().items[0];
  const file = Buffer.from('not a spreadsheet');
  const imp = await adminA.request('POST', '/api/people/imports', multipart(file), multipartHeaders);
  const override = await adminA.post('/api/calendar/overrides', {
    date: '2026-10-12',
    working: false,
    reason: '县庆放假',
  });
  const schedule = await adminA.request(
    'POST',
    '/api/calendar/imports',
    multipart(Buffer.from('{"year":2030,"days":[{"name":"元旦","date":"2030-01-01","isOffDay":true}]}')),
    multipartHeaders,
  );
  const ownerId = person.id;
  const item = await adminA.post('/api/items', {
    title: '测试督办',
    leadDepartmentId: dept.id,
    ownerPersonId: ownerId,
    receivedOn: '2026-11-02',
    milestones: [{ title: '摸底', due: '2026-11-10' }],
  });
  const campaign = (
    await adminA.post('/api/campaigns', { name: '测试活动', year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31' })
  ).json();
  const rule = (await adminA.get(`/api/campaigns/${campaign.id}/rules`)).json()[0];
  const contactObject = (
    await adminA.post('/api/contact-objects', { kind: 'village', name: '测试村', assigneeIds: [] })
  ).json();
  const officeA = await signIn(ctx, unitA.user('office'));
  const kind = (
    await officeA.post('/api/activity-kinds', { code: 'walk_kind', label: '测试类别', type: 'study' })
  ).json();
  const activity = (
    await adminA.post('/api/activities', { type: 'study', title: '测试学习', heldOn: '2026-11-02' })
  ).json();
  const opinionForm = (
    await adminA.post('/api/opinion-forms', {
      title: '意见表',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      questions: [{ id: 'q1', kind: 'text', label: '意见' }],
    })
  ).json();
  const distribution = (
    await adminA.post(`/api/opinion-forms/${opinionForm.id}/distributions`, { audience: 'staff', label: '职工' })
  ).json();
  const meeting = (
    await adminA.post('/api/org-life', { title: '专题组织生活会', plannedOn: '2026-12-20', formId: opinionForm.id })
  ).json();
  const study = (
    await adminA.post(`/api/org-life/${meeting.id}/study`, { kind: 'seminar', title: '集中研讨', heldOn: '2026-11-30' })
  ).json();
  const branchList = (await adminA.get(`/api/org-life/${meeting.id}/lists`)).json().branch;
  await adminA.post(`/api/opinion-forms/${opinionForm.id}/status`, { status: 'open', version: opinionForm.version });
  await ctx.app.inject({
    method: 'POST',
    url: `/api/public/opinions/${distribution.token}`,
    payload: { answers: { q1: '意见' } },
  });
  await flushOpinionsAtDayEnd(ctx);
  const opinionItem = (await adminA.get(`/api/opinion-forms/${opinionForm.id}/items`)).json().items[0];
  const branchA = await signIn(ctx, unitA.user('branch'));
  const members = (await branchA.get(`/api/org-life/${meeting.id}`))
    .json()
    .people.filter((p: { member: boolean }) => p.member);
  await branchA.post(`/api/org-life/${meeting.id}/talks`, {
    kind: 'member_member',
    aPersonId: members[5].id,
    bPersonId: members[6].id,
    heldOn: '2026-11-30',
  });
  const talk = (await branchA.get(`/api/org-life/${meeting.id}/talks`)).json().records[0];
  const channel = (
    await adminA.post('/api/channels', {
      kind: 'wecom',
      name: '工作群',
      address: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k',
    })
  ).json();
  const discipline = await seedDisciplineChecks(ctx, unitA);
  // A unit below unit A (issue 20's tree): renamed, moved, deactivated and invited into by the walks.
  const childUnit = (
    await adminA.post('/api/units', { code: `${unitA.prefix}walk-child`.replace(/_/g, '-'), name: '巡检下级单位' })
  ).json();
  // A leave of 周凯 (综合科) awaiting his head, 赵敏: walked by the leave routes.
  const leave = (
    await (
      await signIn(ctx, unitA.user('member1'))
    ).post('/api/leave', { kind: 'personal', fromDate: '2026-12-21', toDate: '2026-12-22', reason: '家中有事' })
  ).json();
  await fanOut(ctx.database.db, ctx.clock.now(), { limit: 500, mailEnabled: false, units: [unitA.unit.id] });
  const notice = await seedNotice(ctx, unitA, person.id);
  const [delivery] = rowsOf<{ id: string }>(
    await ctx.database.db.execute(sql`select id from notification_deliveries where unit_id = ${unitA.unit.id} limit 1`),
  );
  // A 函询 about 郑伟, delivered (so that he reads it and may answer): the confidential record of measure 36.
  const disciplineA = await signIn(ctx, unitA.user('discipline'));
  const zhengWei = (await adminA.get(`/api/people?q=${encodeURIComponent('郑伟')}`)).json().items[0].id;
  const inquiry = (
    await disciplineA.post('/api/discipline/admonitions', {
      kind: 'inquiry',
      personId: zhengWei,
      conductedBy: [],
      reason: '巡检函询',
      onDate: '2026-11-30',
    })
  ).json();
  const pdf = multipart(Buffer.from('%PDF-1.4\n函询材料\n%%EOF\n'), '函询材料.pdf');
  const withFile = (
    await disciplineA.request('POST', `/api/discipline/admonitions/${inquiry.id}/files`, pdf, multipartHeaders)
  ).json();
  await disciplineA.post(`/api/discipline/admonitions/${inquiry.id}/deliver`, { version: withFile.version });
  return {
    ...discipline,
    notice,
    leave: leave.id,
    unit: childUnit.id,
    admonition: inquiry.id,
    admonitionFile: withFile.files[0].id,
    delivery: delivery!.id,
    channel: channel.id,
    meeting: meeting.id,
    study: study.sessions[0].id,
    list: branchList.listId,
    opinionItem: opinionItem.id,
    talk: talk.id,
    distribution: distribution.id,
    opinionForm: opinionForm.id,
    campaign: campaign.id,
    measure: campaign.measures[0].id,
    rule: rule.id,
    kind: kind.code,
    activity: activity.id,
    contactObject: contactObject.id,
    item: item.json().id,
    extension: item.json().id,
    milestone: item.json().milestones[0].id,
    person: person.id,
    department: dept.id,
    post: post.id,
    group: group.id,
    user: user.id,
    grant: user.grants[0].id,
    import: imp.json().id ?? dept.id,
    override: override.json().id,
    calendarImport: schedule.json().id,
    ...(await seedHolidayObjects(ctx, unitA)),
    ...(await seedDecisionObjects(ctx, unitA)),
    ...(await seedRuleDocumentObjects(ctx, unitA)),
    ...(await seedConsultation(ctx, unitA)),
    ...(await seedPlanObjects(ctx, unitA)),
    ...(await seedOversightPlanObjects(ctx, unitA)),
    ...(await seedLibraryObjects(ctx, unitA)),
    ...(await seedIndicatorObjects(ctx, unitA)),
    ...(await seedRecognitionObjects(ctx, unitA)),
    ...(await seedAssessmentObjects(ctx, unitA)),
  };
}

/**
 * 在岗检查 (discipline): this month's plan drawn by the discipline staff; its first check recorded with one
 * 无故离岗 (a finding of that person), its second left planned.
 */
async function seedDisciplineChecks(ctx: TestContext, unitA: Awaited<ReturnType<typeof newDemoUnit>>) {
  const staff = await signIn(ctx, unitA.user('discipline'));
  const month = ctx.clock.now().toISOString().slice(0, 7);
  const plan = (await staff.post('/api/discipline/check-plans', { month })).json();
  const [first, second] = plan.checks as { id: string }[];
  const view = (await staff.get(`/api/discipline/checks/${first!.id}`)).json();
  await staff.post(`/api/discipline/checks/${first!.id}/observations`, {
    checkedOn: ctx.clock.now().toISOString().slice(0, 10),
    observations: view.rows.map((r: { personId: string }, i: number) => ({
      personId: r.personId,
      status: i === 0 ? 'absent' : 'on_duty',
    })),
    version: view.version,
  });
  const finding = (await staff.get('/api/discipline/findings')).json().items[0];
  return { checkPlan: plan.id as string, check: (second ?? first)!.id, finding: finding.id as string };
}

/** A draft 通报 (discipline staff, from a finding stored as a check would store it), edited once: walked bodies carry a stale version. */
async function seedNotice(ctx: TestContext, unitA: Awaited<ReturnType<typeof newDemoUnit>>, personId: string) {
  const at = ctx.clock.now();
  const [f] = await ctx.database.db
    .insert(disciplineFindings)
    .values({
      unitId: unitA.unit.id,
      kind: 'on_duty',
      sourceType: 'check',
      personId,
      onDate: '2026-11-20',
      observed: 'absent',
      note: '检查时不在岗',
      // Only a confirmed finding (the person was asked for a 说明) goes into a 通报.
      status: 'confirmed',
      explanationRequestedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const discipline = await signIn(ctx, unitA.user('discipline'));
  const n = (await discipline.post('/api/discipline/notices', { kind: 'inspection', findingIds: [f!.id] })).json();
  await discipline.put(`/api/discipline/notices/${n.id}`, {
    title: n.title,
    paragraphs: n.paragraphs,
    version: n.version,
  });
  return n.id as string;
}

const boundary = 'zfboundary';
export const multipartHeaders = { 'content-type': `multipart/form-data; boundary=${boundary}` };
export function multipart(content: Buffer, fileName = 'x.xlsx') {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

const DISCIPLINE_KINDS: Record<string, string> = {
  'check-plans': 'checkPlan',
  checks: 'check',
  findings: 'finding',
  notices: 'notice',
  admonitions: 'admonition',
  'admonition-files': 'admonitionFile',
};

export function fill(path: string, ids: Record<string, string>) {
  const first = path.split('/')[2];
  const kind =
    holidayKind(path) ??
    ruleDocumentKind(path) ??
    planKind(path) ??
    oversightPlanKind(path) ??
    libraryKind(path) ??
    indicatorKind(path) ??
    recognitionKind(path) ??
    assessmentKind(path) ??
    (first === 'discipline' ? DISCIPLINE_KINDS[path.split('/')[3]!] : undefined) ??
    {
      people: path.includes('/imports/') ? 'import' : 'person',
      departments: 'department',
      posts: 'post',
      groups: 'group',
      users: 'user',
      calendar: path.includes('/imports/') ? 'calendarImport' : 'override',
      items: 'item',
      inbox: 'item',
      campaigns: 'campaign',
      activities: 'activity',
      'contact-objects': 'contactObject',
      'opinion-forms': 'opinionForm',
      'org-life': 'meeting',
      'study-sessions': 'study',
      talks: 'talk',
      'self-check-lists': 'list',
      'opinion-items': 'opinionItem',
      channels: 'channel',
      deliveries: 'delivery',
      attachments: 'attachment',
      'activity-files': 'activityFile',
      leave: 'leave',
      decisions: 'decisionMeeting',
      consultations: 'consultation',
      units: 'unit',
    }[first!] ??
    'person';
  return path
    .replace('{id}', (ids[kind] ?? ids.person)!)
    .replace('{grantId}', ids.grant!)
    .replace('{itemId}', (ids.agendaItem ?? ids.item)!)
    .replace('{requestId}', (ids.extensionRequest ?? ids.extension)!)
    .replace('{milestoneId}', ids.milestone!)
    .replace('{measureId}', ids.measure!)
    .replace('{ruleId}', ids.rule!)
    .replace('{reportId}', ids.indicatorReport ?? ZERO)
    .replace('{code}', ids.kind ?? 'walk_kind')
    .replace('{rollCallId}', (ids.rollCall ?? ids.activity)!)
    .replace('{token}', 'AAAAAAAAAAAAAAAAAAAAAA')
    .replace('{inviteId}', ZERO)
    .replace('{distributionId}', ids.distribution!)
    .replace('{format}', 'svg')
    .replace('{sha256}', '0'.repeat(64))
    .replace('{fileId}', ids.articlePhoto ?? ZERO)
    .replace('{targetId}', ZERO)
    .replace('{year}', '2026');
}

export const ZERO = '00000000-0000-4000-8000-000000000000';

/** A body that passes validation, so that the cross-unit check (not validation) is what answers. */
export function validBodyFor(r: Route, ids: Record<string, string> = {}): unknown {
  if (upwardBody(r.path) !== undefined) return upwardBody(r.path);
  if (/^\/api\/assessment\/(schemes|scorecards|attention)/.test(r.path)) return assessmentBody(r.path, ids);
  if (r.path.startsWith('/api/decisions/rule-')) return ruleDocumentBody(r.path);
  if (r.path.startsWith('/api/decisions/plan/')) return planBody(r.method, r.path);
  if (r.path.startsWith('/api/oversight/')) return oversightPlanBody(r.path);
  if (libraryKind(r.path)) return libraryBody(r.method, r.path);
  if (r.path.startsWith('/api/assessment/indicators')) return indicatorBody(r.path);
  if (r.path.startsWith('/api/assessment/')) return recognitionBody(r.method, r.path);
  if (r.path.startsWith('/api/decisions/')) return decisionsBody(r.path, r.method);
  if (r.path.startsWith('/api/consultations')) return consultationBody(r.path);
  if (r.path.startsWith('/api/discipline/admonitions')) return admonitionBody(r);
  if (r.path.startsWith('/api/discipline/') && holidayBody(r.path) !== undefined) return holidayBody(r.path);
  // Leave decisions with a stale version: an allowed one stops at 409 and changes nothing.
  if (r.path === '/api/leave/{id}/approve') return { version: 99 };
  if (r.path === '/api/leave/{id}/reject' || r.path === '/api/leave/{id}/withdraw')
    return { version: 99, reason: '测试原因' };
  if (r.path === '/api/leave/{id}/return') return { version: 99, returnedOn: '2026-12-21' };
  if (r.path.startsWith('/api/discipline/')) return disciplineBodyFor(r);
  if (r.path.endsWith('/transitions')) return { action: 'withdraw', version: 1, reason: '测试原因' };
  if (r.path === '/api/units/{id}' && r.method === 'PATCH') return { name: '巡检下级单位（改名）' };
  if (r.path === '/api/units/{id}/move') return { parentId: ZERO };
  if (r.path === '/api/units/{id}/deactivate') return { reason: '巡检停用' };
  if (r.path === '/api/units/{id}/invites')
    return { role: 'audit_admin', username: 'walk-invited', displayName: '巡检邀请' };
  if (r.path === '/api/public/invites/{token}') return { password: 'Walk#2026abcd' };
  if (r.path.endsWith('/oauth-links')) return { vendor: 'wecom', vendorUserId: 'walk-user' };
  if (r.path.endsWith('/oauth-links/unlink')) return { vendor: 'wecom' };
  if (r.path.endsWith('/reports')) return { text: '进展情况', percent: 10, idempotencyKey: 'abcdefgh12' };
  if (r.path.endsWith('/extensions')) return { extraDays: 1, reason: '测试原因' };
  if (r.path.endsWith('/decision')) return { approve: true };
  if (r.path === '/api/contact-objects/{id}/assignments') return { personIds: [], from: '2026-12-01', version: 1 };
  if (r.path === '/api/activities/{id}' && r.method === 'PUT')
    return { type: 'study', title: '测试学习', heldOn: '2026-11-02', reason: '测试更正', version: 1 };
  if (r.path === '/api/contact-objects/{id}') return { name: '某村', version: 1 };
  if (r.path === '/api/department-leaders') return { departmentId: ZERO, personId: ZERO, from: '2026-12-01' };
  if (r.path.endsWith('/breakdown'))
    return { leaderPersonId: ZERO, leadDepartmentId: ZERO, ownerPersonIds: [ZERO], receivedOn: '2026-11-30' };
  if (r.path.endsWith('/measures')) return { categoryNo: 1, title: '某措施' };
  if (r.path.endsWith('/roll-call')) return { count: 1 };
  if (r.path.endsWith('/params')) return { params: {}, version: 1 };
  if (r.path.endsWith('/leftovers/keep')) return { key: 'measure:1:**', reason: '测试原因', version: 1 };
  if (r.path.endsWith('/status')) return { status: 'open', version: 1 };
  if (r.path.endsWith('/distributions')) return { audience: 'staff', label: '职工' };
  if (r.path.endsWith('/roll-call/{rollCallId}')) return { shared: '学习体会' };
  if (r.path.endsWith('/measures/{measureId}')) return { categoryNo: 1, title: '某措施', version: 1 };
  if (r.path.endsWith('/versions'))
    return { title: '某规则', activityKinds: ['study'], period: 'year', effectiveFrom: '2026-06-01' };
  if (r.path === '/api/activity-kinds') return { code: 'walk_kind_new', label: '测试新类别', type: 'study' };
  if (r.path.endsWith('/rules'))
    return { title: '某规则', subject: { kind: 'unit' }, activityKinds: ['study'], period: 'year' };
  if (
    r.path.includes('withdraw') ||
    r.path.includes('restore') ||
    r.path.includes('revoke') ||
    r.path.endsWith('/void') ||
    r.path.endsWith('/unmerge') ||
    r.path.endsWith('/retry')
  )
    return { reason: '测试原因' };
  if (r.path === '/api/org-life/{id}' && r.method === 'PUT')
    return { title: '专题组织生活会', plannedOn: '2026-12-20', version: 1 };
  if (r.path.endsWith('/record'))
    return { heldOn: '2026-11-30', place: '会议室', attendance: [{ personId: ZERO, present: true }], version: 1 };
  if (r.path.endsWith('/study')) return { kind: 'seminar', title: '集中研讨', heldOn: '2026-11-30' };
  if (r.path.endsWith('/statement')) return { text: '这是一段不少于十个字的研讨发言。' };
  if (r.path.endsWith('/talks'))
    return {
      kind: 'member_member',
      aPersonId: ZERO,
      bPersonId: '00000000-0000-4000-8000-000000000001',
      heldOn: '2026-11-30',
    };
  if (r.path.endsWith('/talk-plan') || r.path.endsWith('/import-adopted')) return { version: 1 };
  if (r.path.startsWith('/api/self-check-lists/') && r.method === 'PUT') return { entries: [], version: 1 };
  if (r.path.endsWith('/action')) return { action: 'submit', version: 1 };
  if (r.path === '/api/channels/{id}' && r.method === 'PUT')
    return { kind: 'wecom', name: '工作群', address: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k', version: 1 };
  if (r.path.endsWith('/classify')) return { categoryNo: null, targetKind: 'branch', version: 1 };
  if (r.path.endsWith('/decide')) return { adopted: true, version: 1 };
  if (r.path.startsWith('/api/people/{id}'))
    return { name: '某人', departmentId: null, isPartyMember: false, isLeadership: false };
  if (r.path.startsWith('/api/departments/')) return { name: '某科' };
  if (r.path.startsWith('/api/posts/')) return { title: '某岗', departmentId: null, holderAId: null, holderBId: null };
  if (r.path.endsWith('/members')) return { members: [] };
  if (r.path.endsWith('/reset-password')) return { password: 'Abcd#12345' };
  if (r.path.endsWith('/reset-totp')) return { reason: '测试原因' };
  if (r.path.endsWith('/grants')) return { role: 'member' };
  if (r.path.startsWith('/api/users/')) return { displayName: '某人' };
  return {};
}

/** Bodies of the 通报 and settings routes (issue 17), each at a stale version. */
function disciplineBodyFor(r: Route): unknown {
  if (r.path === '/api/discipline/check-plans') return { month: '2026-11' };
  if (r.path.endsWith('/observations'))
    return { checkedOn: '2026-11-30', observations: [{ personId: ZERO, status: 'on_duty' }], version: 999_999 };
  if (r.path.endsWith('/explain')) return { explanation: '当时在档案室查阅资料', version: 999_999 };
  if (r.path.endsWith('/dismiss')) return { reason: '测试原因', version: 999_999 };
  if (r.path.endsWith('/request-explanation') || r.path.endsWith('/confirm')) return { version: 999_999 };
  if (r.path === '/api/discipline/settings')
    return {
      checksPerMonthMin: 2,
      checksPerMonthMax: 4,
      departmentsPerCheck: 2,
      leaveLeaderDays: 3,
      meetingAbsenceLimit: 2,
      meetingLateLimit: 3,
      meetingPeriod: 'quarter',
      holidayLeadDays: 3,
      inquiryReplyDays: 10,
      meetingKinds: null,
      noticePrefix: null,
      version: 99,
    };
  if (r.path === '/api/discipline/notices') return { kind: 'inspection', findingIds: [ZERO] };
  if (r.path === '/api/discipline/notices/{id}') return { title: '关于某事的通报', paragraphs: ['正文'], version: 1 };
  if (r.path.endsWith('/withdraw')) return { reason: '测试原因', version: 1 };
  return { version: 1 };
}

/** Bodies of the 提醒谈话 / 诫勉 / 函询 routes (a stale version: an allowed write stops at 409). */
function admonitionBody(r: Route): unknown {
  const record = { conductedBy: [], reason: '测试原因', onDate: '2026-11-30' };
  if (r.path === '/api/discipline/admonitions') return { kind: 'inquiry', personId: ZERO, ...record };
  if (r.method === 'PUT') return { ...record, version: 1 };
  if (r.path.endsWith('/follow-up')) return { followUp: '跟踪情况', version: 1 };
  if (r.path.endsWith('/answer')) return { answer: '答复内容', version: 1 };
  if (r.path.endsWith('/withdraw')) return { reason: '测试原因', version: 1 };
  return { version: 1 };
}
