import { assessmentSchemesApi as api } from '../../../shared/api/assessment-schemes.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { declare } from '../../endpoints.js';
import { sendDownload } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { DOCX_TYPE } from '../orglife/documents.service.js';
import { attentionView, recordAttentionDecision, saveAttentionRule } from './attention.service.js';
import { SCORECARD_COLUMNS, schemeDocx, schemeSheet } from './scheme-export.service.js';
import { createScheme, editScheme, getScheme, listSchemes, withdrawScheme } from './schemes.service.js';
import {
  changeGrade,
  computeScheme,
  confirmScheme,
  enterManualScore,
  getScorecard,
  listScorecards,
} from './scorecards.service.js';

const self = { permission: 'self' } as const;

/**
 * 考核方案与结果 and 关注名单: every route is 'self' because the policy (domain/policies/assessment-scheme.ts)
 * decides. Declared in src/shared/api/assessment-schemes.ts; the downloads here.
 */
const assessmentSchemesRoutes: RouteModule = async (app, deps) => {
  declare(app, api.schemes, self, async (q) => listSchemes(deps, q.actor, q.query));
  declare(app, api.scheme, self, async (q) => getScheme(deps, q.actor, q.params.id));
  declare(app, api.createScheme, self, async (q) => createScheme(deps, q.actor, q.body));
  declare(app, api.editScheme, self, async (q) => editScheme(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawScheme, self, async (q) => withdrawScheme(deps, q.actor, q.params.id, q.body));
  declare(app, api.computeScheme, self, async (q) => computeScheme(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.confirmScheme, self, async (q) => confirmScheme(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.scorecards, self, async (q) => listScorecards(deps, q.actor, q.params.id, q.query));
  declare(app, api.scorecard, self, async (q) => getScorecard(deps, q.actor, q.params.id));
  declare(app, api.manualScore, self, async (q) => enterManualScore(deps, q.actor, q.params.id, q.body));
  declare(app, api.grade, self, async (q) => changeGrade(deps, q.actor, q.params.id, q.body));
  declare(app, api.attention, self, async (q) => attentionView(deps, q.actor, q.query));
  declare(app, api.attentionRule, self, async (q) => saveAttentionRule(deps, q.actor, q.body));
  declare(app, api.attentionDecision, self, async (q) => recordAttentionDecision(deps, q.actor, q.body));
  const r = typed(app);
  r.get(
    '/assessment/schemes/:id/results.xlsx',
    { config: self, schema: { tags: [...api.scheme.tags], summary: '导出考核结果明细（.xlsx）', params: ZIdParams } },
    async (req, reply) => {
      const s = await schemeSheet(deps, req.actor, req.params.id);
      return streamXlsx(reply, s.fileName, '考核结果', SCORECARD_COLUMNS, s.rows);
    },
  );
  r.get(
    '/assessment/schemes/:id/results.docx',
    {
      config: self,
      schema: { tags: [...api.scheme.tags], summary: '导出考核结果汇总（公文格式 .docx）', params: ZIdParams },
    },
    async (req, reply) => {
      const d = await schemeDocx(deps, req.actor, req.params.id);
      return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
    },
  );
};
export default assessmentSchemesRoutes;
