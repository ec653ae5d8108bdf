/**
 * The walks' part for 发文会议计划（减负, issue 18): the objects they walk (a plan entry, a registered document,
 * an unplanned meeting activity), the ids of its paths, valid bodies (stale versions) and the policy each route
 * answers by (domain/policies/decision-plan).
 */
import { planPolicy, planRecordPolicy } from '../src/domain/policies/decision-plan.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { planRepo } from '../src/server/modules/decisions/plan.repo.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

export async function seedPlanObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unit.user('office'));
  const entry = (
    await office.post('/api/decisions/plan/entries', {
      year: 2026,
      kind: 'document',
      subKind: 'notice',
      title: '巡检计划发文',
      month: 11,
    })
  ).json();
  const doc = (
    await office.post('/api/decisions/plan/documents', {
      docNo: '巡检〔2026〕1号',
      title: '巡检计划发文',
      issuedOn: '2026-11-02',
      planEntryId: entry.id,
    })
  ).json();
  const meeting = (
    await office.post('/api/activities', { type: 'meeting', title: '巡检临时会议', heldOn: '2026-11-03' })
  ).json();
  return { planEntry: entry.id as string, issuedDocument: doc.id as string, planActivity: meeting.id as string };
}

/** The fixture id kind of a plan path, or null for other paths. */
export function planKind(path: string): string | null {
  if (!path.startsWith('/api/decisions/plan/')) return null;
  return { entries: 'planEntry', documents: 'issuedDocument', activities: 'planActivity' }[path.split('/')[4]!] ?? null;
}

/** Bodies that pass validation, so that the answer is the service's; versions stale. */
export function planBody(method: string, path: string): unknown {
  if (!path.startsWith('/api/decisions/plan/')) return undefined;
  if (path === '/api/decisions/plan/entries')
    return { year: 2026, kind: 'meeting', subKind: 'weekly_work_meeting', title: '巡检例会', month: 12 };
  if (path === '/api/decisions/plan/entries/{id}')
    return { subKind: 'notice', title: '巡检发文', month: 12, version: 999_999 };
  if (path === '/api/decisions/plan/documents')
    return { docNo: '巡检〔2026〕2号', title: '巡检计划外发文', issuedOn: '2026-11-05', unplannedReason: '巡检理由' };
  if (path === '/api/decisions/plan/documents/{id}' && method === 'PUT')
    return {
      docNo: '巡检〔2026〕1号',
      title: '巡检发文',
      issuedOn: '2026-11-02',
      unplannedReason: '巡检',
      version: 999_999,
    };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: 999_999 };
  if (path === '/api/decisions/plan/copy-year') return { fromYear: 2025, toYear: 2026 };
  if (path === '/api/decisions/plan/settings')
    return {
      maxMeetingMinutes: 90,
      maxUnplannedMeetingsPerQuarter: 3,
      maxDocumentsPerYear: 60,
      mergeWithinWorkingDays: 3,
      version: 999_999,
    };
  if (path.endsWith('/reason')) return { reason: '巡检说明理由' };
  return {};
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route of this part answers by, on the facts as stored. */
export function planPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const inUnit = (a: Actor) => a.unitId === unit();
  const whole = (action: 'see' | 'manage') => async (a: Actor) => ({ allowed: planPolicy(a)[action], seen: true });
  const entry = (action: 'edit' | 'withdraw') => async (a: Actor) => {
    const can = planRecordPolicy(a, (await planRepo.entry(db(), unit(), ids().planEntry!))!);
    return { allowed: can[action], seen: can.see };
  };
  const doc = (action: 'edit' | 'withdraw') => async (a: Actor) => {
    const can = planRecordPolicy(a, (await planRepo.document(db(), unit(), ids().issuedDocument!))!);
    return { allowed: can[action], seen: can.see };
  };
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/decisions/plan/entries': whole('see'),
    'POST /api/decisions/plan/entries': whole('manage'),
    'PUT /api/decisions/plan/entries/{id}': entry('edit'),
    'POST /api/decisions/plan/entries/{id}/withdraw': entry('withdraw'),
    'POST /api/decisions/plan/copy-year': whole('manage'),
    'GET /api/decisions/plan/documents': whole('see'),
    'GET /api/decisions/plan/documents.xlsx': whole('see'),
    'POST /api/decisions/plan/documents': whole('manage'),
    'PUT /api/decisions/plan/documents/{id}': doc('edit'),
    'POST /api/decisions/plan/documents/{id}/withdraw': doc('withdraw'),
    'GET /api/decisions/plan/settings': whole('see'),
    'PUT /api/decisions/plan/settings': whole('manage'),
    'GET /api/decisions/plan/burden': whole('see'),
    'GET /api/decisions/plan/burden.xlsx': whole('see'),
    'PUT /api/decisions/plan/activities/{id}/reason': async (a) => ({
      allowed: inUnit(a) && planPolicy(a).manage,
      seen: inUnit(a) && planPolicy(a).see,
    }),
  };
  return policies;
}
