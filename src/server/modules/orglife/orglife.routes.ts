import { z } from 'zod';
import { ZIdParams, ZOk, ZPageQuery, ZReasonBody, zVersion } from '../../../shared/contracts/common.js';
import * as L from '../../../shared/contracts/orglife.js';
import { readOneUpload, sendDownload, sizeLabel } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { situationReport, statementOutline, DOCX_TYPE } from './documents.service.js';
import { actOnList, getList, importAdopted, listsOverview, myList, saveList } from './lists.service.js';
import { createMeeting, listMeetings, meetingDetail, recordMeeting, updateMeeting } from './meetings.service.js';
import { classifyItem, decideItem, listItems, mergeItems, unmergeItem } from './opinion-items.service.js';
import { generateRectification, rectificationList, rectificationSheet } from './rectification.service.js';
import { attachStudyMaterial, checkCanAttachStudy, createStudy, openStudyMaterial, saveStatement, signIn, studyView, withdrawStudy } from './study.service.js';
import { generatePlan, recordTalk, talkView, voidTalk } from './talks.service.js';

const tags = ['专题组织生活会'];
const ZVersion = z.object({ version: zVersion });
const manage = { permission: 'orglife.manage' } as const;
const self = { permission: 'self' } as const;

/** Personal lists, talks and opinion items are filtered by the services (domain/orglife-access), not only by the permission here. */
const orglifeRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.get('/org-life', { config: self, schema: { tags, summary: '专题组织生活会列表', querystring: ZPageQuery } }, async (req) => listMeetings(deps, req.actor, req.query.page, req.query.pageSize));
  r.post('/org-life', { config: manage, schema: { tags, summary: '新建专题组织生活会', body: L.ZMeetingBody } }, async (req) => createMeeting(deps, req.actor, req.body));
  r.get('/org-life/:id', { config: self, schema: { tags, summary: '会议概况与各项完成数', params: ZIdParams } }, async (req) => meetingDetail(deps, req.actor, req.params.id));
  r.put('/org-life/:id', { config: manage, schema: { tags, summary: '修改会议设置', params: ZIdParams, body: L.ZMeetingBody.extend(ZVersion.shape) } }, async (req) => updateMeeting(deps, req.actor, req.params.id, req.body));
  r.post('/org-life/:id/record', { config: manage, schema: { tags, summary: '登记会议召开情况（到会率不足不能召开）', params: ZIdParams, body: L.ZMeetingRecordBody } }, async (req) => recordMeeting(deps, req.actor, req.params.id, req.body));
  r.get('/org-life/:id/report.docx', { config: manage, schema: { tags, summary: '情况报告（公文格式 .docx）', params: ZIdParams } }, async (req, reply) => {
    const d = await situationReport(deps, req.actor, req.params.id);
    return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
  });

  r.get('/org-life/:id/study', { config: self, schema: { tags, summary: '会前学习', params: ZIdParams } }, async (req) => studyView(deps, req.actor, req.params.id));
  r.post('/org-life/:id/study', { config: manage, schema: { tags, summary: '安排会前学习', params: ZIdParams, body: L.ZStudyBody } }, async (req) => createStudy(deps, req.actor, req.params.id, req.body));
  r.post('/study-sessions/:id/sign-in', { config: self, schema: { tags, summary: '签到（本人；组织者可代多人签到）', params: ZIdParams, body: z.object({ personIds: z.array(z.uuid({ message: '人员编号格式不正确' })).max(500).nullable().default(null) }) } },
    async (req) => signIn(deps, req.actor, req.params.id, req.body.personIds));
  r.put('/study-sessions/:id/statement', { config: self, schema: { tags, summary: '提交本人研讨发言', params: ZIdParams, body: L.ZStatementBody } }, async (req) => saveStatement(deps, req.actor, req.params.id, req.body));
  r.post('/study-sessions/:id/files', { config: manage, schema: { tags, summary: '上传学习材料（按内容校验类型）', params: ZIdParams, consumes: ['multipart/form-data'] } }, async (req) => {
    await checkCanAttachStudy(deps, req.actor, req.params.id);
    const max = deps.config.attachmentMaxBytes;
    const f = await readOneUpload(req, { maxBytes: max, tooLarge: `文件不能超过 ${sizeLabel(max)}`, fallbackName: '学习材料' });
    return attachStudyMaterial(deps, req.actor, req.params.id, f.fileName, f.data);
  });
  r.get('/study-sessions/:id/files/:sha256', { config: self, schema: { tags, summary: '下载学习材料', params: ZIdParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件编号格式不正确') }) } }, async (req, reply) => {
    const f = await openStudyMaterial(deps, req.actor, req.params.id, req.params.sha256);
    return sendDownload(reply, f.fileName, f.mime, f.data);
  });
  r.post('/study-sessions/:id/withdraw', { config: manage, schema: { tags, summary: '撤销学习安排（须说明原因）', params: ZIdParams, body: ZReasonBody } }, async (req) => withdrawStudy(deps, req.actor, req.params.id, req.body.reason));

  r.get('/org-life/:id/talks', { config: self, schema: { tags, summary: '谈心谈话：计划、覆盖情况与记录', params: ZIdParams } }, async (req) => talkView(deps, req.actor, req.params.id));
  r.post('/org-life/:id/talk-plan', { config: manage, schema: { tags, summary: '生成谈话计划（含班子成员“一对三”）', params: ZIdParams, body: ZVersion } }, async (req) => generatePlan(deps, req.actor, req.params.id, req.body.version));
  r.post('/org-life/:id/talks', { config: self, schema: { tags, summary: '登记谈心谈话', params: ZIdParams, body: L.ZTalkBody } }, async (req) => recordTalk(deps, req.actor, req.params.id, req.body));
  r.post('/talks/:id/void', { config: self, schema: { tags, summary: '作废谈话记录（须说明原因）', params: ZIdParams, body: ZReasonBody } }, async (req) => voidTalk(deps, req.actor, req.params.id, req.body.reason));

  r.get('/org-life/:id/lists', { config: self, schema: { tags, summary: '自查清单一览（按可见范围）', params: ZIdParams } }, async (req) => listsOverview(deps, req.actor, req.params.id));
  r.get('/org-life/:id/lists/mine', { config: self, schema: { tags, summary: '我的个人自查清单', params: ZIdParams } }, async (req) => myList(deps, req.actor, req.params.id));
  r.post('/org-life/:id/lists/branch/import-adopted', { config: manage, schema: { tags, summary: '把已采纳的意见加入党支部清单', params: ZIdParams, body: ZVersion } },
    async (req) => importAdopted(deps, req.actor, req.params.id, req.body.version));
  r.get('/self-check-lists/:id', { config: self, schema: { tags, summary: '自查清单', params: ZIdParams } }, async (req) => getList(deps, req.actor, req.params.id));
  r.put('/self-check-lists/:id', { config: self, schema: { tags, summary: '保存自查清单', params: ZIdParams, body: L.ZListSaveBody } }, async (req) => saveList(deps, req.actor, req.params.id, req.body));
  r.post('/self-check-lists/:id/action', { config: self, schema: { tags, summary: '提交、退回或审核自查清单', params: ZIdParams, body: L.ZListActionBody } }, async (req) => actOnList(deps, req.actor, req.params.id, req.body));
  r.get('/self-check-lists/:id/outline.docx', { config: self, schema: { tags, summary: '发言提纲（.docx）', params: ZIdParams } }, async (req, reply) => {
    const d = await statementOutline(deps, req.actor, req.params.id);
    return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
  });

  r.get('/org-life/:id/rectification', { config: manage, schema: { tags, summary: '整改清单', params: ZIdParams } }, async (req) => rectificationList(deps, req.actor, req.params.id));
  r.post('/org-life/:id/rectification', { config: manage, schema: { tags, summary: '生成整改督办事项', params: ZIdParams } }, async (req) => generateRectification(deps, req.actor, req.params.id));
  r.get('/org-life/:id/rectification.xlsx', { config: manage, schema: { tags, summary: '整改清单（.xlsx）', params: ZIdParams } }, async (req, reply) => {
    const s = await rectificationSheet(deps, req.actor, req.params.id);
    return streamXlsx(reply, `${s.title}整改清单.xlsx`, '整改清单', s.columns, s.rows);
  });

  // Opinion items: the managers and the triage (意见分拣); domain/policies/opinion-item decides per item.
  r.get('/opinion-forms/:id/items', { config: self, schema: { tags, summary: '意见条目（分类、合并、采纳）', params: ZIdParams, querystring: L.ZItemQuery } },
    async (req) => listItems(deps, req.actor, req.params.id, req.query));
  r.post('/opinion-items/:id/classify', { config: self, schema: { tags, summary: '意见分类（类别、指向）', params: ZIdParams, body: L.ZClassifyBody } },
    async (req) => classifyItem(deps, req.actor, req.params.id, req.body));
  r.post('/opinion-items/:id/decide', { config: { permission: 'opinions.manage' }, schema: { tags, summary: '采纳或不予采纳', params: ZIdParams, body: L.ZDecideItemBody, response: { 200: ZOk } } },
    async (req) => decideItem(deps, req.actor, req.params.id, req.body));
  r.post('/opinion-items/merge', { config: self, schema: { tags, summary: '合并重复意见', body: L.ZMergeBody, response: { 200: ZOk } } }, async (req) => mergeItems(deps, req.actor, req.body));
  r.post('/opinion-items/:id/unmerge', { config: self, schema: { tags, summary: '撤销合并（须说明原因）', params: ZIdParams, body: ZReasonBody, response: { 200: ZOk } } },
    async (req) => unmergeItem(deps, req.actor, req.params.id, req.body.reason));
};
export default orglifeRoutes;
