import { z } from 'zod';
import { ZUnavailability, ZUnavailabilityBody } from '../contracts/availability.js';
import { ZIdParams, ZOk, ZPageQuery, ZReasonBody, pageOf } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['AB岗与不在岗'] as const;

/** Who is away (their B post holder acts for them meanwhile). */
export const availabilityApi = {
  list: endpoint({
    method: 'GET',
    path: '/unavailability',
    tags,
    summary: '不在岗登记（B岗代办期间）',
    query: ZPageQuery,
    response: pageOf(ZUnavailability),
  }),
  add: endpoint({
    method: 'POST',
    path: '/unavailability',
    tags,
    summary: '登记不在岗',
    body: ZUnavailabilityBody,
    response: z.object({ id: z.uuid() }),
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/unavailability/:id/withdraw',
    tags,
    summary: '撤销不在岗登记',
    params: ZIdParams,
    body: ZReasonBody,
    response: ZOk,
  }),
};
