import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import { type Db } from '../../db/client.js';
import { campaignItemsSql, figureCounts, type FigureDates } from '../../db/item-figures.sql.js';
import {
  campaignCategories,
  campaignMeasures,
  campaigns,
  campaignTemplates,
  departments,
  obligationRules,
  people,
  supervisedItems,
} from '../../db/schema/index.js';
import { activitiesRepo } from './activities.repo.js';

const NOT_WITHDRAWN = sql`${supervisedItems.status} <> 'withdrawn'`;

export type CampaignRow = typeof campaigns.$inferSelect;
export type MeasureRow = typeof campaignMeasures.$inferSelect;
export type RuleRow = typeof obligationRules.$inferSelect;
export type { ActivityRow, ObjectRow } from './activities.repo.js';

/** The campaigns module's queries: campaigns, measures, rules and templates here, activities' from activities.repo. */
export const campaignsRepo = {
  ...activitiesRepo,
  /** Everyone of the unit with what rules need (names, status, leadership, department). */
  async people(db: Db, unitId: string) {
    return db
      .select({
        id: people.id,
        name: people.name,
        status: people.status,
        isLeadership: people.isLeadership,
        isPartyMember: people.isPartyMember,
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
  /** Per measure of a campaign: its items (not withdrawn), closed, and the figures of domain/item-figures. */
  async measureProgress(db: Db, unitId: string, campaignId: string, dates: FigureDates) {
    const rows = await db
      .select({ id: campaignMeasures.id, ...figureCounts(dates) })
      .from(campaignMeasures)
      .leftJoin(
        supervisedItems,
        and(eq(supervisedItems.unitId, campaignMeasures.unitId), eq(supervisedItems.measureId, campaignMeasures.id)),
      )
      .where(and(eq(campaignMeasures.unitId, unitId), eq(campaignMeasures.campaignId, campaignId)))
      .groupBy(campaignMeasures.id);
    return new Map(rows.map((r) => [r.id, r]));
  },
  /** The campaign's items by lead department: how many (not withdrawn), closed, and the figures. */
  async departmentProgress(db: Db, unitId: string, campaignId: string, dates: FigureDates) {
    const counts = figureCounts(dates);
    return db
      .select({ id: departments.id, name: departments.name, ...counts })
      .from(supervisedItems)
      .leftJoin(departments, eq(departments.id, supervisedItems.leadDepartmentId))
      .where(and(eq(supervisedItems.unitId, unitId), campaignItemsSql(unitId, campaignId), NOT_WITHDRAWN))
      .groupBy(departments.id, departments.name)
      .orderBy(desc(counts.items), asc(departments.name));
  },
  /** 本活动事项: every item made from the campaign's measures, counted by the figures (the ledger's campaignId filter). */
  async campaignFigures(db: Db, unitId: string, campaignId: string, dates: FigureDates) {
    const [r] = await db
      .select(figureCounts(dates))
      .from(supervisedItems)
      .where(and(eq(supervisedItems.unitId, unitId), campaignItemsSql(unitId, campaignId)));
    return r!;
  },
  /** A campaign's rules by measure, then as added (rules a template adds at once: by title; the id only breaks ties). */
  async rules(db: Db, unitId: string, campaignId: string) {
    return db
      .select()
      .from(obligationRules)
      .where(and(eq(obligationRules.unitId, unitId), eq(obligationRules.campaignId, campaignId)))
      .orderBy(
        asc(obligationRules.measureNo),
        asc(obligationRules.createdAt),
        asc(obligationRules.title),
        asc(obligationRules.id),
      );
  },
  /** The unit's active rules in every campaign (a kind they count may not be withdrawn). */
  async activeRulesOfUnit(db: Db, unitId: string) {
    return db
      .select()
      .from(obligationRules)
      .where(and(eq(obligationRules.unitId, unitId), eq(obligationRules.active, true)));
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
  async updateRule(db: Db, unitId: string, id: string, patch: Partial<typeof obligationRules.$inferInsert>) {
    await db
      .update(obligationRules)
      .set(patch)
      .where(and(eq(obligationRules.unitId, unitId), eq(obligationRules.id, id)));
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
