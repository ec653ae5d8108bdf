import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let dept: Record<string, string>;
/** The login of a demo person (members are numbered in the demo's order). */
const loginOf = (name: string) => [...unit.actors].find(([, a]) => a.displayName === name)![0];
const as = (name: string) => signIn(ctx, unit.user(loginOf(name)));
const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ctx.database.db.execute(query));

/** A request from the public: no cookie, an address and a browser that must be kept nowhere. */
const publicly = (method: 'GET' | 'POST', url: string, body?: unknown, address = '198.51.100.23') =>
  ctx.app.inject({
    method,
    url,
    payload: body as object,
    remoteAddress: address,
    headers: { 'user-agent': 'Mozilla/5.0 (Android) ConsultBrowser/1.0' },
  });

const livelihood = () => ({
  title: '示例县城乡低保对象认定办法（征求意见稿）',
  kind: 'livelihood',
  departmentId: dept['社会救助股'],
  body: '第一条 为规范城乡最低生活保障对象认定工作，制定本办法。第二条 ……',
});

/** An edit carries everything but the drafting department. */
const editBody = () => {
  const { departmentId: _, ...rest } = livelihood();
  return rest;
};

beforeAll(async () => {
  ctx = await testApp({ opinionSubmitsPerMinute: 1000, opinionChallengeAfter: 0 });
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  const depts = (await office.get('/api/departments')).json() as { id: string; name: string }[];
  dept = Object.fromEntries(depts.map((d) => [d.name, d.id]));
});

