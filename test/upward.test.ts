import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { supervisedItems, units, upwardRequests } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { multipartFile } from './xlsx.js';

/**
 * 上报 and 上级交办 (issue 20): the city's 督查室 asks its counties for the meeting's report by a deadline in
 * working days; each county registers it in its own ledger (a supervised item due that day) and submits its
 * document; the city sees who has and has not submitted, chases the late one through its inbox and the item's
 * owner, and downloads everything in one archive. Nobody else issues; a county never sees its sibling's.
 */
let ctx: TestContext;
let city: Awaited<ReturnType<typeof newDemoUnit>>;
let countyA: Awaited<ReturnType<typeof newDemoUnit>>;
let countyB: Awaited<ReturnType<typeof newDemoUnit>>;
let outsider: Awaited<ReturnType<typeof newDemoUnit>>;
let watch: Client, watchA: Client, cityAdmin: Client, officeA: Client, officeB: Client;
let requestId = '';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const upload = (c: Client, url: string, data: Buffer, name: string) => {
  const m = multipartFile(data, name);
  return c.request('POST', url, m.payload, m.headers);
};
const requestCount = async () =>
  rowsOf<{ n: number }>(
    await ctx.database.db.execute(sql`select count(*)::int as n from upward_requests where unit_id = ${city.unit.id}`),
  )[0]!.n;

beforeAll(async () => {
  ctx = await testApp();
  city = await newDemoUnit(ctx);
  countyA = await newDemoUnit(ctx);
  countyB = await newDemoUnit(ctx);
  outsider = await newDemoUnit(ctx);
  for (const c of [countyA, countyB])
    await ctx.database.db.update(units).set({ parentId: city.unit.id, kind: 'county' }).where(eq(units.id, c.unit.id));
  // The city's 督查室: an oversight account over the whole city, made by its security administrator.
  const security = await signIn(ctx, city.user('security'));
  const username = `${city.prefix}watch`.replace(/_/g, '');
  const user = await security.post('/api/users', { username, displayName: '市督查室', password: 'Watch-2026!zf' });
  expect(user.statusCode, user.body).toBe(200);
  expect((await security.post(`/api/users/${user.json().id}/grants`, { role: 'oversight' })).statusCode).toBe(200);
  const first = await signIn(ctx, username, 'Watch-2026!zf');
  await first.post('/api/auth/password', { currentPassword: 'Watch-2026!zf', newPassword: 'Watch-2026!zf-new' });
  watch = await signIn(ctx, username, 'Watch-2026!zf-new');
  // An overseer of county A only: reads what concerns county A, writes nothing.
  const nameA = `${city.prefix}watcha`.replace(/_/g, '');
  const userA = await security.post('/api/users', {
    username: nameA,
    displayName: '甲县联系人',
    password: 'Watch-2026!zf',
  });
  expect(
    (
      await security.post(`/api/users/${userA.json().id}/grants`, {
        role: 'oversight',
        scopeType: 'subtree',
        scopeId: countyA.unit.id,
      })
    ).statusCode,
  ).toBe(200);
  const firstA = await signIn(ctx, nameA, 'Watch-2026!zf');
  await firstA.post('/api/auth/password', { currentPassword: 'Watch-2026!zf', newPassword: 'Watch-2026!zf-new' });
  watchA = await signIn(ctx, nameA, 'Watch-2026!zf-new');
  cityAdmin = await signIn(ctx, city.user('admin'));
  officeA = await signIn(ctx, countyA.user('office'));
  officeB = await signIn(ctx, countyB.user('office'));
});

/** Moves the clock and signs everyone in again (sessions idle out over days). */
async function moveClock(iso: string) {
  ctx.clock.current = new Date(iso);
  watch = await signIn(ctx, `${city.prefix}watch`.replace(/_/g, ''), 'Watch-2026!zf-new');
  watchA = await signIn(ctx, `${city.prefix}watcha`.replace(/_/g, ''), 'Watch-2026!zf-new');
  cityAdmin = await signIn(ctx, city.user('admin'));
  officeA = await signIn(ctx, countyA.user('office'));
  officeB = await signIn(ctx, countyB.user('office'));
}

