/** Queries of the activity records, their roll calls and the contact objects they concern. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { activities, contactObjects, rollCalls } from '../../db/schema/index.js';

export type ActivityRow = typeof activities.$inferSelect;
export type ObjectRow = typeof contactObjects.$inferSelect;

/** What compliance reads of an activity (activityFacts). */
export interface ActivityFactRow {
  id: string;
  type: string;
  kind: string;
  title: string;
  attendance: unknown;
  date: string;
  participantIds: string[];
  objectIds: string[];
  departmentId: string | null;
  unitId: string;
  confidential: boolean;
  active: boolean;
  createdBy: string;
  absentIds: string[];
}

/**
 * What compliance reads of an activity `a`, by raw SQL: a city's compliance reads 500,000 activities, and mapping
 * them column by column through the query builder, and the driver's uuid[] parser, cost more than the rules
 * themselves. The uuid arrays come as their text (`{id,id}`) and are split here: uuids hold no commas, quotes or
 * braces (array_to_json cost PostgreSQL more than the split costs Node).
 */
export const ACTIVITY_FACT_COLUMNS = sql.raw(`a.id, a.type, a.kind, a.title, a.attendance, a.held_on::text as "date",
  a.participant_ids::text as "participantIds", a.object_ids::text as "objectIds", a.department_id as "departmentId",
  a.unit_id as "unitId", a.confidential, a.active, a.created_by as "createdBy", a.absent_ids::text as "absentIds"`);

const uuidsOf = (text: unknown): string[] =>
  typeof text !== 'string' || text.length <= 2 ? [] : text.slice(1, -1).split(',');

/** Rows of ACTIVITY_FACT_COLUMNS as facts: the arrays split. */
export function activityFactRows(result: unknown): ActivityFactRow[] {
  const rows = rowsOf<ActivityFactRow & { participantIds: unknown; objectIds: unknown; absentIds: unknown }>(result);
  for (const r of rows) {
    r.participantIds = uuidsOf(r.participantIds);
    r.objectIds = uuidsOf(r.objectIds);
    r.absentIds = uuidsOf(r.absentIds);
  }
  return rows;
}

export const activitiesRepo = {
  async insertObject(db: Db, row: typeof contactObjects.$inferInsert) {
    const [r] = await db.insert(contactObjects).values(row).returning();
    return r!;
  },
  async objects(db: Db, unitId: string, kind?: string) {
    return db
      .select()
      .from(contactObjects)
      .where(and(eq(contactObjects.unitId, unitId), kind ? eq(contactObjects.kind, kind) : undefined))
      .orderBy(asc(contactObjects.kind), asc(contactObjects.name));
  },
  async objectsByIds(db: Db, unitId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(contactObjects)
      .where(and(eq(contactObjects.unitId, unitId), inArray(contactObjects.id, ids)));
  },
  async objectByName(db: Db, unitId: string, kind: string, name: string) {
    const [r] = await db
      .select()
      .from(contactObjects)
      .where(and(eq(contactObjects.unitId, unitId), eq(contactObjects.kind, kind), eq(contactObjects.name, name)));
    return r;
  },
  async insertActivity(db: Db, row: typeof activities.$inferInsert) {
    const [r] = await db.insert(activities).values(row).returning();
    return r!;
  },
  async activity(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(activities)
      .where(and(eq(activities.unitId, unitId), eq(activities.id, id)));
    return r;
  },
  /** Corrects an active activity at the version read; no row back means it changed (or was withdrawn) meanwhile. */
  async correctActivity(db: Db, unitId: string, id: string, version: number, patch: Partial<ActivityRow>) {
    return db
      .update(activities)
      .set({ ...patch, version: sql`${activities.version} + 1` })
      .where(
        and(
          eq(activities.unitId, unitId),
          eq(activities.id, id),
          eq(activities.version, version),
          eq(activities.active, true),
        ),
      )
      .returning();
  },
  async withdrawActivity(db: Db, unitId: string, id: string, reason: string) {
    const rows = await db
      .update(activities)
      .set({ active: false, withdrawnReason: reason })
      .where(and(eq(activities.unitId, unitId), eq(activities.id, id), eq(activities.active, true)))
      .returning({ id: activities.id });
    return rows.length === 1;
  },
  async activitiesPage(
    db: Db,
    unitId: string,
    f: {
      campaignId?: string;
      type?: string;
      personId?: string;
      from?: string;
      to?: string;
      ids?: string[];
      withConfidential: boolean;
      limit: number;
      offset: number;
    },
  ) {
    const where = and(
      f.withConfidential ? undefined : eq(activities.confidential, false),
      eq(activities.unitId, unitId),
      f.campaignId ? eq(activities.campaignId, f.campaignId) : undefined,
      f.type ? eq(activities.type, f.type) : undefined,
      f.personId ? sql`${f.personId}::uuid = any(${activities.participantIds})` : undefined,
      f.from ? gte(activities.heldOn, f.from) : undefined,
      f.to ? lte(activities.heldOn, f.to) : undefined,
      f.ids ? inArray(activities.id, f.ids) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(activities)
        .where(where)
        .orderBy(desc(activities.heldOn), desc(activities.createdAt))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(activities)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  /** The active activities of a unit in [from, to] (the facts compliance is computed from); see activityFactsSql. */
  async activityFacts(db: Db, unitId: string, from: string, to: string, kinds?: string[]): Promise<ActivityFactRow[]> {
    const ofKinds = kinds?.length
      ? sql`and a.kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql``;
    return activityFactRows(
      await db.execute(sql`
        select ${ACTIVITY_FACT_COLUMNS} from activities a
        where a.unit_id = ${unitId} and a.active and a.held_on >= ${from} and a.held_on <= ${to} ${ofKinds}`),
    );
  },
  /** Who was called at a session, in the order they were called. */
  async rollCalls(db: Db, unitId: string, activityId: string) {
    return db
      .select()
      .from(rollCalls)
      .where(and(eq(rollCalls.unitId, unitId), eq(rollCalls.activityId, activityId)))
      .orderBy(asc(rollCalls.createdAt));
  },
  async sessionCalled(db: Db, unitId: string, activityId: string) {
    const rows = await db
      .select({ id: rollCalls.id })
      .from(rollCalls)
      .where(and(eq(rollCalls.unitId, unitId), eq(rollCalls.activityId, activityId)))
      .limit(1);
    return rows.length > 0;
  },
  /** How many times each person was called in the campaign (null: outside any campaign). */
  async callCounts(db: Db, unitId: string, campaignId: string | null) {
    const scope = campaignId ? eq(rollCalls.campaignId, campaignId) : isNull(rollCalls.campaignId);
    return db
      .select({ personId: rollCalls.personId, n: sql<number>`count(*)::int` })
      .from(rollCalls)
      .where(and(eq(rollCalls.unitId, unitId), scope))
      .groupBy(rollCalls.personId);
  },
  async insertRollCalls(tx: Db, rows: (typeof rollCalls.$inferInsert)[]) {
    await tx.insert(rollCalls).values(rows);
  },
  /** Records what a called person shared; the person called, or undefined when the session has no such call. */
  async recordShare(tx: Db, unitId: string, activityId: string, id: string, shared: string) {
    const rows = await tx
      .update(rollCalls)
      .set({ shared })
      .where(and(eq(rollCalls.unitId, unitId), eq(rollCalls.activityId, activityId), eq(rollCalls.id, id)))
      .returning({ personId: rollCalls.personId });
    return rows.length === 1 ? rows[0]!.personId : undefined;
  },
};
