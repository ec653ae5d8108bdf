import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rosterImports, units } from '../../db/schema/index.js';

export type RosterImportRow = typeof rosterImports.$inferSelect;

const ofUnit = (unitId: string, id: string) => and(eq(rosterImports.unitId, unitId), eq(rosterImports.id, id));

export const rosterImportRepo = {
  async insert(db: Db, row: typeof rosterImports.$inferInsert) {
    const [r] = await db.insert(rosterImports).values(row).returning();
    return r!;
  },
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db.select().from(rosterImports).where(ofUnit(unitId, id));
    return r;
  },
  async update(db: Db, unitId: string, id: string, patch: Partial<typeof rosterImports.$inferInsert>) {
    await db.update(rosterImports).set(patch).where(ofUnit(unitId, id));
  },
  /** Queues a validated import; false when it is not (or no longer) validated: a second click. */
  async enqueue(db: Db, unitId: string, id: string, at: Date, by: { userId: string | null; name: string }) {
    const rows = await db
      .update(rosterImports)
      .set({
        status: 'queued',
        queuedAt: at,
        queueSeq: sql`nextval('roster_import_queue_seq')`,
        appliedBy: by.userId,
        appliedByName: by.name,
      })
      .where(and(ofUnit(unitId, id), eq(rosterImports.status, 'validated')))
      .returning({ id: rosterImports.id });
    return rows.length === 1;
  },
  /** Serialises the claims of one unit's imports across instances (held to the end of the transaction). */
  async lockUnit(tx: Db, unitId: string) {
    await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)).for('update');
  },
  async running(db: Db, unitId: string) {
    const [r] = await db
      .select()
      .from(rosterImports)
      .where(and(eq(rosterImports.unitId, unitId), eq(rosterImports.status, 'running')));
    return r;
  },
  async oldestQueued(db: Db, unitId: string) {
    const [r] = await db
      .select()
      .from(rosterImports)
      .where(and(eq(rosterImports.unitId, unitId), eq(rosterImports.status, 'queued')))
      .orderBy(asc(rosterImports.queueSeq))
      .limit(1);
    return r;
  },
  /** How many of the unit's imports go before this queued one: the running one and those queued earlier. */
  async ahead(db: Db, row: RosterImportRow) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(rosterImports)
      .where(
        and(
          eq(rosterImports.unitId, row.unitId),
          or(
            eq(rosterImports.status, 'running'),
            and(eq(rosterImports.status, 'queued'), lt(rosterImports.queueSeq, row.queueSeq!)),
          ),
        ),
      );
    return r!.n;
  },
  /**
   * The runner's lease: moves the heartbeat from `beat` to `now` (with `patch`) only while it is
   * still `beat` — false when another instance has taken the import over.
   */
  async beat(
    db: Db,
    unitId: string,
    id: string,
    beat: Date,
    now: Date,
    patch: Partial<typeof rosterImports.$inferInsert> = {},
  ) {
    const rows = await db
      .update(rosterImports)
      .set({ ...patch, heartbeatAt: now })
      .where(and(ofUnit(unitId, id), eq(rosterImports.status, 'running'), eq(rosterImports.heartbeatAt, beat)))
      .returning({ id: rosterImports.id });
    return rows.length === 1;
  },
  /** A running import whose heartbeat is older than `staleBefore` (its instance died), or has none. */
  isStale: (row: RosterImportRow, staleBefore: Date) => row.heartbeatAt === null || row.heartbeatAt < staleBefore,
};
