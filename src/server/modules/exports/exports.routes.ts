import { exportsApi as api } from '../../../shared/api/exports.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { exportProgress } from './exports.service.js';

/** The JSON endpoint is declared in src/shared/api/exports.ts. */
const exportsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.progress, { permission: 'self' }, async (q) => exportProgress(deps, q.actor, q.params.id));
};
export default exportsRoutes;
