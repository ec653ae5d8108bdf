import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { DashboardSort } from '../../../domain/unit-figures.js';
import { rowsOf, type Db } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { OPEN_STATUS_LIST } from '../../db/open-statuses.js';
import { campaigns } from '../../db/schema/index.js';

/** A JSON list as a set of rows: one parameter, whatever its length (drizzle would spread an array). */
const jsonIds = (ids: readonly string[]) =>
  sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`;

/**
 * The refresh of the item, campaign, meeting and activity figures of `units` (each with its own last 临期 date,
 * domain/item-figures dueSoonUntil on its calendar), counted on `today`: ONE statement, set-based, grouped by
 * unit — the only place that reads every item. Compliance is written apart (writeCompliance).
 */
export async function refreshItemFigures(
  db: Db,
  units: readonly { unitId: string; soonUntil: string }[],
  today: string,
  now: Date,
) {
  if (!units.length) return 0;
  const d = JSON.stringify(units.map((u) => ({ unit_id: u.unitId, soon_until: u.soonUntil })));
  const res = await db.execute(sql`
    with d as (select * from jsonb_to_recordset(${d}::jsonb) as d(unit_id uuid, soon_until text)),
    camp as (
      select distinct on (c.unit_id) c.unit_id, c.id, c.name from campaigns c join d on d.unit_id = c.unit_id
      where c.active
      order by c.unit_id, (c.starts_on <= ${today} and c.ends_on >= ${today}) desc, c.starts_on desc, c.created_at desc, c.id
    ),
    it as (
      select s.unit_id,
        (count(*) filter (where s.status <> 'withdrawn'))::int as items,
        (count(*) filter (where s.status in ${OPEN_STATUS_LIST} and s.due < ${today}))::int as overdue,
        (count(*) filter (where s.status in ${OPEN_STATUS_LIST} and s.due >= ${today} and s.due <= d.soon_until))::int
          as due_soon,
        max(s.updated_at) as last_at
      from supervised_items s join d on d.unit_id = s.unit_id group by s.unit_id
    ),
    mi as (
      select m.unit_id, m.id, m.active,
        (count(s.id) filter (where s.status <> 'withdrawn'))::int as items,
        (count(s.id) filter (where s.status = 'closed'))::int as closed
      from camp join campaign_measures m on m.unit_id = camp.unit_id and m.campaign_id = camp.id
      left join supervised_items s on s.unit_id = m.unit_id and s.measure_id = m.id
      group by m.unit_id, m.id, m.active
    ),
    ms as (
      select unit_id, (count(*) filter (where active))::int as measures,
        (count(*) filter (where active and items > 0))::int as broken_down,
        sum(items)::int as items, sum(closed)::int as closed
      from mi group by unit_id
    ),
    act as (select a.unit_id, max(a.created_at) as last_at from activities a join d on d.unit_id = a.unit_id group by a.unit_id),
    mt as (
      select distinct on (o.unit_id) o.unit_id, o.title, o.status, o.planned_on, o.held_on, o.updated_at
      from org_life_meetings o join d on d.unit_id = o.unit_id
      order by o.unit_id, o.planned_on desc, o.created_at desc, o.id
    )
    insert into unit_figures (unit_id, refreshed_at, counted_on, campaign_id, campaign_name, measures,
      measures_broken_down, campaign_items, campaign_closed, items, overdue, due_soon, meeting_title, meeting_status,
      meeting_planned_on, meeting_held_on, last_activity_at)
    select d.unit_id, ${now}, ${today}, camp.id, camp.name, coalesce(ms.measures, 0), coalesce(ms.broken_down, 0),
      coalesce(ms.items, 0), coalesce(ms.closed, 0), coalesce(it.items, 0), coalesce(it.overdue, 0),
      coalesce(it.due_soon, 0), mt.title, mt.status, mt.planned_on, mt.held_on,
      greatest(it.last_at, act.last_at, mt.updated_at)
    from d left join camp on camp.unit_id = d.unit_id left join it on it.unit_id = d.unit_id
      left join ms on ms.unit_id = d.unit_id left join act on act.unit_id = d.unit_id
      left join mt on mt.unit_id = d.unit_id
    on conflict (unit_id) do update set refreshed_at = excluded.refreshed_at, counted_on = excluded.counted_on,
      campaign_id = excluded.campaign_id, campaign_name = excluded.campaign_name, measures = excluded.measures,
      measures_broken_down = excluded.measures_broken_down, campaign_items = excluded.campaign_items,
      campaign_closed = excluded.campaign_closed, items = excluded.items, overdue = excluded.overdue,
      due_soon = excluded.due_soon, meeting_title = excluded.meeting_title, meeting_status = excluded.meeting_status,
      meeting_planned_on = excluded.meeting_planned_on, meeting_held_on = excluded.meeting_held_on,
      last_activity_at = excluded.last_activity_at`);
  return (res as { affectedRows?: number; rowCount?: number; count?: number }).rowCount ?? units.length;
}

export interface UnitCompliance {
  unitId: string;
  rules: { title: string; met: number; decided: number }[];
}

/** Writes the compliance of some units (their rule cells and totals) in one transaction, set-based. */
export async function writeCompliance(db: Db, list: readonly UnitCompliance[], now: Date) {
  if (!list.length) return;
  const ids = list.map((u) => u.unitId);
  const cells = list.flatMap((u) =>
    u.rules.map((r) => ({ unit_id: u.unitId, title: r.title, met: r.met, decided: r.decided })),
  );
  const totals = list.map((u) => ({
    unit_id: u.unitId,
    met: u.rules.reduce((n, r) => n + r.met, 0),
    decided: u.rules.reduce((n, r) => n + r.decided, 0),
  }));
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from unit_rule_figures where unit_id in ${jsonIds(ids)}`);
    if (cells.length)
      await tx.execute(sql`insert into unit_rule_figures (unit_id, rule_title, met, decided, refreshed_at)
        select unit_id, title, met, decided, ${now}
        from jsonb_to_recordset(${JSON.stringify(cells)}::jsonb) as c(unit_id uuid, title text, met int, decided int)`);
    await tx.execute(sql`update unit_figures f set rules_met = t.met, rules_decided = t.decided, compliance_at = ${now}
      from jsonb_to_recordset(${JSON.stringify(totals)}::jsonb) as t(unit_id uuid, met int, decided int)
      where f.unit_id = t.unit_id`);
  });
}

