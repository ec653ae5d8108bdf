import { sql } from 'drizzle-orm';
import { defaultParams } from '../domain/campaign-template.js';
import { XING_SHI_FENG } from '../domain/templates/xing-shi-feng.js';
import type { Db } from '../server/db/client.js';
import { rowsOf } from '../server/db/client.js';
import { ruleNumbers } from '../server/modules/campaigns/campaigns.service.js';

/**
 * The campaign side of the benchmark city (after `generateCity`): every bench unit runs the 2026
 * 兴“十风”治“十弊” campaign (its 20 categories, 39 measures and 10 rules), has 6 contact villages and
 * 10 enterprises assigned to its leadership (the first 5 people), and recorded 1,000 activities over
 * the year. Set-based SQL; bypasses the audit trail like the rest of the bench data.
 */
export const CITY_CAMPAIGNS = { activitiesPerUnit: 1000, villages: 6, enterprises: 10 };
const NAME = '兴“十风”治“十弊”专项活动（基准）';

export async function benchCampaignsPresent(db: Db): Promise<boolean> {
  const r = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from campaigns where name = ${NAME}`));
  return (r[0]?.n ?? 0) > 0;
}

export async function generateCityCampaigns(db: Db, log: (m: string) => void = () => undefined) {
  // All or nothing: a half-made data set would otherwise pass for a whole one.
  await db.transaction((tx) => generateIn(tx, log));
  await db.execute(sql`vacuum analyze activities`);
}

async function generateIn(db: Db, log: (m: string) => void) {
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(q);
    log(`${label}：${Math.round(performance.now() - t)} ms`);
  };
  const bench = sql`(select id from units where code like 'bench-city-%')`;
  const t = XING_SHI_FENG;
  const params = defaultParams(t);
  await step('班子成员', sql`update people set is_leadership = true where unit_id in ${bench} and sort_order <= 5`);
  await step(
    '专项活动',
    sql`
    insert into campaigns (unit_id, name, year, template_code, template_version, params, phases, starts_on, ends_on, created_by, created_at, updated_at)
    select id, ${NAME}, 2026, ${t.code}, ${t.version}, ${JSON.stringify(params)}::jsonb, '[]'::jsonb, '2026-01-01', '2026-12-31', '00000000-0000-0000-0000-000000000000', now(), now()
    from units where code like 'bench-city-%'`,
  );
  const mine = sql`(select id, unit_id from campaigns where name = ${NAME})`;
  await step(
    '类别',
    sql`
    insert into campaign_categories (unit_id, campaign_id, no, kind, title, focus)
    select c.unit_id, c.id, x.no, x.kind, x.title, x.focus from ${mine} c
    cross join jsonb_to_recordset(${JSON.stringify(t.categories)}::jsonb) as x(no int, kind text, title text, focus text)`,
  );
  await step(
    '措施',
    sql`
    insert into campaign_measures (unit_id, campaign_id, category_no, no, title, text, params, updated_at)
    select c.unit_id, c.id, x.category, x.no, x.title, x.text, coalesce(x.params, '[]'::jsonb), now() from ${mine} c
    cross join jsonb_to_recordset(${JSON.stringify(t.measures)}::jsonb) as x(no int, category int, title text, text text, params jsonb)`,
  );
  const rules = (t.rules ?? []).map((r) => {
    const n = ruleNumbers(r, params);
    return {
      measureNo: r.measureNo,
      title: r.title,
      subject: r.subject,
      rule: {
        kind: r.kind,
        activityKinds: r.activityKinds,
        period: r.period,
        ...n,
        minParam: r.minParam,
        maxParam: r.maxParam,
        percentParam: r.percentParam,
      },
      paramKey: r.minParam ?? r.percentParam ?? null,
    };
  });
  await step(
    '义务规则',
    sql`
    insert into obligation_rules (unit_id, campaign_id, measure_no, title, subject, rule, param_key, created_at)
    select c.unit_id, c.id, x."measureNo", x.title, x.subject, x.rule, x."paramKey", now() from ${mine} c
    cross join jsonb_to_recordset(${JSON.stringify(rules)}::jsonb) as x("measureNo" int, title text, subject jsonb, rule jsonb, "paramKey" text)`,
  );
  await step(
    '联系对象',
    sql`
    with leaders as (select unit_id, array_agg(id order by sort_order) ids from people where unit_id in ${bench} and is_leadership group by unit_id)
    insert into contact_objects (unit_id, kind, name, assignee_ids, created_at, updated_at)
    select l.unit_id, k.kind, k.prefix || g, array[l.ids[1 + g % array_length(l.ids, 1)]], now(), now()
    from leaders l
    cross join (values ('village', '联系村', ${CITY_CAMPAIGNS.villages}), ('enterprise', '服务企业', ${CITY_CAMPAIGNS.enterprises})) k(kind, prefix, n)
    cross join lateral generate_series(1, k.n::int) g`,
  );
  await step(
    '联系对象的联系人（自始）',
    sql`
    insert into contact_object_assignments (unit_id, object_id, person_id, from_date, to_date, created_at, updated_at)
    select o.unit_id, o.id, a.person_id, null, null, now(), now()
    from contact_objects o cross join lateral unnest(o.assignee_ids) as a(person_id)
    where o.unit_id in ${bench}`,
  );
  await step(
    '活动记录',
    sql`
    with p as (select unit_id, array_agg(id order by sort_order) ids from people where unit_id in ${bench} group by unit_id),
    v as (select unit_id, array_agg(id order by name) ids from contact_objects where unit_id in ${bench} and kind = 'village' group by unit_id),
    e as (select unit_id, array_agg(id order by name) ids from contact_objects where unit_id in ${bench} and kind = 'enterprise' group by unit_id),
    d as (select unit_id, array_agg(id order by sort_order) ids from departments where unit_id in ${bench} group by unit_id),
    c as ${mine},
    kinds as (select * from (values (0, 'visit'), (1, 'visit'), (2, 'visit'), (3, 'meeting'), (4, 'meeting'), (5, 'study'), (6, 'inspection'), (7, 'work_report'),
      (8, 'deed'), (9, 'home_visit'), (10, 'education'), (11, 'visit'), (12, 'meeting'), (13, 'work_report'), (14, 'visit'), (15, 'deed'), (16, 'study'), (17, 'inspection'), (18, 'honour'), (19, 'other')) k(n, type))
    insert into activities (unit_id, campaign_id, type, kind, title, held_on, department_id, participant_ids, object_ids, created_by, created_at)
    select c.unit_id, c.id, k.type,
      case k.type when 'visit' then case when g % 2 = 0 then 'village_research' else 'enterprise_visit' end
        when 'meeting' then 'weekly_work_meeting' when 'study' then 'party_law_study' when 'inspection' then 'duty_check'
        when 'work_report' then 'department_report' when 'deed' then 'good_deed' when 'home_visit' then 'political_home_visit'
        when 'education' then 'warning_education' when 'honour' then 'model_department_honour' else 'other' end,
      '基准活动' || g, date '2026-01-01' + ((g * 37) % 364), 
      case when k.type in ('work_report', 'honour') then d.ids[1 + g % array_length(d.ids, 1)] end,
      array[p.ids[1 + g % 5], p.ids[1 + (g * 7) % array_length(p.ids, 1)]],
      case k.type when 'visit' then case when g % 2 = 0 then array[v.ids[1 + g % array_length(v.ids, 1)]] else array[e.ids[1 + g % array_length(e.ids, 1)]] end
        when 'deed' then array[v.ids[1 + g % array_length(v.ids, 1)]]
        when 'home_visit' then array[p.ids[1 + (g * 13) % array_length(p.ids, 1)]]
        else '{}'::uuid[] end,
      '00000000-0000-0000-0000-000000000000', now()
    from c join p using (unit_id) join v using (unit_id) join e using (unit_id) join d using (unit_id)
    cross join generate_series(1, ${CITY_CAMPAIGNS.activitiesPerUnit}) g
    join kinds k on k.n = g % 20`,
  );
}
