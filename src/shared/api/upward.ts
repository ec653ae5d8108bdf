import { z } from 'zod';
import { ZIdParams, pageOf } from '../contracts/common.js';
import {
  ZIncoming,
  ZIncomingQuery,
  ZIncomingRegisterBody,
  ZUpwardChaseBody,
  ZUpwardRequest,
  ZUpwardRequestBody,
  ZUpwardRequestsQuery,
  ZUpwardTarget,
  ZUpwardTargetsQuery,
  ZUpwardWithdrawBody,
} from '../contracts/upward.js';
import { endpoint } from './endpoint.js';

const tags = ['上报与交办'] as const;

/**
 * 上报 and 上级交办 (issue 20): the upper level's requests to the units below (`/oversight/requests`) and what
 * each unit below receives (`/upward/incoming`). The file routes (submission upload, downloads, the archive) are
 * declared in the routes.
 */
export const upwardApi = {
  requests: endpoint({
    method: 'GET',
    path: '/oversight/requests',
    tags,
    summary: '向下级单位下发的报告要求和交办事项（分页）',
    query: ZUpwardRequestsQuery,
    response: pageOf(ZUpwardRequest),
  }),
  create: endpoint({
    method: 'POST',
    path: '/oversight/requests',
    tags,
    summary: '下发报告要求或交办事项（按工作日计算时限）',
    body: ZUpwardRequestBody,
    response: ZUpwardRequest,
  }),
  get: endpoint({
    method: 'GET',
    path: '/oversight/requests/:id',
    tags,
    summary: '一件报告要求或交办事项',
    params: ZIdParams,
    response: ZUpwardRequest,
  }),
  targets: endpoint({
    method: 'GET',
    path: '/oversight/requests/:id/targets',
    tags,
    summary: '各下级单位的上报、办理情况（分页，可筛选逾期）',
    params: ZIdParams,
    query: ZUpwardTargetsQuery,
    response: pageOf(ZUpwardTarget),
  }),
  chase: endpoint({
    method: 'POST',
    path: '/oversight/requests/:id/chase',
    tags,
    summary: '催报、催办（不选单位时催所有逾期单位）',
    params: ZIdParams,
    body: ZUpwardChaseBody,
    response: z.object({ chased: z.number().int() }),
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/oversight/requests/:id/withdraw',
    tags,
    summary: '撤回（须说明原因，不删除）',
    params: ZIdParams,
    body: ZUpwardWithdrawBody,
    response: ZUpwardRequest,
  }),
  incoming: endpoint({
    method: 'GET',
    path: '/upward/incoming',
    tags,
    summary: '上级来文：上级单位要求本单位上报的材料和交办的事项（分页）',
    query: ZIncomingQuery,
    response: pageOf(ZIncoming),
  }),
  register: endpoint({
    method: 'POST',
    path: '/upward/incoming/:id/register',
    tags,
    summary: '登记办理：作为收文登记进入本单位督办台账',
    params: ZIdParams,
    body: ZIncomingRegisterBody,
    response: ZIncoming,
  }),
};
