import {
  ZIndicatorBody,
  ZIndicatorDetail,
  ZIndicatorEdit,
  ZIndicatorPage,
  ZIndicatorQuery,
  ZIndicatorReportBody,
  ZIndicatorReportParams,
  ZIndicatorReviewBody,
  ZIndicatorWithdraw,
} from '../contracts/assessment-indicators.js';
import { ZIdParams } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['考核激励：考核指标'] as const;

/** 考核指标 (domain/policies/assessment-indicator): the office manages and reviews, owners report, readers see. */
export const assessmentIndicatorsApi = {
  list: endpoint({
    method: 'GET',
    path: '/assessment/indicators',
    tags,
    summary: '考核指标（含本期进度和趋势）',
    query: ZIndicatorQuery,
    response: ZIndicatorPage,
  }),
  get: endpoint({
    method: 'GET',
    path: '/assessment/indicators/:id',
    tags,
    summary: '考核指标详情（近四期的值和依据）',
    params: ZIdParams,
    response: ZIndicatorDetail,
  }),
  create: endpoint({
    method: 'POST',
    path: '/assessment/indicators',
    tags,
    summary: '新增考核指标',
    body: ZIndicatorBody,
    response: ZIndicatorDetail,
  }),
  edit: endpoint({
    method: 'PUT',
    path: '/assessment/indicators/:id',
    tags,
    summary: '修改考核指标',
    params: ZIdParams,
    body: ZIndicatorEdit,
    response: ZIndicatorDetail,
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/assessment/indicators/:id/withdraw',
    tags,
    summary: '撤销考核指标（须说明原因）',
    params: ZIdParams,
    body: ZIndicatorWithdraw,
    response: ZIndicatorDetail,
  }),
  report: endpoint({
    method: 'POST',
    path: '/assessment/indicators/:id/reports',
    tags,
    summary: '填报指标值（附佐证）',
    params: ZIdParams,
    body: ZIndicatorReportBody,
    response: ZIndicatorDetail,
  }),
  review: endpoint({
    method: 'POST',
    path: '/assessment/indicators/:id/reports/:reportId/review',
    tags,
    summary: '审核填报值（通过或退回）',
    params: ZIndicatorReportParams,
    body: ZIndicatorReviewBody,
    response: ZIndicatorDetail,
  }),
};
