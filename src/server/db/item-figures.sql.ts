import { and, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Figure } from '../../domain/item-figures.js';
import { OPEN_STATUS_LIST } from './open-statuses.js';
import { campaignMeasures, supervisedItems as S } from './schema/index.js';

/**
 * The figures of domain/item-figures as SQL conditions on supervised_items, so that a list filtered
 * to a figure (the ledger) and a count of it (overview, workbench) select exactly the items the
 * domain's definition selects. `today` is the Shanghai date, `soonUntil` domain dueSoonUntil(today).
 */
export interface FigureDates {
  today: string;
  soonUntil: string;
}

export const OPEN_SQL = sql`${S.status} in ${OPEN_STATUS_LIST}`;

/** A missing report of the item's cadence (domain/supervision.reportMissing). */
export function reportMissingSql(today: string): SQL {
  return sql`(${S.cadence} = 'weekly' and (${today}::date - coalesce(${S.lastReportOn}, ${S.assignedOn})::date) > 7
    or ${S.cadence} = 'monthly' and (${today}::date - coalesce(${S.lastReportOn}, ${S.assignedOn})::date) > 31)`;
}

/** 逾期: open and past its due date (the only figure that needs no calendar). */
export const overdueSql = (today: string): SQL => and(OPEN_SQL, sql`${S.due} < ${today}`)!;

export function figureSql(f: Figure, d: FigureDates): SQL {
  const closed = and(sql`${S.status} = 'closed'`, isNotNull(S.closedOn))!;
  const notOverdue = sql`${S.due} >= ${d.today}`;
  switch (f) {
    case 'overdue':
      return overdueSql(d.today);
    case 'closedLate':
      return and(closed, sql`${S.closedOn} > ${S.due}`)!;
    case 'onTime':
      return and(closed, sql`${S.closedOn} <= ${S.due}`)!;
    case 'dueSoon':
      return and(OPEN_SQL, notOverdue, sql`${S.due} <= ${d.soonUntil}`)!;
    case 'reportMissing':
      return and(OPEN_SQL, notOverdue, reportMissingSql(d.today))!;
  }
}

/** `count(*) filter (where …)` of each figure, for one grouped or ungrouped query. */
export function figureCounts(d: FigureDates) {
  const n = (f: Figure) => sql<number>`(count(*) filter (where ${figureSql(f, d)}))::int`;
  return {
    items: sql<number>`(count(${S.id}) filter (where ${S.status} <> 'withdrawn'))::int`,
    closed: sql<number>`(count(*) filter (where ${S.status} = 'closed'))::int`,
    overdue: n('overdue'),
    closedLate: n('closedLate'),
    onTime: n('onTime'),
    dueSoon: n('dueSoon'),
    reportMissing: n('reportMissing'),
    comeDue: sql<number>`(count(*) filter (where ${S.status} <> 'withdrawn' and ${S.due} <= ${d.today}))::int`,
  };
}

/** The items made from a campaign's measures (whatever the measure's state): what its overview counts. */
export function campaignItemsSql(unitId: string, campaignId: string): SQL {
  return sql`${S.measureId} in (select m.id from ${campaignMeasures} m
    where m.unit_id = ${unitId} and m.campaign_id = ${campaignId})`;
}
