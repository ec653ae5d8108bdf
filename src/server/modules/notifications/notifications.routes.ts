import { notificationsApi as api } from '../../../shared/api/notifications.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { inbox, markRead } from './notifications.service.js';

const self = { permission: 'self' } as const;

/** The JSON endpoints are declared in src/shared/api/notifications.ts. */
const notificationsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.inbox, self, async (q) => inbox(deps, q.actor, { ...q.query, unread: q.query.unread === 'true' }));
  declare(app, api.markRead, self, async (q) => markRead(deps, q.actor, q.params.id));
  declare(app, api.markAllRead, self, async (q) => markRead(deps, q.actor));
};
export default notificationsRoutes;
