import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { keyringFor } from '../src/server/crypto/keyring.js';
import { codeHashOf } from '../src/server/modules/opinions/opinions.service.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * docs/ANONYMITY.md, tested as the adversary would work: with the database (system columns
 * included), the server's logs and the list of printed slips with who received which. Each attack
 * below linked responses to codes, order or time before; each must now find nothing finer than the
 * form, the audience, the day and a batch of at least k. Runs on PGlite and, in the PostgreSQL
 * run, on PostgreSQL.
 */

const K = 10;
const ADDRESS = '203.0.113.77';
const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) MicroMessenger/8.0.50';

/** Kendall's τ between two rankings of the same items. */
function kendallTau(a: readonly number[], b: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const s = Math.sign(a[i]! - a[j]!) * Math.sign(b[i]! - b[j]!);
      if (s > 0) concordant++;
      else if (s < 0) discordant++;
    }
  }
  return (concordant - discordant) / ((a.length * (a.length - 1)) / 2);
}

/** A row's physical place, from its ctid '(page,item)'. */
const place = (ctid: string) => {
  const [page, item] = ctid.slice(1, -1).split(',').map(Number);
  return page! * 10_000 + item!;
};

let ctx: TestContext;
let secretary: Client;
let office: Client;
let formId = '';
let slips: { code: string; holder: string }[] = [];
let codesDistribution = '';
let codesToken = '';
let linkToken = '';
let secretaryName = '';
const logLines: string[] = [];
const SUBMITTED = 40;

