import { shanghaiDate } from '../../../domain/civil-date.js';
import { ruleDocumentsApi as api } from '../../../shared/api/decision-rules-docs.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { meetingRulesFor } from './meeting-rules.service.js';
import {
  addRuleVersion,
  adoptableItems,
  createRuleDocument,
  getRuleDocument,
  listRuleDocuments,
  ruleDiff,
  withdrawRuleDocument,
  withdrawRuleVersion,
} from './rule-documents.service.js';

const self = { permission: 'self' } as const;

/**
 * Rule documents (制度) and their versions: every route is 'self' because the policy (domain/policies/
 * rule-document.ts) decides — everyone of the unit reads, the office and the 党组书记 keep them. Declared in
 * src/shared/api/decision-rules-docs.ts.
 */
const ruleDocumentsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, self, async (q) => listRuleDocuments(deps, q.actor, q.query));
  declare(app, api.create, self, async (q) => createRuleDocument(deps, q.actor, q.body));
  declare(app, api.adoptable, self, async (q) => adoptableItems(deps, q.actor, q.query));
  declare(app, api.meetingRules, self, async (q) =>
    meetingRulesFor(deps, q.actor.unitId, q.query.onDate ?? shanghaiDate(deps.clock.now()), q.query.kind),
  );
  declare(app, api.get, self, async (q) => getRuleDocument(deps, q.actor, q.params.id));
  declare(app, api.addVersion, self, async (q) => addRuleVersion(deps, q.actor, q.params.id, q.body));
  declare(app, api.diff, self, async (q) => ruleDiff(deps, q.actor, q.params.id, q.query));
  declare(app, api.withdraw, self, async (q) => withdrawRuleDocument(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawVersion, self, async (q) => withdrawRuleVersion(deps, q.actor, q.params.id, q.body));
};
export default ruleDocumentsRoutes;
