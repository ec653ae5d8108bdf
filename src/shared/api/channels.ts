import { z } from 'zod';
import { ZChannel, ZChannelBody, ZChannelPolicy, ZChannelUpdate, ZTestResult } from '../contracts/channels.js';
import { ZIdParams, ZReasonBody } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['通知渠道'] as const;

/** The unit's notification channels (group robots, webhooks). */
export const channelsApi = {
  list: endpoint({
    method: 'GET',
    path: '/channels',
    tags,
    summary: '通知渠道（群机器人、Webhook）',
    response: z.array(ZChannel),
  }),
  policy: endpoint({
    method: 'GET',
    path: '/channels/policy',
    tags,
    summary: '推送地址规则（各厂商的机器人域名与系统管理员设置的白名单，只读）',
    response: ZChannelPolicy,
  }),
  create: endpoint({
    method: 'POST',
    path: '/channels',
    tags,
    summary: '新增通知渠道',
    body: ZChannelBody,
    response: ZChannel,
  }),
  update: endpoint({
    method: 'PUT',
    path: '/channels/:id',
    tags,
    summary: '修改通知渠道（密钥留空则不变）',
    params: ZIdParams,
    body: ZChannelUpdate,
    response: ZChannel,
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/channels/:id/withdraw',
    tags,
    summary: '停用通知渠道（须说明原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: ZChannel,
  }),
  restore: endpoint({
    method: 'POST',
    path: '/channels/:id/restore',
    tags,
    summary: '恢复使用通知渠道',
    params: ZIdParams,
    body: ZReasonBody,
    response: ZChannel,
  }),
  test: endpoint({
    method: 'POST',
    path: '/channels/:id/test',
    tags,
    summary: '发送测试消息（显示渠道的应答代码和说明）',
    params: ZIdParams,
    response: ZTestResult,
  }),
};
