import { oversightDashboardApi as api } from '../../../shared/api/oversight-dashboard.js';
import { ZDashboardFilter } from '../../../shared/contracts/oversight-dashboard.js';
import { declare } from '../../endpoints.js';
import { sendDownload, XLSX_TYPE } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { dashboard, dashboardXlsx, heatmap, refresh } from './dashboard.service.js';

const read = { permission: 'units.oversee' } as const;

/** 汇总看板 (issue 20): domain/policies/oversight decides (read: oversees a subtree; 刷新: the 督查室). */
const oversightDashboardRoutes: RouteModule = async (app, deps) => {
  declare(app, api.dashboard, read, async (q) => dashboard(deps, q.actor, q.query));
  declare(app, api.heatmap, read, async (q) => heatmap(deps, q.actor, q.query));
  // The route asks units.oversee (whoever reads the board reaches it); the service refuses all but the 督查室.
  declare(app, api.refresh, read, async (q) => refresh(deps, q.actor));
  typed(app).get(
    '/oversight/dashboard.xlsx',
    {
      config: read,
      schema: { tags: ['上级督导'], summary: '汇总看板（.xlsx，含达标率热力表）', querystring: ZDashboardFilter },
    },
    async (req, reply) =>
      sendDownload(reply, '汇总看板.xlsx', XLSX_TYPE, await dashboardXlsx(deps, req.actor, req.query)),
  );
};
export default oversightDashboardRoutes;
