import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { keyringFor } from '../src/server/crypto/keyring.js';
import { rekeyLegacyCodes } from '../src/server/modules/opinions/opinions.service.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let secretary: Client;
beforeAll(async () => {
  ctx = await testApp({ opinionSubmitsPerMinute: 1000, opinionChallengeAfter: 0 });
  const unit = await newDemoUnit(ctx);
  officeLogin = unit.user('office');
  const office = await signIn(ctx, unit.user('office'));
  const campaign = (
    await office.post('/api/campaigns', {
      name: '兴“十风”治“十弊”专项活动',
      year: 2026,
      startsOn: '2026-03-01',
      endsOn: '2026-12-15',
    })
  ).json();
  secretary = await signIn(ctx, unit.user('branch'));
  form = (
    await secretary.post('/api/opinion-forms', {
      campaignId: campaign.id,
      title: '县民政局党支部兴“十风”治“十弊”问题征求意见表',
      opensOn: '2026-11-25',
      closesOn: '2026-12-10',
    })
  ).json();
});
let officeLogin = '';
let form: { id: string; version: number; questions: { id: string; label: string }[] };

/** A request from the public: no cookie, a given address and browser. */
const publicly = (method: 'GET' | 'POST', url: string, body?: unknown, address = '203.0.113.9') =>
  ctx.app.inject({
    method,
    url,
    payload: body as object,
    remoteAddress: address,
    headers: { 'user-agent': 'Mozilla/5.0 (iPhone) MicroMessenger/8.0' },
  });

