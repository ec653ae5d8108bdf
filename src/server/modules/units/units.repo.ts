import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { unitInvites, units } from '../../db/schema/units.js';
import type { UnitKind } from '../../../domain/unit-tree.js';

export interface UnitRow {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  isDemo: boolean;
  kind: UnitKind;
  status: 'active' | 'deactivated';
  deactivatedReason: string | null;
  childCount: number;
}

const unitColumns = sql`u.id, u.parent_id, u.code, u.name, u.is_demo, u.kind, u.deactivated_at, u.deactivated_reason,
  (select count(*)::int from units c where c.parent_id = u.id) as child_count`;

interface RawUnit {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  is_demo: boolean;
  kind: UnitKind;
  deactivated_at: unknown;
  deactivated_reason: string | null;
  child_count: number;
  total?: number;
}
const present = (r: RawUnit): UnitRow => ({
  id: r.id,
  parentId: r.parent_id,
  code: r.code,
  name: r.name,
  isDemo: r.is_demo,
  kind: r.kind,
  status: r.deactivated_at ? 'deactivated' : 'active',
  deactivatedReason: r.deactivated_reason,
  childCount: r.child_count,
});

/** Queries of the unit tree (issue 20) and of the invitations to new units' first administrators. */
export const unitsRepo = {
  async get(db: Db, id: string): Promise<UnitRow | undefined> {
    const res = await db.execute(sql`select ${unitColumns} from units u where u.id = ${id}`);
    const r = rowsOf<RawUnit>(res)[0];
    return r && present(r);
  },
  /** A page of the unit and every unit below it (recursive query), optionally searched by name or code. */
  async subtreePage(db: Db, rootId: string, f: { q?: string; limit: number; offset: number }) {
    const like = f.q ? containsPattern(f.q) : null;
    const res = await db.execute(sql`
      with recursive t as (
        select id, created_at, 0 as depth from units where id = ${rootId}
        union all
        select u.id, u.created_at, t.depth + 1 from units u join t on u.parent_id = t.id where t.depth < 50
      )
      select ${unitColumns}, count(*) over ()::int as total from t join units u on u.id = t.id
      where ${like}::text is null or u.name ilike ${like} or u.code ilike ${like}
      order by t.depth, t.created_at, t.id limit ${f.limit} offset ${f.offset}`);
    const rows = rowsOf<RawUnit>(res);
    return { total: rows[0]?.total ?? 0, rows: rows.map(present) };
  },
  /** A page of the units directly below `parentId`, in the order they were made. */
  async childrenPage(db: Db, parentId: string, f: { q?: string; limit: number; offset: number }) {
    const like = f.q ? containsPattern(f.q) : null;
    const res = await db.execute(sql`
      select ${unitColumns}, count(*) over ()::int as total from units u
      where u.parent_id = ${parentId} and (${like}::text is null or u.name ilike ${like} or u.code ilike ${like})
      order by u.created_at, u.id limit ${f.limit} offset ${f.offset}`);
    const rows = rowsOf<RawUnit>(res);
    return { total: rows[0]?.total ?? 0, rows: rows.map(present) };
  },
  /** Locks the unit's row for the transaction: acceptances of its invitations run one at a time. */
  async lock(db: Db, id: string) {
    const [u] = await db
      .select({ deactivatedAt: units.deactivatedAt })
      .from(units)
      .where(eq(units.id, id))
      .for('update');
    return u;
  },
  /** A live invitation (not used, not revoked, not expired) naming `username`, in any unit. */
  async openInviteForUsername(db: Db, username: string, now: Date) {
    const [i] = await db
      .select({ id: unitInvites.id })
      .from(unitInvites)
      .where(
        and(
          eq(unitInvites.username, username),
          isNull(unitInvites.usedAt),
          isNull(unitInvites.revokedAt),
          sql`${unitInvites.expiresAt} > ${now}`,
        ),
      )
      .limit(1);
    return !!i;
  },
  async activeChildren(db: Db, unitId: string) {
    const res = await db.execute(
      sql`select count(*)::int as n from units where parent_id = ${unitId} and deactivated_at is null`,
    );
    return rowsOf<{ n: number }>(res)[0]!.n;
  },
  async update(db: Db, id: string, set: Partial<typeof units.$inferInsert>) {
    await db.update(units).set(set).where(eq(units.id, id));
  },
  async insertInvite(db: Db, row: typeof unitInvites.$inferInsert) {
    const [i] = await db.insert(unitInvites).values(row).returning();
    return i!;
  },
  async invites(db: Db, unitId: string) {
    return db
      .select()
      .from(unitInvites)
      .where(eq(unitInvites.unitId, unitId))
      .orderBy(sql`${unitInvites.createdAt} desc`)
      .limit(100);
  },
  async invite(db: Db, unitId: string, id: string) {
    const [i] = await db
      .select()
      .from(unitInvites)
      .where(and(eq(unitInvites.unitId, unitId), eq(unitInvites.id, id)));
    return i;
  },
  /** The invitation of a token's hash, locked when `forUpdate` (accepting it twice at once must not make two accounts). */
  async inviteByTokenHash(db: Db, tokenHash: string, forUpdate = false) {
    const q = db.select().from(unitInvites).where(eq(unitInvites.tokenHash, tokenHash));
    const [i] = forUpdate ? await q.for('update') : await q;
    return i;
  },
  async markInvite(db: Db, id: string, set: Partial<typeof unitInvites.$inferInsert>) {
    await db.update(unitInvites).set(set).where(eq(unitInvites.id, id));
  },
  /** Open invitations for one administrator role of a unit (one at a time). */
  async openInvites(db: Db, unitId: string, role: string, now: Date) {
    return db
      .select({ id: unitInvites.id })
      .from(unitInvites)
      .where(
        and(
          eq(unitInvites.unitId, unitId),
          eq(unitInvites.role, role),
          isNull(unitInvites.usedAt),
          isNull(unitInvites.revokedAt),
          sql`${unitInvites.expiresAt} > ${now}`,
        ),
      );
  },
};
