import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let office: Client;
let owner: Client;
let ids: { owner: string; depts: { id: string; name: string }[] };
beforeAll(async () => {
  ctx = await testApp();
  const unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  owner = await signIn(ctx, unit.user('member1'));
  ids = {
    owner: (await owner.get('/api/auth/me')).json().user.personId,
    depts: (await office.get('/api/departments')).json(),
  };
});

const body = (over: Record<string, unknown> = {}) => ({
  title: '养老服务设施排查整治',
  leadDepartmentId: ids.depts[0]!.id,
  cooperatingDepartmentIds: [ids.depts[1]!.id, ids.depts[2]!.id],
  ownerPersonId: ids.owner,
  receivedOn: '2026-11-02',
  source: 'decision',
  sourceRef: '局党组会议纪要〔2026〕9号',
  milestones: [
    { title: '摸底排查', due: '2026-11-20' },
    { title: '集中整治', due: '2026-12-10' },
    { title: '总结上报', due: '2026-12-25' },
  ],
  ...over,
});

describe('milestones (节点) and cooperating departments', () => {
  it('refuse dates outside [receipt, deadline] or out of order, and create nothing', async () => {
    const before = (await office.get('/api/items')).json().total;
    const cases: [Record<string, unknown>, string][] = [
      [{ milestones: [{ title: '摸底排查', due: '2026-10-30' }] }, '节点“摸底排查”的时限不能早于收文（交办）日期'],
      [
        { explicitDue: '2026-12-01', milestones: [{ title: '集中整治', due: '2026-12-10' }] },
        '节点“集中整治”的时限不能晚于办理时限 2026-12-01',
      ],
      [
        {
          milestones: [
            { title: '集中整治', due: '2026-12-10' },
            { title: '摸底排查', due: '2026-11-20' },
          ],
        },
        '节点应按时限先后排列',
      ],
      [{ milestones: [{ title: '', due: '2026-12-10' }] }, '请求内容有误：节点名称不能为空'],
      [{ cooperatingDepartmentIds: ['00000000-0000-4000-8000-000000000000'] }, '所选科室不存在或已撤销'],
    ];
    for (const [over, message] of cases) {
      const res = await office.post('/api/items', body(over));
      expect([res.statusCode, res.json().message]).toEqual([400, message]);
    }
    expect((await office.get('/api/items')).json().total).toBe(before);
  });

  it('make the item due on its next open milestone, red when one is missed, until the owner marks it done', async () => {
    // The test clock stands at 2026-11-30: the first milestone (11-20) is past.
    const item = (await office.post('/api/items', body())).json();
    expect([item.due, item.deadline, item.colour]).toEqual(['2026-11-20', '2026-12-25', 'red']);
    expect(item.cooperatingDepartments.map((d: { name: string }) => d.name)).toEqual([
      ids.depts[1]!.name,
      ids.depts[2]!.name,
    ]);
    expect(
      item.milestones.map((m: { seq: number; title: string; doneOn: null }) => [m.seq, m.title, m.doneOn]),
    ).toEqual([
      [1, '摸底排查', null],
      [2, '集中整治', null],
      [3, '总结上报', null],
    ]);
    const red = (await office.get('/api/items?colour=red')).json().items.map((i: { id: string }) => i.id);
    expect(red).toContain(item.id);

    const first = item.milestones[0].id;
    expect((await office.post(`/api/items/${item.id}/milestones/${first}/done`, {})).statusCode).toBe(403);
    const done = (
      await owner.post(`/api/items/${item.id}/milestones/${first}/done`, { note: '已排查 32 家机构' })
    ).json();
    expect([done.due, done.colour, done.milestones[0].doneOn, done.milestones[0].doneNote]).toEqual([
      '2026-12-10',
      'green',
      '2026-11-30',
      '已排查 32 家机构',
    ]);
    expect(done.timeline.map((e: { action: string }) => e.action)).toContain('milestone_done');
    const again = await owner.post(`/api/items/${item.id}/milestones/${first}/done`, {});
    expect([again.statusCode, again.json().message]).toEqual([400, '该节点已完成']);
    expect((await owner.post(`/api/items/${item.id}/milestones/${item.id}/done`, {})).statusCode).toBe(404);

    for (const m of done.milestones.slice(1)) await owner.post(`/api/items/${item.id}/milestones/${m.id}/done`, {});
    expect((await owner.get(`/api/items/${item.id}`)).json().due).toBe('2026-12-25');
  });

  it('take the last milestone as the deadline when none is given, and keep an explicit one', async () => {
    const item = (
      await office.post(
        '/api/items',
        body({
          milestones: [
            { title: '方案', due: '2026-12-04' },
            { title: '落实', due: '2026-12-18' },
          ],
        }),
      )
    ).json();
    expect([item.due, item.deadline, item.policy.kind]).toEqual(['2026-12-04', '2026-12-18', 'explicit']);
    const explicit = (
      await office.post(
        '/api/items',
        body({ explicitDue: '2026-12-31', milestones: [{ title: '方案', due: '2026-12-04' }] }),
      )
    ).json();
    expect([explicit.due, explicit.deadline]).toEqual(['2026-12-04', '2026-12-31']);
  });
});
