/**
 * The walks' part for 督查检查计划 and 随机抽查 (issue 20): the objects they walk (a draft plan, one inspection of
 * it, a drawn spot check — made directly: no demo role is a 督查室), the ids of its paths, valid bodies (stale versions) and the policy each
 * route answers by (domain/policies/oversight).
 */
import { oversightPolicy } from '../src/domain/policies/oversight.js';
import type { Actor } from '../src/domain/roles.js';
import { DEFAULT_CLUSTER_SETTINGS } from '../src/domain/inspection-plan.js';
import { inspectionPlanRepo } from '../src/server/modules/oversight/plan.repo.js';
import { spotChecksRepo } from '../src/server/modules/oversight/spot-checks.repo.js';
import { eq } from 'drizzle-orm';
import { spotChecks } from '../src/server/db/schema/index.js';
import type { newDemoUnit, TestContext } from './helpers.js';

export async function seedOversightPlanObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const db = ctx.database.db;
  const at = ctx.clock.now();
  const by = unit.admin.id;
  const plan = (await inspectionPlanRepo.insertPlan(db, {
    unitId: unit.unit.id,
    year: 2026,
    ...DEFAULT_CLUSTER_SETTINGS,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
  }))!;
  const inspection = await inspectionPlanRepo.insertInspection(db, {
    unitId: unit.unit.id,
    planId: plan.id,
    subject: '巡检督查',
    kind: 'special',
    team: '巡检督查组',
    startsOn: '2026-11-02',
    createdBy: by,
    createdAt: at,
    updatedAt: at,
  });
  const draw = await spotChecksRepo.insertDraw(db, {
    unitId: unit.unit.id,
    size: 1,
    scope: 'all',
    seed: '0'.repeat(32),
    candidateCount: 1,
    drawnBy: by,
    createdAt: at,
  });
  await spotChecksRepo.insertChecks(db, [
    { unitId: unit.unit.id, drawId: draw.id, itemUnitId: unit.unit.id, itemId: draw.id, createdAt: at },
  ]);
  const [row] = await db.select({ id: spotChecks.id }).from(spotChecks).where(eq(spotChecks.drawId, draw.id));
  return { inspectionPlan: plan.id, inspection: inspection.id, spotCheck: row!.id };
}

/** The fixture id kind of an oversight plan path, or null for other paths. */
export function oversightPlanKind(path: string): string | null {
  if (path.startsWith('/api/oversight/plans/')) return 'inspectionPlan';
  if (path.startsWith('/api/oversight/inspections/')) return 'inspection';
  if (path.startsWith('/api/oversight/spot-checks/')) return 'spotCheck';
  return null;
}

const ZERO = '00000000-0000-4000-8000-000000000000';

/** Bodies that pass validation, so that the answer is the service's; versions stale. */
export function oversightPlanBody(path: string): unknown {
  if (!path.startsWith('/api/oversight/')) return undefined;
  const inspection = {
    subject: '巡检督查',
    kind: 'special',
    team: '巡检督查组',
    startsOn: '2026-11-03',
    unitIds: [ZERO],
  };
  if (path === '/api/oversight/plans') return { year: 2030 };
  if (path === '/api/oversight/spot-checks/draws') return { size: 3, scope: 'all' };
  if (path.endsWith('/result')) return { result: 'true', note: '', version: 999_999 };
  if (path.endsWith('/settings'))
    return { maxWithinWindow: 1, windowWorkingDays: 10, yearQuota: 4, monthQuota: 1, version: 999_999 };
  if (path.endsWith('/plans/{id}/inspections')) return inspection;
  if (path.endsWith('/merge')) return { inspectionIds: [ZERO, '00000000-0000-4000-8000-000000000001'] };
  if (path.endsWith('/approve')) return { version: 999_999, keep: [] };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: 999_999 };
  if (path.endsWith('/happened'))
    return { from: '2026-11-02', to: '2026-11-03', summary: '巡检开展情况', version: 999_999 };
  if (path === '/api/oversight/inspections/{id}') return { ...inspection, version: 999_999 };
  return {};
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route of this part answers by: overseers read, the 督查室 manages, in its own unit only. */
export function oversightPlanPolicies(unit: () => string) {
  const inUnit = (a: Actor) => a.unitId === unit();
  const read = (byId: boolean) => async (a: Actor) => ({
    allowed: oversightPolicy(a).read && (!byId || inUnit(a)),
    seen: !byId || inUnit(a),
  });
  const manage = (byId: boolean) => async (a: Actor) => ({
    allowed: oversightPolicy(a).manage && (!byId || inUnit(a)),
    seen: !byId || inUnit(a),
  });
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/oversight/plans/{year}': read(false),
    'POST /api/oversight/plans': manage(false),
    'PUT /api/oversight/plans/{id}/settings': manage(true),
    'GET /api/oversight/plans/{id}/inspections': read(true),
    'POST /api/oversight/plans/{id}/inspections': manage(true),
    'POST /api/oversight/plans/{id}/merge': manage(true),
    'POST /api/oversight/plans/{id}/approve': manage(true),
    'PUT /api/oversight/inspections/{id}': manage(true),
    'POST /api/oversight/inspections/{id}/withdraw': manage(true),
    'POST /api/oversight/inspections/{id}/happened': manage(true),
    'GET /api/oversight/spot-checks': read(false),
    'POST /api/oversight/spot-checks/draws': manage(false),
    'POST /api/oversight/spot-checks/{id}/result': manage(true),
  };
  return policies;
}
