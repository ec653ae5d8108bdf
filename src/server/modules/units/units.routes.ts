import { unitsApi as api } from '../../../shared/api/units.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { createChildUnit, listUnits } from './units.service.js';

/** The JSON endpoints are declared in src/shared/api/units.ts. */
const unitsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, { permission: 'org.read' }, async (q) => listUnits(deps, q.actor, q.query));
  declare(app, api.create, { permission: 'units.manage' }, async (q) => createChildUnit(deps, q.actor, q.body));
};
export default unitsRoutes;
