import { z } from 'zod';
import { ZIdParams, pageOf } from '../../../shared/contracts/common.js';
import { ZPeopleQuery, ZPerson, ZPersonBody, ZRosterImport } from '../../../shared/contracts/people.js';
import { readOneUpload, sendDownload, XLSX_TYPE } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { createPerson, exportRoster, getPerson, listPeople, rosterImportTemplate, updatePerson } from './people.service.js';
import { orgChart, ZOrgChart } from './org-chart.service.js';
import { applyRosterImport, checkRosterFile, getRosterImport } from './roster-import.service.js';

const tags = ['花名册'];
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const peopleRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);

  /** The org chart: the unit's people under their departments (read with org.read, like the org lists). */
  r.get('/org/chart', { config: { permission: 'org.read' }, schema: { tags: ['组织架构'], summary: '组织架构图', response: { 200: ZOrgChart } } },
    async (req) => orgChart(deps, req.actor.unitId));

  r.get('/people', { config: { permission: 'org.read' }, schema: { tags, summary: '人员列表（分页、搜索、筛选）', querystring: ZPeopleQuery, response: { 200: pageOf(ZPerson) } } },
    async (req) => {
      const { isPartyMember, ...q } = req.query;
      return listPeople(deps, req.actor, { ...q, isPartyMember: isPartyMember === undefined ? undefined : isPartyMember === 'true' });
    });

  r.get('/people/export.xlsx', { config: { permission: 'people.export' }, schema: { tags, summary: '导出花名册（.xlsx，含联系电话：仅系统管理员和领导小组办公室）', querystring: z.object({ unitId: z.uuid().optional() }) } },
    async (req, reply) => {
      const f = await exportRoster(deps, req.actor, req.query.unitId);
      return sendDownload(reply, f.fileName, XLSX_TYPE, f.data);
    });

  r.get('/people/template.xlsx', { config: { permission: 'org.read' }, schema: { tags, summary: '下载花名册导入模板' } },
    async (req, reply) => sendDownload(reply, '花名册导入模板.xlsx', XLSX_TYPE, await rosterImportTemplate(deps, req.actor)));

  r.get('/people/:id', { config: { permission: 'org.read' }, schema: { tags, summary: '人员详情', params: ZIdParams, response: { 200: ZPerson } } },
    async (req) => getPerson(deps, req.actor, req.params.id));

  r.post('/people', { config: { permission: 'people.write' }, schema: { tags, summary: '新增人员', body: ZPersonBody, response: { 200: ZPerson } } },
    async (req) => createPerson(deps, req.actor, req.body));

  r.put('/people/:id', {
    config: { permission: 'people.write' },
    schema: { tags, summary: '修改人员（离职也在此标记）', params: ZIdParams, body: ZPersonBody, headers: z.object({ 'x-expected-version': z.string().max(40).optional() }), response: { 200: ZPerson } },
  }, async (req) => updatePerson(deps, req.actor, req.params.id, req.body, req.headers['x-expected-version']));

  r.post('/people/imports', {
    config: { permission: 'people.write' },
    schema: { tags, summary: '上传花名册并检查（不写入）', consumes: ['multipart/form-data'], response: { 200: ZRosterImport } },
  }, async (req) => {
    const f = await readOneUpload(req, { maxBytes: MAX_UPLOAD_BYTES, tooLarge: `文件不能超过${MAX_UPLOAD_BYTES / 1024 / 1024}MB`, notMultipart: '请以表单方式上传 .xlsx 文件', fallbackName: '花名册.xlsx' });
    return checkRosterFile(deps, req.actor, f.fileName, f.data);
  });

  r.get('/people/imports/:id', { config: { permission: 'people.write' }, schema: { tags, summary: '导入进度', params: ZIdParams, response: { 200: ZRosterImport } } },
    async (req) => getRosterImport(deps, req.actor, req.params.id));

  r.post('/people/imports/:id/apply', { config: { permission: 'people.write' }, schema: { tags, summary: '执行导入', params: ZIdParams, response: { 200: ZRosterImport } } },
    async (req) => applyRosterImport(deps, req.actor, req.params.id));
};
export default peopleRoutes;
