import { pgTable, uuid, text, timestamp, integer, jsonb, bigserial, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Hash-chained audit events, one chain per unit (seq 1, 2, 3 …). Append-only: a trigger refuses
 * UPDATE and DELETE (migration 0022_audit_checkpoints.sql), and nothing in the application issues either. Never pruned.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: uuid('unit_id').notNull(),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** The hash function of this event: 'sha256' (default suite) or 'sm3' (国密); see domain/audit-chain.ts. */
    alg: text('alg').notNull().default('sha256'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_unit_seq_uq').on(t.unitId, t.seq),
    index('audit_entity_idx').on(t.unitId, t.entityType, t.entityId),
  ],
);

/**
 * The latest checkpoint written for each unit (a copy of its line in the checkpoint file, which is
 * the evidence). `zuofeng audit verify` requires the file to hold it, so that a checkpoint file that
 * was deleted, cut short or replaced is noticed instead of reading as "no checkpoints yet". The
 * writer takes this table's lock, so that two instances never append to the file at once.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  unitId: uuid('unit_id').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  /** The line's number in the checkpoint log (n). */
  line: integer('line').notNull(),
});
