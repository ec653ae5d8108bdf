import { z } from 'zod';
import { ZDepartment } from '../contracts/org.js';
import { endpoint } from './endpoint.js';

const tags = ['组织架构'] as const;

/** The organization's endpoints the pages read everywhere (the rest are still declared in org.routes.ts). */
export const orgApi = {
  departments: endpoint({ method: 'GET', path: '/departments', tags, summary: '科室列表', response: z.array(ZDepartment) }),
};
