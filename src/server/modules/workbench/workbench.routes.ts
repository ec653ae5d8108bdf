import { workbenchApi as api } from '../../../shared/api/workbench.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { workbench } from './workbench.service.js';

/** The workbench: who I am and what the unit has. Task lists join here as their modules land. */
const workbenchRoutes: RouteModule = async (app, deps) => {
  declare(app, api.workbench, { permission: 'self' }, async (q) => workbench(deps, q.actor));
};
export default workbenchRoutes;
