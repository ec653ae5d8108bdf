import { z } from 'zod';
import { ZUnit, ZUnitBody } from '../../../shared/contracts/org.js';
import { ZPageQuery, pageOf } from '../../../shared/contracts/common.js';
import { typed, type RouteModule } from '../../types.js';
import { createChildUnit, listUnits } from './units.service.js';

const tags = ['单位'];

const unitsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);

  r.get('/units', {
    config: { permission: 'org.read' },
    schema: { tags, summary: '本单位及（有督查权限时）下级单位（分页、搜索）', querystring: ZPageQuery.extend({ q: z.string().trim().max(30).optional() }), response: { 200: pageOf(ZUnit) } },
  }, async (req) => listUnits(deps, req.actor, req.query));

  r.post('/units', { config: { permission: 'units.manage' }, schema: { tags, summary: '新增下级单位', body: ZUnitBody, response: { 200: ZUnit } } },
    async (req) => createChildUnit(deps, req.actor, req.body));
};
export default unitsRoutes;
