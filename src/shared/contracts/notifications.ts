import { z } from 'zod';
import { ZPageQuery } from './common.js';

export const ZNotice = z.object({
  id: z.uuid(),
  kind: z.string(),
  itemId: z.uuid().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const ZInboxQuery = ZPageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const ZInbox = z.object({
  items: z.array(ZNotice),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const ZUpdated = z.object({ updated: z.number().int() });
