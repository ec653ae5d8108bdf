import { z } from 'zod';
import { typed, type RouteModule } from '../../types.js';
import { checkHealth } from './health.service.js';

const healthRoutes: RouteModule = async (app, deps) => {
  typed(app).get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => checkHealth(deps),
  );
};
export default healthRoutes;
