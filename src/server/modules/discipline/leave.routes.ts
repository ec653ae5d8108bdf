import { leaveApi as api } from '../../../shared/api/leave.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { getLeave, leaveLength, listLeave } from './leave-view.service.js';
import { approveLeave, rejectLeave, requestLeave, returnFromLeave, withdrawLeave } from './leave.service.js';

/** 请销假: every route is 'self'; the leave's policy (domain/policies/leave.ts) decides. */
const leaveRoutes: RouteModule = async (app, deps) => {
  const self = { permission: 'self' as const };
  declare(app, api.list, self, async (q) => listLeave(deps, q.actor, q.query));
  declare(app, api.length, self, async (q) =>
    leaveLength(deps, q.actor, {
      ...q.query,
      startsAfternoon: q.query.startsAfternoon === 'true',
      endsAtNoon: q.query.endsAtNoon === 'true',
    }),
  );
  declare(app, api.get, self, async (q) => getLeave(deps, q.actor, q.params.id));
  declare(app, api.request, self, async (q) => requestLeave(deps, q.actor, q.body));
  declare(app, api.approve, self, async (q) => approveLeave(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.reject, self, async (q) => rejectLeave(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdraw, self, async (q) => withdrawLeave(deps, q.actor, q.params.id, q.body));
  declare(app, api.return, self, async (q) => returnFromLeave(deps, q.actor, q.params.id, q.body));
};
export default leaveRoutes;
