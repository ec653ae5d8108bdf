import { decisionsApi as api } from '../../../shared/api/decisions.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { declare } from '../../endpoints.js';
import { sendDownload } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { DOCX_TYPE } from '../discipline/notice-docx.service.js';
import { addAgendaItem, editAgendaItem, reorderAgenda, withdrawAgendaItem } from './agenda.service.js';
import { listMeetings, meetingDefaults } from './meetings-read.service.js';
import {
  closeMeeting,
  createMeeting,
  editMeeting,
  getMeeting,
  openMeeting,
  withdrawMeeting,
} from './meetings.service.js';
import { minutesDocx, minutesView } from './minutes.service.js';
import { decideItem, recordPosition } from './session.service.js';

const self = { permission: 'self' } as const;

/**
 * 议事决策 (src/shared/api/decisions.ts); the minutes .docx here. Every route is 'self': domain/policies/
 * decision-meeting.ts decides — a meeting is seen by its members, 记录人 and 列席 and by those who prepare
 * meetings, and by nobody else (the administrator included).
 */
const decisionsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, self, async (q) => listMeetings(deps, q.actor, q.query));
  declare(app, api.defaults, self, async (q) => meetingDefaults(deps, q.actor, q.query));
  declare(app, api.create, self, async (q) => createMeeting(deps, q.actor, q.body));
  declare(app, api.get, self, async (q) => getMeeting(deps, q.actor, q.params.id));
  declare(app, api.edit, self, async (q) => editMeeting(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdraw, self, async (q) => withdrawMeeting(deps, q.actor, q.params.id, q.body));
  declare(app, api.addItem, self, async (q) => addAgendaItem(deps, q.actor, q.params.id, q.body));
  declare(app, api.editItem, self, async (q) => editAgendaItem(deps, q.actor, q.params.id, q.params.itemId, q.body));
  declare(app, api.withdrawItem, self, async (q) =>
    withdrawAgendaItem(deps, q.actor, q.params.id, q.params.itemId, q.body),
  );
  declare(app, api.reorder, self, async (q) => reorderAgenda(deps, q.actor, q.params.id, q.body));
  declare(app, api.open, self, async (q) => openMeeting(deps, q.actor, q.params.id, q.body));
  declare(app, api.recordPosition, self, async (q) =>
    recordPosition(deps, q.actor, q.params.id, q.params.itemId, q.body),
  );
  declare(app, api.decide, self, async (q) => decideItem(deps, q.actor, q.params.id, q.params.itemId, q.body));
  declare(app, api.close, self, async (q) => closeMeeting(deps, q.actor, q.params.id, q.body));
  declare(app, api.minutes, self, async (q) => minutesView(deps, q.actor, q.params.id));
  typed(app).get(
    '/decisions/meetings/:id/minutes.docx',
    {
      config: self,
      schema: { tags: [...api.minutes.tags], summary: '会议纪要（GB/T 9704 纪要格式 .docx）', params: ZIdParams },
    },
    async (req, reply) => {
      const d = await minutesDocx(deps, req.actor, req.params.id);
      return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
    },
  );
};
export default decisionsRoutes;
