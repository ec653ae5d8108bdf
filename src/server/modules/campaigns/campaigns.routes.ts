import { z } from 'zod';
import { campaignsApi as api } from '../../../shared/api/campaigns.js';
import { contactObjectsApi as objectsApi } from '../../../shared/api/contact-objects.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { declare } from '../../endpoints.js';
import { readOneUpload, sendDownload, sizeLabel, XLSX_TYPE } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import {
  createActivity,
  createObject,
  importObjects,
  listActivities,
  listObjects,
  withdrawActivity,
} from './activities.service.js';
import { correctActivity } from './activity-corrections.service.js';
import { attachToActivity, checkCanAttachToActivity, openActivityFile } from './activity-files.service.js';
import {
  addMeasure,
  breakDownMeasure,
  createCampaign,
  departmentProgress,
  getCampaign,
  listCampaigns,
  updateMeasure,
  updateParams,
  withdrawMeasure,
} from './campaigns.service.js';
import { listRules, ruleCompliance } from './compliance.service.js';
import { addBranchRules, createRule, reviseRule, withdrawRule } from './rules.service.js';
import { addKind, listKinds, withdrawKind } from './activity-kinds.service.js';
import { activityKindsApi as kindsApi } from '../../../shared/api/activity-kinds.js';
import { objectsTemplate } from './objects-xlsx.js';
import { editObject, objectAssignments, reassignObject, setObjectActive } from './contact-object-changes.service.js';
import { campaignReport } from './report.service.js';
import { keepLeftover } from './leftovers.service.js';
import { callSpeakers, recordShare, rollCallOf } from './roll-call.service.js';
import { importTemplate, listTemplates } from './templates.service.js';

const tags = ['专项活动'];

