import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * Review finding 9: the opinion form made for a consultation's public side is the consultation's. The opinions
 * managers (the office, the branch secretary) neither list, read, distribute nor close it through
 * /api/opinion-forms; the consultation still runs it (its close stops the form).
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let branch: Client;
let drafter: Client;
let draft: { id: string; version: number };
let formId = '';

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ctx.database.db.execute(query));
const formRow = async () =>
  (
    await q<{ status: string; version: number; n: number }>(sql`
      select f.status, f.version, (select count(*)::int from opinion_distributions d where d.form_id = f.id) as n
      from opinion_forms f where f.id = ${formId}`)
  )[0]!;

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  branch = await signIn(ctx, unit.user('branch'));
  const headLogin = [...unit.actors].find(([, a]) => a.displayName === '杨帆')![0];
  drafter = await signIn(ctx, unit.user(headLogin));
  const depts = (await office.get('/api/departments')).json() as { id: string; name: string }[];
  const created = await drafter.post('/api/consultations', {
    title: '示例县城乡低保对象认定办法（征求意见稿）',
    kind: 'livelihood',
    departmentId: depts.find((d) => d.name === '社会救助股')!.id,
    body: '第一条 为规范城乡最低生活保障对象认定工作，制定本办法。',
  });
  const opened = await drafter.post(`/api/consultations/${created.json().id}/open`, {
    public: true,
    workingDays: 5,
    version: created.json().version,
  });
  expect(opened.statusCode, opened.body).toBe(200);
  draft = opened.json();
  formId = (
    await q<{ id: string }>(sql`select public_form_id as id from consultation_drafts where id = ${draft.id}`)
  )[0]!.id;
}, 120_000);

describe('a consultation’s public form through the opinions routes (finding 9)', () => {
  it('is not in the opinions list and cannot be opened there', async () => {
    for (const c of [office, branch]) {
      const list = (await c.get('/api/opinion-forms')).json() as { id: string }[];
      expect(list.map((f) => f.id)).not.toContain(formId);
      expect((await c.get(`/api/opinion-forms/${formId}`)).statusCode).toBe(404);
    }
  });

  it('cannot be closed or handed out there by the office or the branch secretary; nothing changes', async () => {
    const before = await formRow();
    expect(before.status).toBe('open');
    for (const c of [office, branch]) {
      const close = await c.post(`/api/opinion-forms/${formId}/status`, { status: 'closed', version: before.version });
      expect(close.statusCode).toBe(404);
      const hand = await c.post(`/api/opinion-forms/${formId}/distributions`, {
        audience: 'service',
        label: '服务对象',
        mode: 'link',
      });
      expect(hand.statusCode).toBe(404);
    }
    expect(await formRow()).toEqual(before);
  });

  it('is still closed by the consultation', async () => {
    const closed = await drafter.post(`/api/consultations/${draft.id}/close`, { version: draft.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await formRow()).status).toBe('closed');
  });
});
