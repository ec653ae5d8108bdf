import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';
import { rowsOf } from '../server/db/client.js';
import { hashPassword } from '../server/modules/auth/passwords.js';

/**
 * The simulated province of issue 20 for the oversight benchmark: a province unit, `cities` cities under it, each
 * with `unitsPerCity` units below (6,000 units in all at full scale), `peoplePerUnit` people each (300,000), and
 * `items` supervised items (12,000,000) spread evenly, with the city data set's statuses and due dates. Set-based:
 * each table is one INSERT … SELECT, people and departments found by arithmetic joins (no per-row subquery).
 * Deadlines and progress reports are left out (the dashboard and its refresh read neither); the items' two
 * trigram indexes are dropped during the load and rebuilt after. Codes `bench-prov-…`; account bench-prov-admin /
 * bench1234 (system administrator of the province unit).
 *
 * Disk (measured, PostgreSQL 15): supervised_items with its indexes takes about 680 bytes per item (778 MB for
 * 1,200,000), so the full 12,000,000 need about 8.2 GB, plus ~70 MB of people; the city data set, which also has
 * deadlines (~410 bytes per item) and progress reports, is 1.15 GB for 1,000,000 items. Time: about 50 s per
 * million items on the shared 2-core machine, then the title's trigram index (~11 s per 1.2 million).
 */
export const PROVINCE = { cities: 14, unitsPerCity: 428, peoplePerUnit: 50, items: 12_000_000 };
export type ProvinceScale = typeof PROVINCE;

export async function provincePresent(db: Db, scale: ProvinceScale = PROVINCE): Promise<boolean> {
  const r = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from units where code like 'bench-prov-%'`),
  );
  return (r[0]?.n ?? 0) >= 1 + scale.cities * (1 + scale.unitsPerCity);
}

export async function generateProvince(db: Db, scale: ProvinceScale = PROVINCE, log: (m: string) => void = () => {}) {
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(q);
    log(`${label}：${Math.round(performance.now() - t)} ms`);
  };
  const { cities, unitsPerCity, peoplePerUnit, items } = scale;
  const hash = await hashPassword('bench1234');
  await step(
    '省、市、县单位',
    sql`
    with p as (
      insert into units (code, name, kind, created_at) values ('bench-prov-root', '基准省本级', 'province', now()) returning id
    ), c as (
      insert into units (code, name, kind, parent_id, created_at)
      select 'bench-prov-c' || lpad(g::text, 2, '0'), '基准市' || g, 'city', p.id, now() from p, generate_series(1, ${cities}) g
      returning id, code
    )
    insert into units (code, name, kind, parent_id, created_at)
    select c.code || '-' || lpad(g::text, 4, '0'), '基准市' || substr(c.code, 12) || '单位' || g,
      case when g % 5 = 0 then 'township' when g % 5 = 1 then 'county' else 'bureau' end, c.id, now() + (g || ' ms')::interval
    from c cross join generate_series(1, ${unitsPerCity}) g`,
  );
  await step(
    '编号',
    sql`create temporary table prov_units on commit preserve rows as
      select id, (row_number() over (order by code) - 1)::int as n from units where code like 'bench-prov-%'`,
  );
  await step(
    '科室',
    sql`insert into departments (unit_id, name, sort_order)
    select u.id, d.name, d.ord from prov_units u cross join (values ('综合科', 1), ('业务一股', 2), ('业务二股', 3),
      ('业务三股', 4), ('法规股', 5), ('机关纪委', 6)) d(name, ord)`,
  );
  await step(
    '人员',
    sql`insert into people (unit_id, name, department_id, position, is_party_member, branch_role, status, sort_order)
    select u.id, '人员' || g, d.id, '科员', g % 3 <> 0, case when g % 3 <> 0 then 'member' else 'none' end, 'in_service', g
    from prov_units u cross join generate_series(1, ${peoplePerUnit}) g
    join departments d on d.unit_id = u.id and d.sort_order = 1 + (g % 6)`,
  );
  await step('暂停全文索引', sql`drop index if exists items_title_trgm_idx, items_content_trgm_idx`);
  const total = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from prov_units`))[0]!.n;
  // One statement per million items, so that a long load reports its progress.
  for (let from = 1; from <= items; from += 1_000_000) {
    const to = Math.min(items, from + 999_999);
    await step(
      `督办事项 ${from}–${to}`,
      sql`insert into supervised_items (id, unit_id, title, source, owner_person_id, lead_department_id, status, urgency,
        assigned_on, received_on, due, half_due, closed_on, returned_count, created_by, created_at, updated_at)
      select gen_random_uuid(), u.id, '省基准事项' || s.g, case s.g % 5 when 0 then 'document' else 'manual' end, p.id,
        p.department_id,
        case when s.g % 10 < 6 then 'closed' when s.g % 10 = 6 then 'assigned' when s.g % 10 = 7 then 'under_review' else 'in_progress' end,
        case s.g % 7 when 0 then 'urgent' when 1 then 'important' when 2 then 'important' else 'normal' end,
        to_char(date '2026-01-05' + (s.g % 320), 'YYYY-MM-DD'), to_char(date '2026-01-05' + (s.g % 320), 'YYYY-MM-DD'),
        to_char(date '2026-01-05' + (s.g % 320) + 9, 'YYYY-MM-DD'), to_char(date '2026-01-05' + (s.g % 320) + 4, 'YYYY-MM-DD'),
        case when s.g % 10 < 6 then to_char(date '2026-01-05' + (s.g % 320) + (s.g % 13), 'YYYY-MM-DD') end,
        (s.g % 17 = 0)::int, '00000000-0000-0000-0000-000000000000', now(), now()
      from generate_series(${from}::int, ${to}::int) s(g)
      join prov_units u on u.n = s.g % ${total}
      join people p on p.unit_id = u.id and p.sort_order = 1 + (s.g / ${total}) % ${peoplePerUnit}`,
    );
  }
  await step(
    '重建全文索引（标题）',
    sql`create index if not exists items_title_trgm_idx on supervised_items using gin (title gin_trgm_ops)`,
  );
  await step(
    '重建全文索引（内容）',
    sql`create index if not exists items_content_trgm_idx on supervised_items using gin (content gin_trgm_ops)`,
  );
  await step(
    '基准账号',
    sql`with u as (select id from units where code = 'bench-prov-root'),
    usr as (insert into users (unit_id, username, display_name, password_hash)
      select id, 'bench-prov-admin', '省基准管理员', ${hash} from u returning id, unit_id)
    insert into role_grants (unit_id, user_id, role, scope_type) select unit_id, id, 'system_admin', 'unit' from usr`,
  );
  await step('清理', sql`drop table prov_units`);
  await step('统计信息', sql`vacuum analyze`);
}

/** The ledger benchmark's account in one county-level unit of the province (its system administrator). */
export const PROVINCE_UNIT_LOGIN = { username: 'bench-prov-unit', unitCode: 'bench-prov-c01-0001' };

/** Creates PROVINCE_UNIT_LOGIN (password bench1234) when missing; a province made earlier has none. */
export async function ensureProvinceUnitLogin(db: Db) {
  const hash = await hashPassword('bench1234');
  await db.execute(sql`
    with u as (select id from units where code = ${PROVINCE_UNIT_LOGIN.unitCode}),
    usr as (insert into users (unit_id, username, display_name, password_hash)
      select id, ${PROVINCE_UNIT_LOGIN.username}, '省基准单位管理员', ${hash} from u
      on conflict do nothing returning id, unit_id)
    insert into role_grants (unit_id, user_id, role, scope_type) select unit_id, id, 'system_admin', 'unit' from usr`);
}
