import { z } from 'zod';
import { ZIdParams } from '../contracts/common.js';
import * as S from '../contracts/supervision.js';
import { endpoint } from './endpoint.js';

const tags = ['督查督办'] as const;
/** 催办 is listed with the inbox in the API docs, where it has always been. */
const chaseTags = ['提醒与催办'] as const;
const ZMilestoneParams = ZIdParams.extend({ milestoneId: z.uuid({ message: '编号格式不正确' }) });
const ZRequestParams = ZIdParams.extend({ requestId: z.uuid({ message: '编号格式不正确' }) });

/** The supervision's JSON endpoints (downloads and the multipart upload are declared in the routes). */
export const supervisionApi = {
  createItem: endpoint({
    method: 'POST',
    path: '/items',
    tags,
    summary: '交办督办事项',
    body: S.ZItemBody,
    response: S.ZItemDetail,
  }),
  registerDocument: endpoint({
    method: 'POST',
    path: '/documents',
    tags,
    summary: '收文登记（生成督办事项与办理期限）',
    body: S.ZDocumentBody,
    response: S.ZItemDetail,
  }),
  ledger: endpoint({
    method: 'GET',
    path: '/items',
    tags,
    summary: '督办台账（筛选、分页、三色）',
    query: S.ZLedgerQuery,
    response: S.ZLedgerPage,
  }),
  rankings: endpoint({
    method: 'GET',
    path: '/rankings',
    tags,
    summary: '比一比、晒一晒：按科室或分管领导排名',
    query: S.ZRankingQuery,
    response: z.array(S.ZRankingRow),
  }),
  reviewable: endpoint({
    method: 'GET',
    path: '/items/reviewable',
    tags,
    summary: '待我复核的事项（按复核范围）',
    query: S.ZLedgerQuery,
    response: S.ZLedgerPage,
  }),
  mine: endpoint({
    method: 'GET',
    path: '/items/mine',
    tags,
    summary: '我承办的事项',
    query: S.ZLedgerQuery,
    response: S.ZLedgerPage,
  }),
  item: endpoint({
    method: 'GET',
    path: '/items/:id',
    tags,
    summary: '督办事项详情',
    params: ZIdParams,
    response: S.ZItemDetail,
  }),
  transition: endpoint({
    method: 'POST',
    path: '/items/:id/transitions',
    tags,
    summary: '签收、提交、退回、销号、撤销、重新打开',
    params: ZIdParams,
    body: S.ZTransitionBody,
    response: S.ZItemDetail,
  }),
  report: endpoint({
    method: 'POST',
    path: '/items/:id/reports',
    tags,
    summary: '报送进展（幂等）',
    params: ZIdParams,
    body: S.ZReportBody,
    response: z.object({ stored: z.boolean(), item: S.ZItemDetail }),
  }),
  requestExtension: endpoint({
    method: 'POST',
    path: '/items/:id/extensions',
    tags,
    summary: '申请延期（特殊情况）',
    params: ZIdParams,
    body: S.ZExtensionBody,
    response: S.ZItemDetail,
  }),
  completeMilestone: endpoint({
    method: 'POST',
    path: '/items/:id/milestones/:milestoneId/done',
    tags,
    summary: '完成节点',
    params: ZMilestoneParams,
    body: S.ZMilestoneDoneBody,
    response: S.ZItemDetail,
  }),
  decideExtension: endpoint({
    method: 'POST',
    path: '/items/:id/extensions/:requestId/decision',
    tags,
    summary: '审批延期申请',
    params: ZRequestParams,
    body: S.ZDecisionBody,
    response: S.ZItemDetail,
  }),
  chase: endpoint({
    method: 'POST',
    path: '/items/chase',
    tags: chaseTags,
    summary: '催办（一项或多项）',
    body: S.ZChaseBody,
    response: z.object({ chased: z.number().int() }),
  }),
};
