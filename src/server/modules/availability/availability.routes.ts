import { z } from 'zod';
import { ZIdParams, ZOk, ZPageQuery, ZReasonBody, pageOf } from '../../../shared/contracts/common.js';
import { typed, type RouteModule } from '../../types.js';
import { addUnavailability, listUnavailability, withdrawUnavailability, ZUnavailability, ZUnavailabilityBody } from './availability.service.js';

const tags = ['AB岗与不在岗'];

const availabilityRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.get('/unavailability', { config: { permission: 'org.read' }, schema: { tags, summary: '不在岗登记（B岗代办期间）', querystring: ZPageQuery, response: { 200: pageOf(ZUnavailability) } } },
    async (req) => listUnavailability(deps, req.actor, req.query));
  r.post('/unavailability', { config: { permission: 'self' }, schema: { tags, summary: '登记不在岗', body: ZUnavailabilityBody, response: { 200: z.object({ id: z.uuid() }) } } },
    async (req) => addUnavailability(deps, req.actor, req.body));
  r.post('/unavailability/:id/withdraw', { config: { permission: 'self' }, schema: { tags, summary: '撤销不在岗登记', params: ZIdParams, body: ZReasonBody, response: { 200: ZOk } } },
    async (req) => (await withdrawUnavailability(deps, req.actor, req.params.id, req.body.reason), { ok: true as const }));
};
export default availabilityRoutes;
