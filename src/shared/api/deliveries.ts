import { z } from 'zod';
import {
  ZDeliveryPage,
  ZDeliveryQuery,
  ZNotifySettings,
  ZNotifySettingsView,
  ZPreferences,
  ZPreferencesView,
} from '../contracts/channels.js';
import { ZIdParams, ZReasonBody } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['通知投递'] as const;

/** The delivery log, the unit's reminder rules and each person's reminder preferences. */
export const deliveriesApi = {
  list: endpoint({
    method: 'GET',
    path: '/deliveries',
    tags,
    summary: '投递记录（群机器人、邮件）',
    query: ZDeliveryQuery,
    response: ZDeliveryPage,
  }),
  retry: endpoint({
    method: 'POST',
    path: '/deliveries/:id/retry',
    tags,
    summary: '重新发送失败的投递（须说明原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: z.object({ retried: z.number().int() }),
  }),
  settings: endpoint({
    method: 'GET',
    path: '/notification-settings',
    tags,
    summary: '本单位提醒规则（免打扰时段等）',
    response: ZNotifySettingsView,
  }),
  saveSettings: endpoint({
    method: 'PUT',
    path: '/notification-settings',
    tags,
    summary: '修改本单位提醒规则',
    body: ZNotifySettings,
    response: ZNotifySettingsView,
  }),
  preferences: endpoint({
    method: 'GET',
    path: '/me/notification-preferences',
    tags,
    summary: '我的提醒方式',
    response: ZPreferencesView,
  }),
  savePreferences: endpoint({
    method: 'PUT',
    path: '/me/notification-preferences',
    tags,
    summary: '修改我的提醒方式',
    body: ZPreferences,
    response: ZPreferencesView,
  }),
};
