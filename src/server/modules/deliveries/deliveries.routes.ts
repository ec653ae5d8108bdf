import { z } from 'zod';
import { ZIdParams, ZReasonBody } from '../../../shared/contracts/common.js';
import { ZDeliveryPage, ZDeliveryQuery, ZNotifySettings, ZPreferences, ZPreferencesView } from '../../../shared/contracts/channels.js';
import { typed, type RouteModule } from '../../types.js';
import { deliveryLog, getPreferences, getSettings, retryDelivery, savePreferences, saveSettings } from './deliveries.service.js';

const tags = ['通知投递'];
const manage = { permission: 'channels.manage' } as const;
const self = { permission: 'self' } as const;
const ZSettingsView = z.object({ quietHours: z.boolean(), workStartMin: z.number().int(), workEndMin: z.number().int(), requireGroupRobot: z.boolean(), version: z.number().int() });

const deliveriesRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.get('/deliveries', { config: manage, schema: { tags, summary: '投递记录（群机器人、邮件）', querystring: ZDeliveryQuery, response: { 200: ZDeliveryPage } } }, async (req) => deliveryLog(deps, req.actor, req.query));
  r.post('/deliveries/:id/retry', { config: manage, schema: { tags, summary: '重新发送失败的投递（须说明原因）', params: ZIdParams, body: ZReasonBody, response: { 200: z.object({ retried: z.number().int() }) } } },
    async (req) => retryDelivery(deps, req.actor, req.params.id, req.body.reason));
  r.get('/notification-settings', { config: manage, schema: { tags, summary: '本单位提醒规则（免打扰时段等）', response: { 200: ZSettingsView } } }, async (req) => getSettings(deps, req.actor));
  r.put('/notification-settings', { config: manage, schema: { tags, summary: '修改本单位提醒规则', body: ZNotifySettings, response: { 200: ZSettingsView } } }, async (req) => saveSettings(deps, req.actor, req.body));
  r.get('/me/notification-preferences', { config: self, schema: { tags, summary: '我的提醒方式', response: { 200: ZPreferencesView } } }, async (req) => getPreferences(deps, req.actor));
  r.put('/me/notification-preferences', { config: self, schema: { tags, summary: '修改我的提醒方式', body: ZPreferences, response: { 200: ZPreferencesView } } }, async (req) => savePreferences(deps, req.actor, req.body));
};
export default deliveriesRoutes;
