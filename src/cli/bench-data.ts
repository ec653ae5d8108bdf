import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';
import { rowsOf } from '../server/db/client.js';
import { hashPassword } from '../server/modules/auth/passwords.js';

/**
 * A synthetic city for benchmarks: 500 units under one city unit (the first, "市本级", holds
 * 100,000 items, the others share the rest), 25,000 people, 1,000,000 supervised items with
 * realistic statuses and due dates across 2026, their deadlines and 200,000 progress reports.
 * Generated with set-based SQL; synthetic rows bypass the audit trail (the chain of each bench unit
 * starts empty). Username for the benchmarks: bench-admin / bench1234 (unit bench-city-0000).
 */
export const CITY = { units: 500, peoplePerUnit: 50, items: 1_000_000, bigUnitItems: 100_000, reports: 200_000 };

export async function benchDataPresent(db: Db): Promise<boolean> {
  const r = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from supervised_items where title like '基准事项%'`),
  );
  return (r[0]?.n ?? 0) >= CITY.items;
}

export async function generateCity(db: Db, log: (m: string) => void = () => undefined) {
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(q);
    log(`${label}：${Math.round(performance.now() - t)} ms`);
  };
  const hash = await hashPassword('bench1234');
  await step(
    '单位',
    sql`
    insert into units (code, name, parent_id, created_at)
    select 'bench-city-' || lpad(g::text, 4, '0'), case when g = 0 then '基准市本级' else '基准单位' || g end, null, now() + (g || ' ms')::interval
    from generate_series(0, ${CITY.units - 1}) g`,
  );
  await step(
    '上级关系',
    sql`update units set parent_id = (select id from units where code = 'bench-city-0000') where code like 'bench-city-%' and code <> 'bench-city-0000'`,
  );
  await step(
    '科室',
    sql`
    insert into departments (unit_id, name, sort_order)
    select u.id, d.name, d.ord from units u cross join (values ('综合科', 1), ('业务一股', 2), ('业务二股', 3), ('业务三股', 4), ('法规股', 5), ('机关纪委', 6)) d(name, ord)
    where u.code like 'bench-city-%'`,
  );
  await step(
    '人员',
    sql`
    insert into people (unit_id, name, department_id, position, is_party_member, branch_role, status, sort_order)
    select u.id, '人员' || g, (select id from departments d where d.unit_id = u.id order by sort_order offset (g % 6) limit 1), '科员', g % 3 <> 0, case when g % 3 <> 0 then 'member' else 'none' end, 'in_service', g
    from units u cross join generate_series(1, ${CITY.peoplePerUnit}) g where u.code like 'bench-city-%'`,
  );
  await step(
    '督办事项',
    sql`
    with u as (select id, row_number() over (order by code) - 1 as n from units where code like 'bench-city-%'),
    spread as (
      select g, case when g <= ${CITY.bigUnitItems} then 0 else 1 + (g % ${CITY.units - 1}) end as unit_n from generate_series(1, ${CITY.items}) g
    )
    insert into supervised_items (id, unit_id, title, source, owner_person_id, lead_department_id, status, urgency, assigned_on, received_on, due, half_due, closed_on, returned_count, created_by, created_at, updated_at)
    select gen_random_uuid(), u.id, '基准事项' || s.g, case s.g % 5 when 0 then 'document' else 'manual' end,
      (select id from people p where p.unit_id = u.id order by sort_order offset (s.g % ${CITY.peoplePerUnit}) limit 1),
      (select id from departments d where d.unit_id = u.id order by sort_order offset (s.g % 6) limit 1),
      case when s.g % 10 < 6 then 'closed' when s.g % 10 = 6 then 'assigned' when s.g % 10 = 7 then 'under_review' else 'in_progress' end,
      case s.g % 7 when 0 then 'urgent' when 1 then 'important' when 2 then 'important' else 'normal' end,
      to_char(date '2026-01-05' + (s.g % 320), 'YYYY-MM-DD'),
      to_char(date '2026-01-05' + (s.g % 320), 'YYYY-MM-DD'),
      to_char(date '2026-01-05' + (s.g % 320) + 9, 'YYYY-MM-DD'),
      to_char(date '2026-01-05' + (s.g % 320) + 4, 'YYYY-MM-DD'),
      case when s.g % 10 < 6 then to_char(date '2026-01-05' + (s.g % 320) + (s.g % 13), 'YYYY-MM-DD') end,
      (s.g % 17 = 0)::int, '00000000-0000-0000-0000-000000000000', now(), now()
    from spread s join u on u.n = s.unit_n`,
  );
  await step(
    '期限',
    sql`
    insert into deadlines (unit_id, subject_type, subject_id, title, owner_person_id, received_on, policy, due, half_due, provisional, status, created_at, updated_at)
    select i.unit_id, 'item', i.id::text, i.title, i.owner_person_id, i.assigned_on, '{"kind":"working_days","days":7}'::jsonb,
      i.due, i.half_due, false, case when i.status = 'closed' then 'closed' else 'open' end, now(), now()
    from supervised_items i where i.title like '基准事项%'`,
  );
  await step(
    '进展报告',
    sql`
    insert into progress_reports (unit_id, item_id, text, percent, idempotency_key, reported_on, created_at)
    select i.unit_id, i.id, '按计划推进', 50, 'bench-' || i.id, to_char(i.assigned_on::date + 3, 'YYYY-MM-DD'), now()
    from supervised_items i where i.title like '基准事项%' and (('x' || substr(i.id::text, 1, 8))::bit(32)::int % 5) = 0 limit ${CITY.reports}`,
  );
  await step(
    '基准账号',
    sql`
    with u as (select id from units where code = 'bench-city-0000'),
    usr as (insert into users (unit_id, username, display_name, password_hash) select id, 'bench-admin', '基准管理员', ${hash} from u returning id, unit_id)
    insert into role_grants (unit_id, user_id, role, scope_type) select unit_id, id, 'system_admin', 'unit' from usr`,
  );
  // As autovacuum would have by then: statistics, and a visibility map for index-only scans.
  await step('统计信息', sql`vacuum analyze`);
}
