import type { FastifyRequest } from 'fastify';
import { unitsApi as api } from '../../../shared/api/units.js';
import { declare } from '../../endpoints.js';
import { AppError } from '../../errors.js';
import { RateLimiter } from '../../plugins/rate-limit.js';
import type { RouteModule } from '../../types.js';
import { acceptInvite, createInvite, inviteInfo, listInvites, revokeInvite } from './invites.service.js';
import {
  createChildUnit,
  deactivateUnit,
  editUnit,
  listUnits,
  moveUnit,
  reactivateUnit,
  unitOr404,
} from './units.service.js';

const read = { permission: 'org.read' } as const;
const manage = { permission: 'units.manage' } as const;

/** The JSON endpoints are declared in src/shared/api/units.ts; domain/policies/unit decides per unit. */
const unitsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, read, async (q) => listUnits(deps, q.actor, q.query));
  declare(app, api.get, read, async (q) => (await unitOr404(deps, q.actor, q.params.id)).unit);
  declare(app, api.create, manage, async (q) => createChildUnit(deps, q.actor, q.body));
  declare(app, api.edit, manage, async (q) => editUnit(deps, q.actor, q.params.id, q.body));
  declare(app, api.move, manage, async (q) => moveUnit(deps, q.actor, q.params.id, q.body));
  declare(app, api.deactivate, manage, async (q) => deactivateUnit(deps, q.actor, q.params.id, q.body));
  declare(app, api.reactivate, manage, async (q) => reactivateUnit(deps, q.actor, q.params.id));
  declare(app, api.invites, manage, async (q) => listInvites(deps, q.actor, q.params.id));
  declare(app, api.invite, manage, async (q) => createInvite(deps, q.actor, q.params.id, q.body));
  declare(app, api.revokeInvite, manage, async (q) => revokeInvite(deps, q.actor, q.params.id, q.params.inviteId));

  // The invitation's link is public: whoever holds it within 72 hours sets the password. Tries per address are
  // limited like sign-in, so that guessing tokens (256 bits) is not even attempted at speed.
  const limiter = new RateLimiter(deps.config.loginLimitPerMinute, 60_000);
  const limit = (request: FastifyRequest) => {
    if (!limiter.take(request.ip, deps.clock.now().getTime()))
      throw new AppError(429, 'rate_limited', '尝试过于频繁，请1分钟后再试');
  };
  declare(app, api.inviteInfo, { public: true }, async (q) => {
    limit(q.raw);
    return inviteInfo(deps, q.params.token);
  });
  declare(app, api.acceptInvite, { public: true }, async (q) => {
    limit(q.raw);
    return acceptInvite(deps, q.params.token, q.body);
  });
};
export default unitsRoutes;
