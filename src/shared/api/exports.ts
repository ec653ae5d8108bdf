import { ZIdParams } from '../contracts/common.js';
import { ZExportProgress } from '../contracts/exports.js';
import { endpoint } from './endpoint.js';

/** The progress of the exports one started (the files themselves are downloads of their modules). */
export const exportsApi = {
  progress: endpoint({
    method: 'GET',
    path: '/exports/:id',
    tags: ['导出'],
    summary: '导出进度（仅本人发起的导出）',
    params: ZIdParams,
    response: ZExportProgress,
  }),
};
