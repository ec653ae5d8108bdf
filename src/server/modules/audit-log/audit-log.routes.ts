import { pageOf } from '../../../shared/contracts/common.js';
import { ZAuditEvent, ZAuditQuery } from '../../../shared/contracts/audit.js';
import { typed, type RouteModule } from '../../types.js';
import { auditEventsPage } from './audit-log.service.js';

const tags = ['审计'];

const auditLogRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);

  /**
   * Audit events of the unit, newest first. The unit-wide log (any filter) is the audit
   * administrator's (audit.read, 三员分立). The history of ONE object (type and id) is open with
   * history.read (office, leadership, discipline, system administrator) — except a user's history,
   * which only the security administrator who manages users reads, and each user their own.
   */
  r.get('/audit/events', { config: { permission: 'self' }, schema: { tags, summary: '审计记录（可按对象筛选）', querystring: ZAuditQuery, response: { 200: pageOf(ZAuditEvent) } } },
    async (req) => auditEventsPage(deps, req.actor, req.query));
};
export default auditLogRoutes;
