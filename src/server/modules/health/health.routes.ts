import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { typed, type RouteModule } from '../../types.js';

const healthRoutes: RouteModule = async (app, { db }) => {
  typed(app).get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const };
    },
  );
};
export default healthRoutes;
