import { z } from 'zod';
import { pageOf, ZReasonBody } from '../contracts/common.js';
import { ZActivityKind, ZActivityKindBody, ZActivityKindQuery } from '../contracts/campaign-activities.js';
import * as C from '../contracts/campaigns.js';
import { ZIdParams } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['专项活动'] as const;
const ZKindParams = z.object({ code: z.string().max(40) });
const ZRuleParams = ZIdParams.extend({ ruleId: z.uuid({ message: '编号格式不正确' }) });

/** Activity kinds (活动类别) and the rule changes (new versions, withdrawal) of a campaign. */
export const activityKindsApi = {
  list: endpoint({
    method: 'GET',
    path: '/activity-kinds',
    tags,
    summary: '活动类别（模板定义的与本单位增加的）',
    query: ZActivityKindQuery,
    response: pageOf(ZActivityKind),
  }),
  add: endpoint({
    method: 'POST',
    path: '/activity-kinds',
    tags,
    summary: '增加本单位的活动类别',
    body: ZActivityKindBody,
    response: ZActivityKind,
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/activity-kinds/:code/withdraw',
    tags,
    summary: '停用本单位的活动类别（仍有规则计入时不能停用）',
    params: ZKindParams,
    body: ZReasonBody,
    response: ZActivityKind,
  }),
  reviseRule: endpoint({
    method: 'POST',
    path: '/campaigns/:id/rules/:ruleId/versions',
    tags,
    summary: '修改义务规则（自生效日期起的新版本；此前开始的周期仍按原版本）',
    params: ZRuleParams,
    body: C.ZRuleVersionBody,
    response: C.ZRule,
  }),
  addBranchRules: endpoint({
    method: 'POST',
    path: '/campaigns/:id/branch-rules',
    tags,
    summary: '添加党支部“三会一课”等规则（中国共产党支部工作条例（试行））',
    params: ZIdParams,
    response: z.object({ added: z.number().int() }),
  }),
  withdrawRule: endpoint({
    method: 'POST',
    path: '/campaigns/:id/rules/:ruleId/withdraw',
    tags,
    summary: '停用义务规则（须填写原因）',
    params: ZRuleParams,
    body: ZReasonBody,
    response: C.ZRule,
  }),
};
