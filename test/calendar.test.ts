import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import { createDeadline } from '../src/server/modules/calendar/deadlines.service.js';
import { calendarForUnit } from '../src/server/modules/calendar/calendar.service.js';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { multipartFile } from './xlsx.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let admin: Client;
let office: Client;

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  admin = await signIn(ctx, unit.user('admin'));
  office = await signIn(ctx, unit.user('office'));
});

const schedule2027 = fs.readFileSync(new URL('./fixtures/holiday-2027.json', import.meta.url));
const upload = (c: Client, content: Buffer | string, name = 'holiday-2027.json') => {
  const { payload, headers } = multipartFile(Buffer.from(content), name);
  return c.request('POST', '/api/calendar/imports', payload, headers);
};
const deadline = async (unitId: string, subjectId: string, receivedOn: string, days = 7) =>
  createDeadline(ctx.database.db, await calendarForUnit(ctx.database.db, unitId), SYSTEM_ACTOR, ctx.clock.now(), {
    unitId,
    subjectType: 'test',
    subjectId,
    title: `测试期限${subjectId}`,
    ownerPersonId: null,
    receivedOn,
    policy: { kind: 'working_days', days },
  });

describe('working days through the API', () => {
  it('answers add, is and between with the official schedule', async () => {
    expect((await office.get('/api/calendar/workdays/add?date=2026-09-28&n=7')).json()).toEqual({
      date: '2026-10-13',
      provisional: false,
    });
    expect((await office.get('/api/calendar/workdays/is?date=2026-10-10')).json()).toMatchObject({
      working: true,
      kind: 'makeup',
      name: '调休上班',
    });
    expect((await office.get('/api/calendar/workdays/is?date=2026-10-03')).json()).toMatchObject({
      working: false,
      name: '国庆节',
    });
    expect((await office.get('/api/calendar/workdays/between?from=2026-09-28&to=2026-10-13')).json()).toEqual({
      days: 7,
      provisional: false,
    });
  });

  it('refuses bad input with a clear message', async () => {
    const cases: [string, string][] = [
      ['/api/calendar/workdays/add?date=2026-02-30&n=1', '日期“2026-02-30”不存在'],
      ['/api/calendar/workdays/add?date=2026-13-01&n=1', '月份不存在'],
      ['/api/calendar/workdays/add?date=&n=1', '日期不能为空'],
      ['/api/calendar/workdays/add?date=2026-01-05&n=-1', '工作日数不能小于0'],
      ['/api/calendar/workdays/add?date=2026-01-05&n=3651', '工作日数不能超过3650'],
      ['/api/calendar/days?from=2026-01-01&to=2027-06-01', '日期范围应在一年以内'],
    ];
    for (const [url, message] of cases) {
      const res = await office.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message, url).toContain(message);
    }
  });

  it('shows a month with holidays, make-up days and weekends', async () => {
    const days = (await office.get('/api/calendar/days?from=2026-10-01&to=2026-10-31')).json();
    expect(days).toHaveLength(31);
    expect(
      days.filter((d: { kind: string }) => d.kind === 'holiday').map((d: { date: string }) => d.date.slice(8)),
    ).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(days.find((d: { date: string }) => d.date === '2026-10-10').kind).toBe('makeup');
  });

  it('computes a deadline by the unit settings, which can be changed', async () => {
    const c = await office.post('/api/deadlines/compute', { urgency: 'normal', receivedOn: '2026-09-28' });
    expect(c.json()).toEqual({ due: '2026-10-13', provisional: false, policy: { kind: 'working_days', days: 7 } });
    expect(
      (await office.post('/api/deadlines/compute', { urgency: 'urgent', receivedOn: '2026-10-03' })).json().due,
    ).toBe('2026-10-03');
    expect(
      (
        await office.put('/api/deadline-settings', {
          urgentSameDay: true,
          importantDays: 20,
          normalDays: 7,
          extensionCapDays: 15,
        })
      ).json().message,
    ).toBe('办理时限不能超过特殊情况的最长时限');
    expect(
      (
        await office.put('/api/deadline-settings', {
          urgentSameDay: true,
          importantDays: 5,
          normalDays: 7,
          extensionCapDays: 15,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await office.post('/api/deadlines/compute', { urgency: 'important', receivedOn: '2026-09-28' })).json().due,
    ).toBe('2026-10-10');
    const member = await signIn(ctx, unit.user('member1'));
    expect(
      (
        await member.put('/api/deadline-settings', {
          urgentSameDay: true,
          importantDays: 5,
          normalDays: 7,
          extensionCapDays: 15,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('overrides', () => {
  it('mark a day off for the unit, recompute its open deadlines, and can be withdrawn', async () => {
    const d = await deadline(unit.unit.id, 'ov1', '2026-09-28');
    expect(d.due).toBe('2026-10-13');
    const set = await office.post('/api/calendar/overrides', {
      date: '2026-10-12',
      working: false,
      reason: '县庆放假',
    });
    expect(set.json().recomputed).toEqual({ checked: 1, changed: 1 });
    expect((await office.get('/api/calendar/workdays/is?date=2026-10-12')).json()).toMatchObject({
      working: false,
      kind: 'override_off',
      name: '县庆放假',
    });
    const list = (await office.get('/api/deadlines')).json().items;
    expect(list.find((x: { subjectId: string }) => x.subjectId === 'ov1').due).toBe('2026-10-14');
    const events = (await office.get(`/api/audit/events?entityType=deadline&entityId=${d.id}`)).json().items;
    expect(events[0]).toMatchObject({
      action: 'recompute',
      before: { due: '2026-10-13' },
      after: { due: '2026-10-14' },
    });
    expect(
      (await office.post(`/api/calendar/overrides/${set.json().id}/withdraw`, { reason: '县里取消' })).json().recomputed
        .changed,
    ).toBe(1);
    expect((await office.get('/api/calendar/workdays/is?date=2026-10-12')).json().working).toBe(true);
  });

  it('refuses a bad override and changes nothing', async () => {
    expect(
      (await office.post('/api/calendar/overrides', { date: '2026-02-30', working: false, reason: '某原因' })).json()
        .message,
    ).toContain('不存在');
    expect(
      (await office.post('/api/calendar/overrides', { date: '2026-10-12', working: false, reason: '' })).statusCode,
    ).toBe(400);
    expect((await office.get('/api/calendar/overrides')).json().total).toBe(0);
  });
});

describe('importing a schedule', () => {
  it('starts with 2027 missing: the banner condition, and provisional cross-year deadlines', async () => {
    const cov = (await office.get('/api/calendar/coverage')).json();
    expect(cov).toMatchObject({ nextYear: 2027, nextYearMissing: true });
    // The schedule is installation-wide: on PostgreSQL other test files (the fuzz test) may import other years meanwhile.
    expect(cov.years).toEqual(expect.arrayContaining(Array.from({ length: 23 }, (_, i) => 2004 + i)));
    expect(cov.years).not.toContain(2027);
    expect((await office.get('/api/calendar/workdays/add?date=2026-12-28&n=7')).json()).toEqual({
      date: '2027-01-06',
      provisional: true,
    });
  });

  it('refuses malformed files and an .ics without dates, changing nothing', async () => {
    expect(
      (await upload(admin, '{"year":2027,"days":[{"name":"元旦","date":"2027-02-30","isOffDay":true}]}')).json()
        .message,
    ).toBe('文件有误：第1项：日期“2027-02-30”不存在');
    expect((await upload(admin, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', 'x.ics')).json().message).toBe(
      '文件有误：文件中没有带日期的节假日事件',
    );
    expect((await upload(admin, '{"year":2027', 'x.json')).statusCode).toBe(400);
    const huge = `BEGIN:VCALENDAR\r\n${'X-PAD:'.padEnd(1000, 'x')}\r\n`.repeat(1100);
    expect((await upload(admin, huge, 'x.ics')).json()).toMatchObject({
      code: 'bad_request',
      message: '文件过大：节假日安排文件不能超过1MB',
    });
    expect((await office.get('/api/calendar/coverage')).json().nextYearMissing).toBe(true);
  });

  it('is for the top unit administrator only', async () => {
    expect((await upload(office, schedule2027)).statusCode).toBe(403);
  });

  it('previews the changes, then applies them: deadlines recomputed, provisional cleared, audited', async () => {
    const d = await deadline(unit.unit.id, 'cross', '2026-12-28');
    expect([d.due, d.provisional]).toEqual(['2027-01-06', true]);
    const preview = (await upload(admin, schedule2027)).json();
    expect(preview).toMatchObject({ status: 'previewed', years: [2027] });
    expect(preview.changes.map((c: { date: string }) => c.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-02-05',
      '2027-02-08',
      '2027-02-20',
    ]);
    expect((await office.get('/api/calendar/coverage')).json().nextYearMissing).toBe(true);
    const applied = await admin.post(`/api/calendar/imports/${preview.id}/apply`);
    // Recomputation is installation-wide: on PostgreSQL other test files' cross-year deadlines change too.
    expect(applied.json()).toMatchObject({ status: 'applied' });
    expect(applied.json().recomputed.changed).toBeGreaterThanOrEqual(1);
    expect((await admin.post(`/api/calendar/imports/${preview.id}/apply`)).statusCode).toBe(400);
    const after = (await office.get('/api/deadlines?provisional=false'))
      .json()
      .items.find((x: { subjectId: string }) => x.subjectId === 'cross');
    expect([after.due, after.provisional]).toEqual(['2027-01-07', false]);
    const coverage = (await office.get('/api/calendar/coverage')).json();
    expect(coverage.nextYearMissing).toBe(false);
    // Other test files on the shared PostgreSQL database may have imported other years (the fuzz test's 2030).
    expect(coverage.imported).toEqual(
      expect.arrayContaining([expect.objectContaining({ year: 2027, source: 'holiday-2027.json' })]),
    );
    expect(coverage.imported.filter((i: { year: number }) => i.year === 2027)).toHaveLength(1);
    const auditor = await signIn(ctx, unit.user('auditor'));
    const events = (await auditor.get('/api/audit/events?entityType=calendar')).json().items;
    expect(events[0]).toMatchObject({ action: 'import', after: { years: [2027], changes: 6 } });
  });
});
