import { disciplineNoticesApi as api } from '../../../shared/api/discipline-notices.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { declare } from '../../endpoints.js';
import { sendDownload } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { getDisciplineSettings, saveDisciplineSettings } from './discipline-settings.service.js';
import { DOCX_TYPE, noticeDocx } from './notice-docx.service.js';
import { meetingDisciplineView } from './meeting-discipline.service.js';
import {
  approveNotice,
  candidateFindings,
  draftNotice,
  editNotice,
  getNotice,
  issueNotice,
  listNotices,
  withdrawNotice,
} from './notices.service.js';

const self = { permission: 'self' } as const;

/**
 * 通报, 会风会纪 and the discipline settings (src/shared/api/discipline-notices.ts); the .docx here. Every route
 * is 'self': domain/policies/notice.ts decides (drafts for the discipline staff and the approvers only).
 */
const disciplineNoticesRoutes: RouteModule = async (app, deps) => {
  declare(app, api.settings, self, async (q) => getDisciplineSettings(deps, q.actor));
  declare(app, api.saveSettings, self, async (q) => saveDisciplineSettings(deps, q.actor, q.body));
  declare(app, api.meetingDiscipline, self, async (q) => meetingDisciplineView(deps, q.actor, q.query));
  declare(app, api.list, self, async (q) => listNotices(deps, q.actor, q.query));
  declare(app, api.candidates, self, async (q) => candidateFindings(deps, q.actor, q.query));
  declare(app, api.draft, self, async (q) => draftNotice(deps, q.actor, q.body));
  declare(app, api.get, self, async (q) => getNotice(deps, q.actor, q.params.id));
  declare(app, api.edit, self, async (q) => editNotice(deps, q.actor, q.params.id, q.body));
  declare(app, api.approve, self, async (q) => approveNotice(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.issue, self, async (q) => issueNotice(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.withdraw, self, async (q) => withdrawNotice(deps, q.actor, q.params.id, q.body));
  typed(app).get(
    '/discipline/notices/:id/docx',
    {
      config: self,
      schema: { tags: ['纪律作风：通报与会风会纪'], summary: '通报（公文格式 .docx）', params: ZIdParams },
    },
    async (req, reply) => {
      const d = await noticeDocx(deps, req.actor, req.params.id);
      return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
    },
  );
};
export default disciplineNoticesRoutes;