/** JSON endpoints are declared in src/shared/api/campaigns.ts; downloads and uploads here. Registration order is the API document's. */
const campaignsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const read = { permission: 'campaign.read' } as const;
  // Dashboards that only read: with a hot standby they read there (db/replica.ts).
  const readReplica = { ...read, replica: true } as const;
  const manage = { permission: 'campaign.manage' } as const;
  const record = { permission: 'activity.record' } as const;
  declare(app, api.templates, read, async (q) => listTemplates(deps, q.actor));
  declare(app, api.importTemplate, manage, async (q) => importTemplate(deps, q.actor, q.body));
  declare(app, api.list, read, async (q) => listCampaigns(deps, q.actor));
  declare(app, api.create, manage, async (q) => createCampaign(deps, q.actor, q.body));
  declare(app, api.detail, read, async (q) => getCampaign(deps, q.actor, q.params.id));
  declare(app, api.updateParams, manage, async (q) => updateParams(deps, q.actor, q.params.id, q.body));
  declare(app, api.departments, readReplica, async (q) => departmentProgress(deps, q.actor, q.params.id));
  r.get(
    '/campaigns/:id/report.docx',
    { config: read, schema: { tags, summary: '工作情况报告（公文格式 .docx）', params: ZIdParams } },
    async (req, reply) => {
      const report = await campaignReport(deps, req.actor, req.params.id);
      return sendDownload(
        reply,
        report.fileName,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        report.data,
      );
    },
  );
  declare(app, api.addMeasure, manage, async (q) => addMeasure(deps, q.actor, q.params.id, q.body));
  declare(app, api.updateMeasure, manage, async (q) =>
    updateMeasure(deps, q.actor, q.params.id, q.params.measureId, q.body),
  );
  declare(app, api.withdrawMeasure, manage, async (q) =>
    withdrawMeasure(deps, q.actor, q.params.id, q.params.measureId, q.body.reason),
  );
  declare(app, api.keepLeftover, manage, async (q) => keepLeftover(deps, q.actor, q.params.id, q.body));
  declare(app, api.breakdown, manage, async (q) =>
    breakDownMeasure(deps, q.actor, q.params.id, q.params.measureId, q.body),
  );
  declare(app, api.rules, read, async (q) => listRules(deps, q.actor, q.params.id));
  declare(app, api.createRule, manage, async (q) => createRule(deps, q.actor, q.params.id, q.body));
  declare(app, api.compliance, readReplica, async (q) => ruleCompliance(deps, q.actor, q.params.id, q.params.ruleId));
  declare(app, kindsApi.reviseRule, manage, async (q) =>
    reviseRule(deps, q.actor, q.params.id, q.params.ruleId, q.body),
  );
  declare(app, kindsApi.withdrawRule, manage, async (q) =>
    withdrawRule(deps, q.actor, q.params.id, q.params.ruleId, q.body.reason),
  );
  declare(app, kindsApi.addBranchRules, manage, async (q) => addBranchRules(deps, q.actor, q.params.id));
  declare(app, kindsApi.list, read, async (q) => listKinds(deps, q.actor, q.query));
  declare(app, kindsApi.add, manage, async (q) => addKind(deps, q.actor, q.body));
  declare(app, kindsApi.withdraw, manage, async (q) => withdrawKind(deps, q.actor, q.params.code, q.body.reason));
  declare(app, api.objects, read, async (q) => listObjects(deps, q.actor, q.query.kind));
  declare(app, api.createObject, manage, async (q) => createObject(deps, q.actor, q.body));
  declare(app, objectsApi.editObject, manage, async (q) => editObject(deps, q.actor, q.params.id, q.body));
  declare(app, objectsApi.withdrawObject, manage, async (q) =>
    setObjectActive(deps, q.actor, q.params.id, false, q.body.reason),
  );
  declare(app, objectsApi.restoreObject, manage, async (q) =>
    setObjectActive(deps, q.actor, q.params.id, true, q.body.reason),
  );
  declare(app, objectsApi.reassignObject, manage, async (q) => reassignObject(deps, q.actor, q.params.id, q.body));
  declare(app, objectsApi.objectAssignments, read, async (q) => objectAssignments(deps, q.actor, q.params.id, q.query));
  r.get(
    '/contact-objects/template.xlsx',
    { config: manage, schema: { tags, summary: '联系对象导入模板（.xlsx）' } },
    async (_req, reply) => sendDownload(reply, '联系对象导入模板.xlsx', XLSX_TYPE, await objectsTemplate()),
  );
  r.post(
    '/contact-objects/import',
    {
      config: manage,
      schema: {
        tags,
        summary: '导入联系对象（.xlsx；dryRun=true 只检查）',
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: {
          200: z.object({
            rows: z.number().int(),
            created: z.number().int(),
            problems: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const f = await readOneUpload(req, {
        maxBytes: 5 * 1024 * 1024,
        tooLarge: '文件不能超过5MB',
        fallbackName: '联系对象.xlsx',
      });
      return importObjects(deps, req.actor, f.data, req.query.dryRun === 'true');
    },
  );
  declare(app, api.activities, read, async (q) => listActivities(deps, q.actor, q.query));
  declare(app, api.recordActivity, record, async (q) => createActivity(deps, q.actor, q.body));
  // A study's participants read its roll call too (domain/policies/activity: those it concerns see it).
  declare(app, api.rollCall, { permission: 'self' }, async (q) => rollCallOf(deps, q.actor, q.params.id));
  declare(app, api.callSpeakers, record, async (q) => callSpeakers(deps, q.actor, q.params.id, q.body.count));
  declare(app, api.recordShare, record, async (q) =>
    recordShare(deps, q.actor, q.params.id, q.params.rollCallId, q.body.shared),
  );
  r.post(
    '/activities/:id/files',
    {
      config: record,
      schema: {
        tags,
        summary: '上传活动附件（纪要、照片、签到表等，按内容校验）',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() }) },
      },
    },
    async (req) => {
      await checkCanAttachToActivity(deps, req.actor, req.params.id);
      const max = deps.config.attachmentMaxBytes;
      const f = await readOneUpload(req, {
        maxBytes: max,
        tooLarge: `附件不能超过 ${sizeLabel(max)}`,
        fallbackName: '附件',
      });
      return attachToActivity(deps, req.actor, req.params.id, f.fileName, f.data);
    },
  );
  // Those an activity concerns read its files too (domain/policies/activity readDetails decides).
  r.get(
    '/activity-files/:id',
    { config: { permission: 'self' }, schema: { tags, summary: '下载活动附件', params: ZIdParams } },
    async (req, reply) => {
      const f = await openActivityFile(deps, req.actor, req.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  );
  declare(app, api.correctActivity, record, async (q) => correctActivity(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawActivity, record, async (q) => withdrawActivity(deps, q.actor, q.params.id, q.body.reason));
};
export default campaignsRoutes;
