import { spotChecksApi as api } from '../../../shared/api/spot-checks.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { drawSpot, listSpotChecks, recordSpotResult } from './spot-checks.service.js';

const self = { permission: 'self' } as const;

/** 随机抽查: 'self' because domain/policies/oversight decides (overseers read, the 督查室 draws and records). */
const spotChecksRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, self, async (q) => listSpotChecks(deps, q.actor, q.query));
  declare(app, api.draw, self, async (q) => drawSpot(deps, q.actor, q.body));
  declare(app, api.result, self, async (q) => recordSpotResult(deps, q.actor, q.params.id, q.body));
};
export default spotChecksRoutes;
