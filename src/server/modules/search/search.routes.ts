import { searchApi as api } from '../../../shared/api/search.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { search } from './search.service.js';

/** 检索: 'self' — every source applies its own record's policy (src/server/modules/search/sources.ts). */
const searchRoutes: RouteModule = async (app, deps) => {
  declare(app, api.search, { permission: 'self' }, async (q) => search(deps, q.actor, q.query));
};
export default searchRoutes;
