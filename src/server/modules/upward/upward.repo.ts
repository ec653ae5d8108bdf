import { and, asc, count, desc, eq, exists, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import {
  roleGrants,
  storedFiles,
  supervisedItems,
  units,
  upwardRequests,
  upwardTargets,
  users,
} from '../../db/schema/index.js';

export type UpwardRequestRow = typeof upwardRequests.$inferSelect;

/** Which addressed units a reader above may see: all of them, or those of its subtrees. */
export const ALL = 'all' as const;
export type ReadScope = typeof ALL | Set<string>;

/** A target with what its standing needs: the unit, the item's status in that unit, the submitted file's name. */
const targetColumns = {
  target: upwardTargets,
  unitCode: units.code,
  unitName: units.name,
  itemStatus: supervisedItems.status,
  fileName: storedFiles.fileName,
  fileSize: storedFiles.size,
};

/**
 * A task is done when its item is closed, a report when submitted (domain/upward `standingOf`, in SQL for paging);
 * never null (an unregistered task has no item), so that `not done` keeps it.
 */
const doneSql = sql`((${upwardRequests.kind} <> 'task' and ${upwardTargets.submittedAt} is not null)
  or (${upwardRequests.kind} = 'task' and coalesce(${supervisedItems.status}, '') = 'closed'))`;

/** The item of a target, in the target's own unit only. */
const itemOfTarget = and(
  eq(supervisedItems.id, upwardTargets.itemId),
  eq(supervisedItems.unitId, upwardTargets.targetUnitId),
);
/** The submitted file of a target, in the target's own unit only. */
const fileOfTarget = and(
  eq(storedFiles.id, upwardTargets.submissionFileId),
  eq(storedFiles.unitId, upwardTargets.targetUnitId),
);

export const upwardRepo = {
  async docNoTaken(db: Db, unitId: string, docNo: string) {
    const [r] = await db
      .select({ id: upwardRequests.id })
      .from(upwardRequests)
      .where(and(eq(upwardRequests.unitId, unitId), eq(upwardRequests.docNo, docNo)));
    return !!r;
  },
  async insertRequest(tx: Db, row: typeof upwardRequests.$inferInsert) {
    const [r] = await tx.insert(upwardRequests).values(row).returning();
    return r!;
  },
  async insertTargets(tx: Db, rows: (typeof upwardTargets.$inferInsert)[]) {
    return tx.insert(upwardTargets).values(rows).returning();
  },
  async request(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(upwardRequests)
      .where(and(eq(upwardRequests.unitId, unitId), eq(upwardRequests.id, id)));
    return r ?? null;
  },
  async requestsPage(
    db: Db,
    unitId: string,
    f: { q?: string; status?: string; limit: number; offset: number },
    scope: ReadScope = ALL,
  ) {
    if (scope !== ALL && !scope.size) return { rows: [], total: 0 };
    const where = and(
      eq(upwardRequests.unitId, unitId),
      scope === ALL
        ? undefined
        : exists(
            db
              .select({ one: sql`1` })
              .from(upwardTargets)
              .where(
                and(eq(upwardTargets.requestId, upwardRequests.id), inArray(upwardTargets.targetUnitId, [...scope])),
              ),
          ),
      f.status ? eq(upwardRequests.status, f.status) : undefined,
      f.q
        ? or(ilike(upwardRequests.title, containsPattern(f.q)), ilike(upwardRequests.docNo, containsPattern(f.q)))
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(upwardRequests)
        .where(where)
        .orderBy(desc(upwardRequests.issuedOn), desc(upwardRequests.createdAt), desc(upwardRequests.id))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(upwardRequests).where(where),
    ]);
    return { rows, total: total!.n };
  },
  /**
   * Every target of some requests of the upper unit (a request addresses at most 1,000 units); with `scope`, only
   * the targets of those units (an overseer of one subtree reads its subtree's only).
   */
  async targetsOf(db: Db, unitId: string, requestIds: string[], scope: ReadScope = ALL) {
    if (!requestIds.length || (scope !== ALL && !scope.size)) return [];
    return db
      .select(targetColumns)
      .from(upwardTargets)
      .innerJoin(units, eq(units.id, upwardTargets.targetUnitId))
      .leftJoin(supervisedItems, itemOfTarget)
      .leftJoin(storedFiles, fileOfTarget)
      .where(
        and(
          eq(upwardTargets.unitId, unitId),
          inArray(upwardTargets.requestId, requestIds),
          scope === ALL ? undefined : inArray(upwardTargets.targetUnitId, [...scope]),
        ),
      )
      .orderBy(asc(units.code), asc(upwardTargets.id));
  },
  /** What arrived at `targetUnitId` from above, newest first; `state` open/done as domain/upward says. */
  async incomingPage(
    db: Db,
    targetUnitId: string,
    f: { state?: 'open' | 'done'; targetId?: string; limit: number; offset: number },
  ) {
    const where = and(
      eq(upwardTargets.targetUnitId, targetUnitId),
      f.targetId ? eq(upwardTargets.id, f.targetId) : undefined,
      f.state === 'done'
        ? doneSql
        : f.state === 'open'
          ? and(sql`not ${doneSql}`, eq(upwardRequests.status, 'open'))
          : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({ ...targetColumns, request: upwardRequests, fromUnitName: sql<string>`from_unit.name` })
        .from(upwardTargets)
        .innerJoin(upwardRequests, eq(upwardRequests.id, upwardTargets.requestId))
        .innerJoin(units, eq(units.id, upwardTargets.targetUnitId))
        .innerJoin(sql`units as from_unit`, sql`from_unit.id = ${upwardRequests.unitId}`)
        .leftJoin(supervisedItems, itemOfTarget)
        .leftJoin(storedFiles, fileOfTarget)
        .where(where)
        .orderBy(desc(upwardRequests.issuedOn), desc(upwardRequests.createdAt), desc(upwardTargets.id))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: count() })
        .from(upwardTargets)
        .innerJoin(upwardRequests, eq(upwardRequests.id, upwardTargets.requestId))
        .leftJoin(supervisedItems, itemOfTarget)
        .where(where),
    ]);
    return { rows, total: total!.n };
  },
  /** One target addressed to `targetUnitId`, with its request, locked when `forUpdate`. */
  async incoming(db: Db, targetUnitId: string, id: string, forUpdate = false) {
    const q = db
      .select({ target: upwardTargets, request: upwardRequests })
      .from(upwardTargets)
      .innerJoin(upwardRequests, eq(upwardRequests.id, upwardTargets.requestId))
      .where(and(eq(upwardTargets.targetUnitId, targetUnitId), eq(upwardTargets.id, id)));
    // Both rows are locked: a withdrawal (which updates the request) and a submission or registration serialise.
    const [r] = forUpdate ? await q.for('update') : await q;
    return r ?? null;
  },
  async updateTarget(tx: Db, id: string, set: Partial<typeof upwardTargets.$inferInsert>) {
    const [r] = await tx
      .update(upwardTargets)
      .set({ ...set, version: sql`${upwardTargets.version} + 1` })
      .where(eq(upwardTargets.id, id))
      .returning();
    return r!;
  },
  /** A chase counted atomically; the target's version is left alone (a chase changes nothing the unit edits). */
  async recordChase(tx: Db, ids: string[], at: Date) {
    if (!ids.length) return;
    await tx
      .update(upwardTargets)
      .set({ chaseCount: sql`${upwardTargets.chaseCount} + 1`, lastChasedAt: at })
      .where(inArray(upwardTargets.id, ids));
  },
  async updateRequest(tx: Db, unitId: string, id: string, version: number, set: Partial<UpwardRequestRow>) {
    const [r] = await tx
      .update(upwardRequests)
      .set({ ...set, version: sql`${upwardRequests.version} + 1` })
      .where(and(eq(upwardRequests.unitId, unitId), eq(upwardRequests.id, id), eq(upwardRequests.version, version)))
      .returning();
    return r ?? null;
  },
  /** The owner and backup of an item of the unit. */
  async itemOwners(db: Db, unitId: string, itemId: string): Promise<string[]> {
    const [i] = await db
      .select({ owner: supervisedItems.ownerPersonId, backup: supervisedItems.backupPersonId })
      .from(supervisedItems)
      .where(and(eq(supervisedItems.unitId, unitId), eq(supervisedItems.id, itemId)));
    return i ? [i.owner, ...(i.backup ? [i.backup] : [])] : [];
  },
  /** The people to tell in a unit below: its office (领导小组办公室), else its system administrators. */
  async officePeople(db: Db, unitId: string): Promise<string[]> {
    const holders = async (role: string) =>
      (
        await db
          .selectDistinct({ personId: users.personId })
          .from(roleGrants)
          .innerJoin(users, eq(users.id, roleGrants.userId))
          .where(
            and(
              eq(roleGrants.unitId, unitId),
              eq(roleGrants.role, role),
              eq(roleGrants.scopeType, 'unit'),
              isNull(roleGrants.revokedAt),
              eq(users.active, true),
            ),
          )
      ).flatMap((r) => (r.personId ? [r.personId] : []));
    const office = await holders('campaign_office');
    return office.length ? office : holders('system_admin');
  },
};

/** The active units an overseer may address: strictly below each root, and the root itself when it is not `ownUnitId`. */
export const activeUnitsOverseen = (db: Db, ownUnitId: string, roots: string[]) =>
  unitsOverseen(db, ownUnitId, roots, true);

/** The units an overseer reads (deactivated ones too, with what they submitted before). */
export async function unitsOverseen(
  db: Db,
  ownUnitId: string,
  roots: string[],
  activeOnly = false,
): Promise<Set<string>> {
  if (!roots.length) return new Set();
  const res = await db.execute<{ id: string }>(sql`
    with recursive t as (
      select id, 0 as depth from units where id in ${sql`(${sql.join(
        roots.map((r) => sql`${r}`),
        sql`, `,
      )})`}
      union all
      select u.id, t.depth + 1 from units u join t on u.parent_id = t.id where t.depth < 50
    ) select distinct units.id from t join units on units.id = t.id
      where (not ${activeOnly} or units.deactivated_at is null) and units.id <> ${ownUnitId}`);
  return new Set(rowsOf<{ id: string }>(res).map((r) => r.id));
}
