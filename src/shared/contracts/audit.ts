import { z } from 'zod';
import { ZPageQuery } from './common.js';

export const ZAuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  entityName: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const ZAuditQuery = ZPageQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
});
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
