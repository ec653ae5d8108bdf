import { ZIdParams } from '../contracts/common.js';
import { ZInbox, ZInboxQuery, ZUpdated } from '../contracts/notifications.js';
import { endpoint } from './endpoint.js';

const tags = ['提醒与催办'] as const;

/** My reminders. */
export const notificationsApi = {
  inbox: endpoint({ method: 'GET', path: '/inbox', tags, summary: '我的提醒', query: ZInboxQuery, response: ZInbox }),
  markRead: endpoint({
    method: 'POST',
    path: '/inbox/:id/read',
    tags,
    summary: '标为已读',
    params: ZIdParams,
    response: ZUpdated,
  }),
  markAllRead: endpoint({ method: 'POST', path: '/inbox/read-all', tags, summary: '全部标为已读', response: ZUpdated }),
};
