import { ZWorkbench } from '../contracts/workbench.js';
import { endpoint } from './endpoint.js';

/** The workbench: who I am and what the unit has. */
export const workbenchApi = {
  workbench: endpoint({ method: 'GET', path: '/workbench', tags: ['工作台'], summary: '工作台', response: ZWorkbench }),
};
