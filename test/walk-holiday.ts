/**
 * The walks' part for 节日廉政 and 廉政教育 (issue 17): the objects they walk (a 四风 check with one item
 * inspected by 赵敏, the 2026 education plan with one session), the ids of its paths, valid bodies, and
 * the policy each route answers by.
 */
import { isDisciplineStaff } from '../src/domain/policies/who.js';
import { educationPlanPolicy } from '../src/domain/policies/integrity-education.js';
import {
  mayReadHolidayReminders,
  maySendHolidayReminder,
  sifengCheckPolicy,
  sifengItemPolicy,
} from '../src/domain/policies/sifeng-check.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { holidayRepo } from '../src/server/modules/discipline/holiday.repo.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

const ZERO = '00000000-0000-0000-0000-000000000000';

export async function seedHolidayObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const discipline = await signIn(ctx, unit.user('discipline'));
  const inspector = (await discipline.get(`/api/people?q=${encodeURIComponent('赵敏')}`)).json().items[0].id;
  const check = (
    await discipline.post('/api/discipline/sifeng-checks', {
      title: '巡检四风检查',
      fromDate: '2026-11-01',
      toDate: '2026-11-30',
      items: [{ key: 'banquets', inspectorPersonId: inspector }],
    })
  ).json();
  const item = (await discipline.get(`/api/discipline/sifeng-checks/${check.id}`)).json().itemsDetail[0];
  const plan = (await discipline.post('/api/discipline/education-plans', { year: 2026, title: '巡检计划' })).json();
  const session = (
    await discipline.post(`/api/discipline/education-plans/${plan.id}/sessions`, {
      kind: 'warning_education',
      month: 11,
      topic: '巡检警示教育',
      audience: 'all',
    })
  ).json();
  return { sifengCheck: check.id, sifengItem: item.id, educationPlan: plan.id, educationSession: session.id };
}

/** The fixture id kind of a discipline path (its third segment), or null for other paths. */
export function holidayKind(path: string): string | null {
  return (
    {
      'sifeng-checks': 'sifengCheck',
      'sifeng-items': 'sifengItem',
      'education-plans': 'educationPlan',
      'education-sessions': 'educationSession',
    }[path.startsWith('/api/discipline/') ? path.split('/')[3]! : ''] ?? null
  );
}

/** Bodies that pass validation, so that the answer is the service's; versions stale. */
export function holidayBody(path: string): unknown {
  if (path === '/api/discipline/holiday-reminders') return { periodKey: '2026:national' };
  if (path === '/api/discipline/sifeng-checks')
    return {
      title: '抽查',
      fromDate: '2026-11-01',
      toDate: '2026-11-02',
      items: [{ key: 'travel', inspectorPersonId: ZERO }],
    };
  if (path === '/api/discipline/sifeng-items/{id}/record') return { result: 'clear', version: 999_999 };
  if (path === '/api/discipline/education-plans') return { year: 2026, title: '又一个计划' };
  if (path === '/api/discipline/education-plans/{id}/sessions')
    return { kind: 'party_law_study', month: 12, topic: '巡检学习', audience: 'all' };
  if (path === '/api/discipline/education-sessions/{id}/link') return { activityId: ZERO, version: 999_999 };
  return undefined;
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route of this part answers by, on the facts as stored. */
export function holidayPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const inUnit = (a: Actor) => a.unitId === unit();
  const check = async (a: Actor) => {
    const c = (await holidayRepo.check(db(), unit(), ids().sifengCheck!))!;
    const items = await holidayRepo.items(db(), unit(), [c.id]);
    const facts = { status: c.status, inspectorPersonIds: items.map((x) => x.i.inspectorPersonId) };
    return { facts, item: items[0]!.i, can: sifengCheckPolicy(a, facts) };
  };
  const plan = (action: 'see' | 'manage', byId: boolean) => async (a: Actor) => {
    const can = educationPlanPolicy(a);
    return { allowed: (!byId || inUnit(a)) && can[action], seen: (!byId || inUnit(a)) && can.see };
  };
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/discipline/holiday-periods': async (a) => ({ allowed: mayReadHolidayReminders(a), seen: true }),
    'GET /api/discipline/holiday-reminders/preview': async (a) => ({ allowed: maySendHolidayReminder(a), seen: true }),
    'POST /api/discipline/holiday-reminders': async (a) => ({ allowed: maySendHolidayReminder(a), seen: true }),
    'GET /api/discipline/sifeng-checks': async () => ({ allowed: true, seen: true }),
    'POST /api/discipline/sifeng-checks': async (a) => ({ allowed: isDisciplineStaff(a), seen: true }),
    'GET /api/discipline/sifeng-checks/{id}': async (a) => {
      const { can } = await check(a);
      return { allowed: inUnit(a) && can.see, seen: inUnit(a) && can.see };
    },
    'POST /api/discipline/sifeng-checks/{id}/withdraw': async (a) => {
      const { can } = await check(a);
      return { allowed: inUnit(a) && can.withdraw, seen: inUnit(a) && can.see };
    },
    'POST /api/discipline/sifeng-items/{id}/record': async (a) => {
      const { facts, item } = await check(a);
      const can = sifengItemPolicy(a, facts, item);
      return { allowed: inUnit(a) && can.record, seen: inUnit(a) && can.see };
    },
    'GET /api/discipline/education-plans': plan('see', false),
    'POST /api/discipline/education-plans': plan('manage', false),
    'POST /api/discipline/education-plans/{id}/sessions': plan('manage', true),
    'GET /api/discipline/education-sessions/{id}/candidates': plan('manage', true),
    'POST /api/discipline/education-sessions/{id}/link': plan('manage', true),
    'POST /api/discipline/education-sessions/{id}/withdraw': plan('manage', true),
  };
  return policies;
}