describe('consultation on a 民生 draft', () => {
  let draft: { id: string; version: number };
  let token = '';
  let village = '';

  it('is drafted by the drafting department’s head and opened to two departments, a village and the public', async () => {
    const yang = await as('杨帆'); // head of 社会救助股
    const created = await yang.post('/api/consultations', livelihood());
    expect(created.statusCode).toBe(200);
    draft = created.json();
    expect([created.json().status, created.json().can.openPublic]).toEqual(['draft', true]);
    village = (await office.post('/api/contact-objects', { kind: 'village', name: '红星村', assigneeIds: [] })).json()
      .id;
    const opened = await yang.post(`/api/consultations/${draft.id}/open`, {
      departmentIds: [dept['养老服务股'], dept['社会事务股']],
      contactObjectIds: [village],
      public: true,
      workingDays: 5,
      version: draft.version,
    });
    expect(opened.statusCode).toBe(200);
    draft = opened.json();
    // Monday 2026-11-30 + 5 working days of the unit's calendar.
    expect([opened.json().status, opened.json().openedOn, opened.json().dueOn]).toEqual([
      'consulting',
      '2026-11-30',
      '2026-12-07',
    ]);
    expect(opened.json().targets.map((t: { name: string }) => t.name)).toEqual(['养老服务股', '社会事务股', '红星村']);
    token = opened.json().publicLink.url.split('/o/')[1];
    // The heads of both departments have the notice with the deadline in their inbox.
    const notices = await q<{ name: string; body: string }>(sql`
      select p.name, n.body from notifications n join people p on p.id = n.recipient_person_id
      where n.unit_id = ${unit.unit.id} and n.kind = 'consultation' order by p.name`);
    expect(notices.map((n) => n.name).sort()).toEqual(['吕芳', '曹阳'].sort());
    expect(notices.every((n) => n.body.includes('2026-12-07'))).toBe(true);
  });

  it('lets a consulted department head read it and comment; a person not consulted gets 404', async () => {
    const lv = await as('吕芳'); // head of 养老服务股
    const seen = (await lv.get(`/api/consultations/${draft.id}`)).json();
    expect([seen.title, seen.can.comment, seen.can.manage, seen.targets.map((t: { name: string }) => t.name)]).toEqual([
      livelihood().title,
      true,
      false,
      ['养老服务股'],
    ]);
    const c = await lv.post(`/api/consultations/${draft.id}/comments`, {
      text: '第二条应明确共同生活家庭成员的范围。',
    });
    expect([c.statusCode, c.json().sourceName, c.json().authorName, c.json().answer]).toEqual([
      200,
      '养老服务股',
      '吕芳',
      null,
    ]);
    const outsider = await as('周凯');
    for (const res of [
      await outsider.get(`/api/consultations/${draft.id}`),
      await outsider.get(`/api/consultations/${draft.id}/comments`),
      await outsider.post(`/api/consultations/${draft.id}/comments`, { text: '我也想提意见。' }),
    ])
      expect([res.statusCode, res.json().message]).toEqual([404, '征求意见稿不存在或无权查看']);
    expect((await outsider.get('/api/consultations')).json().total).toBe(0);
    expect((await lv.get('/api/consultations')).json().items.map((d: { title: string }) => d.title)).toEqual([
      livelihood().title,
    ]);
  });

  it('records what the village said, naming who said it', async () => {
    const yang = await as('杨帆');
    const target = (await yang.get(`/api/consultations/${draft.id}`)).json().targets[2];
    const res = await yang.post(`/api/consultations/${draft.id}/recorded-comments`, {
      targetId: target.id,
      speaker: '红星村村委会主任',
      text: '希望入户核查提前告知。',
      receivedOn: '2026-11-30',
    });
    expect([res.json().sourceName, res.json().authorName, res.json().speaker]).toEqual([
      '红星村',
      '杨帆代为登记',
      '红星村村委会主任',
    ]);
  });

  it('takes the public’s comments anonymously through the opinion form: no person, no address, no time of day', async () => {
    const form = (await publicly('GET', `/api/public/opinions/${token}`)).json();
    expect([form.open, form.intro.includes('第一条 为规范城乡最低生活保障对象认定工作'), form.questions[0].id]).toEqual(
      [true, true, 'opinion'],
    );
    for (const [i, text] of ['建议放宽收入核算标准。', '审批时限太长。', '增加公示环节。'].entries())
      expect(
        (
          await publicly(
            'POST',
            `/api/public/opinions/${token}`,
            { answers: { opinion: text } },
            `198.51.100.${30 + i}`,
          )
        ).json(),
      ).toEqual({ ok: true });
    await flushOpinionsAtDayEnd(ctx);
    const responses = await q<Record<string, unknown>>(sql`
      select r.* from opinion_responses r join consultation_drafts d on d.public_form_id = r.form_id where d.id = ${draft.id}`);
    expect(responses).toHaveLength(3);
    for (const r of responses) {
      expect(Object.keys(r).sort()).toEqual(['answers', 'audience', 'form_id', 'id', 'submitted_on', 'unit_id']);
      expect(Object.keys(r.answers as object)).toEqual(['opinion']);
      expect(r.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Nothing of the respondents anywhere the consultation writes, nor in the trail.
    const dump = JSON.stringify(
      await q(sql`select json_build_object(
        'c', (select json_agg(c) from consultation_comments c where c.draft_id = ${draft.id}),
        'r', (select json_agg(r) from opinion_responses r where r.unit_id = ${unit.unit.id}),
        'a', (select json_agg(a) from audit_events a where a.unit_id = ${unit.unit.id})) as all`),
    );
    expect(dump).not.toMatch(/198\.51\.100|ConsultBrowser/);
    // The public's comments are not copied into the named comments: they stay the form's anonymous responses.
    expect(await q(sql`select id from consultation_comments where draft_id = ${draft.id}`)).toHaveLength(2);
    const listed = (await office.get(`/api/consultations/${draft.id}/comments?source=public`)).json();
    expect(listed.total).toBe(3);
    expect(
      listed.items.every(
        (c: { sourceName: string; authorName: unknown }) =>
          c.sourceName === '社会公众（网上公开征求意见）' && c.authorName === null,
      ),
    ).toBe(true);
  });

  it('answers each comment, with the reason required for 部分采纳 and 不采纳', async () => {
    const yang = await as('杨帆');
    const all = (await yang.get(`/api/consultations/${draft.id}/comments`)).json().items as {
      id: string;
      text: string;
    }[];
    const id = (text: string) => all.find((c) => c.text === text)!.id;
    const refused = await yang.post(`/api/consultations/${draft.id}/answers`, {
      commentId: id('审批时限太长。'),
      verdict: 'partly',
      reason: ' ',
    });
    expect([refused.statusCode, refused.json().message]).toEqual([400, '部分采纳须说明理由（至少2个字）']);
    expect(await q(sql`select id from consultation_answers where draft_id = ${draft.id}`)).toHaveLength(0);
    const answers: [string, string, string][] = [
      ['第二条应明确共同生活家庭成员的范围。', 'adopted', '已在第二条增加第三款。'],
      ['希望入户核查提前告知。', 'adopted', ''],
      ['建议放宽收入核算标准。', 'not_adopted', '收入核算标准由省级规定，本办法不作调整。'],
      ['审批时限太长。', 'partly', '审批时限由20个工作日缩短为15个工作日。'],
    ];
    for (const [text, verdict, reason] of answers) {
      const res = await yang.post(`/api/consultations/${draft.id}/answers`, { commentId: id(text), verdict, reason });
      expect([res.statusCode, res.json().answer?.verdict]).toEqual([200, verdict]);
    }
    const again = await yang.post(`/api/consultations/${draft.id}/answers`, {
      commentId: id('审批时限太长。'),
      verdict: 'adopted',
    });
    expect(again.statusCode).toBe(409);
    // The head consulted sees their own comment and its answer, not the others'.
    const mine = (await (await as('吕芳')).get(`/api/consultations/${draft.id}/comments`)).json();
    expect(
      mine.items.map((c: { text: string; answer: { verdictLabel: string } }) => [c.text, c.answer.verdictLabel]),
    ).toEqual([['第二条应明确共同生活家庭成员的范围。', '采纳']]);
  });

  it('writes the 起草说明 from the record: sources, counts, answers, and what is still unanswered', async () => {
    const yang = await as('杨帆');
    const closed = await yang.post(`/api/consultations/${draft.id}/close`, { version: draft.version });
    expect(closed.json().status).toBe('closed');
    // The public form stops collecting with the consultation.
    const form = await q<{ status: string }>(sql`
      select f.status from opinion_forms f join consultation_drafts d on d.public_form_id = f.id where d.id = ${draft.id}`);
    expect(form).toEqual([{ status: 'closed' }]);
    const note = (await yang.get(`/api/consultations/${draft.id}/note`)).json();
    const texts = note.blocks.map((b: { text: string }) => b.text);
    expect(note.title).toBe('关于《示例县城乡低保对象认定办法（征求意见稿）》的起草说明');
    expect(texts).toContain(
      '本稿由社会救助股起草，于2026-11-30至2026-12-07书面征求了2个科室（养老服务股、社会事务股）、1个联系对象（红星村）的意见，并通过网上意见征集表向社会公众公开征求意见。征求意见于2026-11-30结束。',
    );
    expect(texts).toContain('共收到意见5条，其中养老服务股1条，红星村1条，社会公众3条。社会事务股未提出意见。');
    expect(texts).toContain('收到的5条意见中，采纳2条，部分采纳1条，不采纳1条，尚未答复1条。');
    expect(texts).toContain('（三）社会公众（3条）');
    expect(texts).toContain('1. 意见（红星村村委会主任，2026-11-30）：希望入户核查提前告知。 处理情况：采纳。');
    expect(texts.filter((t: string) => t.includes('处理情况：尚未答复。'))).toEqual([
      expect.stringContaining('增加公示环节。'),
    ]);
    expect(
      texts.some(
        (t: string) =>
          t.includes('建议放宽收入核算标准。') && t.includes('处理情况：不采纳。理由：收入核算标准由省级规定'),
      ),
    ).toBe(true);
    const docx = await yang.get(`/api/consultations/${draft.id}/note.docx`);
    expect(docx.statusCode).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('的起草说明');
    expect(xml).toContain('尚未答复1条');
    // The 起草说明 is the drafter's: the consulted head may not read it.
    expect((await (await as('吕芳')).get(`/api/consultations/${draft.id}/note`)).statusCode).toBe(403);
  });
});

describe('refusals', () => {
  it('never opens a draft marked 依法需要保密 to the public, and changes nothing', async () => {
    const yang = await as('杨帆');
    const d = (
      await yang.post('/api/consultations', {
        ...livelihood(),
        title: '涉密民生事项（征求意见稿）',
        confidential: true,
      })
    ).json();
    expect(d.can.openPublic).toBe(false);
    const forms = async () => (await q(sql`select id from opinion_forms where unit_id = ${unit.unit.id}`)).length;
    const before = [await forms(), (await q(sql`select id from notifications where unit_id = ${unit.unit.id}`)).length];
    const res = await yang.post(`/api/consultations/${d.id}/open`, {
      departmentIds: [dept['养老服务股']],
      public: true,
      workingDays: 5,
      version: d.version,
    });
    expect([res.statusCode, res.json().message]).toEqual([400, '该稿标记为依法需要保密，不能向社会公众公开征求意见']);
    const after = (await yang.get(`/api/consultations/${d.id}`)).json();
    expect([after.status, after.version, after.targets, after.publicLink]).toEqual(['draft', d.version, [], null]);
    expect([
      await forms(),
      (await q(sql`select id from notifications where unit_id = ${unit.unit.id}`)).length,
    ]).toEqual(before);
    // Without the public, it goes to the departments.
    const opened = await yang.post(`/api/consultations/${d.id}/open`, {
      departmentIds: [dept['养老服务股']],
      workingDays: 5,
      version: d.version,
    });
    expect([opened.statusCode, opened.json().publicLink]).toEqual([200, null]);
  });

  it('answers another unit’s ids with 404, refuses them in a body, and a stale version with 409', async () => {
    const yang = await as('杨帆');
    const d = (await yang.post('/api/consultations', { ...livelihood(), title: '另一稿' })).json();
    const other = await newDemoUnit(ctx);
    const officeB = await signIn(ctx, other.user('office'));
    for (const res of [
      await officeB.get(`/api/consultations/${d.id}`),
      await officeB.post(`/api/consultations/${d.id}/open`, { public: true, workingDays: 5, version: d.version }),
      await officeB.post(`/api/consultations/${d.id}/answers`, { commentId: d.id, verdict: 'adopted' }),
    ])
      expect(res.statusCode).toBe(404);
    const deptB = (await officeB.get('/api/departments')).json()[1].id;
    const res = await yang.post(`/api/consultations/${d.id}/open`, {
      departmentIds: [deptB],
      workingDays: 5,
      version: d.version,
    });
    expect([res.statusCode, res.json().message]).toEqual([400, '所选科室不存在']);
    expect((await officeB.post('/api/consultations', { ...livelihood() })).json().message).toBe('所选科室不存在');
    const edited = await yang.put(`/api/consultations/${d.id}`, {
      ...editBody(),
      title: '另一稿（修改）',
      version: d.version,
    });
    expect(edited.statusCode).toBe(200);
    const stale = await yang.put(`/api/consultations/${d.id}`, {
      ...editBody(),
      title: '另一稿（再改）',
      version: d.version,
    });
    expect([stale.statusCode, stale.json().message]).toEqual([409, '该征求意见稿已被他人修改，请刷新后再试']);
  });
});
