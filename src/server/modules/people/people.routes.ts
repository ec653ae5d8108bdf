import { z } from 'zod';
import { orgApi } from '../../../shared/api/org.js';
import { peopleApi as api } from '../../../shared/api/people.js';
import { ZRosterImport } from '../../../shared/contracts/people.js';
import { declare } from '../../endpoints.js';
import { readOneUpload, sendDownload, XLSX_TYPE } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import {
  createPerson,
  exportRoster,
  getPerson,
  listPeople,
  rosterImportTemplate,
  updatePerson,
} from './people.service.js';
import { orgChart } from './org-chart.service.js';
import { applyRosterImport, checkRosterFile, getRosterImport } from './roster-import.service.js';

const tags = ['花名册'];
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** JSON endpoints are declared in src/shared/api/people.ts; downloads and the upload here. Registration order is the API document's. */
const peopleRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const read = { permission: 'org.read' } as const;
  const write = { permission: 'people.write' } as const;

  /** The org chart: the unit's people under their departments (read with org.read, like the org lists). */
  declare(app, orgApi.chart, read, async (q) => orgChart(deps, q.actor.unitId));

  declare(app, api.list, read, async (q) => {
    const { isPartyMember, ...rest } = q.query;
    return listPeople(deps, q.actor, {
      ...rest,
      isPartyMember: isPartyMember === undefined ? undefined : isPartyMember === 'true',
    });
  });

  r.get(
    '/people/export.xlsx',
    {
      config: { permission: 'people.export' },
      schema: {
        tags,
        summary: '导出花名册（.xlsx，含联系电话：仅系统管理员和领导小组办公室）',
        querystring: z.object({ unitId: z.uuid().optional() }),
      },
    },
    async (req, reply) => {
      const f = await exportRoster(deps, req.actor, req.query.unitId);
      return sendDownload(reply, f.fileName, XLSX_TYPE, f.data);
    },
  );

  r.get(
    '/people/template.xlsx',
    { config: read, schema: { tags, summary: '下载花名册导入模板' } },
    async (req, reply) =>
      sendDownload(reply, '花名册导入模板.xlsx', XLSX_TYPE, await rosterImportTemplate(deps, req.actor)),
  );

  declare(app, api.detail, read, async (q) => getPerson(deps, q.actor, q.params.id));
  declare(app, api.create, write, async (q) => createPerson(deps, q.actor, q.body));
  declare(app, api.update, write, async (q) =>
    updatePerson(deps, q.actor, q.params.id, q.body, q.raw.headers['x-expected-version'] as string | undefined),
  );

  r.post(
    '/people/imports',
    {
      config: write,
      schema: {
        tags,
        summary: '上传花名册并检查（不写入）',
        consumes: ['multipart/form-data'],
        response: { 200: ZRosterImport },
      },
    },
    async (req) => {
      const f = await readOneUpload(req, {
        maxBytes: MAX_UPLOAD_BYTES,
        tooLarge: `文件不能超过${MAX_UPLOAD_BYTES / 1024 / 1024}MB`,
        notMultipart: '请以表单方式上传 .xlsx 文件',
        fallbackName: '花名册.xlsx',
      });
      return checkRosterFile(deps, req.actor, f.fileName, f.data);
    },
  );

  declare(app, api.importProgress, write, async (q) => getRosterImport(deps, q.actor, q.params.id));
  declare(app, api.applyImport, write, async (q) => applyRosterImport(deps, q.actor, q.params.id));
};
export default peopleRoutes;
