import { orgApi as api } from '../../../shared/api/org.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import * as org from './org.service.js';
import * as leaders from './department-leaders.service.js';

const ok = { ok: true as const };

/** Declared in src/shared/api/org.ts (the org chart is registered with the roster, in people.routes.ts). */
const orgRoutes: RouteModule = async (app, deps) => {
  const read = { permission: 'org.read' as const };
  const write = { permission: 'org.write' as const };

  declare(app, api.departments, read, async (q) => org.listDepartments(deps, q.actor));
  declare(app, api.createDepartment, write, async (q) => (await org.createDepartment(deps, q.actor, q.body), ok));
  declare(
    app,
    api.updateDepartment,
    write,
    async (q) => (await org.updateDepartment(deps, q.actor, q.params.id, q.body), ok),
  );
  declare(
    app,
    api.withdrawDepartment,
    write,
    async (q) => (await org.setDepartmentActive(deps, q.actor, q.params.id, false, q.body.reason), ok),
  );
  declare(
    app,
    api.restoreDepartment,
    write,
    async (q) => (await org.setDepartmentActive(deps, q.actor, q.params.id, true, q.body.reason), ok),
  );

  declare(app, api.departmentLeaders, read, async (q) => leaders.leaderHistory(deps, q.actor, q.query));
  declare(
    app,
    api.setDepartmentLeader,
    write,
    async (q) => (await leaders.setDepartmentLeader(deps, q.actor, q.body), ok),
  );

  declare(app, api.posts, read, async (q) =>
    org.listPosts(deps, q.actor.unitId, { ...q.query, withdrawn: q.query.withdrawn === 'true' }),
  );
  declare(app, api.createPost, write, async (q) => (await org.createPost(deps, q.actor, q.body), ok));
  declare(app, api.updatePost, write, async (q) => (await org.updatePost(deps, q.actor, q.params.id, q.body), ok));
  declare(
    app,
    api.withdrawPost,
    write,
    async (q) => (await org.withdrawPost(deps, q.actor, q.params.id, q.body.reason), ok),
  );

  declare(app, api.groups, read, async (q) => org.listGroups(deps, q.actor.unitId));
  declare(app, api.createGroup, write, async (q) => (await org.createGroup(deps, q.actor, q.body), ok));
  declare(
    app,
    api.setGroupMembers,
    write,
    async (q) => (await org.setGroupMembers(deps, q.actor, q.params.id, q.body), ok),
  );
  declare(
    app,
    api.withdrawGroup,
    write,
    async (q) => (await org.withdrawGroup(deps, q.actor, q.params.id, q.body.reason), ok),
  );
};
export default orgRoutes;
