import { z } from 'zod';
import { ZUnit, ZUnitBody } from '../../../shared/contracts/org.js';
import { ZPageQuery, pageOf } from '../../../shared/contracts/common.js';
import { hasPermission } from '../../../domain/roles.js';
import { conflict } from '../../errors.js';
import { typed, type RouteModule } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';

const tags = ['单位'];

const unitsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);

  r.get('/units', {
    config: { permission: 'org.read' },
    schema: { tags, summary: '本单位及（有督查权限时）下级单位（分页、搜索）', querystring: ZPageQuery.extend({ q: z.string().trim().max(30).optional() }), response: { 200: pageOf(ZUnit) } },
  }, async (req) => {
    const q = req.query;
    if (!hasPermission(req.actor, 'units.oversee')) {
      const own = (await orgRepo.unit(deps.db, req.actor.unitId))!;
      const items = q.page === 1 ? [{ id: own.id, parentId: own.parentId, code: own.code, name: own.name, isDemo: own.isDemo }] : [];
      return { items, total: 1, page: q.page, pageSize: q.pageSize };
    }
    const { rows, total } = await orgRepo.subtreePage(deps.db, req.actor.unitId, { q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return { items: rows, total, page: q.page, pageSize: q.pageSize };
  });

  r.post('/units', { config: { permission: 'units.manage' }, schema: { tags, summary: '新增下级单位', body: ZUnitBody, response: { 200: ZUnit } } },
    async (req) => {
      if (await orgRepo.unitByCode(deps.db, req.body.code)) throw conflict(`单位代码“${req.body.code}”已被使用`);
      const now = deps.clock.now();
      const u = await deps.db.transaction(async (tx) => {
        const unit = await orgRepo.insertUnit(tx, { ...req.body, parentId: req.actor.unitId, createdAt: now });
        await recordAudit(tx, auditActorOf(req.actor), now, { unitId: req.actor.unitId, entityType: 'unit', entityId: unit.id, action: 'create_child', after: req.body });
        await recordAudit(tx, auditActorOf(req.actor), now, { unitId: unit.id, entityType: 'unit', entityId: unit.id, action: 'create', after: { ...req.body, parentId: req.actor.unitId } });
        return unit;
      });
      return { id: u.id, parentId: u.parentId, code: u.code, name: u.name, isDemo: u.isDemo };
    });
};
export default unitsRoutes;