/** The units' current campaigns as the last item refresh chose them. */
export async function currentCampaigns(db: Db, unitIds: readonly string[]) {
  if (!unitIds.length) return [];
  const res = await db.execute(sql`select f.unit_id, f.counted_on, c.id, c.starts_on, c.ends_on from unit_figures f
    join campaigns c on c.id = f.campaign_id and c.unit_id = f.unit_id where f.unit_id in ${jsonIds(unitIds)}`);
  return rowsOf<{ unit_id: string; id: string }>(res);
}

/** The current campaigns of units (`currentCampaigns`' rows), each read within its unit. */
export const campaignRows = async (db: Db, current: readonly { unit_id: string; id: string }[]) =>
  current.length
    ? db
        .select()
        .from(campaigns)
        .where(
          and(
            inArray(campaigns.unitId, [...new Set(current.map((c) => c.unit_id))]),
            inArray(
              campaigns.id,
              current.map((c) => c.id),
            ),
          ),
        )
    : [];

/** Every unit below `roots` (the roots included, the reader's own unit left out). */
const subtreeOf = (roots: readonly string[], own: string) => sql`
  with recursive t as (
    select id, 0 as depth from units where id in ${jsonIds(roots)}
    union all
    select u.id, t.depth + 1 from units u join t on u.parent_id = t.id where t.depth < 50
  ), below as (select distinct id from t where id <> ${own})`;

export const activeUnitIds = async (db: Db) =>
  rowsOf<{ id: string }>(await db.execute(sql`select id from units where deactivated_at is null`)).map((r) => r.id);

