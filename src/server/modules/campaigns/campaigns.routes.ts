import { z } from 'zod';
import { ZIdParams, ZReasonBody, zVersion } from '../../../shared/contracts/common.js';
import * as C from '../../../shared/contracts/campaigns.js';
import { typed, type RouteModule } from '../../types.js';
import { createActivity, createObject, importObjects, listActivities, listObjects, withdrawActivity } from './activities.service.js';
import { objectsTemplate } from './objects-xlsx.js';
import { attachToActivity, checkCanAttachToActivity, openActivityFile } from './activity-files.service.js';
import { addMeasure, breakDownMeasure, createCampaign, departmentProgress, getCampaign, listCampaigns, updateMeasure, updateParams, withdrawMeasure } from './campaigns.service.js';
import { importTemplate, listTemplates } from './templates.service.js';
import { createRule, listRules, ruleCompliance } from './compliance.service.js';
import { campaignReport } from './report.service.js';
import { callSpeakers, recordShare, rollCallOf } from './roll-call.service.js';
import { readOneUpload, sendDownload, sizeLabel, XLSX_TYPE } from '../../http.js';

const tags = ['专项活动'];
const ZMeasureParams = ZIdParams.extend({ measureId: z.uuid({ message: '编号格式不正确' }) });
const ZRuleParams = ZIdParams.extend({ ruleId: z.uuid({ message: '编号格式不正确' }) });
const ZRuleWithSummary = C.ZRule.extend({ summary: C.ZCompliance.shape.summary });

const campaignsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.get('/campaign-templates', { config: { permission: 'campaign.read' }, schema: { tags, summary: '可用模板及其参数', response: { 200: z.array(C.ZTemplateSummary) } } },
    async (req) => listTemplates(deps, req.actor));
  r.post('/campaign-templates', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '导入本单位模板（JSON，逐项校验）', body: C.ZTemplateData, response: { 200: C.ZTemplateSummary } } },
    async (req) => importTemplate(deps, req.actor, req.body));
  r.get('/campaigns', { config: { permission: 'campaign.read' }, schema: { tags, summary: '专项活动列表', response: { 200: z.array(C.ZCampaign) } } },
    async (req) => listCampaigns(deps, req.actor));
  r.post('/campaigns', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '由模板创建专项活动', body: C.ZCampaignBody, response: { 200: C.ZCampaignDetail } } },
    async (req) => createCampaign(deps, req.actor, req.body));
  r.get('/campaigns/:id', { config: { permission: 'campaign.read' }, schema: { tags, summary: '专项活动详情（类别、措施及其进度）', params: ZIdParams, response: { 200: C.ZCampaignDetail } } },
    async (req) => getCampaign(deps, req.actor, req.params.id));
  r.put('/campaigns/:id/params', {
    config: { permission: 'campaign.manage' },
    schema: { tags, summary: '修改活动参数（方案中以“*”隐去的数字）', params: ZIdParams, body: z.object({ params: z.record(z.string(), z.number().min(0, '参数应为非负数').max(100_000)), version: zVersion }), response: { 200: C.ZCampaignDetail } },
  }, async (req) => updateParams(deps, req.actor, req.params.id, req.body));
  r.get('/campaigns/:id/departments', { config: { permission: 'campaign.read' }, schema: { tags, summary: '各科室（中心）进度', params: ZIdParams, response: { 200: z.array(z.object({ department: z.string(), items: z.number().int(), closed: z.number().int(), overdue: z.number().int() })) } } },
    async (req) => departmentProgress(deps, req.actor, req.params.id));
  r.get('/campaigns/:id/report.docx', { config: { permission: 'campaign.read' }, schema: { tags, summary: '工作情况报告（公文格式 .docx）', params: ZIdParams } },
    async (req, reply) => {
      const r = await campaignReport(deps, req.actor, req.params.id);
      return sendDownload(reply, r.fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', r.data);
    });
  r.post('/campaigns/:id/measures', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '新增措施', params: ZIdParams, body: C.ZMeasureBody, response: { 200: C.ZCampaignDetail } } },
    async (req) => addMeasure(deps, req.actor, req.params.id, req.body));
  r.put('/campaigns/:id/measures/:measureId', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '修改措施', params: ZMeasureParams, body: C.ZMeasureUpdate, response: { 200: C.ZCampaignDetail } } },
    async (req) => updateMeasure(deps, req.actor, req.params.id, req.params.measureId, req.body));
  r.post('/campaigns/:id/measures/:measureId/withdraw', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '撤销措施（须说明原因）', params: ZMeasureParams, body: ZReasonBody, response: { 200: C.ZCampaignDetail } } },
    async (req) => withdrawMeasure(deps, req.actor, req.params.id, req.params.measureId, req.body.reason));
  r.post('/campaigns/:id/measures/:measureId/breakdown', {
    config: { permission: 'campaign.manage' },
    schema: { tags, summary: '任务分解：生成督办事项', params: ZMeasureParams, body: C.ZBreakdownBody, response: { 200: z.object({ itemIds: z.array(z.uuid()), campaign: C.ZCampaignDetail }) } },
  }, async (req) => breakDownMeasure(deps, req.actor, req.params.id, req.params.measureId, req.body));
  r.get('/campaigns/:id/rules', { config: { permission: 'campaign.read' }, schema: { tags, summary: '义务规则及其达标概况', params: ZIdParams, response: { 200: z.array(ZRuleWithSummary) } } },
    async (req) => listRules(deps, req.actor, req.params.id));
  r.post('/campaigns/:id/rules', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '新增义务规则', params: ZIdParams, body: C.ZRuleBody, response: { 200: C.ZRule } } },
    async (req) => createRule(deps, req.actor, req.params.id, req.body));
  r.get('/campaigns/:id/rules/:ruleId/compliance', { config: { permission: 'campaign.read' }, schema: { tags, summary: '达标矩阵（对象 × 周期）', params: ZRuleParams, response: { 200: C.ZCompliance } } },
    async (req) => ruleCompliance(deps, req.actor, req.params.id, req.params.ruleId));
  r.get('/contact-objects', { config: { permission: 'campaign.read' }, schema: { tags, summary: '联系对象（帮扶村、服务企业等）', querystring: z.object({ kind: z.enum(['village', 'enterprise', 'county', 'other']).optional() }), response: { 200: z.array(C.ZContactObject) } } },
    async (req) => listObjects(deps, req.actor, req.query.kind));
  r.post('/contact-objects', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '新增联系对象', body: C.ZObjectBody, response: { 200: C.ZContactObject } } },
    async (req) => createObject(deps, req.actor, req.body));
  r.get('/contact-objects/template.xlsx', { config: { permission: 'campaign.manage' }, schema: { tags, summary: '联系对象导入模板（.xlsx）' } },
    async (_req, reply) => sendDownload(reply, '联系对象导入模板.xlsx', XLSX_TYPE, await objectsTemplate()));
  r.post('/contact-objects/import', {
    config: { permission: 'campaign.manage' },
    schema: {
      tags, summary: '导入联系对象（.xlsx；dryRun=true 只检查）', consumes: ['multipart/form-data'], querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ rows: z.number().int(), created: z.number().int(), problems: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })) }) },
    },
  }, async (req) => {
    const f = await readOneUpload(req, { maxBytes: 5 * 1024 * 1024, tooLarge: '文件不能超过5MB', fallbackName: '联系对象.xlsx' });
    return importObjects(deps, req.actor, f.data, req.query.dryRun === 'true');
  });
  r.get('/activities', { config: { permission: 'campaign.read' }, schema: { tags, summary: '活动记录', querystring: C.ZActivityQuery, response: { 200: z.object({ items: z.array(C.ZActivity), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } } },
    async (req) => listActivities(deps, req.actor, req.query));
  r.post('/activities', { config: { permission: 'activity.record' }, schema: { tags, summary: '记录活动', body: C.ZActivityBody, response: { 200: C.ZActivity } } },
    async (req) => createActivity(deps, req.actor, req.body));
  const ZRollCall = z.array(z.object({ id: z.uuid(), personId: z.uuid(), name: z.string(), shared: z.string() }));
  r.get('/activities/:id/roll-call', { config: { permission: 'campaign.read' }, schema: { tags, summary: '“1+N”点名情况', params: ZIdParams, response: { 200: ZRollCall } } },
    async (req) => rollCallOf(deps, req.actor, req.params.id));
  r.post('/activities/:id/roll-call', { config: { permission: 'activity.record' }, schema: { tags, summary: '“1+N”随机点名（公平轮换）', params: ZIdParams, body: z.object({ count: z.number().int().min(1, '点名人数至少1人').max(50) }), response: { 200: ZRollCall } } },
    async (req) => callSpeakers(deps, req.actor, req.params.id, req.body.count));
  r.put('/activities/:id/roll-call/:rollCallId', {
    config: { permission: 'activity.record' },
    schema: { tags, summary: '记录分享内容', params: ZIdParams.extend({ rollCallId: z.uuid({ message: '编号格式不正确' }) }), body: z.object({ shared: z.string().trim().min(1, '请填写分享内容').max(5000) }), response: { 200: ZRollCall } },
  }, async (req) => recordShare(deps, req.actor, req.params.id, req.params.rollCallId, req.body.shared));
  r.post('/activities/:id/files', {
    config: { permission: 'activity.record' },
    schema: { tags, summary: '上传活动附件（纪要、照片、签到表等，按内容校验）', params: ZIdParams, consumes: ['multipart/form-data'], response: { 200: z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() }) } },
  }, async (req) => {
    await checkCanAttachToActivity(deps, req.actor, req.params.id);
    const max = deps.config.attachmentMaxBytes;
    const f = await readOneUpload(req, { maxBytes: max, tooLarge: `附件不能超过 ${sizeLabel(max)}`, fallbackName: '附件' });
    return attachToActivity(deps, req.actor, req.params.id, f.fileName, f.data);
  });
  r.get('/activity-files/:id', { config: { permission: 'campaign.read' }, schema: { tags, summary: '下载活动附件', params: ZIdParams } },
    async (req, reply) => {
      const f = await openActivityFile(deps, req.actor, req.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    });
  r.post('/activities/:id/withdraw', { config: { permission: 'activity.record' }, schema: { tags, summary: '撤销活动记录（须说明原因）', params: ZIdParams, body: ZReasonBody, response: { 200: C.ZActivity } } },
    async (req) => withdrawActivity(deps, req.actor, req.params.id, req.body.reason));
};
export default campaignsRoutes;