const submit = (token: string, answers: Record<string, string>, code?: string) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/public/opinions/${token}`,
    payload: { answers, ...(code ? { code } : {}) },
    remoteAddress: ADDRESS,
    headers: { 'user-agent': BROWSER },
  });

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ctx.database.db.execute(query));

beforeAll(async () => {
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
  ctx = await testApp(
    { opinionSubmitsPerMinute: 100_000, opinionChallengeAfter: 0, opinionBatchK: K },
    { logStream: logs },
  );
  const unit = await newDemoUnit(ctx);
  secretary = await signIn(ctx, unit.user('branch'));
  office = await signIn(ctx, unit.user('office'));
  const form = (
    await secretary.post('/api/opinion-forms', {
      title: '匿名性测试',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      questions: [{ id: 'q1', kind: 'text', label: '意见' }],
    })
  ).json();
  formId = form.id;
  await secretary.post(`/api/opinion-forms/${formId}/status`, { status: 'open', version: form.version });
  const batch = (
    await secretary.post(`/api/opinion-forms/${formId}/distributions`, {
      audience: 'villages',
      label: '帮扶联系村',
      mode: 'codes',
      codeCount: 200,
    })
  ).json();
  codesDistribution = batch.id;
  codesToken = batch.token;
  // The list the adversary holds: the printed slips, in order, and who received each.
  slips = (batch.codes as string[]).map((code, i) => ({ code, holder: `村民${i + 1}` }));
  linkToken = (
    await secretary.post(`/api/opinion-forms/${formId}/distributions`, { audience: 'staff', label: '在职干部职工' })
  ).json().token;
  secretaryName = unit.user('branch');
  // Submissions in a known order, each followed by a staff action (an audit event with its time).
  for (let i = 0; i < SUBMITTED; i++) {
    expect((await submit(codesToken, { q1: `第${i}份意见` }, slips[i]!.code)).json()).toEqual({ ok: true });
    expect((await office.post('/api/departments', { name: `临时科室${i}`, sortOrder: 100 + i })).statusCode).toBe(200);
  }
});

describe('the pending store', () => {
  it('holds what waits sealed and of one size: no text, no length to match with a response', async () => {
    // Both counts in one statement (one snapshot): the background flusher moves rows from one table to the other meanwhile.
    const [counts] = await q<{
      pending: number;
      responses: number;
    }>(sql`select (select count(*)::int from opinion_pending where form_id = ${formId}) as pending,
      (select count(*)::int from opinion_responses where form_id = ${formId}) as responses`);
    // Whatever the background flusher has written out so far, nothing is lost in between (nor counted twice).
    expect(counts!.pending + counts!.responses).toBe(SUBMITTED);
    const pending = await q<{ sealed: string }>(sql`select sealed from opinion_pending where form_id = ${formId}`);
    expect(new Set(pending.map((p) => p.sealed.length)).size).toBeLessThanOrEqual(1);
    const dump = JSON.stringify(await q(sql`select json_agg(t) as rows from (select * from opinion_pending) t`));
    expect(dump).not.toMatch(/第\d+份意见/);
    expect(dump).not.toContain(Buffer.from('第0份意见', 'utf16le').toString('base64').slice(0, 12));
  });
});

describe('after the batches are written', () => {
  beforeAll(async () => {
    await flushOpinionsAtDayEnd(ctx);
  });

  it('nothing is lost and nothing is left pending', async () => {
    const texts = await q<{ t: string }>(
      sql`select answers->>'q1' as t from opinion_responses where form_id = ${formId}`,
    );
    expect(texts.map((r) => r.t).sort()).toEqual(Array.from({ length: SUBMITTED }, (_, i) => `第${i}份意见`).sort());
    expect(await q(sql`select 1 from opinion_pending where form_id = ${formId}`)).toHaveLength(0);
  });

  it('xmin: no spent code shares a transaction with a response; responses share theirs with at least k others', async () => {
    const codeXmins = new Set(
      (
        await q<{ x: string }>(
          sql`select xmin::text as x from opinion_codes where distribution_id = ${codesDistribution} and used`,
        )
      ).map((r) => r.x),
    );
    const responses = await q<{ x: string }>(
      sql`select xmin::text as x from opinion_responses where form_id = ${formId}`,
    );
    expect(codeXmins.size).toBeGreaterThan(0);
    expect(responses.filter((r) => codeXmins.has(r.x))).toHaveLength(0);
    const batchSizes = [
      ...responses.reduce((m, r) => m.set(r.x, (m.get(r.x) ?? 0) + 1), new Map<string, number>()).values(),
    ];
    expect(Math.min(...batchSizes)).toBeGreaterThanOrEqual(K);
  });

  it('ctid and xmin order the responses by batch only: within a batch the order is unrelated to submission', async () => {
    const rows = await q<{ x: string; ctid: string; t: string }>(
      sql`select xmin::text as x, ctid::text as ctid, answers->>'q1' as t from opinion_responses where form_id = ${formId}`,
    );
    const submittedAt = (t: string) => Number(/第(\d+)份/.exec(t)![1]);
    const taus: number[] = [];
    for (const x of new Set(rows.map((r) => r.x))) {
      const batch = rows.filter((r) => r.x === x);
      taus.push(
        kendallTau(
          batch.map((r) => place(r.ctid)),
          batch.map((r) => submittedAt(r.t)),
        ),
      );
    }
    // Before: τ = 1.00 over all responses. Shuffled batches of ≥ 10: |mean τ| has a standard deviation ≈ 0.25/√batches.
    const mean = taus.reduce((s, t) => s + t, 0) / taus.length;
    expect(Math.abs(mean)).toBeLessThan(0.5);
    expect(taus.every((t) => t < 1)).toBe(true);
  });

  it('the audit trail brackets a batch, never one response: every response shares its bracket with at least k others', async () => {
    // The adversary places each response between the audit events written just before and after its transaction.
    const events = await q<{ x: string; at: string }>(
      sql`select xmin::text as x, at::text as at from audit_events where entity_type = 'department' and action = 'create' and after->>'name' like '临时科室%'`,
    );
    const responses = await q<{ x: string }>(
      sql`select xmin::text as x from opinion_responses where form_id = ${formId}`,
    );
    const bracketOf = (x: string) => {
      const before =
        events
          .filter((e) => BigInt(e.x) < BigInt(x))
          .map((e) => e.at)
          .sort()
          .at(-1) ?? '-∞';
      const after =
        events
          .filter((e) => BigInt(e.x) > BigInt(x))
          .map((e) => e.at)
          .sort()[0] ?? '+∞';
      return `${before} … ${after}`;
    };
    const shared = new Map<string, number>();
    for (const r of responses) shared.set(bracketOf(r.x), (shared.get(bracketOf(r.x)) ?? 0) + 1);
    expect(Math.min(...shared.values())).toBeGreaterThanOrEqual(K);
  });

  it('the list of slips matches no stored code: keyed hashes, stored in an order unrelated to the slips', async () => {
    const stored = await q<{ h: string; ctid: string; used: boolean }>(
      sql`select code_hash as h, ctid::text as ctid, used from opinion_codes where distribution_id = ${codesDistribution}`,
    );
    const hashes = new Set(stored.map((r) => r.h));
    for (const s of slips) {
      for (const variant of [s.code, s.code.toUpperCase(), s.code.toLowerCase()]) {
        expect(hashes.has(createHash('sha256').update(variant).digest('hex'))).toBe(false);
        expect(hashes.has(createHash('sm3').update(variant).digest('hex'))).toBe(false);
      }
    }
    // With the key (which the adversary lacks) the test finds each slip's row: its place is unrelated to the slip's position.
    const keys = keyringFor(ctx.config);
    const placeOf = new Map(stored.map((r) => [r.h, place(r.ctid)]));
    const places = slips.map((s) => placeOf.get(codeHashOf(keys, s.code))!);
    expect(places.every((p) => p !== undefined)).toBe(true);
    // In slip order τ would be 1.00; shuffled by hash, |τ| over 200 codes has a standard deviation ≈ 0.05.
    expect(
      Math.abs(
        kendallTau(
          places,
          slips.map((_, i) => i),
        ),
      ),
    ).toBeLessThan(0.25);
  });
});

describe('a code', () => {
  it('is spent once even when twenty submissions race with it', async () => {
    const code = slips[150]!.code;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit(codesToken, { q1: `抢用${i}` }, code)),
    );
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.json().message === '填写码无效或已使用')).toHaveLength(19);
  });
});

describe('a colleague who is signed in', () => {
  it('is not looked up, nor marked active, when the browser also submits to the public form', async () => {
    const lastActive = async () =>
      (
        await q<{ t: string }>(
          sql`select last_active_at::text as t from sessions s join users u on u.id = s.user_id where u.username = ${secretaryName}`,
        )
      )[0]!.t;
    const before = await lastActive();
    ctx.clock.advance(10 * 60_000); // past the five minutes after which any request of the session marks it active
    try {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/public/opinions/${linkToken}`,
        payload: { answers: { q1: '登录状态下提交' } },
        headers: { cookie: `zf_session=${secretary.cookie}` },
      });
      expect(res.statusCode).toBe(200);
      await ctx.app.inject({
        method: 'GET',
        url: `/o/${linkToken}`,
        headers: { cookie: `zf_session=${secretary.cookie}` },
      });
      expect(await lastActive()).toBe(before);
      // The same cookie on the API is looked up and marks the session active: the check above can fail.
      expect((await secretary.get('/api/auth/me')).statusCode).toBe(200);
      expect(await lastActive()).not.toBe(before);
    } finally {
      ctx.clock.advance(-10 * 60_000);
    }
  });
});

