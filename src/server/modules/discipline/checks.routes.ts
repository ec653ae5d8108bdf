import { disciplineChecksApi as api } from '../../../shared/api/discipline-checks.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { drawPlan, getCheck, getPlan, listPlans, recordCheck, replayPlan, withdrawCheck } from './checks.service.js';
import {
  confirmFinding,
  dismissFinding,
  explainFinding,
  getFinding,
  listFindings,
  requestExplanation,
} from './findings.service.js';

/** 在岗检查 and findings: every route is 'self'; the policies (domain/policies/check.ts, finding.ts) decide. */
const checksRoutes: RouteModule = async (app, deps) => {
  const self = { permission: 'self' } as const;
  declare(app, api.plans, self, async (q) => listPlans(deps, q.actor, q.query));
  declare(app, api.draw, self, async (q) => drawPlan(deps, q.actor, q.body));
  declare(app, api.plan, self, async (q) => getPlan(deps, q.actor, q.params.id));
  declare(app, api.replay, self, async (q) => replayPlan(deps, q.actor, q.params.id));
  declare(app, api.check, self, async (q) => getCheck(deps, q.actor, q.params.id, q.query.on));
  declare(app, api.record, self, async (q) => recordCheck(deps, q.actor, q.params.id, q.body));
  declare(
    app,
    api.withdraw,
    self,
    async (q) => (await withdrawCheck(deps, q.actor, q.params.id, q.body.reason), { ok: true as const }),
  );
  declare(app, api.findings, self, async (q) => listFindings(deps, q.actor, q.query));
  declare(app, api.finding, self, async (q) => getFinding(deps, q.actor, q.params.id));
  declare(app, api.requestExplanation, self, async (q) =>
    requestExplanation(deps, q.actor, q.params.id, q.body.version),
  );
  declare(app, api.explain, self, async (q) => explainFinding(deps, q.actor, q.params.id, q.body));
  declare(app, api.confirm, self, async (q) => confirmFinding(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.dismiss, self, async (q) => dismissFinding(deps, q.actor, q.params.id, q.body));
};
export default checksRoutes;
