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
  /** The object is personal or confidential and the reader may not read it: who and when are shown, not what. */
  detailsHidden: z.boolean(),
});
export const ZAuditQuery = ZPageQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
});
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  /** The chain's own check (an edit that did not recompute the hashes after it). */
  firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  /** The chain against the signed checkpoints kept outside the database. */
  checkpoints: z.object({
    checked: z.number().int(),
    latest: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
    problem: z.object({ kind: z.enum(['rewritten', 'truncated', 'missing']), seq: z.number().int() }).nullable(),
    /** Events after the latest checkpoint that waited more than about two checkpoint intervals (checkpoints held back). */
    overdue: z.object({ afterSeq: z.number().int(), count: z.number().int(), earliest: z.string() }).nullable(),
  }),
  /** Every finding as a sentence: the chain, the checkpoints, the checkpoint file. Empty when ok. */
  messages: z.array(z.string()),
  /** Information that is not a problem: a restore from a backup, checkpoints written only at shutdown. */
  notes: z.array(z.string()),
});