describe('the logs', () => {
  it('count the anonymous requests once a minute: no address, browser, request number or time within the minute', async () => {
    await ctx.app.inject({
      method: 'GET',
      url: `/api/public/opinions/${codesToken}`,
      remoteAddress: ADDRESS,
      headers: { 'user-agent': BROWSER },
    });
    await ctx.app.inject({
      method: 'GET',
      url: `/o/${codesToken}`,
      remoteAddress: ADDRESS,
      headers: { 'user-agent': BROWSER },
    });
    ctx.app.publicLog!.flush();
    const parsed = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    // Not one line per request (whatever collects the output would stamp each with its own time)…
    expect(
      parsed.filter((l) => l.msg === 'public request' || String(l.url ?? '').startsWith('/api/public/')),
    ).toHaveLength(0);
    // …but a summary per minute: how many of each route and status.
    const summaries = parsed.filter((l) => l.msg === 'public requests');
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    for (const l of summaries) {
      expect(l.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      expect(Object.keys(l).sort()).toEqual(['level', 'msg', 'requests', 'time']);
    }
    const count = (key: string) =>
      summaries.reduce((n, l) => n + ((l.requests as Record<string, number>)[key] ?? 0), 0);
    expect(count('POST /api/public/opinions/:token 200')).toBeGreaterThanOrEqual(SUBMITTED);
    expect(count('GET /o/:token 404')).toBeGreaterThanOrEqual(1);
    // Nowhere in the log: the address, the browser, the link's token.
    const all = logLines.join('\n');
    for (const secret of [ADDRESS, 'MicroMessenger', codesToken]) expect(all).not.toContain(secret);
    // Request ids are random, not a counter.
    const ids = parsed.map((l) => l.reqId).filter((x): x is string => typeof x === 'string');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.some((id) => /^req-\d+$/.test(id))).toBe(false);
  });

  it('log a login as an ordinary request, not as an anonymous one', async () => {
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'x' },
    });
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.msg === 'request' && l.url === '/api/auth/login' && l.status === 401)).toBe(true);
  });

  it('record the client address of the rest of the API only when the setting asks for it', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => lines.push(c.toString()));
    const withAddress = await testApp({ logClientAddress: true }, { logStream: stream });
    await withAddress.app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: '198.51.100.23' });
    await withAddress.app.inject({
      method: 'GET',
      url: `/api/public/opinions/${codesToken}`,
      remoteAddress: '198.51.100.24',
    });
    expect(lines.join('')).toContain('198.51.100.23');
    expect(lines.join('')).not.toContain('198.51.100.24');
    expect(logLines.join('')).not.toContain('127.0.0.1'); // the default: no address at all
  });
});