describe('opinion forms', () => {
  it("ask under each of the campaign's 20 categories, then about the leadership and members", () => {
    expect(form.questions).toHaveLength(22);
    expect(form.questions[0]!.label).toBe('对照“大兴勤学善思之风，学业务、增本领”，您认为存在哪些问题？有何意见建议？');
  });

  it('refuse a question id that objects already have (answers are keyed by it)', async () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const res = await secretary.post('/api/opinion-forms', {
        title: '意见表',
        opensOn: '2026-11-25',
        closesOn: '2026-12-10',
        questions: [{ id, kind: 'text', label: '意见' }],
      });
      expect([res.statusCode, res.json().message], id).toEqual([400, '请求内容有误：问题编号格式不正确']);
    }
  });

  it('take anonymous answers through a public link once published, and refuse what does not fit', async () => {
    const link = (
      await secretary.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'staff', label: '在职干部职工' })
    ).json();
    expect(
      (await publicly('POST', `/api/public/opinions/${link.token}`, { answers: { c1: '学习形式单一' } })).json()
        .message,
    ).toBe('征求意见尚未开始');
    const opened = (
      await secretary.post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version })
    ).json();
    expect(opened.status).toBe('open');
    const pub = (await publicly('GET', `/api/public/opinions/${link.token}`)).json();
    expect([pub.open, pub.needsCode, pub.questions.length, pub.anonymity]).toEqual([
      true,
      false,
      22,
      expect.stringContaining('不记录您的姓名、账号、IP地址'),
    ]);
    // The form can only be read through a valid link.
    expect((await publicly('GET', '/api/public/opinions/AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    for (const text of ['学习形式单一，互动不够', '调研走马观花', '<script>alert(1)</script>']) {
      expect((await publicly('POST', `/api/public/opinions/${link.token}`, { answers: { c1: text } })).json()).toEqual({
        ok: true,
      });
    }
    const cases: [unknown, string][] = [
      [{ answers: { nope: 'x' } }, '提交的内容与问卷不符，请刷新后重试'],
      [{ answers: { c1: '   ' } }, '请至少填写一项意见'],
      [{ answers: { c1: 'a'.repeat(2001) } }, '请求内容有误：每项意见不超过2000字'],
    ];
    for (const [body, message] of cases)
      expect((await publicly('POST', `/api/public/opinions/${link.token}`, body)).json().message).toBe(message);
    // Accepted means stored, sealed, in the pending store; they become responses as a batch (docs/ANONYMITY.md).
    expect((await secretary.get(`/api/opinion-forms/${form.id}`)).json()).toMatchObject({
      responses: 0,
      pending: 3,
      batchSize: 10,
    });
    await flushOpinionsAtDayEnd(ctx);
    expect((await secretary.get(`/api/opinion-forms/${form.id}`)).json()).toMatchObject({ responses: 3, pending: 0 });
  });

  it('spend each single-use code once', async () => {
    const batch = (
      await secretary.post(`/api/opinion-forms/${form.id}/distributions`, {
        audience: 'villages',
        label: '帮扶联系村',
        mode: 'codes',
        codeCount: 3,
      })
    ).json();
    expect(batch.codes).toHaveLength(3);
    const url = `/api/public/opinions/${batch.token}`;
    expect((await publicly('GET', url)).json().needsCode).toBe(true);
    expect((await publicly('POST', url, { answers: { c2: '调研不深入' } })).json().message).toBe('请输入填写码');
    expect(
      (await publicly('POST', url, { answers: { c2: '调研不深入' }, code: batch.codes[0].toLowerCase() })).json(),
    ).toEqual({ ok: true });
    expect((await publicly('POST', url, { answers: { c2: '再来一次' }, code: batch.codes[0] })).json().message).toBe(
      '填写码无效或已使用',
    );
    expect((await publicly('POST', url, { answers: { c2: '乱填' }, code: 'ZZZZZZZZ' })).json().message).toBe(
      '填写码无效或已使用',
    );
    const d = (await secretary.get(`/api/opinion-forms/${form.id}`))
      .json()
      .distributions.find((x: { mode: string }) => x.mode === 'codes');
    expect(d.codes).toEqual({ total: 3, used: 1 });
  });

  it('rekey codes issued before keyed hashes at start-up: the old digest matches no slip afterwards, the code still works', async () => {
    const batch = (
      await secretary.post(`/api/opinion-forms/${form.id}/distributions`, {
        audience: 'service',
        label: '服务对象（旧码）',
        mode: 'codes',
        codeCount: 2,
      })
    ).json();
    // As an older version stored them: a plain SHA-256 of the code, not keyed.
    const digest = (c: string) => createHash('sha256').update(c).digest('hex');
    await ctx.database.db.execute(sql`delete from opinion_codes where distribution_id = ${batch.id}`);
    for (const c of batch.codes as string[])
      await ctx.database.db.execute(
        sql`insert into opinion_codes (unit_id, distribution_id, code_hash, keyed) select unit_id, id, ${digest(c)}, false from opinion_distributions where id = ${batch.id}`,
      );
    const url = `/api/public/opinions/${batch.token}`;
    expect((await publicly('POST', url, { answers: { c2: '旧码' }, code: batch.codes[0] })).json().message).toBe(
      '填写码无效或已使用',
    );
    expect(await rekeyLegacyCodes(ctx.database.db, keyringFor(ctx.config))).toBe(2);
    expect(await rekeyLegacyCodes(ctx.database.db, keyringFor(ctx.config))).toBe(0);
    const stored = rowsOf<{ h: string }>(
      await ctx.database.db.execute(sql`select code_hash as h from opinion_codes where distribution_id = ${batch.id}`),
    ).map((r) => r.h);
    expect(stored).not.toContain(digest(batch.codes[0]));
    expect((await publicly('POST', url, { answers: { c2: '旧码' }, code: batch.codes[0] })).json()).toEqual({
      ok: true,
    });
  });

  it('keep nothing that links a response to a code, an address, a browser or a time of day', async () => {
    const columns = async (table: string) =>
      rowsOf<{ column_name: string; data_type: string }>(
        await ctx.database.db.execute(sql`
      select column_name, data_type from information_schema.columns where table_name = ${table} order by ordinal_position`),
      );
    expect((await columns('opinion_responses')).map((c) => c.column_name)).toEqual([
      'id',
      'unit_id',
      'form_id',
      'audience',
      'answers',
      'submitted_on',
    ]);
    expect((await columns('opinion_codes')).map((c) => c.column_name)).toEqual([
      'id',
      'unit_id',
      'distribution_id',
      'code_hash',
      'used',
      'keyed',
    ]);
    expect((await columns('opinion_pending')).map((c) => c.column_name)).toEqual([
      'id',
      'unit_id',
      'form_id',
      'audience',
      'day',
      'sealed',
    ]);
    for (const table of ['opinion_responses', 'opinion_codes', 'opinion_pending'])
      expect((await columns(table)).some((c) => c.data_type.includes('timestamp'))).toBe(false);
    // Nowhere in the database: the respondents' address or browser.
    const dump =
      JSON.stringify(
        rowsOf(await ctx.database.db.execute(sql`select json_agg(t) from (select * from opinion_responses) t`)),
      ) +
      JSON.stringify(
        rowsOf(await ctx.database.db.execute(sql`select json_agg(t) from (select * from audit_events) t`)),
      );
    expect(dump).not.toContain('203.0.113.9');
    expect(dump).not.toContain('MicroMessenger');
    // Submission days only, and random ids.
    const days = rowsOf<{ submitted_on: string }>(
      await ctx.database.db.execute(sql`select submitted_on from opinion_responses where form_id = ${form.id}`),
    );
    expect(days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.submitted_on))).toBe(true);
  });

  it('limit each source, without keeping its address', async () => {
    const strict = await testApp({ opinionSubmitsPerMinute: 2 });
    const u = await newDemoUnit(strict);
    const s = await signIn(strict, u.user('branch'));
    const f = (
      await s.post('/api/opinion-forms', {
        title: '意见表',
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
        questions: [{ id: 'q1', kind: 'text', label: '意见' }],
      })
    ).json();
    await s.post(`/api/opinion-forms/${f.id}/status`, { status: 'open', version: f.version });
    const link = (
      await s.post(`/api/opinion-forms/${f.id}/distributions`, { audience: 'masses', label: '群众' })
    ).json();
    const send = (address: string) =>
      strict.app.inject({
        method: 'POST',
        url: `/api/public/opinions/${link.token}`,
        payload: { answers: { q1: '意见' } },
        remoteAddress: address,
      });
    expect([
      (await send('198.51.100.1')).statusCode,
      (await send('198.51.100.1')).statusCode,
      (await send('198.51.100.1')).statusCode,
    ]).toEqual([200, 200, 429]);
    expect((await send('198.51.100.2')).statusCode).toBe(200);
  });
});

