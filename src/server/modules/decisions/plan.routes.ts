import { decisionPlanApi as api } from '../../../shared/api/decision-plan.js';
import { ZBurdenQuery, ZIssuedDocumentExportQuery } from '../../../shared/contracts/decision-plan.js';
import { declare } from '../../endpoints.js';
import { typed, type RouteModule } from '../../types.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { BURDEN_COLUMNS, burdenSheet, burdenView, recordActivityReason } from './burden.service.js';
import {
  createIssuedDocument,
  editIssuedDocument,
  issuedDocumentsSheet,
  listIssuedDocuments,
  REGISTER_COLUMNS,
  withdrawIssuedDocument,
} from './issued-documents.service.js';
import {
  copyPlanYear,
  createPlanEntry,
  editPlanEntry,
  getBurdenSettings,
  listPlanEntries,
  saveBurdenSettings,
  withdrawPlanEntry,
} from './plan.service.js';

const self = { permission: 'self' } as const;

/**
 * 发文会议计划（减负）: every route is 'self' because the plan's policy (domain/policies/decision-plan.ts)
 * decides — the office and the 党组书记 manage, the leadership reads. Declared in src/shared/api/decision-plan.ts.
 */
const decisionPlanRoutes: RouteModule = async (app, deps) => {
  declare(app, api.entries, self, async (q) => listPlanEntries(deps, q.actor, q.query));
  declare(app, api.createEntry, self, async (q) => createPlanEntry(deps, q.actor, q.body));
  declare(app, api.editEntry, self, async (q) => editPlanEntry(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawEntry, self, async (q) => withdrawPlanEntry(deps, q.actor, q.params.id, q.body));
  declare(app, api.copyYear, self, async (q) => copyPlanYear(deps, q.actor, q.body));
  declare(app, api.documents, self, async (q) => listIssuedDocuments(deps, q.actor, q.query));
  declare(app, api.createDocument, self, async (q) => createIssuedDocument(deps, q.actor, q.body));
  declare(app, api.editDocument, self, async (q) => editIssuedDocument(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawDocument, self, async (q) => withdrawIssuedDocument(deps, q.actor, q.params.id, q.body));
  declare(app, api.settings, self, async (q) => getBurdenSettings(deps, q.actor));
  declare(app, api.saveSettings, self, async (q) => saveBurdenSettings(deps, q.actor, q.body));
  declare(app, api.burden, self, async (q) => burdenView(deps, q.actor, q.query));
  declare(app, api.activityReason, self, async (q) => recordActivityReason(deps, q.actor, q.params.id, q.body.reason));
  const r = typed(app);
  r.get(
    '/decisions/plan/documents.xlsx',
    {
      config: self,
      schema: {
        tags: [...api.documents.tags],
        summary: '导出发文登记（.xlsx）',
        querystring: ZIssuedDocumentExportQuery,
      },
    },
    async (req, reply) => {
      const s = await issuedDocumentsSheet(deps, req.actor, req.query);
      return streamXlsx(reply, s.fileName, '发文登记', REGISTER_COLUMNS, s.rows);
    },
  );
  r.get(
    '/decisions/plan/burden.xlsx',
    {
      config: self,
      schema: { tags: [...api.burden.tags], summary: '导出计划执行情况（.xlsx）', querystring: ZBurdenQuery },
    },
    async (req, reply) => {
      const s = await burdenSheet(deps, req.actor, req.query);
      return streamXlsx(reply, s.fileName, '计划执行情况', BURDEN_COLUMNS, s.rows);
    },
  );
};
export default decisionPlanRoutes;
