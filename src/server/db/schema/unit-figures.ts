import { pgTable, uuid, text, timestamp, integer, primaryKey } from 'drizzle-orm/pg-core';

/**
 * The cross-unit dashboard's aggregates (issue 20): one row per unit, rewritten by a periodic set-based refresh
 * (jobs/unit-figures-refresh, one INSERT … SELECT … GROUP BY unit_id) or by the 督查室's 刷新, so that reading the
 * dashboard never scans the items. `refreshed_at` is when these figures were counted (shown as 数据截至); a unit
 * without a row has no figures yet (暂无数据). The item figures follow domain/item-figures on `counted_on`.
 */
export const unitFigures = pgTable('unit_figures', {
  unitId: uuid('unit_id').primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  /** The Shanghai date the figures were counted on. */
  countedOn: text('counted_on').notNull(),
  /** The unit's current campaign (active; the one covering the date, else the latest started), or none. */
  campaignId: uuid('campaign_id'),
  campaignName: text('campaign_name'),
  measures: integer('measures').notNull().default(0),
  measuresBrokenDown: integer('measures_broken_down').notNull().default(0),
  campaignItems: integer('campaign_items').notNull().default(0),
  campaignClosed: integer('campaign_closed').notNull().default(0),
  /** The whole ledger: items not withdrawn, 逾期未办结, 临期. */
  items: integer('items').notNull().default(0),
  overdue: integer('overdue').notNull().default(0),
  dueSoon: integer('due_soon').notNull().default(0),
  /** The campaign's compliance matrix: cells 已达标, and cells decided (已达标 + 未达标 + 超出上限); null until counted. */
  rulesMet: integer('rules_met'),
  rulesDecided: integer('rules_decided'),
  complianceAt: timestamp('compliance_at', { withTimezone: true }),
  /** The latest 专题组织生活会 by planned date: preparing | held. */
  meetingTitle: text('meeting_title'),
  meetingStatus: text('meeting_status'),
  meetingPlannedOn: text('meeting_planned_on'),
  meetingHeldOn: text('meeting_held_on'),
  /** The latest change to an item, a recorded activity or a meeting. */
  lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
});

/** The compliance of one unit's current campaign by rule title (the heat map's cells). */
export const unitRuleFigures = pgTable(
  'unit_rule_figures',
  {
    unitId: uuid('unit_id').notNull(),
    ruleTitle: text('rule_title').notNull(),
    met: integer('met').notNull(),
    decided: integer('decided').notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.ruleTitle] })],
);
