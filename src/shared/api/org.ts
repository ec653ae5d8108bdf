import { z } from 'zod';
import { ZIdParams, ZOk, ZReasonBody, pageOf } from '../contracts/common.js';
import { ZDepartment, ZDepartmentBody, ZGroup, ZGroupBody, ZGroupMembersBody, ZOrgChart, ZPost, ZPostBody, ZPostsQuery } from '../contracts/org.js';
import { endpoint } from './endpoint.js';

const tags = ['组织架构'] as const;

/** The organization: departments, posts (AB岗), groups, the org chart. */
export const orgApi = {
  chart: endpoint({ method: 'GET', path: '/org/chart', tags, summary: '组织架构图', response: ZOrgChart }),
  departments: endpoint({ method: 'GET', path: '/departments', tags, summary: '科室列表', response: z.array(ZDepartment) }),
  createDepartment: endpoint({ method: 'POST', path: '/departments', tags, summary: '新增科室', body: ZDepartmentBody, response: ZOk }),
  updateDepartment: endpoint({ method: 'PUT', path: '/departments/:id', tags, summary: '修改科室', params: ZIdParams, body: ZDepartmentBody, response: ZOk }),
  withdrawDepartment: endpoint({ method: 'POST', path: '/departments/:id/withdraw', tags, summary: '撤销科室（须填写原因）', params: ZIdParams, body: ZReasonBody, response: ZOk }),
  restoreDepartment: endpoint({ method: 'POST', path: '/departments/:id/restore', tags, summary: '恢复科室', params: ZIdParams, body: ZReasonBody, response: ZOk }),
  posts: endpoint({ method: 'GET', path: '/posts', tags, summary: '岗位（AB岗）列表（分页、搜索）', query: ZPostsQuery, response: pageOf(ZPost) }),
  createPost: endpoint({ method: 'POST', path: '/posts', tags, summary: '新增岗位', body: ZPostBody, response: ZOk }),
  updatePost: endpoint({ method: 'PUT', path: '/posts/:id', tags, summary: '修改岗位及AB岗人员', params: ZIdParams, body: ZPostBody, response: ZOk }),
  withdrawPost: endpoint({ method: 'POST', path: '/posts/:id/withdraw', tags, summary: '撤销岗位', params: ZIdParams, body: ZReasonBody, response: ZOk }),
  groups: endpoint({ method: 'GET', path: '/groups', tags, summary: '领导小组、专班、支委会', response: z.array(ZGroup) }),
  createGroup: endpoint({ method: 'POST', path: '/groups', tags, summary: '新增小组', body: ZGroupBody, response: ZOk }),
  setGroupMembers: endpoint({ method: 'PUT', path: '/groups/:id/members', tags, summary: '设置小组成员', params: ZIdParams, body: ZGroupMembersBody, response: ZOk }),
  withdrawGroup: endpoint({ method: 'POST', path: '/groups/:id/withdraw', tags, summary: '撤销小组', params: ZIdParams, body: ZReasonBody, response: ZOk }),
};