export async function subtreeUnitIds(db: Db, roots: readonly string[], own: string) {
  const res = await db.execute(sql`${subtreeOf(roots, own)}
    select u.id from below join units u on u.id = below.id where u.deactivated_at is null`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

export interface DashboardFilter {
  q?: string;
  kind?: string;
  red: boolean;
  sort: DashboardSort;
  order: 'asc' | 'desc';
}

const SORTS: Record<DashboardSort, SQL> = {
  name: sql`u.name`,
  overdue: sql`f.overdue`,
  dueSoon: sql`f.due_soon`,
  campaignRate: sql`f.campaign_closed::float / nullif(f.campaign_items, 0)`,
  complianceRate: sql`f.rules_met::float / nullif(f.rules_decided, 0)`,
  lastActivity: sql`f.last_activity_at`,
};

export interface DashboardRaw {
  id: string;
  code: string;
  name: string;
  kind: string;
  deactivated_at: unknown;
  refreshed_at: unknown;
  campaign_id: string | null;
  campaign_name: string | null;
  measures: number | null;
  measures_broken_down: number | null;
  campaign_items: number | null;
  campaign_closed: number | null;
  items: number | null;
  overdue: number | null;
  due_soon: number | null;
  rules_met: number | null;
  rules_decided: number | null;
  meeting_title: string | null;
  meeting_status: 'preparing' | 'held' | null;
  meeting_planned_on: string | null;
  meeting_held_on: string | null;
  last_activity_at: unknown;
  report_due_on: string | null;
  report_submitted_at: unknown;
  total: number;
  as_of: unknown;
}

/**
 * A page of the subtree's units with their stored figures: reads units and unit_figures, and the latest meeting
 * report the reader's unit asked of each (upward_targets, by its target index).
 */
export async function dashboardPage(
  db: Db,
  roots: readonly string[],
  own: string,
  f: DashboardFilter,
  page: { limit: number; offset: number },
) {
  const like = f.q ? containsPattern(f.q) : null;
  const dir = f.order === 'asc' ? sql`asc` : sql`desc`;
  // The page first (units and unit_figures only), then each listed unit's latest meeting-report request: the
  // lateral join runs for the page's units, never for the whole subtree.
  const res = await db.execute(sql`${subtreeOf(roots, own)}
    select p.*, rep.due_on::text as report_due_on, rep.submitted_at as report_submitted_at from (
      select u.id, u.code, u.name, u.kind, u.deactivated_at, f.refreshed_at, f.campaign_id, f.campaign_name,
        f.measures, f.measures_broken_down, f.campaign_items, f.campaign_closed, f.items, f.overdue, f.due_soon,
        f.rules_met, f.rules_decided, f.meeting_title, f.meeting_status, f.meeting_planned_on, f.meeting_held_on,
        f.last_activity_at, count(*) over ()::int as total, min(f.refreshed_at) over () as as_of,
        row_number() over (order by ${SORTS[f.sort]} ${dir} nulls last, u.code, u.id) as rn
      from below join units u on u.id = below.id left join unit_figures f on f.unit_id = u.id
      where (${like}::text is null or u.name ilike ${like} or u.code ilike ${like})
        and (${f.kind ?? null}::text is null or u.kind = ${f.kind ?? null})
        and (not ${f.red} or f.overdue > 0)
      order by rn
      limit ${page.limit} offset ${page.offset}
    ) p
    left join lateral (select r.due_on, t.submitted_at from upward_targets t
        join upward_requests r on r.id = t.request_id
        where t.target_unit_id = p.id and t.unit_id = ${own} and r.kind = 'meeting_report' and r.status = 'open'
        order by r.issued_on desc, r.created_at desc limit 1) rep on true
    order by p.rn`);
  return rowsOf<DashboardRaw>(res);
}

/** The rule cells of some units (the heat map's page). */
export async function ruleCells(db: Db, unitIds: readonly string[]) {
  if (!unitIds.length) return [];
  const res = await db.execute(sql`select unit_id, rule_title, met, decided from unit_rule_figures
    where unit_id in ${jsonIds(unitIds)}`);
  return rowsOf<{ unit_id: string; rule_title: string; met: number; decided: number }>(res).map((r) => ({
    unitId: r.unit_id,
    ruleTitle: r.rule_title,
    met: r.met,
    decided: r.decided,
  }));
}
