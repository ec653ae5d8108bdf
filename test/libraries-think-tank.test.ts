import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { heldPartyGroupMeeting } from './libraries-helpers.js';
import { actorOf } from './walk-fixtures.js';
import { SEARCH_SOURCES } from '../src/server/modules/search/sources.js';
import type { AppDeps } from '../src/server/types.js';

/**
 * The think tank (智库, measure 7): experts inside and outside the unit (an outside expert's contact for the office
 * only), advice and its outcome — adopted by a decision of a closed 党组会议 of the unit, with the link; another
 * unit's decision answers 404, an open meeting's 400; who reads; bad input 400 with nothing changed.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let other: Awaited<ReturnType<typeof newDemoUnit>>;
let otherOffice: Client;
const as: Record<string, Client> = {};
const c = (l: string) => as[l]!;
const pid = (name: string) => unit.personId.get(name)!;
type Rec = { id: string; version: number } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let inside: Rec;
let outside: Rec;
let advice: Rec;
let closed: { meetingId: string; decisionId: string };
let open: { meetingId: string; decisionId: string };
let foreign: { meetingId: string; decisionId: string };

const ok = async (res: { statusCode: number; body: string; json: () => unknown }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Rec;
};
const refused = (res: { statusCode: number; body: string; json: () => { message: string } }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().message;
};

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  other = await newDemoUnit(ctx);
  for (const l of ['office', 'secretary', 'branch', 'leader1', 'member1', 'discipline'])
    as[l] = await signIn(ctx, unit.user(l));
  otherOffice = await signIn(ctx, other.user('office'));
  const text = '建立困难群众动态监测预警机制';
  closed = await heldPartyGroupMeeting(c('office'), pid, unit.deptIds[0]!, { close: true, heldOn: '2026-11-20', text });
  open = await heldPartyGroupMeeting(c('office'), pid, unit.deptIds[0]!, { close: false, heldOn: '2026-11-27', text });
  foreign = await heldPartyGroupMeeting(otherOffice, (n) => other.personId.get(n)!, other.deptIds[0]!, {
    close: true,
    heldOn: '2026-11-20',
    text,
  });
}, 180_000);

describe('experts', () => {
  it('the office adds an inside and an outside expert', async () => {
    inside = await ok(
      await c('office').post('/api/assessment/experts', { kind: 'inside', personId: pid('吕芳'), field: '养老服务' }),
    );
    expect(inside).toMatchObject({ name: '吕芳', kindLabel: '单位内', contact: '' });
    outside = await ok(
      await c('office').post('/api/assessment/experts', {
        kind: 'outside',
        name: '黄教授',
        organisation: '省社会科学院',
        field: '社会保障政策',
        contact: '13800001111',
      }),
    );
    expect(outside).toMatchObject({ name: '黄教授', contact: '13800001111', can: { edit: true, withdraw: true } });
  });

  it('an outside expert’s contact is shown to the office only; a member does not open the think tank', async () => {
    for (const l of ['leader1', 'secretary', 'branch']) {
      const page = await ok(await c(l).get('/api/assessment/experts'));
      expect(page.can).toEqual({ see: true, manage: false, seeContact: false });
      const e = (page.items as Rec[]).find((x) => x.id === outside.id)!;
      expect(e).toMatchObject({ name: '黄教授', organisation: '省社会科学院', contact: null, can: { edit: false } });
      expect(JSON.stringify(page)).not.toContain('13800001111');
    }
    const office = await ok(await c('office').get('/api/assessment/experts'));
    expect((office.items as Rec[]).find((x) => x.id === outside.id)!.contact).toBe('13800001111');
    for (const l of ['member1', 'discipline'])
      expect(refused(await c(l).get('/api/assessment/experts'), 403)).toContain('智库只有');
    // The audit trail keeps that a contact was registered, not the number.
    const log = await signIn(ctx, unit.user('auditor'));
    const events = await log.get(`/api/audit/events?entityType=expert&entityId=${outside.id}`);
    expect(events.statusCode).toBe(200);
    expect(events.json().total).toBe(1);
    expect(events.body).toContain('黄教授');
    expect(events.body).not.toContain('13800001111');
  });

  it('refuses a second inside seat, an inside expert with a contact, an outside one without a name; nothing added', async () => {
    expect(
      refused(await c('office').post('/api/assessment/experts', { kind: 'inside', personId: pid('吕芳') }), 409),
    ).toBe('该人员已是智库专家');
    expect(
      refused(
        await c('office').post('/api/assessment/experts', { kind: 'inside', personId: pid('施洋'), contact: '1' }),
        400,
      ),
    ).toContain('无需填写');
    expect(
      refused(await c('office').post('/api/assessment/experts', { kind: 'outside', organisation: '某大学' }), 400),
    ).toBe('请填写专家姓名');
    expect(
      refused(
        await c('leader1').post('/api/assessment/experts', { kind: 'outside', name: '某专家', organisation: '某大学' }),
        403,
      ),
    ).toContain('领导小组办公室');
    expect((await ok(await c('office').get('/api/assessment/experts'))).total).toBe(2);
  });

  it('another unit’s expert ids answer 404', async () => {
    expect(
      (await otherOffice.put(`/api/assessment/experts/${outside.id}`, { name: '改名', organisation: 'x', version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherOffice.post(`/api/assessment/experts/${outside.id}/withdraw`, { reason: '测试原因', version: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await ok(await otherOffice.get('/api/assessment/experts'))).total).toBe(0);
  });
});

describe('advice and its outcome', () => {
  it('the office records advice; leaders and department heads read it, a member never', async () => {
    advice = await ok(
      await c('office').post('/api/assessment/advice', {
        expertId: outside.id,
        topic: '关于建立困难群众动态监测机制的建议',
        content: '建议依托大数据比对，建立低收入人口动态监测预警机制。',
        receivedOn: '2026-11-10',
        tags: ['社会救助'],
      }),
    );
    expect(advice).toMatchObject({ outcome: 'pending', outcomeLabel: '待研究', expertName: '黄教授', decision: null });
    expect((await ok(await c('branch').get(`/api/assessment/advice/${advice.id}`))).can).toEqual({
      see: true,
      edit: false,
      withdraw: false,
      recordOutcome: false,
    });
    expect((await c('member1').get(`/api/assessment/advice/${advice.id}`)).statusCode).toBe(404);
    expect((await c('member1').get('/api/assessment/advice')).statusCode).toBe(403);
  });

  it('refuses another unit’s decision (404) and an open meeting’s (400), with nothing changed', async () => {
    const body = { outcome: 'adopted', reason: '党组会议研究采纳', version: advice.version };
    expect(
      refused(
        await c('office').post(`/api/assessment/advice/${advice.id}/outcome`, {
          ...body,
          decisionId: foreign.decisionId,
        }),
        404,
      ),
    ).toContain('会议决定');
    expect(
      refused(
        await c('office').post(`/api/assessment/advice/${advice.id}/outcome`, { ...body, decisionId: open.decisionId }),
        400,
      ),
    ).toContain('尚未形成纪要');
    expect(
      refused(
        await c('office').post(`/api/assessment/advice/${advice.id}/outcome`, {
          outcome: 'not_adopted',
          version: advice.version,
        }),
        400,
      ),
    ).toBe('请说明“未采纳”的理由');
    expect(
      refused(
        await c('office').post(`/api/assessment/advice/${advice.id}/outcome`, {
          outcome: 'not_adopted',
          reason: '条件不具备',
          decisionId: closed.decisionId,
          version: advice.version,
        }),
        400,
      ),
    ).toBe('只有采纳或部分采纳的建议才能关联会议决定');
    const same = await ok(await c('office').get(`/api/assessment/advice/${advice.id}`));
    expect(same).toMatchObject({ outcome: 'pending', decision: null, version: advice.version });
  });

  it('lists only closed meetings’ decisions to choose from, and records the adoption with its link', async () => {
    const choices = (await ok(await c('office').get('/api/assessment/advice/decisions'))) as unknown as Rec[];
    expect(choices.map((d) => d.id)).toEqual([closed.decisionId]);
    advice = await ok(
      await c('office').post(`/api/assessment/advice/${advice.id}/outcome`, {
        outcome: 'adopted',
        reason: '党组会议研究采纳',
        decisionId: closed.decisionId,
        version: advice.version,
      }),
    );
    expect(advice).toMatchObject({
      outcome: 'adopted',
      outcomeLabel: '采纳',
      outcomeOn: '2026-11-30',
      decision: {
        id: closed.decisionId,
        meetingId: closed.meetingId,
        meetingKindLabel: '党组会议',
        heldOn: '2026-11-20',
        text: '建立困难群众动态监测预警机制',
      },
    });
    const leader = await ok(await c('leader1').get(`/api/assessment/advice?outcome=adopted`));
    expect((leader.items as Rec[]).map((a) => a.decision.meetingId)).toEqual([closed.meetingId]);
  });

  it('another unit’s advice ids answer 404; a withdrawn expert takes no new advice', async () => {
    expect((await otherOffice.get(`/api/assessment/advice/${advice.id}`)).statusCode).toBe(404);
    expect(
      (
        await otherOffice.post(`/api/assessment/advice/${advice.id}/outcome`, {
          outcome: 'pending',
          version: advice.version,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      refused(
        await otherOffice.post('/api/assessment/advice', {
          expertId: outside.id,
          topic: '外单位建议',
          content: '内容内容',
          receivedOn: '2026-11-10',
        }),
        400,
      ),
    ).toBe('所选专家不存在或已撤销');
    await ok(
      await c('office').post(`/api/assessment/experts/${inside.id}/withdraw`, {
        reason: '调离本单位',
        version: inside.version,
      }),
    );
    expect(
      refused(
        await c('office').post('/api/assessment/advice', {
          expertId: inside.id,
          topic: '某建议',
          content: '内容内容',
          receivedOn: '2026-11-10',
        }),
        400,
      ),
    ).toBe('所选专家不存在或已撤销');
    expect(
      refused(
        await c('office').post('/api/assessment/advice', {
          expertId: outside.id,
          topic: '某建议',
          content: '内容内容',
          receivedOn: '2026-12-10',
        }),
        400,
      ),
    ).toBe('收到日期不能晚于今天');
    expect((await ok(await c('office').get('/api/assessment/advice?withdrawn=include'))).total).toBe(1);
  });
});

describe('the search sources', () => {
  const find = async (login: string, words: string[], tags: string[] = []) => {
    const deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config } as AppDeps;
    const actor = await actorOf(ctx.database.db, unit.user(login));
    const hits = await Promise.all(SEARCH_SOURCES.map((s) => s.find(deps, actor, { words, tags, limit: 20 })));
    return hits.flat().filter((h) => h.kind === 'project' || h.kind === 'advice');
  };

  it('the same words find the advice for a leader, never for a member; a project for everyone of the unit', async () => {
    await ok(
      await c('office').post('/api/assessment/projects', {
        name: '低收入人口动态监测平台建设',
        fundingSought: 60,
        ownerPersonId: pid('周凯'),
        departmentId: unit.deptIds[0]!,
        tags: ['社会救助'],
      }),
    );
    const leader = await find('leader1', ['动态监测']);
    expect(leader.map((h) => [h.kind, h.title]).sort()).toEqual([
      ['advice', '关于建立困难群众动态监测机制的建议'],
      ['project', '低收入人口动态监测平台建设'],
    ]);
    expect(leader.find((h) => h.kind === 'advice')!.link).toBe(`/assessment?tab=thinktank&id=${advice.id}`);
    const member = await find('member1', ['动态监测']);
    expect(member.map((h) => h.kind)).toEqual(['project']);
    expect(await find('leader1', ['动态监测', '不存在的词'])).toEqual([]);
    expect((await find('leader1', [], ['社会救助'])).map((h) => h.kind).sort()).toEqual(['advice', 'project']);
    const otherUnit = await SEARCH_SOURCES[1]!.find(
      { db: ctx.database.db, clock: ctx.clock, config: ctx.config } as AppDeps,
      await actorOf(ctx.database.db, other.user('office')),
      { words: ['动态监测'], tags: [], limit: 20 },
    );
    expect(otherUnit).toEqual([]);
  });
});
