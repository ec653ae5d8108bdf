import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { disciplineFindings, disciplineNotices } from '../src/server/db/schema/index.js';
import { sweepAllMeetingDiscipline } from '../src/server/modules/discipline/meeting-discipline.service.js';
import { noticesRepo } from '../src/server/modules/discipline/notices.repo.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { WALK_LOGINS } from './walk-fixtures.js';

/**
 * 会风会纪 (issue 17, “must show”): two unexcused absences and three late arrivals in a quarter (by two people)
 * → one finding each and the draft 会风会纪通报 of the quarter naming them, for the discipline staff only; the
 * daily sweep and the tab's sweep are idempotent; a correction that adds a crossing adds it to the same draft.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let discipline: Client;
const person: Record<string, string> = {};
const READERS = new Set(['discipline', 'leader4', 'secretary']);

const meeting = (heldOn: string, kind: string, title: string, marks: [string, string][]) =>
  office.post('/api/activities', {
    type: 'meeting',
    kind,
    title,
    heldOn,
    attendance: marks.map(([name, status]) => ({ personId: person[name], status })),
  });

async function counts() {
  const u = unit.unit.id;
  const f = await ctx.database.db
    .select()
    .from(disciplineFindings)
    .where(and(eq(disciplineFindings.unitId, u), eq(disciplineFindings.kind, 'meeting')));
  const n = await ctx.database.db.select().from(disciplineNotices).where(eq(disciplineNotices.unitId, u));
  return { findings: f.length, notices: n.length };
}

beforeAll(async () => {
  ctx = await testApp();
  ctx.clock.current = new Date('2026-12-04T02:00:00Z');
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  discipline = await signIn(ctx, unit.user('discipline'));
  for (const name of ['郑伟', '秦磊', '周凯'])
    person[name] = (await office.get(`/api/people?q=${encodeURIComponent(name)}`)).json().items[0].id;
  const recorded = [
    await meeting('2026-10-12', 'party_group_meeting', '党组会', [
      ['郑伟', 'unexcused'],
      ['秦磊', 'late'],
      ['周凯', 'present'],
    ]),
    await meeting('2026-11-02', 'director_office_meeting', '局长办公会', [
      ['郑伟', 'unexcused'],
      ['秦磊', 'late'],
      ['周凯', 'late'],
    ]),
    await meeting('2026-11-30', 'staff_meeting', '干部职工会', [
      ['郑伟', 'excused'],
      ['秦磊', 'left_early'],
      ['周凯', 'present'],
    ]),
    // Not a watched kind: never counts.
    await meeting('2026-11-16', 'weekly_work_meeting', '周工作例会', []),
  ];
  expect(recorded.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
});

describe('会风会纪', () => {
  it('the daily sweep records one finding per crossing and the quarter’s draft 通报 naming both', async () => {
    expect(await counts()).toEqual({ findings: 0, notices: 0 });
    expect(await sweepAllMeetingDiscipline(ctx.database.db, ctx.clock.now())).toBeGreaterThanOrEqual(2);
    expect(await counts()).toEqual({ findings: 2, notices: 1 });
    const view = (await discipline.get('/api/discipline/meeting-discipline')).json();
    expect(view).toMatchObject({ period: 'quarter', absenceLimit: 2, lateLimit: 3 });
    const byName = Object.fromEntries(view.items.map((x: { personName: string }) => [x.personName, x]));
    expect(Object.keys(byName).sort()).toEqual(['秦磊', '郑伟'].sort());
    expect(byName['郑伟'].facts).toBe(
      '2026年第4季度无故缺席 2 次（10月12日党组会无故缺席、11月2日局长办公会无故缺席），迟到、早退 0 次；达到通报标准（无故不参加 2 次或迟到、早退 3 次）',
    );
    expect(byName['秦磊'].facts).toContain(
      '迟到、早退 3 次（10月12日党组会迟到、11月2日局长办公会迟到、11月30日干部职工会早退）',
    );
    expect(byName['郑伟'].periodKey).toBe('2026-Q4');
    const draft = byName['郑伟'].notices[0];
    expect(draft).toMatchObject({ title: '关于2026年第4季度会风会纪情况的通报', status: 'draft' });
    expect(byName['秦磊'].notices[0].id).toBe(draft.id);
    const n = (await discipline.get(`/api/discipline/notices/${draft.id}`)).json();
    expect(n.kind).toBe('meeting');
    expect(n.findings.map((f: { personName: string }) => f.personName).sort()).toEqual(['秦磊', '郑伟'].sort());
    expect(n.paragraphs.some((p: string) => p.startsWith('一、') && p.includes('会风会纪达到通报标准'))).toBe(true);
    expect(n.paragraphs.some((p: string) => p.startsWith('二、'))).toBe(true);
  });

  it('running again (the scheduler, the tab) creates nothing new', async () => {
    expect(await sweepAllMeetingDiscipline(ctx.database.db, ctx.clock.now())).toBe(0);
    await discipline.get('/api/discipline/meeting-discipline');
    await discipline.get('/api/discipline/meeting-discipline');
    expect(await counts()).toEqual({ findings: 2, notices: 1 });
  });

  it('a correction or a new meeting that makes a third crossing adds it to the same draft, once', async () => {
    await meeting('2026-12-03', 'party_group_meeting', '党组会', [
      ['周凯', 'late'],
      ['郑伟', 'present'],
    ]);
    await meeting('2026-12-04', 'staff_meeting', '干部职工会', [['周凯', 'left_early']]);
    const view = (await discipline.get('/api/discipline/meeting-discipline')).json();
    expect(view.items.map((x: { personName: string }) => x.personName).sort()).toEqual(['周凯', '秦磊', '郑伟'].sort());
    expect(await counts()).toEqual({ findings: 3, notices: 1 });
    const draftId = view.items[0].notices[0].id;
    const n = (await discipline.get(`/api/discipline/notices/${draftId}`)).json();
    expect(n.findings).toHaveLength(3);
    expect(n.paragraphs.some((p: string) => p.startsWith('三、周凯'))).toBe(true);
    expect(n.paragraphs[n.paragraphs.length - 1]).toContain('引以为戒');
  });

  it('a crossing whose draft changed under the sweep still gets its paragraph (the sweep re-reads the draft)', async () => {
    person['许娜'] = (await office.get(`/api/people?q=${encodeURIComponent('许娜')}`)).json().items[0].id;
    await meeting('2026-10-20', 'party_group_meeting', '党组会', [['许娜', 'unexcused']]);
    await meeting('2026-12-02', 'staff_meeting', '干部职工会', [['许娜', 'unexcused']]);
    // Someone else edits the draft between the sweep's read and its write: the first write finds a stale version.
    const spy = vi.spyOn(noticesRepo, 'updateNotice').mockResolvedValueOnce(undefined);
    try {
      expect(await sweepAllMeetingDiscipline(ctx.database.db, ctx.clock.now())).toBe(1);
    } finally {
      spy.mockRestore();
    }
    const view = (await discipline.get('/api/discipline/meeting-discipline')).json();
    const n = (await discipline.get(`/api/discipline/notices/${view.items[0].notices[0].id}`)).json();
    expect(n.findings).toHaveLength(4);
    expect(n.paragraphs.some((p: string) => p.startsWith('四、许娜'))).toBe(true);
  });

  it('is for the discipline staff and the approvers only: the tab, the draft and its findings', async () => {
    const draftId = (await discipline.get('/api/discipline/meeting-discipline')).json().items[0].notices[0].id;
    for (const login of WALK_LOGINS) {
      const c = await signIn(ctx, unit.user(login));
      const tab = await c.get('/api/discipline/meeting-discipline');
      const draft = await c.get(`/api/discipline/notices/${draftId}`);
      const listed = (await c.get('/api/discipline/notices')).json().items.length;
      expect([login, tab.statusCode, draft.statusCode, listed > 0]).toEqual(
        READERS.has(login) ? [login, 200, 200, true] : [login, 403, 404, false],
      );
    }
    const member = await signIn(ctx, unit.user('member3'));
    const inbox = JSON.stringify((await member.get('/api/inbox')).json());
    expect(inbox).not.toContain('会风会纪');
  });

  it('follows the settings: a monthly period counts no one (nobody crossed within a month)', async () => {
    const leader4 = await signIn(ctx, unit.user('leader4'));
    const s = (await leader4.get('/api/discipline/settings')).json();
    const saved = await leader4.put('/api/discipline/settings', {
      ...Object.fromEntries(
        Object.entries(s).filter(
          ([k]) => !['attendanceKinds', 'watchedKinds', 'defaultNoticePrefix', 'can'].includes(k),
        ),
      ),
      meetingPeriod: 'month',
    });
    expect(saved.statusCode).toBe(200);
    const before = await counts();
    await discipline.get('/api/discipline/meeting-discipline');
    expect(await counts()).toEqual(before);
  });
});

describe('纪律作风设置', () => {
  it('is read by the discipline staff, the office and the 党组书记, and changed only by a discipline lead', async () => {
    for (const login of WALK_LOGINS) {
      const res = await (await signIn(ctx, unit.user(login))).get('/api/discipline/settings');
      const reads = ['discipline', 'leader4', 'secretary', 'office'].includes(login);
      expect([login, res.statusCode]).toEqual([login, reads ? 200 : 403]);
      if (reads) expect([login, res.json().can.edit]).toEqual([login, ['leader4', 'secretary'].includes(login)]);
    }
    const s = (await office.get('/api/discipline/settings')).json();
    const body = {
      ...Object.fromEntries(
        Object.entries(s).filter(
          ([k]) => !['attendanceKinds', 'watchedKinds', 'defaultNoticePrefix', 'can'].includes(k),
        ),
      ),
      noticePrefix: '民纪通',
    };
    expect((await office.put('/api/discipline/settings', body)).statusCode).toBe(403);
    expect((await discipline.put('/api/discipline/settings', body)).statusCode).toBe(403);
    const secretary = await signIn(ctx, unit.user('secretary'));
    const bad = await secretary.put('/api/discipline/settings', {
      ...body,
      checksPerMonthMin: 5,
      checksPerMonthMax: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('上限不能小于下限');
    const unknownKind = await secretary.put('/api/discipline/settings', {
      ...body,
      meetingKinds: ['weekly_work_meeting'],
    });
    expect(unknownKind.statusCode).toBe(400);
    const ok = await secretary.put('/api/discipline/settings', { ...body, meetingKinds: ['party_group_meeting'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      noticePrefix: '民纪通',
      watchedKinds: ['party_group_meeting'],
      version: s.version + 1,
    });
    const stale = await secretary.put('/api/discipline/settings', body);
    expect(stale.statusCode).toBe(409);
    const events = (
      await (await signIn(ctx, unit.user('auditor'))).get('/api/audit/events?entityType=discipline_settings')
    ).json();
    expect(events.items.some((e: { after: { noticePrefix?: string } }) => e.after?.noticePrefix === '民纪通')).toBe(
      true,
    );
  });
});
