import { z } from 'zod';
import { ZIdParams, ZOk, ZReasonBody, pageOf } from '../../../shared/contracts/common.js';
import { ZDepartmentBody, ZGroup, ZGroupBody, ZGroupMembersBody, ZPost, ZPostBody, ZPostsQuery } from '../../../shared/contracts/org.js';
import { orgApi } from '../../../shared/api/org.js';
import { declare } from '../../endpoints.js';
import { typed, type RouteModule } from '../../types.js';
import * as org from './org.service.js';

const ok = { ok: true as const };
const okResponse = { response: { 200: ZOk } };

const orgRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const read = { permission: 'org.read' as const };
  const write = { permission: 'org.write' as const };

  declare(app, orgApi.departments, read, async (q) => org.listDepartments(deps, q.actor));
  r.post('/departments', { config: write, schema: { tags: ['组织架构'], summary: '新增科室', body: ZDepartmentBody, ...okResponse } },
    async (req) => (await org.createDepartment(deps, req.actor, req.body), ok));
  r.put('/departments/:id', { config: write, schema: { tags: ['组织架构'], summary: '修改科室', params: ZIdParams, body: ZDepartmentBody, ...okResponse } },
    async (req) => (await org.updateDepartment(deps, req.actor, req.params.id, req.body), ok));
  r.post('/departments/:id/withdraw', { config: write, schema: { tags: ['组织架构'], summary: '撤销科室（须填写原因）', params: ZIdParams, body: ZReasonBody, ...okResponse } },
    async (req) => (await org.setDepartmentActive(deps, req.actor, req.params.id, false, req.body.reason), ok));
  r.post('/departments/:id/restore', { config: write, schema: { tags: ['组织架构'], summary: '恢复科室', params: ZIdParams, body: ZReasonBody, ...okResponse } },
    async (req) => (await org.setDepartmentActive(deps, req.actor, req.params.id, true, req.body.reason), ok));

  r.get('/posts', { config: read, schema: { tags: ['组织架构'], summary: '岗位（AB岗）列表（分页、搜索）', querystring: ZPostsQuery, response: { 200: pageOf(ZPost) } } },
    async (req) => org.listPosts(deps, req.actor.unitId, { ...req.query, withdrawn: req.query.withdrawn === 'true' }));
  r.post('/posts', { config: write, schema: { tags: ['组织架构'], summary: '新增岗位', body: ZPostBody, ...okResponse } },
    async (req) => (await org.createPost(deps, req.actor, req.body), ok));
  r.put('/posts/:id', { config: write, schema: { tags: ['组织架构'], summary: '修改岗位及AB岗人员', params: ZIdParams, body: ZPostBody, ...okResponse } },
    async (req) => (await org.updatePost(deps, req.actor, req.params.id, req.body), ok));
  r.post('/posts/:id/withdraw', { config: write, schema: { tags: ['组织架构'], summary: '撤销岗位', params: ZIdParams, body: ZReasonBody, ...okResponse } },
    async (req) => (await org.withdrawPost(deps, req.actor, req.params.id, req.body.reason), ok));

  r.get('/groups', { config: read, schema: { tags: ['组织架构'], summary: '领导小组、专班、支委会', response: { 200: z.array(ZGroup) } } },
    async (req) => org.listGroups(deps, req.actor.unitId));
  r.post('/groups', { config: write, schema: { tags: ['组织架构'], summary: '新增小组', body: ZGroupBody, ...okResponse } },
    async (req) => (await org.createGroup(deps, req.actor, req.body), ok));
  r.put('/groups/:id/members', { config: write, schema: { tags: ['组织架构'], summary: '设置小组成员', params: ZIdParams, body: ZGroupMembersBody, ...okResponse } },
    async (req) => (await org.setGroupMembers(deps, req.actor, req.params.id, req.body), ok));
  r.post('/groups/:id/withdraw', { config: write, schema: { tags: ['组织架构'], summary: '撤销小组', params: ZIdParams, body: ZReasonBody, ...okResponse } },
    async (req) => (await org.withdrawGroup(deps, req.actor, req.params.id, req.body.reason), ok));
};
export default orgRoutes;
