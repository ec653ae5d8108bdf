import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, units } from '../../db/schema/index.js';

export type AuditRow = typeof auditEvents.$inferSelect;

export const auditRepo = {
  /** Locks the unit's chain head for the rest of the transaction. */
  async lockHead(tx: Db, unitId: string) {
    const rows = await tx
      .select({ seq: units.auditSeq, head: units.auditHead })
      .from(units)
      .where(eq(units.id, unitId))
      .for('update');
    return rows[0];
  },
  async append(tx: Db, row: typeof auditEvents.$inferInsert) {
    await tx.insert(auditEvents).values(row);
    await tx.update(units).set({ auditSeq: row.seq, auditHead: row.hash }).where(eq(units.id, row.unitId));
  },
  async page(db: Db, unitId: string, f: { entityType?: string; entityId?: string; limit: number; offset: number }) {
    const where = and(
      eq(auditEvents.unitId, unitId),
      f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
      f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    );
    const [items, [count]] = await Promise.all([
      db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.seq)).limit(f.limit).offset(f.offset),
      db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  },
  /** One batch of a unit's chain in seq order, after `afterSeq`. */
  async chainBatch(db: Db, unitId: string, afterSeq: number, limit: number) {
    return db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.unitId, unitId), gt(auditEvents.seq, afterSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(limit);
  },
  async heads(db: Db, unitId?: string) {
    return db
      .select({ id: units.id, name: units.name, seq: units.auditSeq, hash: units.auditHead })
      .from(units)
      .where(unitId ? eq(units.id, unitId) : undefined)
      .orderBy(asc(units.createdAt));
  },
};
