import { deliveriesApi as api } from '../../../shared/api/deliveries.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import {
  deliveryLog,
  getPreferences,
  getSettings,
  retryDelivery,
  savePreferences,
  saveSettings,
} from './deliveries.service.js';

const manage = { permission: 'channels.manage' } as const;
const self = { permission: 'self' } as const;

/** The JSON endpoints are declared in src/shared/api/deliveries.ts. */
const deliveriesRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, manage, async (q) => deliveryLog(deps, q.actor, q.query));
  declare(app, api.retry, manage, async (q) => retryDelivery(deps, q.actor, q.params.id, q.body.reason));
  declare(app, api.settings, manage, async (q) => getSettings(deps, q.actor));
  declare(app, api.saveSettings, manage, async (q) => saveSettings(deps, q.actor, q.body));
  declare(app, api.preferences, self, async (q) => getPreferences(deps, q.actor));
  declare(app, api.savePreferences, self, async (q) => savePreferences(deps, q.actor, q.body));
};
export default deliveriesRoutes;
