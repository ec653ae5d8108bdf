/**
 * The walks' part for 考核方案与结果 and 关注名单 (issue 19): a draft scheme computed for the departments (its group:
 * 李红梅 leads, 赵敏 scores), the ids of its paths, valid bodies (stale versions) and the policy each route answers
 * by (domain/policies/assessment-scheme).
 */
import {
  attentionPolicy,
  decidesAttentionOf,
  draftsSchemes,
  schemePolicy,
  scorecardVisible,
  type SchemeCan,
} from '../src/domain/policies/assessment-scheme.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { schemesRepo } from '../src/server/modules/assessment/schemes.repo.js';
import { factsOf } from '../src/server/modules/assessment/schemes.service.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

const STALE = 999_999;

export const assessmentSchemeBody = (lead: string, member: string) => ({
  title: '巡检考核方案',
  subjectKind: 'department',
  periodKey: '2026-Q4',
  items: [
    { kind: 'indicator', id: 'ontime', title: '按时办结率', source: 'items_on_time_rate', weight: 60, span: null },
    { kind: 'manual', id: 'poll', title: '民主测评', maxPoints: 40 },
  ],
  bands: [
    { grade: 'excellent', minScore: 90, quotaPercent: 20 },
    { grade: 'competent', minScore: 70, quotaPercent: null },
    { grade: 'basic', minScore: 60, quotaPercent: null },
    { grade: 'incompetent', minScore: 0, quotaPercent: null },
  ],
  groupMemberIds: [member],
  groupLeadId: lead,
});

export async function seedAssessmentObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unit.user('office'));
  const body = assessmentSchemeBody(unit.personId.get('李红梅')!, unit.personId.get('赵敏')!);
  const scheme = (await office.post('/api/assessment/schemes', body)).json();
  await office.post(`/api/assessment/schemes/${scheme.id}/compute`, { version: scheme.version });
  const card = (await office.get(`/api/assessment/schemes/${scheme.id}/scorecards`)).json().items[0];
  return { assessmentScheme: scheme.id as string, assessmentScorecard: card.id as string };
}

/** The fixture id kind of an assessment path, or null for other paths. */
export function assessmentKind(path: string): string | null {
  if (!path.startsWith('/api/assessment/')) return null;
  return { schemes: 'assessmentScheme', scorecards: 'assessmentScorecard' }[path.split('/')[3]!] ?? null;
}

/** Bodies that pass validation, so that the answer is the service's; versions stale. */
export function assessmentBody(path: string, ids: Record<string, string>): unknown {
  if (!path.startsWith('/api/assessment/')) return undefined;
  const person = ids.person ?? '00000000-0000-4000-8000-000000000000';
  if (path === '/api/assessment/schemes') return assessmentSchemeBody(person, person);
  if (path === '/api/assessment/schemes/{id}') return { ...assessmentSchemeBody(person, person), version: STALE };
  if (path.endsWith('/withdraw')) return { reason: '巡检撤销', version: STALE };
  if (path.endsWith('/compute') || path.endsWith('/confirm')) return { version: STALE };
  if (path.endsWith('/manual-score')) return { itemId: 'poll', points: 30, reason: '巡检评分' };
  if (path.endsWith('/grade')) return { grade: 'competent', reason: '巡检调整', version: STALE };
  if (path === '/api/assessment/attention/rule')
    return { minEvents: 2, minQuarters: 2, lastQuarters: 4, version: STALE };
  if (path === '/api/assessment/attention/decisions')
    return { personId: person, windowKey: '2026-Q1..2026-Q4', decision: 'talk', reason: '巡检理由' };
  return {};
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route of this part answers by, on the facts as stored. */
export function assessmentPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const scheme = async () => (await schemesRepo.scheme(db(), unit(), ids().assessmentScheme!))!;
  const onScheme = (action: keyof SchemeCan) => async (a: Actor) => {
    const can = schemePolicy(a, factsOf(await scheme()));
    return { allowed: can[action], seen: can.see };
  };
  const onCard = (action?: 'score' | 'grade') => async (a: Actor) => {
    const s = await scheme();
    const c = (await schemesRepo.card(db(), unit(), ids().assessmentScorecard!))!;
    const seen = scorecardVisible(a, factsOf(s), c);
    return { allowed: seen && (!action || schemePolicy(a, factsOf(s))[action]), seen };
  };
  const attention = (key: 'see' | 'editRule') => async (a: Actor) => ({ allowed: attentionPolicy(a)[key], seen: true });
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/assessment/schemes': async () => ({ allowed: true, seen: true }),
    'POST /api/assessment/schemes': async (a) => ({ allowed: draftsSchemes(a), seen: true }),
    'GET /api/assessment/schemes/{id}': onScheme('see'),
    'PUT /api/assessment/schemes/{id}': onScheme('edit'),
    'POST /api/assessment/schemes/{id}/withdraw': onScheme('withdraw'),
    'POST /api/assessment/schemes/{id}/compute': onScheme('compute'),
    'POST /api/assessment/schemes/{id}/confirm': onScheme('confirm'),
    'GET /api/assessment/schemes/{id}/scorecards': onScheme('see'),
    'GET /api/assessment/schemes/{id}/results.xlsx': onScheme('export'),
    'GET /api/assessment/schemes/{id}/results.docx': onScheme('export'),
    'GET /api/assessment/scorecards/{id}': onCard(),
    'PUT /api/assessment/scorecards/{id}/manual-score': onCard('score'),
    'PUT /api/assessment/scorecards/{id}/grade': onCard('grade'),
    'GET /api/assessment/attention': attention('see'),
    'PUT /api/assessment/attention/rule': attention('editRule'),
    // The body names the walk's person: a leader may not decide their own case.
    'POST /api/assessment/attention/decisions': async (a) => ({
      allowed: attentionPolicy(a).see && decidesAttentionOf(a, ids().person!),
      seen: true,
    }),
  };
  const canShown: Record<string, (a: Actor) => Promise<Record<string, boolean>>> = {
    'GET /api/assessment/schemes/{id}': async (a) => schemePolicy(a, factsOf(await scheme())),
  };
  return { policies, canShown };
}
