import { z } from 'zod';
import { ZPageQuery, pageOf } from '../contracts/common.js';
import { ZUnit, ZUnitBody } from '../contracts/org.js';
import { endpoint } from './endpoint.js';

const tags = ['单位'] as const;

/** The unit and (with the supervision permission) its child units. */
export const unitsApi = {
  list: endpoint({
    method: 'GET',
    path: '/units',
    tags,
    summary: '本单位及（有督查权限时）下级单位（分页、搜索）',
    query: ZPageQuery.extend({ q: z.string().trim().max(30).optional() }),
    response: pageOf(ZUnit),
  }),
  create: endpoint({ method: 'POST', path: '/units', tags, summary: '新增下级单位', body: ZUnitBody, response: ZUnit }),
};
