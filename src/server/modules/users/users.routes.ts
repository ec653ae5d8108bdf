import { usersApi as api } from '../../../shared/api/users.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import * as users from './users.service.js';

const ok = { ok: true as const };

/** The JSON endpoints are declared in src/shared/api/users.ts. */
const usersRoutes: RouteModule = async (app, deps) => {
  const manage = { permission: 'users.manage' as const };

  declare(app, api.list, manage, async (q) => users.listUsers(deps, q.actor, q.query));
  declare(app, api.create, manage, async (q) => ({ id: (await users.createUser(deps, q.actor, q.body)).id }));
  declare(app, api.patch, manage, async (q) => (await users.patchUser(deps, q.actor, q.params.id, q.body), ok));
  declare(
    app,
    api.resetPassword,
    manage,
    async (q) => (await users.resetPassword(deps, q.actor, q.params.id, q.body.password), ok),
  );
  declare(
    app,
    api.resetTotp,
    manage,
    async (q) => (await users.resetTotp(deps, q.actor, q.params.id, q.body.reason), ok),
  );
  declare(app, api.grant, manage, async (q) => (await users.addGrant(deps, q.actor, q.params.id, q.body), ok));
  declare(
    app,
    api.revokeGrant,
    manage,
    async (q) => (await users.revokeGrant(deps, q.actor, q.params.id, q.params.grantId, q.body.reason), ok),
  );
};
export default usersRoutes;
