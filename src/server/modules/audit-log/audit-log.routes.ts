import { auditApi as api } from '../../../shared/api/audit.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { auditEventsPage } from './audit-log.service.js';

const auditLogRoutes: RouteModule = async (app, deps) => {
  /**
   * Audit events of the unit, newest first. The unit-wide log (any filter) is the audit
   * administrator's (audit.read, 三员分立). The history of ONE object (type and id) is open with
   * history.read (office, leadership, discipline, system administrator) — except a user's history,
   * which only the security administrator who manages users reads, and each user their own.
   */
  declare(app, api.events, { permission: 'self' }, async (q) => auditEventsPage(deps, q.actor, q.query));
};
export default auditLogRoutes;
