/**
 * The walks' part for 议事决策 (issue 18): the objects they walk (a 党组会 being prepared, with an ordinary item
 * attended by 周凯 and a 干部任免 item attended by 郑伟), the ids of its paths, bodies that pass validation and
 * change nothing (a stale version, or a rule's 400), and the policy each route answers by.
 */
import { itemFacts, meetingFacts } from '../src/server/modules/decisions/meeting-view.service.js';
import {
  canReadAgendaItem,
  decisionMeetingPolicy,
  managesDecisionMeetings,
  type DecisionMeetingCan,
} from '../src/domain/policies/decision-meeting.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { agendaRepo } from '../src/server/modules/decisions/agenda.repo.js';
import { meetingsRepo } from '../src/server/modules/decisions/meetings.repo.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

const ZERO = '00000000-0000-4000-8000-000000000000';

export async function seedDecisionObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unit.user('office'));
  const person = async (name: string) =>
    (await office.get(`/api/people?q=${encodeURIComponent(name)}`)).json().items[0].id as string;
  const m = (
    await office.post('/api/decisions/meetings', {
      kind: 'party_group',
      heldOn: '2026-12-10',
      unplannedReason: '巡检会议',
    })
  ).json();
  await office.post(`/api/decisions/meetings/${m.id}/items`, {
    title: '巡检议题',
    category: 'cadre',
    attendeeIds: [await person('郑伟')],
  });
  const withItem = (
    await office.post(`/api/decisions/meetings/${m.id}/items`, {
      title: '巡检议题二',
      attendeeIds: [await person('周凯')],
    })
  ).json();
  const item = withItem.items.find((i: { title: string }) => i.title === '巡检议题二');
  return { decisionMeeting: m.id as string, agendaItem: item.id as string };
}

/** Bodies that pass validation; an allowed write stops at a stale version (409) or a rule (400). */
export function decisionsBody(path: string, method: string): unknown {
  if (path === '/api/decisions/meetings') return { kind: 'party_group', heldOn: '2026-12-11', unplannedReason: '巡检' };
  if (path === '/api/decisions/meetings/{id}' && method === 'PUT')
    return { title: '巡检会议', heldOn: '2026-12-10', unplannedReason: '巡检会议', version: 999_999 };
  // A large sum not flagged: refused by the rule, so that nothing is added.
  if (path.endsWith('/items')) return { title: '巡检议题', amountWan: 30 };
  if (path.endsWith('/items/{itemId}')) return { title: '巡检议题二', version: 999_999 };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: 999_999 };
  if (path.endsWith('/reorder')) return { itemIds: [ZERO], version: 999_999 };
  if (path.endsWith('/open')) return { presentIds: [ZERO], version: 999_999 };
  if (path.endsWith('/positions')) return { personId: ZERO, position: 'agree' };
  if (path.endsWith('/decide')) return { outcome: 'deferred', conclusion: '下次再议', version: 999_999 };
  if (path.endsWith('/close')) return { durationMinutes: 60, version: 999_999 };
  return {};
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route answers by, on the facts as stored. */
export function decisionPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const facts = async () => {
    const m = (await meetingsRepo.byId(db(), unit(), ids().decisionMeeting!))!;
    const items = await agendaRepo.items(db(), unit(), [m.id]);
    return { m: meetingFacts(m, items), item: items.find((i) => i.id === ids().agendaItem)! };
  };
  const meeting =
    (action: keyof DecisionMeetingCan) =>
    async (a: Actor): Promise<Verdict> => {
      const { m } = await facts();
      const can = decisionMeetingPolicy(a, m);
      return { allowed: can[action], seen: can.see };
    };
  /** An item's routes: seen by those who read the item, done as the meeting allows. */
  const item =
    (action: keyof DecisionMeetingCan) =>
    async (a: Actor): Promise<Verdict> => {
      const { m, item: i } = await facts();
      const reads = decisionMeetingPolicy(a, m).see && canReadAgendaItem(a, m, itemFacts(i));
      return { allowed: reads && decisionMeetingPolicy(a, m)[action], seen: reads };
    };
  const manager = async (a: Actor) => ({ allowed: managesDecisionMeetings(a), seen: true });
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/decisions/meetings': async () => ({ allowed: true, seen: true }),
    'GET /api/decisions/meeting-defaults': manager,
    'POST /api/decisions/meetings': manager,
    'GET /api/decisions/meetings/{id}': meeting('see'),
    'PUT /api/decisions/meetings/{id}': meeting('edit'),
    'POST /api/decisions/meetings/{id}/withdraw': meeting('withdraw'),
    'POST /api/decisions/meetings/{id}/items': meeting('edit'),
    'PUT /api/decisions/meetings/{id}/items/{itemId}': item('edit'),
    'POST /api/decisions/meetings/{id}/items/{itemId}/withdraw': item('edit'),
    'POST /api/decisions/meetings/{id}/reorder': meeting('edit'),
    'POST /api/decisions/meetings/{id}/open': meeting('open'),
    'POST /api/decisions/meetings/{id}/items/{itemId}/positions': item('record'),
    'POST /api/decisions/meetings/{id}/items/{itemId}/decide': item('record'),
    'POST /api/decisions/meetings/{id}/close': meeting('close'),
    'GET /api/decisions/meetings/{id}/minutes': meeting('readMinutes'),
    'GET /api/decisions/meetings/{id}/minutes.docx': meeting('downloadMinutes'),
  };
  return policies;
}

/** The meeting's `can` as the page receives it. */
export const decisionMeetingCan = (db: () => Db, unit: () => string, ids: () => Record<string, string>) => ({
  'GET /api/decisions/meetings/{id}': async (a: Actor) => {
    const m = (await meetingsRepo.byId(db(), unit(), ids().decisionMeeting!))!;
    return decisionMeetingPolicy(a, meetingFacts(m, await agendaRepo.items(db(), unit(), [m.id])));
  },
});
