import { z } from 'zod';
import { ZIdParams, pageOf } from '../contracts/common.js';
import { ZPeopleQuery, ZPerson, ZPersonBody, ZRosterImport } from '../contracts/people.js';
import { endpoint } from './endpoint.js';

const tags = ['花名册'] as const;

/** The roster's JSON endpoints (the export, the import template and the upload are declared in the routes). */
export const peopleApi = {
  list: endpoint({
    method: 'GET',
    path: '/people',
    tags,
    summary: '人员列表（分页、搜索、筛选）',
    query: ZPeopleQuery,
    response: pageOf(ZPerson),
  }),
  detail: endpoint({
    method: 'GET',
    path: '/people/:id',
    tags,
    summary: '人员详情',
    params: ZIdParams,
    response: ZPerson,
  }),
  create: endpoint({
    method: 'POST',
    path: '/people',
    tags,
    summary: '新增人员',
    body: ZPersonBody,
    response: ZPerson,
  }),
  update: endpoint({
    method: 'PUT',
    path: '/people/:id',
    tags,
    summary: '修改人员（离职也在此标记）',
    params: ZIdParams,
    body: ZPersonBody,
    headers: z.object({ 'x-expected-version': z.string().max(40).optional() }),
    response: ZPerson,
  }),
  importProgress: endpoint({
    method: 'GET',
    path: '/people/imports/:id',
    tags,
    summary: '导入进度',
    params: ZIdParams,
    response: ZRosterImport,
  }),
  applyImport: endpoint({
    method: 'POST',
    path: '/people/imports/:id/apply',
    tags,
    summary: '执行导入',
    params: ZIdParams,
    response: ZRosterImport,
  }),
};
