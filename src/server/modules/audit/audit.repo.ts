import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, departments, groups, people, posts, units, users } from '../../db/schema/index.js';

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
  /** Display names of the entities an audit page mentions, by "type:id". */
  async entityNames(db: Db, unitId: string, refs: { entityType: string; entityId: string }[]) {
    const ids = (type: string) => [...new Set(refs.filter((r) => r.entityType === type).map((r) => r.entityId))];
    const lookups = [
      ['person', people, people.name, people.id, people.unitId],
      ['department', departments, departments.name, departments.id, departments.unitId],
      ['post', posts, posts.title, posts.id, posts.unitId],
      ['group', groups, groups.name, groups.id, groups.unitId],
      ['user', users, users.displayName, users.id, users.unitId],
    ] as const;
    const names = new Map<string, string>();
    for (const [type, table, name, id, unit] of lookups) {
      const wanted = ids(type);
      if (wanted.length === 0) continue;
      const rows = await db.select({ id, name }).from(table).where(and(eq(unit, unitId), inArray(id, wanted)));
      for (const r of rows) names.set(`${type}:${r.id}`, r.name);
    }
    for (const u of await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids('unit').length ? ids('unit') : [unitId]))) {
      names.set(`unit:${u.id}`, u.name);
    }
    return names;
  },
  async heads(db: Db, unitId?: string) {
    return db
      .select({ id: units.id, name: units.name, seq: units.auditSeq, hash: units.auditHead })
      .from(units)
      .where(unitId ? eq(units.id, unitId) : undefined)
      .orderBy(asc(units.createdAt));
  },
};