describe('the summary sheet', () => {
  it('lists every response with its answers under the questions, and nothing about who sent it', async () => {
    const { readXlsx } = await import('./xlsx.js');
    const res = await secretary.get(`/api/opinion-forms/${form.id}/summary.xlsx`);
    expect(res.headers['content-disposition']).toContain('attachment');
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet[0]!.slice(0, 4)).toEqual(['序号', '征求对象', '日期', form.questions[0]!.label]);
    expect(sheet.length - 1).toBe((await secretary.get(`/api/opinion-forms/${form.id}`)).json().responses);
    expect(sheet.slice(1).map((r) => r[3])).toEqual(
      expect.arrayContaining(['调研走马观花', '<script>alert(1)</script>']),
    );
    expect(JSON.stringify(sheet)).not.toContain('203.0.113.9');
  });

  it('is for the branch secretary only: the raw answers include what was said about named members', async () => {
    const office = await signIn(ctx, officeLogin);
    const res = await office.get(`/api/opinion-forms/${form.id}/summary.xlsx`);
    expect([res.statusCode, res.json().message]).toEqual([403, '汇总表含涉及党员个人的原始意见，仅支部书记可以导出']);
  });
});

describe('QR codes of a link', () => {
  it('come as SVG and PNG, for the office only', async () => {
    const link = (
      await secretary.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'service', label: '服务对象' })
    ).json();
    const svg = await secretary.get(`/api/opinion-forms/${form.id}/distributions/${link.id}/qr.svg`);
    expect([svg.statusCode, svg.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    expect(svg.body).toContain('<svg');
    const png = await secretary.get(`/api/opinion-forms/${form.id}/distributions/${link.id}/qr.png`);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await secretary.get(`/api/opinion-forms/${form.id}/distributions/${link.id}/qr.gif`)).statusCode).toBe(400);
    expect((await publicly('GET', `/api/opinion-forms/${form.id}/distributions/${link.id}/qr.svg`)).statusCode).toBe(
      401,
    );
  });
});
