import { assessmentIndicatorsApi as api } from '../../../shared/api/assessment-indicators.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { reportIndicatorValue, reviewIndicatorValue } from './indicator-reports.service.js';
import {
  createIndicator,
  editIndicator,
  getIndicator,
  listIndicators,
  withdrawIndicator,
} from './indicators.service.js';

const self = { permission: 'self' } as const;

/**
 * 考核指标: every route is 'self' because the indicator's policy (domain/policies/assessment-indicator.ts)
 * decides. Declared in src/shared/api/assessment-indicators.ts.
 */
const assessmentIndicatorRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, self, async (q) => listIndicators(deps, q.actor, q.query));
  declare(app, api.get, self, async (q) => getIndicator(deps, q.actor, q.params.id));
  declare(app, api.create, self, async (q) => createIndicator(deps, q.actor, q.body));
  declare(app, api.edit, self, async (q) => editIndicator(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdraw, self, async (q) => withdrawIndicator(deps, q.actor, q.params.id, q.body));
  declare(app, api.report, self, async (q) => reportIndicatorValue(deps, q.actor, q.params.id, q.body));
  declare(app, api.review, self, async (q) =>
    reviewIndicatorValue(deps, q.actor, q.params.id, q.params.reportId, q.body),
  );
};
export default assessmentIndicatorRoutes;
