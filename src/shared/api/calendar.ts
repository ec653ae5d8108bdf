import { z } from 'zod';
import { ZIdParams, ZReasonBody, pageOf } from '../contracts/common.js';
import * as C from '../contracts/calendar.js';
import { endpoint } from './endpoint.js';

const tags = ['工作日历与期限'] as const;

/** The working calendar and deadlines (the schedule upload is declared in the routes). */
export const calendarApi = {
  days: endpoint({
    method: 'GET',
    path: '/calendar/days',
    tags,
    summary: '日历（一段日期，最多一年）',
    query: C.ZDaysQuery,
    response: z.array(C.ZDayInfo),
  }),
  coverage: endpoint({
    method: 'GET',
    path: '/calendar/coverage',
    tags,
    summary: '已载入节假日安排的年份',
    response: C.ZCoverage,
  }),
  addWorkdays: endpoint({
    method: 'GET',
    path: '/calendar/workdays/add',
    tags,
    summary: '第 N 个工作日（收文次日为第1天）',
    query: C.ZAddQuery,
    response: C.ZDateResult,
  }),
  isWorkday: endpoint({
    method: 'GET',
    path: '/calendar/workdays/is',
    tags,
    summary: '某日是否工作日',
    query: C.ZIsQuery,
    response: C.ZDayInfo,
  }),
  workdaysBetween: endpoint({
    method: 'GET',
    path: '/calendar/workdays/between',
    tags,
    summary: '两日之间的工作日数（不含起日，含止日）',
    query: C.ZBetweenQuery,
    response: C.ZBetweenResult,
  }),
  scheduleImport: endpoint({
    method: 'GET',
    path: '/calendar/imports/:id',
    tags,
    summary: '导入预览',
    params: ZIdParams,
    response: C.ZScheduleImport,
  }),
  applyScheduleImport: endpoint({
    method: 'POST',
    path: '/calendar/imports/:id/apply',
    tags,
    summary: '应用节假日安排并重算未办结期限',
    params: ZIdParams,
    response: C.ZScheduleImport.extend({ recomputed: C.ZRecomputed }),
  }),
  overrides: endpoint({
    method: 'GET',
    path: '/calendar/overrides',
    tags,
    summary: '本单位的工作日安排',
    query: C.ZOverridesQuery,
    response: pageOf(C.ZOverride),
  }),
  setOverride: endpoint({
    method: 'POST',
    path: '/calendar/overrides',
    tags,
    summary: '设置本单位某日上班或休息',
    body: C.ZOverrideBody,
    response: z.object({ id: z.uuid(), recomputed: C.ZRecomputed }),
  }),
  withdrawOverride: endpoint({
    method: 'POST',
    path: '/calendar/overrides/:id/withdraw',
    tags,
    summary: '撤销本单位安排',
    params: ZIdParams,
    body: ZReasonBody,
    response: z.object({ recomputed: C.ZRecomputed }),
  }),
  deadlineSettings: endpoint({
    method: 'GET',
    path: '/deadline-settings',
    tags,
    summary: '本单位办理时限设置',
    response: C.ZDeadlineSettings,
  }),
  saveDeadlineSettings: endpoint({
    method: 'PUT',
    path: '/deadline-settings',
    tags,
    summary: '修改本单位办理时限设置',
    body: C.ZDeadlineSettings,
    response: C.ZDeadlineSettings,
  }),
  computeDeadline: endpoint({
    method: 'POST',
    path: '/deadlines/compute',
    tags,
    summary: '按本单位规则计算办理期限',
    body: C.ZComputeBody,
    response: C.ZComputedDeadline,
  }),
  deadlines: endpoint({
    method: 'GET',
    path: '/deadlines',
    tags,
    summary: '本单位已登记的期限',
    query: C.ZDeadlinesQuery,
    response: pageOf(C.ZDeadline),
  }),
};
