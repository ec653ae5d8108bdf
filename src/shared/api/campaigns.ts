import { z } from 'zod';
import { ZIdParams, ZReasonBody, zVersion } from '../contracts/common.js';
import * as C from '../contracts/campaigns.js';
import { endpoint } from './endpoint.js';

const tags = ['专项活动'] as const;
const ZMeasureParams = ZIdParams.extend({ measureId: z.uuid({ message: '编号格式不正确' }) });
const ZRuleParams = ZIdParams.extend({ ruleId: z.uuid({ message: '编号格式不正确' }) });
const ZRuleWithSummary = C.ZRule.extend({ summary: C.ZCompliance.shape.summary });
const ZRollCall = z.array(z.object({ id: z.uuid(), personId: z.uuid(), name: z.string(), shared: z.string() }));
const ZDepartmentProgress = z.array(
  z.object({ department: z.string(), items: z.number().int(), closed: z.number().int(), overdue: z.number().int() }),
);
const ZParamsBody = z.object({
  params: z.record(z.string(), z.number().min(0, '参数应为非负数').max(100_000)),
  version: zVersion,
});

/** The campaigns' JSON endpoints (the report, the import template and the uploads are declared in the routes). */
export const campaignsApi = {
  templates: endpoint({
    method: 'GET',
    path: '/campaign-templates',
    tags,
    summary: '可用模板及其参数',
    response: z.array(C.ZTemplateSummary),
  }),
  importTemplate: endpoint({
    method: 'POST',
    path: '/campaign-templates',
    tags,
    summary: '导入本单位模板（JSON，逐项校验）',
    body: C.ZTemplateData,
    response: C.ZTemplateSummary,
  }),
  list: endpoint({ method: 'GET', path: '/campaigns', tags, summary: '专项活动列表', response: z.array(C.ZCampaign) }),
  create: endpoint({
    method: 'POST',
    path: '/campaigns',
    tags,
    summary: '由模板创建专项活动',
    body: C.ZCampaignBody,
    response: C.ZCampaignDetail,
  }),
  detail: endpoint({
    method: 'GET',
    path: '/campaigns/:id',
    tags,
    summary: '专项活动详情（类别、措施及其进度）',
    params: ZIdParams,
    response: C.ZCampaignDetail,
  }),
  updateParams: endpoint({
    method: 'PUT',
    path: '/campaigns/:id/params',
    tags,
    summary: '修改活动参数（方案中以“*”隐去的数字）',
    params: ZIdParams,
    body: ZParamsBody,
    response: C.ZCampaignDetail,
  }),
  departments: endpoint({
    method: 'GET',
    path: '/campaigns/:id/departments',
    tags,
    summary: '各科室（中心）进度',
    params: ZIdParams,
    response: ZDepartmentProgress,
  }),
  addMeasure: endpoint({
    method: 'POST',
    path: '/campaigns/:id/measures',
    tags,
    summary: '新增措施',
    params: ZIdParams,
    body: C.ZMeasureBody,
    response: C.ZCampaignDetail,
  }),
  updateMeasure: endpoint({
    method: 'PUT',
    path: '/campaigns/:id/measures/:measureId',
    tags,
    summary: '修改措施',
    params: ZMeasureParams,
    body: C.ZMeasureUpdate,
    response: C.ZCampaignDetail,
  }),
  withdrawMeasure: endpoint({
    method: 'POST',
    path: '/campaigns/:id/measures/:measureId/withdraw',
    tags,
    summary: '撤销措施（须说明原因）',
    params: ZMeasureParams,
    body: ZReasonBody,
    response: C.ZCampaignDetail,
  }),
  breakdown: endpoint({
    method: 'POST',
    path: '/campaigns/:id/measures/:measureId/breakdown',
    tags,
    summary: '任务分解：生成督办事项',
    params: ZMeasureParams,
    body: C.ZBreakdownBody,
    response: z.object({ itemIds: z.array(z.uuid()), campaign: C.ZCampaignDetail }),
  }),
  rules: endpoint({
    method: 'GET',
    path: '/campaigns/:id/rules',
    tags,
    summary: '义务规则及其达标概况',
    params: ZIdParams,
    response: z.array(ZRuleWithSummary),
  }),
  createRule: endpoint({
    method: 'POST',
    path: '/campaigns/:id/rules',
    tags,
    summary: '新增义务规则',
    params: ZIdParams,
    body: C.ZRuleBody,
    response: C.ZRule,
  }),
  compliance: endpoint({
    method: 'GET',
    path: '/campaigns/:id/rules/:ruleId/compliance',
    tags,
    summary: '达标矩阵（对象 × 周期）',
    params: ZRuleParams,
    response: C.ZCompliance,
  }),
  objects: endpoint({
    method: 'GET',
    path: '/contact-objects',
    tags,
    summary: '联系对象（帮扶村、服务企业等）',
    query: z.object({ kind: z.enum(['village', 'enterprise', 'county', 'other']).optional() }),
    response: z.array(C.ZContactObject),
  }),
  createObject: endpoint({
    method: 'POST',
    path: '/contact-objects',
    tags,
    summary: '新增联系对象',
    body: C.ZObjectBody,
    response: C.ZContactObject,
  }),
  activities: endpoint({
    method: 'GET',
    path: '/activities',
    tags,
    summary: '活动记录',
    query: C.ZActivityQuery,
    response: z.object({
      items: z.array(C.ZActivity),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  }),
  recordActivity: endpoint({
    method: 'POST',
    path: '/activities',
    tags,
    summary: '记录活动',
    body: C.ZActivityBody,
    response: C.ZActivity,
  }),
  rollCall: endpoint({
    method: 'GET',
    path: '/activities/:id/roll-call',
    tags,
    summary: '“1+N”点名情况',
    params: ZIdParams,
    response: ZRollCall,
  }),
  callSpeakers: endpoint({
    method: 'POST',
    path: '/activities/:id/roll-call',
    tags,
    summary: '“1+N”随机点名（公平轮换）',
    params: ZIdParams,
    body: z.object({ count: z.number().int().min(1, '点名人数至少1人').max(50) }),
    response: ZRollCall,
  }),
  recordShare: endpoint({
    method: 'PUT',
    path: '/activities/:id/roll-call/:rollCallId',
    tags,
    summary: '记录分享内容',
    params: ZIdParams.extend({ rollCallId: z.uuid({ message: '编号格式不正确' }) }),
    body: z.object({ shared: z.string().trim().min(1, '请填写分享内容').max(5000) }),
    response: ZRollCall,
  }),
  withdrawActivity: endpoint({
    method: 'POST',
    path: '/activities/:id/withdraw',
    tags,
    summary: '撤销活动记录（须说明原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: C.ZActivity,
  }),
};
