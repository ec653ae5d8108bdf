import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/server/errors.js';
import { copyPlanYear } from '../src/server/modules/decisions/plan.service.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * Review findings 6 and 10b: what a plan entry may be linked to — a meeting of its year and kind, a document of
 * its year, each entry fulfilled by one live meeting or document — and an entry in use is not withdrawn; copying
 * a year twice at once copies it once. Every refusal leaves nothing changed.
 */
let ctx: TestContext;
let office: Client;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
}, 120_000);

type Entry = { id: string; version: number; withdrawnReason: string | null };
const newEntry = async (b: { year?: number; kind: string; subKind: string; title: string; month?: number }) => {
  const r = await office.post('/api/decisions/plan/entries', {
    year: 2026,
    month: 12,
    organiserDepartmentId: null,
    ...b,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Entry;
};
const refusal = (r: { statusCode: number; json: () => { message: string } }, status: number) => {
  expect(r.statusCode).toBe(status);
  return r.json().message;
};
const meetingsTotal = async () => (await office.get('/api/decisions/meetings?pageSize=100')).json().total as number;
const documentsOf = async (year: number) =>
  (await office.get(`/api/decisions/plan/documents?year=${year}&pageSize=100`)).json().total as number;
const meeting = (kind: string, heldOn: string, planEntryId: string) =>
  office.post('/api/decisions/meetings', {
    kind,
    heldOn,
    planEntryId,
    kindName: kind === 'other' ? '安委会会议' : null,
  });
const document = (docNo: string, issuedOn: string, planEntryId: string | null) =>
  office.post('/api/decisions/plan/documents', {
    docNo,
    title: `关于${docNo}的通知`,
    issuedOn,
    departmentId: null,
    planEntryId,
    unplannedReason: planEntryId ? null : '上级临时部署',
  });

describe('a meeting’s plan entry (finding 6)', () => {
  it('is offered in the meeting form only for its kind, and only while no live meeting fulfils it', async () => {
    const offered = async (kind: string) =>
      (
        (await office.get(`/api/decisions/meeting-defaults?kind=${kind}&heldOn=2026-11-10`)).json() as {
          planEntries: { id: string }[];
        }
      ).planEntries.map((e) => e.id);
    const pg = await newEntry({ kind: 'meeting', subKind: 'party_group', title: '11月党组会议', month: 11 });
    const dir = await newEntry({ kind: 'meeting', subKind: 'director_office', title: '11月局长办公会议', month: 11 });
    expect(await offered('party_group')).toContain(pg.id);
    expect(await offered('party_group')).not.toContain(dir.id);
    expect(await offered('director_office')).toContain(dir.id);
    const m = await meeting('party_group', '2026-11-10', pg.id);
    expect(m.statusCode, m.body).toBe(200);
    expect(await offered('party_group')).not.toContain(pg.id);
  });

  it('must be of the meeting’s kind and year, and fulfilled by no other live meeting', async () => {
    const pg = await newEntry({ kind: 'meeting', subKind: 'party_group', title: '12月党组会议' });
    const before = await meetingsTotal();
    expect(refusal(await meeting('director_office', '2026-12-10', pg.id), 400)).toContain('不是局长办公会议');
    expect(refusal(await meeting('party_group', '2027-01-06', pg.id), 400)).toBe(
      '所选计划条目属于2026年度，与会议日期不符',
    );
    expect(await meetingsTotal()).toBe(before);
    const first = await meeting('party_group', '2026-12-10', pg.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(refusal(await meeting('party_group', '2026-12-17', pg.id), 409)).toContain('已由“');
    expect(await meetingsTotal()).toBe(before + 1);
    // The meeting itself keeps its entry when edited; once withdrawn, the entry is free again.
    const m = first.json() as { id: string; version: number; title: string };
    const edit = await office.put(`/api/decisions/meetings/${m.id}`, {
      title: m.title,
      heldOn: '2026-12-11',
      planEntryId: pg.id,
      version: m.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const w = await office.post(`/api/decisions/meetings/${m.id}/withdraw`, {
      reason: '改期',
      version: edit.json().version,
    });
    expect(w.statusCode, w.body).toBe(200);
    expect((await meeting('party_group', '2026-12-17', pg.id)).statusCode).toBe(200);
  });

  it('of kind other: an entry the plan stores as 其他议事会议', async () => {
    const other = await newEntry({ kind: 'meeting', subKind: 'other', title: '安委会会议' });
    const pg = await newEntry({ kind: 'meeting', subKind: 'party_group', title: '又一次党组会议' });
    expect(refusal(await meeting('other', '2026-12-08', pg.id), 400)).toContain('不是其他议事会议');
    expect((await meeting('other', '2026-12-08', other.id)).statusCode).toBe(200);
  });
});

describe('a document’s plan entry (finding 6)', () => {
  it('is of the document’s year and fulfilled by one live document', async () => {
    const e = await newEntry({ kind: 'document', subKind: 'notice', title: '年终考核通知' });
    expect(refusal(await document('宁民〔2027〕1号', '2027-01-05', e.id), 400)).toBe(
      '所选计划条目属于2026年度，与发文日期不符',
    );
    expect((await document('宁民〔2026〕31号', '2026-12-05', e.id)).statusCode).toBe(200);
    const before = await documentsOf(2026);
    expect(refusal(await document('宁民〔2026〕32号', '2026-12-06', e.id), 409)).toContain('已由发文“宁民〔2026〕31号');
    expect(await documentsOf(2026)).toBe(before);
  });
});

describe('withdrawing a plan entry (finding 6)', () => {
  it('is refused while a live meeting or document fulfils it, naming it; nothing changes', async () => {
    const m = await newEntry({ kind: 'meeting', subKind: 'director_office', title: '12月局长办公会议' });
    const held = await meeting('director_office', '2026-12-15', m.id);
    expect(held.statusCode, held.body).toBe(200);
    const d = await newEntry({ kind: 'document', subKind: 'report', title: '年度工作报告' });
    expect((await document('宁民〔2026〕40号', '2026-12-20', d.id)).statusCode).toBe(200);
    const withdraw = (e: Entry) =>
      office.post(`/api/decisions/plan/entries/${e.id}/withdraw`, { reason: '不再召开', version: e.version });
    expect(refusal(await withdraw(m), 409)).toContain(`“${held.json().title}”按该计划条目召开`);
    expect(refusal(await withdraw(d), 409)).toContain('发文“宁民〔2026〕40号');
    const list = (await office.get('/api/decisions/plan/entries?year=2026&pageSize=100')).json().items as Entry[];
    expect(list.filter((e) => [m.id, d.id].includes(e.id)).map((e) => [e.withdrawnReason, e.version])).toEqual([
      [null, 1],
      [null, 1],
    ]);
    const free = await newEntry({ kind: 'document', subKind: 'report', title: '无人使用的计划' });
    expect((await withdraw(free)).statusCode).toBe(200);
  });
});

describe('copying a year (finding 10b)', () => {
  it('twice at once: one copy, the other refused 409, the year not doubled', async () => {
    const year = async (y: number) =>
      (await office.get(`/api/decisions/plan/entries?year=${y}&pageSize=100`)).json().total as number;
    await newEntry({ kind: 'document', subKind: 'plan', title: '年度工作方案' });
    const source = (await office.get('/api/decisions/plan/entries?year=2026&pageSize=100')).json().items as Entry[];
    // The service itself, twice at once: both calls start before either has written.
    const deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config };
    const actor = unit.actors.get('office')!;
    const results = await Promise.allSettled(
      [1, 2].map(() => copyPlanYear(deps, actor, { fromYear: 2026, toYear: 2027 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected')!.reason;
    expect(refused).toBeInstanceOf(AppError);
    expect([refused.status, refused.message]).toEqual([409, '2027年度已有计划条目，不能重复生成']);
    const live = source.filter((e) => e.withdrawnReason === null).length;
    expect(await year(2027)).toBe(live);
  });
});
