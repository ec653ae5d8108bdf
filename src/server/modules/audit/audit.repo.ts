import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  auditCheckpoints,
  auditEvents,
  departments,
  groups,
  notificationPreferences,
  people,
  posts,
  roleGrants,
  units,
  users,
} from '../../db/schema/index.js';

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
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(where),
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
      const rows = await db
        .select({ id, name })
        .from(table)
        .where(and(eq(unit, unitId), inArray(id, wanted)));
      for (const r of rows) names.set(`${type}:${r.id}`, r.name);
    }
    for (const u of await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, ids('unit').length ? ids('unit') : [unitId]))) {
      names.set(`unit:${u.id}`, u.name);
    }
    return names;
  },
  /**
   * Takes the checkpoint writer's lock for the rest of the transaction (self-conflicting, so two
   * instances never append to the checkpoint file at once; readers are not blocked).
   */
  async lockCheckpoints(tx: Db) {
    await tx.execute(sql`lock table audit_checkpoints in share row exclusive mode`);
  },
  /** Units whose head is not the one last checkpointed (or never was), optionally only those named. */
  async movedHeads(db: Db, unitIds?: readonly string[]) {
    return db
      .select({ unitId: units.id, seq: units.auditSeq, hash: units.auditHead })
      .from(units)
      .leftJoin(auditCheckpoints, eq(auditCheckpoints.unitId, units.id))
      .where(
        and(
          gt(units.auditSeq, 0),
          unitIds ? inArray(units.id, [...unitIds]) : undefined,
          or(
            isNull(auditCheckpoints.unitId),
            ne(auditCheckpoints.seq, units.auditSeq),
            ne(auditCheckpoints.hash, units.auditHead),
          ),
        ),
      )
      .orderBy(asc(units.createdAt), asc(units.id));
  },
  async recordCheckpoints(db: Db, rows: { unitId: string; seq: number; hash: string; at: Date; line: number }[]) {
    if (rows.length === 0) return;
    await db
      .insert(auditCheckpoints)
      .values(rows)
      .onConflictDoUpdate({
        target: auditCheckpoints.unitId,
        set: { seq: sql`excluded.seq`, hash: sql`excluded.hash`, at: sql`excluded.at`, line: sql`excluded.line` },
      });
  },
  async recordedCheckpoints(db: Db, unitId?: string) {
    return db
      .select()
      .from(auditCheckpoints)
      .where(unitId ? eq(auditCheckpoints.unitId, unitId) : undefined);
  },
  /** The mail addresses (from their reminder preferences) of the active users of these units holding one of `roles`. */
  async mailboxesOfRoles(db: Db, unitIds: readonly string[], roles: readonly string[]) {
    if (unitIds.length === 0 || roles.length === 0) return [];
    return db
      .selectDistinct({ unitId: users.unitId, unitName: units.name, email: notificationPreferences.email })
      .from(users)
      .innerJoin(
        roleGrants,
        and(
          eq(roleGrants.userId, users.id),
          eq(roleGrants.unitId, users.unitId),
          isNull(roleGrants.revokedAt),
          inArray(roleGrants.role, [...roles]),
        ),
      )
      .innerJoin(
        notificationPreferences,
        and(eq(notificationPreferences.unitId, users.unitId), eq(notificationPreferences.personId, users.personId)),
      )
      .innerJoin(units, eq(units.id, users.unitId))
      .where(and(inArray(users.unitId, [...unitIds]), eq(users.active, true), ne(notificationPreferences.email, '')))
      .orderBy(asc(units.name), asc(notificationPreferences.email));
  },
  async heads(db: Db, unitId?: string) {
    return db
      .select({ id: units.id, name: units.name, seq: units.auditSeq, hash: units.auditHead })
      .from(units)
      .where(unitId ? eq(units.id, unitId) : undefined)
      .orderBy(asc(units.createdAt));
  },
};
