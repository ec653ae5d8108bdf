import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/** Personal data stays with those who need it: opinions about a person, the roster's mobile numbers, absence reasons. */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const as: Record<string, Client> = {};
const personOf = async (login: string) => (await as[login]!.get('/api/auth/me')).json().user.personId as string;

beforeAll(async () => {
  ctx = await testApp({ opinionChallengeAfter: 0 });
  unit = await newDemoUnit(ctx);
  // member1 周凯 and member3 郑伟 work in 综合科 (the branch secretary's department); member5 杨帆 heads 社会救助股.
  for (const login of [
    'admin',
    'office',
    'branch',
    'secretary',
    'leader1',
    'discipline',
    'member1',
    'member3',
    'member5',
    'member6',
  ])
    as[login] = await signIn(ctx, unit.user(login));
});

describe('an opinion item about a person', () => {
  it('cannot be unmerged by the office, which may not read it; the branch secretary can', async () => {
    const [branch, office] = [as.branch!, as.office!];
    const form = (
      await office.post('/api/opinion-forms', {
        title: '意见表',
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
        questions: [
          { id: 'q1', kind: 'text', label: '意见' },
          { id: 'q2', kind: 'text', label: '意见' },
        ],
      })
    ).json();
    await office.post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
    const token = (
      await office.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'staff', label: '职工' })
    ).json().token;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/public/opinions/${token}`,
      payload: { answers: { q1: '周凯同志服务态度生硬', q2: '周凯同志对群众态度不好' } },
    });
    await flushOpinionsAtDayEnd(ctx); // submissions become opinion items as a batch (docs/ANONYMITY.md)
    const items = (await branch.get(`/api/opinion-forms/${form.id}/items`)).json().items as {
      id: string;
      version: number;
    }[];
    for (const i of items)
      expect(
        (
          await branch.post(`/api/opinion-items/${i.id}/classify`, {
            categoryNo: null,
            targetKind: 'person',
            targetPersonId: await personOf('member1'),
            version: i.version,
          })
        ).statusCode,
      ).toBe(200);
    expect(
      (await branch.post('/api/opinion-items/merge', { intoId: items[0]!.id, ids: [items[1]!.id] })).statusCode,
    ).toBe(200);
    const state = async () =>
      JSON.stringify(
        rowsOf(
          await ctx.database.db.execute(
            sql`select id, status, merged_into_id, repeats, version from opinion_items where form_id = ${form.id} order by id`,
          ),
        ),
      );
    const before = await state();
    const refused = await office.post(`/api/opinion-items/${items[1]!.id}/unmerge`, { reason: '内容不同' });
    expect([refused.statusCode, refused.json().message]).toEqual([404, '意见不存在或无权查看']);
    expect(await state()).toBe(before);
    expect(
      (await as.admin!.post(`/api/opinion-items/${items[1]!.id}/unmerge`, { reason: '内容不同' })).statusCode,
    ).toBe(404);
    expect((await branch.post(`/api/opinion-items/${items[1]!.id}/unmerge`, { reason: '内容不同' })).statusCode).toBe(
      200,
    );
    expect(await state()).not.toBe(before);
  });
});

describe('the roster export with mobile numbers', () => {
  it('is for the system administrator and the campaign office only', async () => {
    for (const login of ['admin', 'office']) {
      const res = await as[login]!.get('/api/people/export.xlsx');
      expect(res.statusCode, login).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
    }
    for (const login of ['member1', 'member5', 'branch', 'secretary', 'discipline', 'leader1']) {
      const res = await as[login]!.get('/api/people/export.xlsx');
      expect([res.statusCode, res.json().code], login).toEqual([403, 'forbidden']);
    }
  });

  it('shows in the permissions the page reads to show or hide its button', async () => {
    expect((await as.office!.get('/api/auth/me')).json().permissions).toContain('people.export');
    expect((await as.member1!.get('/api/auth/me')).json().permissions).not.toContain('people.export');
  });
});

describe('mobile numbers in the roster', () => {
  interface P {
    id: string;
    name: string;
    departmentId: string | null;
    phone: string;
  }
  const list = async (login: string, q = '') =>
    (await as[login]!.get(`/api/people?pageSize=100${q ? `&q=${q}` : ''}`)).json().items as P[];
  let everyone: P[];
  beforeAll(async () => {
    everyone = await list('office');
  });
  const phoneOf = (personId: string) => everyone.find((p) => p.id === personId)!.phone;

  it('are listed for those who may export or edit the roster, and each person their own', async () => {
    expect(everyone.length).toBe(30);
    expect(everyone.every((p) => /^1\d{10}$/.test(p.phone))).toBe(true);
    expect((await list('admin')).map((p) => p.phone)).toEqual(everyone.map((p) => p.phone));
    for (const login of ['member6', 'secretary', 'leader1', 'discipline']) {
      const mine = await personOf(login);
      const seen = await list(login);
      expect(seen.length, login).toBe(30);
      expect(
        seen.filter((p) => p.phone !== '').map((p) => p.id),
        login,
      ).toEqual([mine]);
      expect(seen.find((p) => p.id === mine)!.phone, login).toBe(phoneOf(mine));
      const body = JSON.stringify(seen);
      for (const p of everyone) if (p.id !== mine) expect(body, login).not.toContain(p.phone);
    }
    // A department head (member5, 社会救助股) sees the department's numbers: the people the head may edit.
    const head = await list('member5');
    const headPerson = await personOf('member5');
    const dept = everyone.find((p) => p.id === headPerson)!.departmentId;
    expect(dept).not.toBeNull();
    expect(head.filter((p) => p.phone !== '').every((p) => p.departmentId === dept)).toBe(true);
    expect(head.filter((p) => p.departmentId === dept).every((p) => p.phone === phoneOf(p.id))).toBe(true);
    expect(head.some((p) => p.departmentId !== dept && p.phone === '')).toBe(true);
  });

  it('are shown on one person likewise', async () => {
    const member6 = await personOf('member6');
    const other = await personOf('member1');
    const one = async (login: string, id: string) => (await as[login]!.get(`/api/people/${id}`)).json() as P;
    expect((await one('member6', other)).phone).toBe('');
    expect((await one('member6', other)).name).toBe(everyone.find((p) => p.id === other)!.name);
    expect((await one('member6', member6)).phone).toBe(phoneOf(member6));
    expect((await one('discipline', other)).phone).toBe('');
    expect((await one('office', other)).phone).toBe(phoneOf(other));
  });

  it('cannot be probed by searching for them', async () => {
    const number = phoneOf(await personOf('member1'));
    expect((await list('office', number)).map((p) => p.id)).toEqual([await personOf('member1')]);
    expect(await list('member6', number)).toEqual([]);
    expect(await list('discipline', number)).toEqual([]);
    const mine = phoneOf(await personOf('member6'));
    expect((await list('member6', mine)).map((p) => p.id)).toEqual([await personOf('member6')]);
  });
});

describe('absence reasons', () => {
  let absences: { zhou: string; yang: string };
  const reasonsSeenBy = async (login: string) => {
    const items = (await as[login]!.get('/api/unavailability?pageSize=100')).json().items as {
      id: string;
      reason: string | null;
      fromDate: string;
      canWithdraw: boolean;
    }[];
    return { zhou: items.find((i) => i.id === absences.zhou)!, yang: items.find((i) => i.id === absences.yang)! };
  };

  beforeAll(async () => {
    const zhou = (
      await as.member1!.post('/api/unavailability', {
        personId: await personOf('member1'),
        fromDate: '2026-12-01',
        toDate: '2026-12-03',
        reason: '住院治疗',
      })
    ).json().id;
    const yang = (
      await as.office!.post('/api/unavailability', {
        personId: await personOf('member5'),
        fromDate: '2026-12-07',
        toDate: '2026-12-08',
        reason: '家中老人病危',
      })
    ).json().id;
    absences = { zhou, yang };
  });

  it('are shown to the person, the approvers and the discipline staff', async () => {
    expect((await reasonsSeenBy('member1')).zhou.reason).toBe('住院治疗');
    expect((await reasonsSeenBy('member5')).yang.reason).toBe('家中老人病危');
    for (const login of ['office', 'admin', 'discipline']) {
      const seen = await reasonsSeenBy(login);
      expect([seen.zhou.reason, seen.yang.reason], login).toEqual(['住院治疗', '家中老人病危']);
    }
    // The head of 综合科 (the branch secretary) approves her department's absences, not 社会救助股's.
    const head = await reasonsSeenBy('branch');
    expect([head.zhou.reason, head.yang.reason]).toEqual(['住院治疗', null]);
  });

  it('are hidden from everyone else, who still see the dates', async () => {
    for (const login of ['member3', 'member6', 'secretary', 'leader1']) {
      const seen = await reasonsSeenBy(login);
      expect([seen.zhou.reason, seen.yang.reason, seen.zhou.fromDate, seen.zhou.canWithdraw], login).toEqual([
        null,
        null,
        '2026-12-01',
        false,
      ]);
    }
    const bodies = JSON.stringify((await as.member3!.get('/api/unavailability?pageSize=100')).json());
    expect(bodies).not.toContain('住院治疗');
    expect(bodies).not.toContain('家中老人病危');
  });

  it('stay out of the audit trail, and only those who may record an absence withdraw it', async () => {
    const trail = JSON.stringify(
      rowsOf(
        await ctx.database.db.execute(
          sql`select after from audit_events where unit_id = ${unit.unit.id} and entity_type = 'unavailability'`,
        ),
      ),
    );
    expect(trail).not.toContain('住院治疗');
    expect(
      (await as.member3!.post(`/api/unavailability/${absences.zhou}/withdraw`, { reason: '误登记' })).statusCode,
    ).toBe(403);
    expect(
      (await as.branch!.post(`/api/unavailability/${absences.yang}/withdraw`, { reason: '误登记' })).statusCode,
    ).toBe(403);
    expect(
      (await as.branch!.post(`/api/unavailability/${absences.zhou}/withdraw`, { reason: '已返岗' })).statusCode,
    ).toBe(200);
  });
});
