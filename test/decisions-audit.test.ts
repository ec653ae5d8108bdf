import { beforeAll, describe, expect, it } from 'vitest';
import { agendaItems, decisionMeetings } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * What the audit trail says about a meeting that decides, its items and a consultation draft is shown only to
 * those who may read the object (finding 2): a position on a 干部任免 item is the members' alone — not the
 * auditor's (审计管理员), not the office's, which reads the history of other objects; a draft is its managers'.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const as: Record<string, Client> = {};
const pid = (name: string) => unit.personId.get(name)!;
const history = (type: string, id: string) => `/api/audit/events?entityType=${type}&entityId=${id}`;
type Event = { action: string; detailsHidden: boolean; after: unknown };
const events = async (c: Client, type: string, id: string): Promise<Event[]> => {
  const res = await c.get(history(type, id));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

let meetingId = '';
let cadreItemId = '';

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  for (const l of ['office', 'secretary', 'auditor', 'leader1', 'member1']) as[l] = await signIn(ctx, unit.user(l));
  const members = ['王建国', '李红梅', '张志强', '刘海峰', '陈静'].map(pid);
  const at = ctx.clock.now();
  // A 党组会 in session (as the meetings module leaves one once held), its one item a 干部任免.
  const [m] = await ctx.database.db
    .insert(decisionMeetings)
    .values({
      unitId: unit.unit.id,
      kind: 'party_group',
      sessionNo: 1,
      title: '2026年第1次党组会议',
      heldOn: '2026-12-03',
      chairPersonId: pid('王建国'),
      memberIds: members,
      presentIds: members,
      status: 'in_session',
      createdBy: pid('王建国'),
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const [item] = await ctx.database.db
    .insert(agendaItems)
    .values({
      unitId: unit.unit.id,
      meetingId: m!.id,
      seq: 1,
      title: '拟任命张三为办公室主任',
      category: 'cadre',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  meetingId = m!.id;
  cadreItemId = item!.id;
});

describe('the audit trail of 议事决策', () => {
  it('keeps a position on a 干部任免 item from the auditor and the office; the members read it', async () => {
    const res = await as.secretary!.post(`/api/decisions/meetings/${meetingId}/items/${cadreItemId}/positions`, {
      personId: pid('李红梅'),
      position: 'disagree',
      remark: '人选不合适',
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const reader of ['auditor', 'office']) {
      const trail = await events(as[reader]!, 'agenda_item', cadreItemId);
      const spoken = trail.find((e) => e.action === 'record_position');
      expect(spoken, reader).toMatchObject({ detailsHidden: true, after: null });
      expect(JSON.stringify(trail), reader).not.toContain('disagree');
    }
    for (const reader of ['secretary']) {
      const spoken = (await events(as[reader]!, 'agenda_item', cadreItemId)).find(
        (e) => e.action === 'record_position',
      );
      expect(spoken, reader).toMatchObject({
        detailsHidden: false,
        after: expect.objectContaining({ personId: pid('李红梅'), position: 'disagree' }),
      });
    }
    // The unit-wide log (the auditor's) hides it too.
    const all = (await as.auditor!.get('/api/audit/events?pageSize=100')).json().items as (Event & {
      entityType: string;
    })[];
    const positions = all.filter((e) => e.entityType === 'agenda_item');
    expect(positions.length).toBeGreaterThan(0);
    for (const e of positions) expect(e).toMatchObject({ detailsHidden: true, after: null });
  });

  it("shows a meeting's events to those who see the meeting, not to the auditor", async () => {
    const created = await as.office!.post('/api/decisions/meetings', {
      kind: 'party_group',
      heldOn: '2026-12-17',
      startsAt: '09:00',
      place: '局三楼会议室',
      unplannedReason: '研究干部事项',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const [seen, unseen] = [
      await events(as.office!, 'decision_meeting', id),
      await events(as.auditor!, 'decision_meeting', id),
    ];
    expect(seen.length).toBeGreaterThan(0);
    expect(unseen.length).toBe(seen.length);
    for (const e of seen) expect(e.detailsHidden).toBe(false);
    for (const e of unseen) expect(e).toMatchObject({ detailsHidden: true, after: null });
  });

  it("shows a consultation draft's and its comments' events to its managers, not to the auditor", async () => {
    const created = await as.office!.post('/api/consultations', {
      title: '关于调整城乡低保标准的通知（征求意见稿）',
      kind: 'livelihood',
      departmentId: unit.deptIds[0],
      body: '为保障困难群众基本生活，拟调整城乡低保标准如下。',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const opened = await as.office!.post(`/api/consultations/${id}/open`, {
      personIds: [pid('李红梅')],
      workingDays: 5,
      version: created.json().version,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const comment = await as.leader1!.post(`/api/consultations/${id}/comments`, {
      text: '建议同步调整特困人员供养标准',
    });
    expect(comment.statusCode, comment.body).toBe(200);
    const commentId = comment.json().id;
    expect((await events(as.auditor!, 'consultation_comment', commentId))[0]).toMatchObject({
      detailsHidden: true,
      after: null,
    });
    expect((await events(as.office!, 'consultation_comment', commentId))[0]).toMatchObject({ detailsHidden: false });
    expect((await events(as.auditor!, 'consultation_draft', id))[0]).toMatchObject({
      detailsHidden: true,
      after: null,
    });
    const drafted = (await events(as.office!, 'consultation_draft', id)).find((e) => e.action === 'create');
    expect(drafted).toMatchObject({
      detailsHidden: false,
      after: expect.objectContaining({ title: '关于调整城乡低保标准的通知（征求意见稿）' }),
    });
  });
});
