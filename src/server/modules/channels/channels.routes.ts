import { z } from 'zod';
import { ZIdParams, ZReasonBody } from '../../../shared/contracts/common.js';
import { ZChannel, ZChannelBody, ZChannelPolicy, ZChannelUpdate, ZTestResult } from '../../../shared/contracts/channels.js';
import { typed, type RouteModule } from '../../types.js';
import { channelPolicy, createChannel, listChannels, setChannelActive, testChannel, updateChannel } from './channels.service.js';

const tags = ['通知渠道'];
const config = { permission: 'channels.manage' } as const;

const channelsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.get('/channels', { config, schema: { tags, summary: '通知渠道（群机器人、Webhook）', response: { 200: z.array(ZChannel) } } }, async (req) => listChannels(deps, req.actor));
  r.get('/channels/policy', { config, schema: { tags, summary: '推送地址规则（各厂商的机器人域名与系统管理员设置的白名单，只读）', response: { 200: ZChannelPolicy } } }, async () => channelPolicy(deps));
  r.post('/channels', { config, schema: { tags, summary: '新增通知渠道', body: ZChannelBody, response: { 200: ZChannel } } }, async (req) => createChannel(deps, req.actor, req.body));
  r.put('/channels/:id', { config, schema: { tags, summary: '修改通知渠道（密钥留空则不变）', params: ZIdParams, body: ZChannelUpdate, response: { 200: ZChannel } } }, async (req) => updateChannel(deps, req.actor, req.params.id, req.body));
  r.post('/channels/:id/withdraw', { config, schema: { tags, summary: '停用通知渠道（须说明原因）', params: ZIdParams, body: ZReasonBody, response: { 200: ZChannel } } }, async (req) => setChannelActive(deps, req.actor, req.params.id, false, req.body.reason));
  r.post('/channels/:id/restore', { config, schema: { tags, summary: '恢复使用通知渠道', params: ZIdParams, body: ZReasonBody, response: { 200: ZChannel } } }, async (req) => setChannelActive(deps, req.actor, req.params.id, true, req.body.reason));
  r.post('/channels/:id/test', { config, schema: { tags, summary: '发送测试消息（显示渠道的应答代码和说明）', params: ZIdParams, response: { 200: ZTestResult } } }, async (req) => testChannel(deps, req.actor, req.params.id, (m) => req.log.warn(m)));
};
export default channelsRoutes;
