import {
  ZAdoptableItem,
  ZAdoptableQuery,
  ZMeetingRulesInForce,
  ZMeetingRulesQuery,
  ZRuleDiff,
  ZRuleDiffQuery,
  ZRuleDocument,
  ZRuleDocumentBody,
  ZRuleDocumentDetail,
  ZRuleDocumentQuery,
  ZRuleVersionBody,
  ZRuleWithdraw,
} from '../contracts/decision-rules-docs.js';
import { ZIdParams, pageOf } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['议事决策：制度'] as const;

/** Rule documents (制度) and their versions: everyone of the unit reads; the office and the 党组书记 keep them. */
export const ruleDocumentsApi = {
  list: endpoint({
    method: 'GET',
    path: '/decisions/rule-documents',
    tags,
    summary: '制度列表（可按类别、科室筛选，按名称搜索）',
    query: ZRuleDocumentQuery,
    response: pageOf(ZRuleDocument),
  }),
  create: endpoint({
    method: 'POST',
    path: '/decisions/rule-documents',
    tags,
    summary: '新增制度',
    body: ZRuleDocumentBody,
    response: ZRuleDocumentDetail,
  }),
  adoptable: endpoint({
    method: 'GET',
    path: '/decisions/rule-documents/adoptable-items',
    tags,
    summary: '可作为制度通过依据的议题（本单位会议已通过的议题）',
    query: ZAdoptableQuery,
    response: pageOf(ZAdoptableItem),
  }),
  meetingRules: endpoint({
    method: 'GET',
    path: '/decisions/meeting-rules',
    tags,
    summary: '某日现行的议事规则参数及其出处',
    query: ZMeetingRulesQuery,
    response: ZMeetingRulesInForce,
  }),
  get: endpoint({
    method: 'GET',
    path: '/decisions/rule-documents/:id',
    tags,
    summary: '制度及其版本沿革',
    params: ZIdParams,
    response: ZRuleDocumentDetail,
  }),
  addVersion: endpoint({
    method: 'POST',
    path: '/decisions/rule-documents/:id/versions',
    tags,
    summary: '新增版本（生效日期须晚于上一版本）',
    params: ZIdParams,
    body: ZRuleVersionBody,
    response: ZRuleDocumentDetail,
  }),
  diff: endpoint({
    method: 'GET',
    path: '/decisions/rule-documents/:id/diff',
    tags,
    summary: '比较两个版本',
    params: ZIdParams,
    query: ZRuleDiffQuery,
    response: ZRuleDiff,
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/decisions/rule-documents/:id/withdraw',
    tags,
    summary: '撤销制度（须说明原因）',
    params: ZIdParams,
    body: ZRuleWithdraw,
    response: ZRuleDocumentDetail,
  }),
  withdrawVersion: endpoint({
    method: 'POST',
    path: '/decisions/rule-versions/:id/withdraw',
    tags,
    summary: '撤销尚未生效的版本（须说明原因）',
    params: ZIdParams,
    body: ZRuleWithdraw,
    response: ZRuleDocumentDetail,
  }),
};
