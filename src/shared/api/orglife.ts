import { z } from 'zod';
import { ZIdParams, ZOk, ZPageQuery, ZReasonBody, zVersion } from '../contracts/common.js';
import * as L from '../contracts/orglife.js';
import { endpoint } from './endpoint.js';

const tags = ['专题组织生活会'] as const;
const ZVersion = z.object({ version: zVersion });
const ZSignInBody = z.object({
  personIds: z
    .array(z.uuid({ message: '人员编号格式不正确' }))
    .max(500)
    .nullable()
    .default(null),
});

/**
 * The organizational life meeting's JSON endpoints (the reports, the sheet, the outline, the study
 * materials' download and upload are declared in the routes).
 */
export const orglifeApi = {
  meetings: endpoint({
    method: 'GET',
    path: '/org-life',
    tags,
    summary: '专题组织生活会列表',
    query: ZPageQuery,
    response: L.ZMeetingPage,
  }),
  createMeeting: endpoint({
    method: 'POST',
    path: '/org-life',
    tags,
    summary: '新建专题组织生活会',
    body: L.ZMeetingBody,
    response: L.ZMeetingDetail,
  }),
  meeting: endpoint({
    method: 'GET',
    path: '/org-life/:id',
    tags,
    summary: '会议概况与各项完成数',
    params: ZIdParams,
    response: L.ZMeetingDetail,
  }),
  updateMeeting: endpoint({
    method: 'PUT',
    path: '/org-life/:id',
    tags,
    summary: '修改会议设置',
    params: ZIdParams,
    body: L.ZMeetingBody.extend(ZVersion.shape),
    response: L.ZMeetingDetail,
  }),
  recordMeeting: endpoint({
    method: 'POST',
    path: '/org-life/:id/record',
    tags,
    summary: '登记会议召开情况（到会率不足不能召开）',
    params: ZIdParams,
    body: L.ZMeetingRecordBody,
    response: L.ZMeetingDetail,
  }),

  study: endpoint({
    method: 'GET',
    path: '/org-life/:id/study',
    tags,
    summary: '会前学习',
    params: ZIdParams,
    response: L.ZStudyView,
  }),
  createStudy: endpoint({
    method: 'POST',
    path: '/org-life/:id/study',
    tags,
    summary: '安排会前学习',
    params: ZIdParams,
    body: L.ZStudyBody,
    response: L.ZStudyView,
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/study-sessions/:id/sign-in',
    tags,
    summary: '签到（本人；组织者可代多人签到）',
    params: ZIdParams,
    body: ZSignInBody,
    response: L.ZStudyView,
  }),
  saveStatement: endpoint({
    method: 'PUT',
    path: '/study-sessions/:id/statement',
    tags,
    summary: '提交本人研讨发言',
    params: ZIdParams,
    body: L.ZStatementBody,
    response: L.ZStudyView,
  }),
  withdrawStudy: endpoint({
    method: 'POST',
    path: '/study-sessions/:id/withdraw',
    tags,
    summary: '撤销学习安排（须说明原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: L.ZStudyView,
  }),

  talks: endpoint({
    method: 'GET',
    path: '/org-life/:id/talks',
    tags,
    summary: '谈心谈话：计划、覆盖情况与记录',
    params: ZIdParams,
    response: L.ZTalkView,
  }),
  talkPlan: endpoint({
    method: 'POST',
    path: '/org-life/:id/talk-plan',
    tags,
    summary: '生成谈话计划（含班子成员“一对三”）',
    params: ZIdParams,
    body: ZVersion,
    response: L.ZTalkView,
  }),
  recordTalk: endpoint({
    method: 'POST',
    path: '/org-life/:id/talks',
    tags,
    summary: '登记谈心谈话',
    params: ZIdParams,
    body: L.ZTalkBody,
    response: L.ZTalkView,
  }),
  voidTalk: endpoint({
    method: 'POST',
    path: '/talks/:id/void',
    tags,
    summary: '作废谈话记录（须说明原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: L.ZTalkView,
  }),

  lists: endpoint({
    method: 'GET',
    path: '/org-life/:id/lists',
    tags,
    summary: '自查清单一览（按可见范围）',
    params: ZIdParams,
    response: L.ZListsOverview,
  }),
  myList: endpoint({
    method: 'GET',
    path: '/org-life/:id/lists/mine',
    tags,
    summary: '我的个人自查清单',
    params: ZIdParams,
    response: L.ZSelfCheckList,
  }),
  importAdopted: endpoint({
    method: 'POST',
    path: '/org-life/:id/lists/branch/import-adopted',
    tags,
    summary: '把已采纳的意见加入党支部清单',
    params: ZIdParams,
    body: ZVersion,
    response: L.ZSelfCheckList,
  }),
  list: endpoint({
    method: 'GET',
    path: '/self-check-lists/:id',
    tags,
    summary: '自查清单',
    params: ZIdParams,
    response: L.ZSelfCheckList,
  }),
  saveList: endpoint({
    method: 'PUT',
    path: '/self-check-lists/:id',
    tags,
    summary: '保存自查清单',
    params: ZIdParams,
    body: L.ZListSaveBody,
    response: L.ZSelfCheckList,
  }),
  actOnList: endpoint({
    method: 'POST',
    path: '/self-check-lists/:id/action',
    tags,
    summary: '提交、退回或审核自查清单',
    params: ZIdParams,
    body: L.ZListActionBody,
    response: L.ZSelfCheckList,
  }),

  rectification: endpoint({
    method: 'GET',
    path: '/org-life/:id/rectification',
    tags,
    summary: '整改清单',
    params: ZIdParams,
    response: L.ZRectification,
  }),
  generateRectification: endpoint({
    method: 'POST',
    path: '/org-life/:id/rectification',
    tags,
    summary: '生成整改督办事项',
    params: ZIdParams,
    response: L.ZRectification,
  }),

  // Opinion items: the managers and the triage (意见分拣); domain/policies/opinion-item decides per item.
  items: endpoint({
    method: 'GET',
    path: '/opinion-forms/:id/items',
    tags,
    summary: '意见条目（分类、合并、采纳）',
    params: ZIdParams,
    query: L.ZItemQuery,
    response: L.ZOpinionItemPage,
  }),
  classify: endpoint({
    method: 'POST',
    path: '/opinion-items/:id/classify',
    tags,
    summary: '意见分类（类别、指向）',
    params: ZIdParams,
    body: L.ZClassifyBody,
    response: L.ZOpinionItem,
  }),
  decide: endpoint({
    method: 'POST',
    path: '/opinion-items/:id/decide',
    tags,
    summary: '采纳或不予采纳',
    params: ZIdParams,
    body: L.ZDecideItemBody,
    response: ZOk,
  }),
  merge: endpoint({
    method: 'POST',
    path: '/opinion-items/merge',
    tags,
    summary: '合并重复意见',
    body: L.ZMergeBody,
    response: ZOk,
  }),
  unmerge: endpoint({
    method: 'POST',
    path: '/opinion-items/:id/unmerge',
    tags,
    summary: '撤销合并（须说明原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: ZOk,
  }),
};
