import { z } from 'zod';
import { orglifeApi as api } from '../../../shared/api/orglife.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { ZStudyView } from '../../../shared/contracts/orglife.js';
import { declare } from '../../endpoints.js';
import { readOneUpload, sendDownload, sizeLabel } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { situationReport, statementOutline, DOCX_TYPE } from './documents.service.js';
import { actOnList, getList, importAdopted, listsOverview, myList, saveList } from './lists.service.js';
import { createMeeting, listMeetings, meetingDetail, recordMeeting, updateMeeting } from './meetings.service.js';
import { classifyItem, decideItem, listItems, mergeItems, unmergeItem } from './opinion-items.service.js';
import { generateRectification, rectificationList, rectificationSheet } from './rectification.service.js';
import {
  attachStudyMaterial,
  checkCanAttachStudy,
  createStudy,
  openStudyMaterial,
  saveStatement,
  signIn,
  studyView,
  withdrawStudy,
} from './study.service.js';
import { generatePlan, recordTalk, talkView, voidTalk } from './talks.service.js';

const tags = ['专题组织生活会'];
const manage = { permission: 'orglife.manage' } as const;
const self = { permission: 'self' } as const;

/**
 * JSON endpoints are declared in src/shared/api/orglife.ts; downloads and the upload here. Registration order is the API document's.
 * Personal lists, talks and opinion items are filtered by the services (domain/orglife-access), not only by the permission here.
 */
const orglifeRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  declare(app, api.meetings, self, async (q) => listMeetings(deps, q.actor, q.query.page, q.query.pageSize));
  declare(app, api.createMeeting, manage, async (q) => createMeeting(deps, q.actor, q.body));
  declare(app, api.meeting, self, async (q) => meetingDetail(deps, q.actor, q.params.id));
  declare(app, api.updateMeeting, manage, async (q) => updateMeeting(deps, q.actor, q.params.id, q.body));
  declare(app, api.recordMeeting, manage, async (q) => recordMeeting(deps, q.actor, q.params.id, q.body));
  r.get(
    '/org-life/:id/report.docx',
    { config: manage, schema: { tags, summary: '情况报告（公文格式 .docx）', params: ZIdParams } },
    async (req, reply) => {
      const d = await situationReport(deps, req.actor, req.params.id);
      return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
    },
  );

  declare(app, api.study, self, async (q) => studyView(deps, q.actor, q.params.id));
  declare(app, api.createStudy, manage, async (q) => createStudy(deps, q.actor, q.params.id, q.body));
  declare(app, api.signIn, self, async (q) => signIn(deps, q.actor, q.params.id, q.body.personIds));
  declare(app, api.saveStatement, self, async (q) => saveStatement(deps, q.actor, q.params.id, q.body));
  r.post(
    '/study-sessions/:id/files',
    {
      config: manage,
      schema: {
        tags,
        summary: '上传学习材料（按内容校验类型）',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZStudyView },
      },
    },
    async (req) => {
      await checkCanAttachStudy(deps, req.actor, req.params.id);
      const max = deps.config.attachmentMaxBytes;
      const f = await readOneUpload(req, {
        maxBytes: max,
        tooLarge: `文件不能超过 ${sizeLabel(max)}`,
        fallbackName: '学习材料',
      });
      return attachStudyMaterial(deps, req.actor, req.params.id, f.fileName, f.data);
    },
  );
  r.get(
    '/study-sessions/:id/files/:sha256',
    {
      config: self,
      schema: {
        tags,
        summary: '下载学习材料',
        params: ZIdParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件编号格式不正确') }),
      },
    },
    async (req, reply) => {
      const f = await openStudyMaterial(deps, req.actor, req.params.id, req.params.sha256);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  );
  declare(app, api.withdrawStudy, manage, async (q) => withdrawStudy(deps, q.actor, q.params.id, q.body.reason));

  declare(app, api.talks, self, async (q) => talkView(deps, q.actor, q.params.id));
  declare(app, api.talkPlan, manage, async (q) => generatePlan(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.recordTalk, self, async (q) => recordTalk(deps, q.actor, q.params.id, q.body));
  declare(app, api.voidTalk, self, async (q) => voidTalk(deps, q.actor, q.params.id, q.body.reason));

  declare(app, api.lists, self, async (q) => listsOverview(deps, q.actor, q.params.id));
  declare(app, api.myList, self, async (q) => myList(deps, q.actor, q.params.id));
  declare(app, api.importAdopted, manage, async (q) => importAdopted(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.list, self, async (q) => getList(deps, q.actor, q.params.id));
  declare(app, api.saveList, self, async (q) => saveList(deps, q.actor, q.params.id, q.body));
  declare(app, api.actOnList, self, async (q) => actOnList(deps, q.actor, q.params.id, q.body));
  r.get(
    '/self-check-lists/:id/outline.docx',
    { config: self, schema: { tags, summary: '发言提纲（.docx）', params: ZIdParams } },
    async (req, reply) => {
      const d = await statementOutline(deps, req.actor, req.params.id);
      return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
    },
  );

  declare(app, api.rectification, manage, async (q) => rectificationList(deps, q.actor, q.params.id));
  declare(app, api.generateRectification, manage, async (q) => generateRectification(deps, q.actor, q.params.id));
  r.get(
    '/org-life/:id/rectification.xlsx',
    { config: manage, schema: { tags, summary: '整改清单（.xlsx）', params: ZIdParams } },
    async (req, reply) => {
      const s = await rectificationSheet(deps, req.actor, req.params.id);
      return streamXlsx(reply, `${s.title}整改清单.xlsx`, '整改清单', s.columns, s.rows);
    },
  );

  // Opinion items: the managers and the triage (意见分拣); domain/policies/opinion-item decides per item.
  declare(app, api.items, self, async (q) => listItems(deps, q.actor, q.params.id, q.query));
  declare(app, api.classify, self, async (q) => classifyItem(deps, q.actor, q.params.id, q.body));
  declare(app, api.decide, { permission: 'opinions.manage' }, async (q) =>
    decideItem(deps, q.actor, q.params.id, q.body),
  );
  declare(app, api.merge, self, async (q) => mergeItems(deps, q.actor, q.body));
  declare(app, api.unmerge, self, async (q) => unmergeItem(deps, q.actor, q.params.id, q.body.reason));
};
export default orglifeRoutes;
