import { oversightPlanApi as api } from '../../../shared/api/oversight-plan.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import {
  addInspection,
  editInspection,
  listInspections,
  recordHappened,
  withdrawInspection,
} from './inspections.service.js';
import { approvePlan, createPlan, mergePlanInspections, planView, savePlanSettings } from './plan.service.js';

const self = { permission: 'self' } as const;

/**
 * 督查检查计划: every route is 'self' because domain/policies/oversight decides — the overseers read, the unit's
 * 督查室 manages. Declared in src/shared/api/oversight-plan.ts.
 */
const oversightPlanRoutes: RouteModule = async (app, deps) => {
  declare(app, api.view, self, async (q) => planView(deps, q.actor, q.params.year));
  declare(app, api.create, self, async (q) => createPlan(deps, q.actor, q.body.year));
  declare(app, api.settings, self, async (q) => savePlanSettings(deps, q.actor, q.params.id, q.body));
  declare(app, api.inspections, self, async (q) => listInspections(deps, q.actor, q.params.id, q.query));
  declare(app, api.add, self, async (q) => addInspection(deps, q.actor, q.params.id, q.body));
  declare(app, api.merge, self, async (q) => mergePlanInspections(deps, q.actor, q.params.id, q.body));
  declare(app, api.approve, self, async (q) => approvePlan(deps, q.actor, q.params.id, q.body));
  declare(app, api.edit, self, async (q) => editInspection(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdraw, self, async (q) => withdrawInspection(deps, q.actor, q.params.id, q.body));
  declare(app, api.happened, self, async (q) => recordHappened(deps, q.actor, q.params.id, q.body));
};
export default oversightPlanRoutes;
