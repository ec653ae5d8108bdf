import { ZDashboard, ZDashboardQuery, ZHeatmap, ZRefreshResult } from '../contracts/oversight-dashboard.js';
import { endpoint } from './endpoint.js';

const tags = ['上级督导'] as const;

/** 汇总看板 (issue 20): the figures of the units below, from aggregates a refresh keeps. The .xlsx is a file route. */
export const oversightDashboardApi = {
  dashboard: endpoint({
    method: 'GET',
    path: '/oversight/dashboard',
    tags,
    summary: '汇总看板：下级单位的专项活动进度、逾期临期、规定动作达标率、组织生活会、最近活动（分页、筛选、排序）',
    query: ZDashboardQuery,
    response: ZDashboard,
  }),
  heatmap: endpoint({
    method: 'GET',
    path: '/oversight/dashboard/heatmap',
    tags,
    summary: '规定动作达标率热力图：单位 × 规定动作（与汇总看板同样筛选、排序、分页）',
    query: ZDashboardQuery,
    response: ZHeatmap,
  }),
  refresh: endpoint({
    method: 'POST',
    path: '/oversight/dashboard/refresh',
    tags,
    summary: '刷新汇总看板数据（督查室）',
    response: ZRefreshResult,
  }),
};
