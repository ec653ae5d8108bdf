import { z } from 'zod';
import { ZIdParams, ZPageQuery } from '../../../shared/contracts/common.js';
import { typed, type RouteModule } from '../../types.js';
import { inbox, markRead } from './notifications.service.js';

const tags = ['提醒与催办'];
const ZNotice = z.object({ id: z.uuid(), kind: z.string(), itemId: z.uuid().nullable(), title: z.string(), body: z.string(), createdAt: z.string(), read: z.boolean() });

const notificationsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.get('/inbox', { config: { permission: 'self' }, schema: { tags, summary: '我的提醒', querystring: ZPageQuery.extend({ unread: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(ZNotice), total: z.number().int(), unread: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } } },
    async (req) => inbox(deps, req.actor, { ...req.query, unread: req.query.unread === 'true' }));
  r.post('/inbox/:id/read', { config: { permission: 'self' }, schema: { tags, summary: '标为已读', params: ZIdParams, response: { 200: z.object({ updated: z.number().int() }) } } },
    async (req) => markRead(deps, req.actor, req.params.id));
  r.post('/inbox/read-all', { config: { permission: 'self' }, schema: { tags, summary: '全部标为已读', response: { 200: z.object({ updated: z.number().int() }) } } },
    async (req) => markRead(deps, req.actor));
};
export default notificationsRoutes;
