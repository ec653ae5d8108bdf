import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { flushPending } from '../src/server/modules/opinions/pending.service.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * docs/ANONYMITY.md, “What this does not protect against”: an adversary who can write to the
 * database. The obvious writes that would single out one submission are refused: a pending row moved
 * to another day or group does not open, a row put back after it was written out is not written again,
 * a final group left with fewer than k after earlier batches is held; a submission that races the
 * close of its form is refused rather than written out alone, and the last batch waits out a grace.
 */

let ctx: TestContext;
let secretary: Client;
const K = 5;
const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ctx.database.db.execute(query));
const deps = () => ({ db: ctx.database.db, clock: ctx.clock, config: ctx.config });

/** A new open form with a public link; returns the link's token and the form. */
async function openForm(title: string) {
  const f = (
    await secretary.post('/api/opinion-forms', {
      title,
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      questions: [{ id: 'q1', kind: 'text', label: '意见' }],
    })
  ).json();
  const opened = (
    await secretary.post(`/api/opinion-forms/${f.id}/status`, { status: 'open', version: f.version })
  ).json();
  const { token } = (
    await secretary.post(`/api/opinion-forms/${f.id}/distributions`, { audience: 'masses', label: '群众' })
  ).json();
  return { form: opened as { id: string; version: number }, token: token as string };
}
const submit = (token: string, text: string) =>
  ctx.app.inject({ method: 'POST', url: `/api/public/opinions/${token}`, payload: { answers: { q1: text } } });
const responses = async (formId: string) =>
  (await q<{ t: string }>(sql`select answers->>'q1' as t from opinion_responses where form_id = ${formId}`))
    .map((r) => r.t)
    .sort();

beforeAll(async () => {
  ctx = await testApp({ opinionSubmitsPerMinute: 100_000, opinionChallengeAfter: 0, opinionBatchK: K });
  secretary = await signIn(ctx, (await newDemoUnit(ctx)).user('branch'));
});

describe('a writer of the database', () => {
  it('cannot move a pending submission to a past day to have it written out alone: it no longer opens', async () => {
    const { form, token } = await openForm('移动日期');
    for (const t of ['甲', '乙', '丙']) expect((await submit(token, t)).statusCode).toBe(200);
    const [target] = await q<{ id: string }>(sql`select id from opinion_pending where form_id = ${form.id} limit 1`);
    await ctx.database.db.execute(sql`update opinion_pending set day = '2000-01-01' where id = ${target!.id}`);
    const r = await flushPending(deps()); // 2000-01-01 is long over: that group is final at once
    expect(r.unreadable).toContain(target!.id);
    expect(await responses(form.id)).toEqual([]);
  });

  it('cannot put a written-out submission back to see it written out again, alone', async () => {
    const { form, token } = await openForm('放回');
    expect((await submit(token, '唯一的一份')).statusCode).toBe(200);
    const [copy] = await q<{ id: string; unit_id: string; audience: string; day: string; sealed: string }>(
      sql`select * from opinion_pending where form_id = ${form.id}`,
    );
    await flushOpinionsAtDayEnd(ctx);
    expect(await responses(form.id)).toEqual(['唯一的一份']);
    // As read from the WAL or a backup, and inserted again.
    await ctx.database.db.execute(
      sql`insert into opinion_pending (id, unit_id, form_id, audience, day, sealed) values (${copy!.id}, ${copy!.unit_id}, ${form.id}, ${copy!.audience}, ${copy!.day}, ${copy!.sealed})`,
    );
    const r = await flushOpinionsAtDayEnd(ctx);
    expect(r.replayed).toContain(copy!.id);
    expect(await responses(form.id)).toEqual(['唯一的一份']);
  });

  it('cannot take rows out of a group to leave one for its last batch: the remainder is held', async () => {
    const { form, token } = await openForm('取走');
    for (let i = 0; i < 2 * K; i++) expect((await submit(token, `第${i}份`)).statusCode).toBe(200);
    await flushPending(deps()); // 2k waiting: k written, k left
    expect(await responses(form.id)).toHaveLength(K);
    const left = await q<{ id: string }>(sql`select id from opinion_pending where form_id = ${form.id}`);
    expect(left).toHaveLength(K);
    await ctx.database.db.execute(
      sql`delete from opinion_pending where id in (${sql.join(
        left.slice(1).map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})`,
    );
    const r = await flushOpinionsAtDayEnd(ctx);
    expect(r.held).toHaveLength(1);
    expect(await responses(form.id)).toHaveLength(K);
  });
});

describe('the close of a form', () => {
  it('refuses a submission that comes after it, even from an instance that still holds the form as open', async () => {
    const { form, token } = await openForm('结束时');
    expect((await submit(token, '结束前')).statusCode).toBe(200); // the form is now cached as open for a few seconds
    await secretary.post(`/api/opinion-forms/${form.id}/status`, { status: 'closed', version: form.version });
    const late = await submit(token, '结束后');
    expect([late.statusCode, late.json().message]).toEqual([400, '征求意见已结束，感谢关注']);
    expect(await q(sql`select 1 from opinion_pending where form_id = ${form.id}`)).toHaveLength(1);
  });

  it('writes the last batch only once the grace after the close is over', async () => {
    const { form, token } = await openForm('宽限');
    for (const t of ['一', '二', '三']) expect((await submit(token, t)).statusCode).toBe(200);
    await secretary.post(`/api/opinion-forms/${form.id}/status`, { status: 'closed', version: form.version });
    ctx.clock.advance((ctx.config.opinionGraceSeconds - 5) * 1000);
    await flushPending(deps());
    expect(await responses(form.id)).toEqual([]);
    ctx.clock.advance(10_000);
    await flushPending(deps());
    expect(await responses(form.id)).toEqual(['一', '三', '二'].sort());
  });
});
