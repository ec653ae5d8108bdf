import { z } from 'zod';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { typed, type RouteModule } from '../../types.js';
import { exportProgress } from './exports.service.js';

const ZExportProgress = z.object({ id: z.uuid(), kind: z.string(), total: z.number().int(), done: z.number().int(), status: z.enum(['running', 'done', 'failed']) });

const exportsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.get('/exports/:id', { config: { permission: 'self' }, schema: { tags: ['导出'], summary: '导出进度（仅本人发起的导出）', params: ZIdParams, response: { 200: ZExportProgress } } },
    async (req) => exportProgress(deps, req.actor, req.params.id));
};
export default exportsRoutes;
