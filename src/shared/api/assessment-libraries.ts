import { z } from 'zod';
import { ZIdParams, pageOf } from '../contracts/common.js';
import {
  ZProject,
  ZProjectBody,
  ZProjectDetail,
  ZProjectEdit,
  ZProjectQuery,
  ZProjectStageBody,
  ZProjectSummary,
  ZProjectTaskBody,
  ZWithdrawBody,
} from '../contracts/assessment-projects.js';
import {
  ZAdvice,
  ZAdviceBody,
  ZAdviceEdit,
  ZAdviceOutcomeBody,
  ZAdviceQuery,
  ZDecisionChoiceQuery,
  ZDecisionRef,
  ZExpert,
  ZExpertBody,
  ZExpertEdit,
  ZExpertPage,
  ZExpertQuery,
} from '../contracts/assessment-think-tank.js';
import { endpoint } from './endpoint.js';

const projectTags = ['考核激励：争资争项项目库'] as const;
const tankTags = ['考核激励：智库'] as const;
const P = '/assessment/projects';

/** The “争资争项” project library (domain/policies/project). The .xlsx export is declared in its routes. */
export const projectsApi = {
  list: endpoint({
    method: 'GET',
    path: P,
    tags: projectTags,
    summary: '项目库',
    query: ZProjectQuery,
    response: pageOf(ZProject),
  }),
  summary: endpoint({
    method: 'GET',
    path: `${P}/summary`,
    tags: projectTags,
    summary: '项目库汇总（按阶段、按科室）',
    response: ZProjectSummary,
  }),
  get: endpoint({
    method: 'GET',
    path: `${P}/:id`,
    tags: projectTags,
    summary: '项目详情',
    params: ZIdParams,
    response: ZProjectDetail,
  }),
  create: endpoint({
    method: 'POST',
    path: P,
    tags: projectTags,
    summary: '登记项目',
    body: ZProjectBody,
    response: ZProjectDetail,
  }),
  edit: endpoint({
    method: 'PUT',
    path: `${P}/:id`,
    tags: projectTags,
    summary: '修改项目',
    params: ZIdParams,
    body: ZProjectEdit,
    response: ZProjectDetail,
  }),
  changeStage: endpoint({
    method: 'POST',
    path: `${P}/:id/stage`,
    tags: projectTags,
    summary: '变更项目阶段（退回须说明原因）',
    params: ZIdParams,
    body: ZProjectStageBody,
    response: ZProjectDetail,
  }),
  withdraw: endpoint({
    method: 'POST',
    path: `${P}/:id/withdraw`,
    tags: projectTags,
    summary: '撤销项目（须说明原因）',
    params: ZIdParams,
    body: ZWithdrawBody,
    response: ZProjectDetail,
  }),
  addTask: endpoint({
    method: 'POST',
    path: `${P}/:id/tasks`,
    tags: projectTags,
    summary: '新增项目任务（生成督办事项）',
    params: ZIdParams,
    body: ZProjectTaskBody,
    response: ZProjectDetail,
  }),
};

const E = '/assessment/experts';
const A = '/assessment/advice';

/** The think tank: experts and their advice (domain/policies/think-tank). */
export const thinkTankApi = {
  experts: endpoint({
    method: 'GET',
    path: E,
    tags: tankTags,
    summary: '智库专家',
    query: ZExpertQuery,
    response: ZExpertPage,
  }),
  createExpert: endpoint({
    method: 'POST',
    path: E,
    tags: tankTags,
    summary: '新增专家',
    body: ZExpertBody,
    response: ZExpert,
  }),
  editExpert: endpoint({
    method: 'PUT',
    path: `${E}/:id`,
    tags: tankTags,
    summary: '修改专家信息',
    params: ZIdParams,
    body: ZExpertEdit,
    response: ZExpert,
  }),
  withdrawExpert: endpoint({
    method: 'POST',
    path: `${E}/:id/withdraw`,
    tags: tankTags,
    summary: '撤销专家（须说明原因）',
    params: ZIdParams,
    body: ZWithdrawBody,
    response: ZExpert,
  }),
  advice: endpoint({
    method: 'GET',
    path: A,
    tags: tankTags,
    summary: '专家建议',
    query: ZAdviceQuery,
    response: pageOf(ZAdvice),
  }),
  decisionChoices: endpoint({
    method: 'GET',
    path: `${A}/decisions`,
    tags: tankTags,
    summary: '可关联的会议决定（已结束的党组会议、局长办公会议）',
    query: ZDecisionChoiceQuery,
    response: z.array(ZDecisionRef),
  }),
  getAdvice: endpoint({
    method: 'GET',
    path: `${A}/:id`,
    tags: tankTags,
    summary: '建议详情',
    params: ZIdParams,
    response: ZAdvice,
  }),
  createAdvice: endpoint({
    method: 'POST',
    path: A,
    tags: tankTags,
    summary: '登记专家建议',
    body: ZAdviceBody,
    response: ZAdvice,
  }),
  editAdvice: endpoint({
    method: 'PUT',
    path: `${A}/:id`,
    tags: tankTags,
    summary: '修改专家建议',
    params: ZIdParams,
    body: ZAdviceEdit,
    response: ZAdvice,
  }),
  withdrawAdvice: endpoint({
    method: 'POST',
    path: `${A}/:id/withdraw`,
    tags: tankTags,
    summary: '撤销专家建议（须说明原因）',
    params: ZIdParams,
    body: ZWithdrawBody,
    response: ZAdvice,
  }),
  recordOutcome: endpoint({
    method: 'POST',
    path: `${A}/:id/outcome`,
    tags: tankTags,
    summary: '登记建议办理结果（采纳可关联会议决定）',
    params: ZIdParams,
    body: ZAdviceOutcomeBody,
    response: ZAdvice,
  }),
};
