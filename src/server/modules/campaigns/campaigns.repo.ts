import { and, asc, desc, eq, gte, inArray, isNull, lte, max, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { OPEN_STATUS_LIST } from '../../db/open-statuses.js';
import {
  activities,
  campaignCategories,
  campaignMeasures,
  campaigns,
  campaignTemplates,
  contactObjects,
  departments,
  obligationRules,
  people,
  rollCalls,
  supervisedItems,
} from '../../db/schema/index.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type MeasureRow = typeof campaignMeasures.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type ObjectRow = typeof contactObjects.$inferSelect;
export type RuleRow = typeof obligationRules.$inferSelect;

export const campaignsRepo = {
  /** Everyone of the unit with what rules need (names, status, leadership, department). */
  async people(db: Db, unitId: string) {
    return db
      .select({
        id: people.id,
        name: people.name,
        status: people.status,
        isLeadership: people.isLeadership,
        departmentId: people.departmentId,
        sortOrder: people.sortOrder,
      })
      .from(people)
      .where(eq(people.unitId, unitId))
      .orderBy(asc(people.sortOrder), asc(people.name));
  },
  async departments(db: Db, unitId: string) {
    return db
      .select({ id: departments.id, name: departments.name, active: departments.active })
      .from(departments)
      .where(eq(departments.unitId, unitId))
      .orderBy(asc(departments.sortOrder));
  },
  async setItemMeasure(db: Db, unitId: string, itemId: string, measureId: string) {
    await db
      .update(supervisedItems)
      .set({ measureId })
      .where(and(eq(supervisedItems.unitId, unitId), eq(supervisedItems.id, itemId)));
  },
  async insertCampaign(db: Db, row: typeof campaigns.$inferInsert) {
    const [r] = await db.insert(campaigns).values(row).returning();
    return r!;
  },
  async insertCategories(db: Db, rows: (typeof campaignCategories.$inferInsert)[]) {
    if (rows.length) await db.insert(campaignCategories).values(rows);
  },
  async insertMeasures(db: Db, rows: (typeof campaignMeasures.$inferInsert)[]) {
    if (rows.length) await db.insert(campaignMeasures).values(rows);
  },
  async insertRules(db: Db, rows: (typeof obligationRules.$inferInsert)[]) {
    if (rows.length) await db.insert(obligationRules).values(rows);
  },
  async campaign(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.unitId, unitId), eq(campaigns.id, id)));
    return r;
  },
  async campaignByName(db: Db, unitId: string, name: string, year: number) {
    const [r] = await db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.unitId, unitId), eq(campaigns.name, name), eq(campaigns.year, year)));
    return r;
  },
  async campaigns(db: Db, unitId: string) {
    return db
      .select()
      .from(campaigns)
      .where(eq(campaigns.unitId, unitId))
      .orderBy(desc(campaigns.year), asc(campaigns.name));
  },
  async categories(db: Db, unitId: string, campaignId: string) {
    return db
      .select()
      .from(campaignCategories)
      .where(and(eq(campaignCategories.unitId, unitId), eq(campaignCategories.campaignId, campaignId)))
      .orderBy(asc(campaignCategories.no));
  },
  async measures(db: Db, unitId: string, campaignId: string) {
    return db
      .select()
      .from(campaignMeasures)
      .where(and(eq(campaignMeasures.unitId, unitId), eq(campaignMeasures.campaignId, campaignId)))
      .orderBy(asc(campaignMeasures.no));
  },
  async measure(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(campaignMeasures)
      .where(and(eq(campaignMeasures.unitId, unitId), eq(campaignMeasures.id, id)));
    return r;
  },
  async updateMeasure(
    db: Db,
    unitId: string,
    id: string,
    version: number,
    patch: Partial<typeof campaignMeasures.$inferInsert>,
  ) {
    const rows = await db
      .update(campaignMeasures)
      .set({ ...patch, version: version + 1 })
      .where(
        and(eq(campaignMeasures.unitId, unitId), eq(campaignMeasures.id, id), eq(campaignMeasures.version, version)),
      )
      .returning({ id: campaignMeasures.id });
    return rows.length === 1;
  },
  /** Per measure of a campaign: its items, how many are closed, how many are open past their due date. */
  async measureProgress(db: Db, unitId: string, campaignId: string, today: string) {
    const res = await db.execute(sql`
      select m.id, count(i.id)::int as items,
        count(*) filter (where i.status = 'closed')::int as closed,
        count(*) filter (where i.status in ${OPEN_STATUS_LIST} and i.due < ${today})::int as overdue
      from campaign_measures m
      left join supervised_items i on i.unit_id = m.unit_id and i.measure_id = m.id and i.status <> 'withdrawn'
      where m.unit_id = ${unitId} and m.campaign_id = ${campaignId}
      group by m.id`);
    return new Map(rowsOf<{ id: string; items: number; closed: number; overdue: number }>(res).map((r) => [r.id, r]));
  },
  /** The campaign's items by lead department: how many, closed, overdue. */
  async departmentProgress(db: Db, unitId: string, campaignId: string, today: string) {
    const res = await db.execute(sql`
      select d.id, d.name, count(i.id)::int as items,
        count(*) filter (where i.status = 'closed')::int as closed,
        count(*) filter (where i.status in ${OPEN_STATUS_LIST} and i.due < ${today})::int as overdue
      from supervised_items i
      join campaign_measures m on m.unit_id = i.unit_id and m.id = i.measure_id and m.campaign_id = ${campaignId}
      left join departments d on d.id = i.lead_department_id
      where i.unit_id = ${unitId} and i.status <> 'withdrawn'
      group by d.id, d.name order by count(i.id) desc, d.name`);
    return rowsOf<{ id: string | null; name: string | null; items: number; closed: number; overdue: number }>(res);
  },
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
  /** The active activities of a unit in [from, to] (the facts compliance is computed from). */
  async activityFacts(db: Db, unitId: string, from: string, to: string, types?: string[]) {
    const typeFilter: SQL | undefined = types?.length ? inArray(activities.type, types) : undefined;
    return db
      .select({
        id: activities.id,
        type: activities.type,
        date: activities.heldOn,
        participantIds: activities.participantIds,
        objectIds: activities.objectIds,
        departmentId: activities.departmentId,
        unitId: activities.unitId,
        confidential: activities.confidential,
        active: activities.active,
        createdBy: activities.createdBy,
        absentIds: activities.absentIds,
      })
      .from(activities)
      .where(
        and(
          eq(activities.unitId, unitId),
          eq(activities.active, true),
          gte(activities.heldOn, from),
          lte(activities.heldOn, to),
          typeFilter,
        ),
      );
  },
  async rules(db: Db, unitId: string, campaignId: string) {
    return db
      .select()
      .from(obligationRules)
      .where(and(eq(obligationRules.unitId, unitId), eq(obligationRules.campaignId, campaignId)))
      .orderBy(asc(obligationRules.measureNo), asc(obligationRules.createdAt));
  },
  async rule(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(obligationRules)
      .where(and(eq(obligationRules.unitId, unitId), eq(obligationRules.id, id)));
    return r;
  },
  async updateCampaign(
    db: Db,
    unitId: string,
    id: string,
    version: number,
    patch: Partial<typeof campaigns.$inferInsert>,
  ) {
    const rows = await db
      .update(campaigns)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(campaigns.unitId, unitId), eq(campaigns.id, id), eq(campaigns.version, version)))
      .returning({ id: campaigns.id });
    return rows.length === 1;
  },
  async setRule(db: Db, unitId: string, id: string, rule: unknown) {
    await db
      .update(obligationRules)
      .set({ rule })
      .where(and(eq(obligationRules.unitId, unitId), eq(obligationRules.id, id)));
  },
  async insertRule(db: Db, row: typeof obligationRules.$inferInsert) {
    const [r] = await db.insert(obligationRules).values(row).returning();
    return r!;
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

  async latestTemplate(db: Db, unitId: string, code: string) {
    const [r] = await db
      .select()
      .from(campaignTemplates)
      .where(and(eq(campaignTemplates.unitId, unitId), eq(campaignTemplates.code, code)))
      .orderBy(desc(campaignTemplates.version))
      .limit(1);
    return r;
  },
  /** Every version of the unit's own templates, newest first. */
  async templates(db: Db, unitId: string) {
    return db
      .select()
      .from(campaignTemplates)
      .where(eq(campaignTemplates.unitId, unitId))
      .orderBy(desc(campaignTemplates.version));
  },
  /** The latest version of a template code, null when the unit has none. */
  async templateVersion(db: Db, unitId: string, code: string) {
    const [{ v } = { v: null }] = await db
      .select({ v: max(campaignTemplates.version) })
      .from(campaignTemplates)
      .where(and(eq(campaignTemplates.unitId, unitId), eq(campaignTemplates.code, code)));
    return v;
  },
  async insertTemplate(tx: Db, row: typeof campaignTemplates.$inferInsert) {
    await tx.insert(campaignTemplates).values(row);
  },
};
