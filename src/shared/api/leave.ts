import { z } from 'zod';
import { ZIdParams, pageOf } from '../contracts/common.js';
import {
  ZLeave,
  ZLeaveBody,
  ZLeaveDecision,
  ZLeaveLength,
  ZLeaveQuery,
  ZLeaveReject,
  ZLeaveReturn,
  ZLeaveSpan,
  ZLeaveWithdraw,
} from '../contracts/leave.js';
import { endpoint } from './endpoint.js';

const tags = ['请销假'] as const;

/** 请销假 (纪律作风): requests, the head's and the 分管领导's decisions, withdrawal and 销假. */
export const leaveApi = {
  list: endpoint({
    method: 'GET',
    path: '/leave',
    tags,
    summary: '请假记录（本人、待我审批、本单位）',
    query: ZLeaveQuery,
    response: pageOf(ZLeave),
  }),
  length: endpoint({
    method: 'GET',
    path: '/leave/length',
    tags,
    summary: '按本单位日历计算请假工作日数',
    query: ZLeaveSpan.extend({
      startsAfternoon: z.enum(['true', 'false']).default('false'),
      endsAtNoon: z.enum(['true', 'false']).default('false'),
    }),
    response: ZLeaveLength,
  }),
  get: endpoint({ method: 'GET', path: '/leave/:id', tags, summary: '请假详情', params: ZIdParams, response: ZLeave }),
  request: endpoint({ method: 'POST', path: '/leave', tags, summary: '申请请假', body: ZLeaveBody, response: ZLeave }),
  approve: endpoint({
    method: 'POST',
    path: '/leave/:id/approve',
    tags,
    summary: '批准请假',
    params: ZIdParams,
    body: ZLeaveDecision,
    response: ZLeave,
  }),
  reject: endpoint({
    method: 'POST',
    path: '/leave/:id/reject',
    tags,
    summary: '不批准请假',
    params: ZIdParams,
    body: ZLeaveReject,
    response: ZLeave,
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/leave/:id/withdraw',
    tags,
    summary: '撤销请假',
    params: ZIdParams,
    body: ZLeaveWithdraw,
    response: ZLeave,
  }),
  return: endpoint({
    method: 'POST',
    path: '/leave/:id/return',
    tags,
    summary: '销假',
    params: ZIdParams,
    body: ZLeaveReturn,
    response: ZLeave,
  }),
};