const body = (over: Record<string, unknown> = {}) => ({
  kind: 'meeting_report',
  docNo: `市督〔2026〕${Math.floor(Math.random() * 1e6)}号`,
  title: '关于报送专题组织生活会情况报告的通知',
  instructions: '请于时限内报送会议情况报告（盖章扫描件或Word版）',
  workingDays: 5,
  targetUnitIds: [countyA.unit.id, countyB.unit.id],
  ...over,
});

describe('the upper level asks, the counties answer', () => {
  it('issues a request due in working days; bad input and the wrong people change nothing', async () => {
    const before = await requestCount();
    for (const [bad, message] of [
      [{ targetUnitIds: [] }, '请选择至少一个下级单位'],
      [{ targetUnitIds: [outsider.unit.id] }, '不在本单位督查范围内'],
      [{ workingDays: 0 }, '办理时限至少1个工作日'],
      [{ kind: 'poem' }, '请选择类型'],
    ] as const) {
      const res = await watch.post('/api/oversight/requests', body(bad));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toContain(message);
    }
    expect((await cityAdmin.post('/api/oversight/requests', body())).statusCode).toBe(403);
    expect((await officeA.post('/api/oversight/requests', body())).statusCode).toBe(403);
    expect((await officeA.get('/api/oversight/requests')).statusCode).toBe(403);
    expect(await requestCount()).toBe(before);

    // Issued Monday 2026-11-30: five working days later is Monday 2026-12-07.
    const made = await watch.post('/api/oversight/requests', body({ docNo: '市督〔2026〕7号' }));
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({
      issuedOn: '2026-11-30',
      dueOn: '2026-12-07',
      summary: { total: 2, done: 0, late: 0, pending: 2 },
      can: { chase: true, withdraw: true },
    });
    requestId = made.json().id;
    const again = await watch.post('/api/oversight/requests', body({ docNo: '市督〔2026〕7号' }));
    expect(again.statusCode).toBe(409);
    // The city's administrator oversees too: reads, never issues.
    expect((await cityAdmin.get(`/api/oversight/requests/${requestId}`)).json().can).toEqual({
      chase: false,
      withdraw: false,
    });
  });

  it("arrives in each county's inbox and incoming list, never in a sibling's", async () => {
    const inbox = (await officeA.get('/api/inbox?page=1&pageSize=20')).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toContain(
      '上级来文：关于报送专题组织生活会情况报告的通知',
    );
    const incoming = (await officeA.get('/api/upward/incoming')).json();
    expect(incoming.total).toBe(1);
    expect(incoming.items[0]).toMatchObject({
      fromUnitName: city.unit.name,
      docNo: '市督〔2026〕7号',
      dueOn: '2026-12-07',
      state: 'pending',
      can: { register: true, submit: true },
    });
    const targetB = (await officeB.get('/api/upward/incoming')).json().items[0].id;
    const peek = await officeA.post(`/api/upward/incoming/${targetB}/register`, {});
    expect(peek.statusCode).toBe(400);
    const dept = (await officeA.get('/api/departments')).json()[0].id;
    const owner = (await (await signIn(ctx, countyA.user('member1'))).get('/api/auth/me')).json().user.personId;
    const sibling = await officeA.post(`/api/upward/incoming/${targetB}/register`, {
      handlingDepartmentId: dept,
      ownerPersonId: owner,
      notClassified: true,
      version: 1,
    });
    expect(sibling.statusCode).toBe(404);
    // A member of the county reads no incoming list.
    expect((await (await signIn(ctx, countyA.user('member2'))).get('/api/upward/incoming')).statusCode).toBe(403);
  });

  it('county A registers it in its ledger (due when the city said) and submits its report', async () => {
    const target = (await officeA.get('/api/upward/incoming')).json().items[0];
    const dept = (await officeA.get('/api/departments')).json()[0].id;
    const owner = (await (await signIn(ctx, countyA.user('member1'))).get('/api/auth/me')).json().user.personId;
    const registered = await officeA.post(`/api/upward/incoming/${target.id}/register`, {
      handlingDepartmentId: dept,
      ownerPersonId: owner,
      notClassified: true,
      version: target.version,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json()).toMatchObject({ state: 'registered', can: { register: false, submit: true } });
    const item = (await officeA.get(`/api/items/${registered.json().itemId}`)).json();
    expect(item).toMatchObject({
      title: '关于报送专题组织生活会情况报告的通知',
      source: 'document',
      sourceRef: '市督〔2026〕7号',
    });
    expect(item.due).toBe('2026-12-07');
    const twice = await officeA.post(`/api/upward/incoming/${target.id}/register`, {
      handlingDepartmentId: dept,
      ownerPersonId: owner,
      notClassified: true,
      version: registered.json().version,
    });
    expect(twice.statusCode).toBe(403);

    expect(
      (await upload(officeA, `/api/upward/incoming/${target.id}/submission`, Buffer.from('<script>'), 'x.pdf'))
        .statusCode,
    ).toBe(400);
    const sent = await upload(
      officeA,
      `/api/upward/incoming/${target.id}/submission?note=${encodeURIComponent('盖章版')}`,
      pdf('A县情况报告'),
      'A县情况报告.pdf',
    );
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'submitted', fileName: 'A县情况报告.pdf' });
  });

  it('the city sees who has submitted, chases the late county, and collects the archive', async () => {
    const targets = (await watch.get(`/api/oversight/requests/${requestId}/targets`)).json();
    const a = targets.items.find((t: { unitId: string }) => t.unitId === countyA.unit.id);
    const b = targets.items.find((t: { unitId: string }) => t.unitId === countyB.unit.id);
    expect(a).toMatchObject({
      state: 'submitted',
      late: false,
      submissionNote: '盖章版',
      can: { chase: false, download: true },
    });
    expect(b).toMatchObject({ state: 'pending', late: false, can: { chase: true, download: false } });
    // Nothing is late before the due date.
    expect((await watch.post(`/api/oversight/requests/${requestId}/chase`, { message: '请抓紧报送' })).statusCode).toBe(
      400,
    );

    await moveClock('2026-12-08T02:00:00Z');
    const late = (await watch.get(`/api/oversight/requests/${requestId}/targets?state=late`)).json();
    expect(late.items.map((t: { unitId: string }) => t.unitId)).toEqual([countyB.unit.id]);
    expect((await watch.get(`/api/oversight/requests/${requestId}`)).json().summary).toEqual({
      total: 2,
      done: 1,
      late: 1,
      pending: 1,
    });
    expect(
      (await cityAdmin.post(`/api/oversight/requests/${requestId}/chase`, { message: '请抓紧报送' })).statusCode,
    ).toBe(403);
    const chased = await watch.post(`/api/oversight/requests/${requestId}/chase`, { message: '请于今日下班前报送' });
    expect(chased.statusCode, chased.body).toBe(200);
    expect(chased.json()).toEqual({ chased: 1 });
    const inboxB = (await officeB.get('/api/inbox?page=1&pageSize=20')).json();
    expect(inboxB.items[0]).toMatchObject({
      title: '催报：关于报送专题组织生活会情况报告的通知',
      body: '请于今日下班前报送',
    });
    expect((await officeB.get('/api/upward/incoming')).json().items[0]).toMatchObject({ late: true, chaseCount: 1 });
    const trail = rowsOf<{ action: string }>(
      await ctx.database.db.execute(
        sql`select action from audit_events where unit_id = ${countyB.unit.id} and entity_type = 'upward_target'`,
      ),
    );
    expect(trail.map((t) => t.action)).toEqual(['chase']);
    // A done county is not chased.
    const done = await watch.post(`/api/oversight/requests/${requestId}/chase`, {
      message: '请报送',
      targetIds: [a.id],
    });
    expect(done.statusCode).toBe(400);

    // The overseer of county A sees county A's standing and file only; its attempt to chase is refused.
    const seenByA = (await watchA.get(`/api/oversight/requests/${requestId}/targets`)).json();
    expect(seenByA.items.map((t: { unitId: string }) => t.unitId)).toEqual([countyA.unit.id]);
    expect((await watchA.get(`/api/oversight/requests/${requestId}`)).json().summary).toMatchObject({ total: 1 });
    const zipA = await JSZip.loadAsync(
      (await watchA.get(`/api/oversight/requests/${requestId}/archive.zip`)).rawPayload,
    );
    expect(await zipA.file('报送情况.txt')!.async('string')).not.toContain(countyB.unit.code);
    expect((await watchA.post(`/api/oversight/requests/${requestId}/chase`, { message: '请抓紧' })).statusCode).toBe(
      403,
    );

    // Chased, county B still registers at the version it read (a chase changes nothing it edits).
    const chasedTarget = (await officeB.get('/api/upward/incoming')).json().items[0];
    const deptB = (await officeB.get('/api/departments')).json()[0].id;
    const ownerB = (await (await signIn(ctx, countyB.user('member1'))).get('/api/auth/me')).json().user.personId;
    const regB = await officeB.post(`/api/upward/incoming/${chasedTarget.id}/register`, {
      handlingDepartmentId: deptB,
      ownerPersonId: ownerB,
      notClassified: true,
      version: chasedTarget.version,
    });
    expect(regB.statusCode, regB.body).toBe(200);

    // The dashboard says the same per unit (read live, whatever the figures' refresh).
    const board = (await watch.get('/api/oversight/dashboard?pageSize=100')).json();
    const reportOf = (unitId: string) => board.items.find((r: { unitId: string }) => r.unitId === unitId).meetingReport;
    expect(reportOf(countyA.unit.id)).toMatchObject({ dueOn: '2026-12-07', late: false });
    expect(reportOf(countyA.unit.id).submittedAt).not.toBeNull();
    expect(reportOf(countyB.unit.id)).toEqual({ dueOn: '2026-12-07', submittedAt: null, late: true });

    const archive = await watch.get(`/api/oversight/requests/${requestId}/archive.zip`);
    expect(archive.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(archive.rawPayload);
    const names = Object.keys(zip.files);
    expect(names.some((n) => n.endsWith('A县情况报告.pdf'))).toBe(true);
    const list = await zip.file('报送情况.txt')!.async('string');
    expect(list).toContain(`${countyB.unit.code} ${countyB.unit.name}：办理中（逾期）`);
    expect(list).toContain(`${countyA.unit.code} ${countyA.unit.name}：已上报`);
    const one = await watch.get(`/api/oversight/requests/${requestId}/targets/${a.id}/file`);
    expect(one.rawPayload.toString()).toContain('A县情况报告');
  });

  it('a task is done when its item closes; a withdrawn request is neither submitted nor chased', async () => {
    const task = await watch.post(
      '/api/oversight/requests',
      body({ kind: 'task', title: '排查窗口单位“吃拿卡要”问题', targetUnitIds: [countyA.unit.id] }),
    );
    expect(task.statusCode, task.body).toBe(200);
    const target = (await officeA.get('/api/upward/incoming?state=open'))
      .json()
      .items.find((i: { docNo: string }) => i.docNo === task.json().docNo);
    expect(target.can).toEqual({ register: true, submit: false });
    const refused = await upload(officeA, `/api/upward/incoming/${target.id}/submission`, pdf('x'), 'x.pdf');
    expect(refused.statusCode).toBe(403);
    const dept = (await officeA.get('/api/departments')).json()[0].id;
    const owner = (await (await signIn(ctx, countyA.user('member1'))).get('/api/auth/me')).json().user.personId;
    const reg = await officeA.post(`/api/upward/incoming/${target.id}/register`, {
      handlingDepartmentId: dept,
      ownerPersonId: owner,
      notClassified: true,
      version: target.version,
    });
    expect(reg.statusCode, reg.body).toBe(200);
    // The item's closing is the ledger's own loop (tested with the ledger); here it is recorded as closed.
    await ctx.database.db
      .update(supervisedItems)
      .set({ status: 'closed' })
      .where(eq(supervisedItems.id, reg.json().itemId));
    expect((await watch.get(`/api/oversight/requests/${task.json().id}`)).json().summary).toMatchObject({
      total: 1,
      done: 1,
    });

    const stale = await watch.post(`/api/oversight/requests/${requestId}/withdraw`, {
      reason: '改为线下报送',
      version: 99,
    });
    expect(stale.statusCode).toBe(409);
    const withdrawn = await watch.post(`/api/oversight/requests/${requestId}/withdraw`, {
      reason: '改为线下报送',
      version: 1,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', can: { chase: false, withdraw: false } });
    const b = (await officeB.get('/api/upward/incoming'))
      .json()
      .items.find((i: { docNo: string }) => i.docNo === '市督〔2026〕7号');
    expect(b).toMatchObject({ state: 'withdrawn', late: false, can: { register: false, submit: false } });
    const todo = (await officeB.get('/api/upward/incoming?state=open')).json();
    expect(todo.items.map((i: { docNo: string }) => i.docNo)).not.toContain('市督〔2026〕7号');
    const [row] = await ctx.database.db.select().from(upwardRequests).where(eq(upwardRequests.id, requestId));
    expect(row!.withdrawnReason).toBe('改为线下报送');
  });
});
