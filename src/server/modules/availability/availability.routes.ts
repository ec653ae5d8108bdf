import { availabilityApi as api } from '../../../shared/api/availability.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { addUnavailability, listUnavailability, withdrawUnavailability } from './availability.service.js';

/** The JSON endpoints are declared in src/shared/api/availability.ts. */
const availabilityRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, { permission: 'org.read' }, async (q) => listUnavailability(deps, q.actor, q.query));
  declare(app, api.add, { permission: 'self' }, async (q) => addUnavailability(deps, q.actor, q.body));
  declare(
    app,
    api.withdraw,
    { permission: 'self' },
    async (q) => (await withdrawUnavailability(deps, q.actor, q.params.id, q.body.reason), { ok: true as const }),
  );
};
export default availabilityRoutes;
