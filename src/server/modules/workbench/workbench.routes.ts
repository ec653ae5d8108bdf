import { z } from 'zod';
import { typed, type RouteModule } from '../../types.js';
import { workbench } from './workbench.service.js';

const ZWorkbench = z.object({
  me: z.object({ displayName: z.string(), personName: z.string().nullable(), departmentName: z.string().nullable(), position: z.string().nullable() }),
  unitStats: z.object({ inService: z.number().int(), partyMembers: z.number().int(), leadership: z.number().int(), departments: z.number().int() }),
});

/** The workbench: who I am and what the unit has. Task lists join here as their modules land. */
const workbenchRoutes: RouteModule = async (app, deps) => {
  typed(app).get('/workbench', { config: { permission: 'self' }, schema: { tags: ['工作台'], summary: '工作台', response: { 200: ZWorkbench } } },
    async (req) => workbench(deps, req.actor));
};
export default workbenchRoutes;
