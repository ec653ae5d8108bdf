/**
 * The walks' part for 考核指标 (issue 19): the objects they walk (a reported department indicator of 综合科 and a
 * submitted report of it), the ids of its paths, valid bodies (stale versions, a period already reported) and
 * the policy each route answers by (domain/policies/assessment-indicator).
 */
import {
  indicatorPolicy,
  indicatorsPolicy,
  mayReviewReport,
  opensIndicators,
  type IndicatorActor,
} from '../src/domain/policies/assessment-indicator.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { accessFacts } from '../src/server/modules/assessment/indicator-present.js';
import { indicatorsRepo } from '../src/server/modules/assessment/indicators.repo.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

const BASE = '/api/assessment/indicators';

export async function seedIndicatorObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unit.user('office'));
  const depts = (await office.get('/api/departments')).json() as { id: string; name: string }[];
  const indicator = (
    await office.post(BASE, {
      ownerKind: 'department',
      ownerId: depts.find((d) => d.name.startsWith('综合科'))!.id,
      title: '巡检填报指标',
      unitLabel: '万元',
      target: 10,
      direction: 'at_least',
      periodKind: 'quarter',
      source: 'reported',
    })
  ).json();
  const reported = (
    await office.post(`${BASE}/${indicator.id}/reports`, { periodKey: '2026-Q4', value: 5, evidence: '巡检佐证' })
  ).json();
  return { indicator: indicator.id as string, indicatorReport: reported.reports[0].id as string };
}

/** The fixture id kind of an indicator path, or null for other paths. */
export const indicatorKind = (path: string): string | null => (path.startsWith(BASE) ? 'indicator' : null);

/** Bodies that pass validation, so that the answer is the service's; versions stale, the period already reported. */
export function indicatorBody(path: string): unknown {
  if (!path.startsWith(BASE)) return undefined;
  if (path === BASE)
    return {
      ownerKind: 'department',
      ownerId: '00000000-0000-4000-8000-000000000000',
      title: '巡检指标',
      unitLabel: '件',
      target: 1,
      direction: 'at_least',
      periodKind: 'year',
      source: 'reported',
    };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: 999_999 };
  if (path.endsWith('/reports')) return { periodKey: '2026-Q4', value: 1, evidence: '巡检填报' };
  if (path.endsWith('/review')) return { decision: 'return', reason: '巡检退回', version: 999_999 };
  return { measureId: null, title: '巡检指标', unitLabel: '万元', target: 1, direction: 'at_least', version: 999_999 };
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route of this part answers by, on the facts as stored. */
export function indicatorPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const reader = async (a: Actor): Promise<IndicatorActor> => ({
    ...a,
    departmentId: await indicatorsRepo.departmentOf(db(), a.unitId, a.personId),
  });
  const one = (action: 'see' | 'edit' | 'withdraw' | 'report' | 'review') => async (a: Actor) => {
    const can = indicatorPolicy(
      await reader(a),
      accessFacts((await indicatorsRepo.one(db(), unit(), ids().indicator!))!),
    );
    return { allowed: can[action], seen: can.see };
  };
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    [`GET ${BASE}`]: async (a) => ({ allowed: opensIndicators(a), seen: true }),
    [`POST ${BASE}`]: async (a) => ({ allowed: indicatorsPolicy(a).create, seen: true }),
    [`GET ${BASE}/{id}`]: one('see'),
    [`PUT ${BASE}/{id}`]: one('edit'),
    [`POST ${BASE}/{id}/withdraw`]: one('withdraw'),
    [`POST ${BASE}/{id}/reports`]: one('report'),
    // The walk's value was reported by the office: nobody reviews their own (mayReviewReport).
    [`POST ${BASE}/{id}/reports/{reportId}/review`]: async (a: Actor) => {
      const can = indicatorPolicy(
        await reader(a),
        accessFacts((await indicatorsRepo.one(db(), unit(), ids().indicator!))!),
      );
      const report = (await indicatorsRepo.report(db(), unit(), ids().indicator!, ids().indicatorReport!))!;
      return { allowed: mayReviewReport(can, a, report), seen: can.see };
    },
  };
  const canShown = {
    [`GET ${BASE}/{id}`]: async (a: Actor) =>
      indicatorPolicy(await reader(a), accessFacts((await indicatorsRepo.one(db(), unit(), ids().indicator!))!)),
  };
  return { policies, canShown };
}
