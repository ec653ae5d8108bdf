import { pgTable, uuid, text, timestamp, integer, jsonb, bigserial, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** Hash-chained audit events, one chain per unit (seq 1, 2, 3 …). Append-only. */
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_unit_seq_uq').on(t.unitId, t.seq),
    index('audit_entity_idx').on(t.unitId, t.entityType, t.entityId),
  ],
);
