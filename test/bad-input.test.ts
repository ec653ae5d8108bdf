import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import errorsPlugin from '../src/server/plugins/errors.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/** Input PostgreSQL cannot take is refused with a clear 400 before anything is stored. */
let ctx: TestContext;
let unitId: string;
let office: Client;
let form: { id: string; version: number };

const auditHead = async () =>
  rowsOf<{ s: number }>(
    await ctx.database.db.execute(sql`select audit_seq::int as s from units where id = ${unitId}`),
  )[0]!.s;
const departments = async () =>
  rowsOf<{ n: number }>(
    await ctx.database.db.execute(sql`select count(*)::int as n from departments where unit_id = ${unitId}`),
  )[0]!.n;

beforeAll(async () => {
  ctx = await testApp();
  const unit = await newDemoUnit(ctx);
  unitId = unit.unit.id;
  office = await signIn(ctx, unit.user('office'));
  form = (
    await office.post('/api/opinion-forms', {
      title: '意见表',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      questions: [{ id: 'q1', kind: 'text', label: '意见' }],
    })
  ).json();
});

describe('text the database cannot store', () => {
  it('is refused with 400 wherever it is: a field, a nested field, a key, the query, the path', async () => {
    const [head, count] = [await auditHead(), await departments()];
    const cases: [string, string, unknown][] = [
      ['POST', '/api/departments', { name: '综合\ud800科' }],
      ['POST', '/api/departments', { name: '综合\u0000科' }],
      ['POST', '/api/departments', { name: '\udc00' }],
      [
        'POST',
        `/api/opinion-forms/${form.id}/distributions`,
        { audience: 'staff', label: '职工', extra: { 'k\u0000': 1 } },
      ],
      [
        'POST',
        '/api/opinion-forms',
        {
          title: '表',
          opensOn: '2026-11-01',
          closesOn: '2026-12-31',
          questions: [{ id: 'q1', kind: 'choice', label: '问', options: ['好', '不\ud83d好'] }],
        },
      ],
    ];
    for (const [method, url, body] of cases) {
      const res = await office.request(method as 'POST', url, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([400, 'bad_input']);
      expect(res.json().message).toContain('含有无法保存的字符');
    }
    const query = await office.get('/api/posts?q=%00');
    expect([query.statusCode, query.json().code]).toEqual([400, 'bad_input']);
    expect(query.json().message).toBe('查询参数“q”含有无法保存的字符（空字符或残缺的汉字编码），请删除后重试');
    expect((await office.get('/api/audit/events?entityId=a%00b')).statusCode).toBe(400);
    expect([await auditHead(), await departments()]).toEqual([head, count]);
  });

  it('leaves proper surrogate pairs (emoji, rare characters) alone', async () => {
    const res = await office.post('/api/departments', { name: '𠮷野家😀股' });
    expect(res.statusCode).toBe(200);
    expect((await office.get('/api/departments')).json().map((d: { name: string }) => d.name)).toContain('𠮷野家😀股');
  });

  it('is refused on the public form too, without a session', async () => {
    await office.post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
    const token = (
      await office.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'staff', label: '职工' })
    ).json().token;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/opinions/${token}`,
      payload: { answers: { q1: '意见\u0000' } },
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'bad_input']);
    const answers = rowsOf<{ n: number }>(
      await ctx.database.db.execute(sql`select count(*)::int as n from opinion_responses where form_id = ${form.id}`),
    )[0]!.n;
    expect(answers).toBe(0);
  });
});

describe('integers', () => {
  it('beyond the database range are refused by the contract, not by the database', async () => {
    for (const version of [2147483648, 9007199254740991, -1, 0, 1.5]) {
      const res = await office.post(`/api/opinion-forms/${form.id}/status`, { status: 'closed', version });
      expect([res.statusCode, res.json().code], String(version)).toEqual([400, 'validation_failed']);
    }
  });
});

describe('broken uploads', () => {
  const boundary = 'zfb';
  const file = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\r\n--${boundary}--\r\n`;
  const cases: [string, string, string, string][] = [
    ['no boundary', 'multipart/form-data', file, '上传格式不正确：表单分隔符（boundary）缺失或无效'],
    [
      'a boundary past 256 characters',
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
      file,
      '上传格式不正确：表单分隔符（boundary）缺失或无效',
    ],
    [
      'a truncated body',
      `multipart/form-data; boundary=${boundary}`,
      file.slice(0, 90),
      '上传的内容不完整或格式不正确，请重新上传',
    ],
    ['another boundary', 'multipart/form-data; boundary=other', file, '上传的内容不完整或格式不正确，请重新上传'],
    [
      'a field instead of a file',
      `multipart/form-data; boundary=${boundary}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--${boundary}--\r\n`,
      '请选择要上传的文件',
    ],
    ['JSON instead of a form', 'application/json', '{"file":"x"}', '请以表单方式上传 .xlsx 文件'],
  ];
  it.each(cases)('answer 400 with a clear message: %s', async (_what, type, body, message) => {
    const head = await auditHead();
    const res = await office.request('POST', '/api/people/imports', Buffer.from(body), { 'content-type': type });
    expect([res.statusCode, res.json().message]).toEqual([400, message]);
    expect(await auditHead()).toBe(head);
  });

  it('answer more than one file or too many fields with 400 (nothing silently dropped), not 413 or 500', async () => {
    const many = (n: number, named: (i: number) => string) =>
      Array.from(
        { length: n },
        (_, i) =>
          `--${boundary}\r\nContent-Disposition: form-data; ${named(i)}\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n`,
      ).join('') + `--${boundary}--\r\n`;
    const files = await office.request(
      'POST',
      '/api/people/imports',
      Buffer.from(many(3, (i) => `name="f${i}"; filename="${i}.xlsx"`)),
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect([files.statusCode, files.json().message]).toEqual([400, '一次只能上传一个文件']);
    const fields = await office.request(
      'POST',
      '/api/people/imports',
      Buffer.from(many(12, (i) => `name="f${i}"`).replace(/Content-Type: application\/octet-stream\r\n/g, '')),
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect([fields.statusCode, fields.json().message]).toEqual([400, '上传表单的字段过多']);
    const withFile = many(12, (i) => `name="f${i}"`)
      .replace(/Content-Type: application\/octet-stream\r\n/g, '')
      .replace(
        `--${boundary}--`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\r\n--${boundary}--`,
      );
    const both = await office.request('POST', '/api/people/imports', Buffer.from(withFile), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect([both.statusCode, both.json().message]).toEqual([400, '上传表单的字段过多']);
  });
});

describe('the last defence', () => {
  it('answers PostgreSQL data errors (out of range, bad characters, bad dates) with 400 bad_input', async () => {
    const app = Fastify();
    await app.register(errorsPlugin);
    // As drivers and Drizzle throw them: the PostgreSQL error as the cause of a wrapper.
    app.get('/:code', async (req) => {
      const cause = Object.assign(new Error('data exception'), { code: (req.params as { code: string }).code });
      throw Object.assign(new Error('Failed query'), { cause });
    });
    for (const code of ['22003', '22P05', '22021', '22P02', '22007', '22008', '22001']) {
      const res = await app.inject({ method: 'GET', url: `/${code}` });
      expect([res.statusCode, res.json().code], code).toEqual([400, 'bad_input']);
    }
    expect((await app.inject({ method: 'GET', url: '/23505' })).statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: '/XX000' })).statusCode).toBe(500);
    await app.close();
  });
});
