import { ZIdParams, pageOf } from '../contracts/common.js';
import { ZSpotCheck, ZSpotDraw, ZSpotDrawBody, ZSpotQuery, ZSpotResultBody } from '../contracts/spot-checks.js';
import { endpoint } from './endpoint.js';

const tags = ['上级督导：随机抽查'] as const;

/** Random spot checks of the units' items (domain/spot-check-draw; domain/policies/oversight). */
export const spotChecksApi = {
  list: endpoint({
    method: 'GET',
    path: '/oversight/spot-checks',
    tags,
    summary: '随机抽查的事项及核查结果',
    query: ZSpotQuery,
    response: pageOf(ZSpotCheck),
  }),
  draw: endpoint({
    method: 'POST',
    path: '/oversight/spot-checks/draws',
    tags,
    summary: '随机抽取下级单位的事项（按单位、再按科室分层，可复现）',
    body: ZSpotDrawBody,
    response: ZSpotDraw,
  }),
  result: endpoint({
    method: 'POST',
    path: '/oversight/spot-checks/:id/result',
    tags,
    summary: '登记核查结果（不属实的事项重新打开或退回）',
    params: ZIdParams,
    body: ZSpotResultBody,
    response: ZSpotCheck,
  }),
};
