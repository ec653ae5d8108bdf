import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Emit } from '../run.js';
import { concurrently, ensureCityData, pct, startServer } from './supervision.js';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zuofeng_bench';
const PAGE = 50;
const PER_CLIENT = 25;

/** The dashboard page's statement (modules/oversight-dashboard/dashboard.repo#dashboardPage), written out. */
const DASHBOARD_SQL = `
  with recursive t as (
    select id, 0 as depth from units where id in (select (jsonb_array_elements_text($1::jsonb))::uuid)
    union all
    select u.id, t.depth + 1 from units u join t on u.parent_id = t.id where t.depth < 50
  ), below as (select distinct id from t where id <> $2)
  select u.id, u.code, u.name, u.kind, u.deactivated_at, f.refreshed_at, f.campaign_id, f.campaign_name,
    f.measures, f.measures_broken_down, f.campaign_items, f.campaign_closed, f.items, f.overdue, f.due_soon,
    f.rules_met, f.rules_decided, f.meeting_title, f.meeting_status, f.meeting_planned_on, f.meeting_held_on,
    f.last_activity_at, count(*) over ()::int as total, min(f.refreshed_at) over () as as_of
  from below join units u on u.id = below.id left join unit_figures f on f.unit_id = u.id
  order by f.overdue desc nulls last, u.code, u.id limit ${PAGE} offset $3`;

interface DataSet {
  /** Metric name prefix: '' for the city, 'province_' for the province. */
  prefix: string;
  url: string;
  username: string;
  rootCode: string;
}

/**
 * 汇总看板 (issue 20) on the city data set (bench-data.ts: 500 units, 1,000,000 items) on PostgreSQL: the
 * refresh that keeps unit_figures (items part: one set-based statement; compliance part: each unit's matrix),
 * the dashboard page through HTTP under 1, 8 and 32 clients against the same statement as raw SQL, the heat map
 * and the .xlsx of the units, and — what the aggregates avoid — counting the figures from the items per request.
 * With BENCH_PROVINCE_ITEMS=<n> the same on the simulated province (bench-province.ts: 6,000 units, n items; 12
 * million at full scale) in its own database (BENCH_PROVINCE_DATABASE_URL, default <bench database>_province).
 */
export async function run(emit: Emit) {
  await ensureCityData();
  const { openPostgres } = await import('../../src/server/db/client.js');
  await measure(emit, { prefix: '', url: URL_, username: 'bench-admin', rootCode: 'bench-city-0000' });
  const items = Number(process.env.BENCH_PROVINCE_ITEMS ?? 0);
  if (!items) return;
  const { PROVINCE, generateProvince, provincePresent } = await import('../../src/cli/bench-province.js');
  const url = process.env.BENCH_PROVINCE_DATABASE_URL ?? `${URL_}_province`;
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  if (!(await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount)
    await admin.query(`create database "${name.replace(/"/g, '')}"`);
  await admin.end();
  const prov = openPostgres(url, 4);
  await prov.migrate();
  const scale = { ...PROVINCE, items };
  if (!(await provincePresent(prov.db, scale))) {
    const t = performance.now();
    await generateProvince(prov.db, scale, (m) => console.error(`生成省级基准数据 ${m}`));
    emit('province_generate_ms', performance.now() - t, 'ms');
  }
  const size = await prov.db.execute(sql`select pg_database_size(current_database())::float8 as b`);
  emit('province_items', items, 'count');
  emit('province_disk_mb', (size as unknown as { rows: { b: number }[] }).rows[0]!.b / 2 ** 20, 'MB');
  await prov.close();
  await measure(emit, { prefix: 'province_', url, username: 'bench-prov-admin', rootCode: 'bench-prov-root' });
}

async function measure(emit: Emit, d: DataSet) {
  const { openPostgres } = await import('../../src/server/db/client.js');
  const { refreshUnitFigures } = await import('../../src/server/jobs/unit-figures-refresh.js');
  const { activeUnitIds } = await import('../../src/server/modules/oversight-dashboard/dashboard.repo.js');
  const m = (name: string, value: number, unit: string) => emit(`${d.prefix}${name}`, value, unit);
  const setup = openPostgres(d.url, 4);
  const ids = await activeUnitIds(setup.db);
  let t = performance.now();
  const refreshed = await refreshUnitFigures(setup.db, new Date(), ids);
  m('refresh_units', refreshed.units, 'count');
  m('refresh_ms', performance.now() - t, 'ms');
  m('refresh_items_part_ms', refreshed.itemsMs, 'ms');
  m('refresh_compliance_part_ms', refreshed.complianceMs, 'ms');
  // What the refresh spares each request: the same figures counted from every item of the subtree.
  const scan = await setup.db.execute(sql`explain (analyze, format json)
    select s.unit_id, count(*) filter (where s.status <> 'withdrawn'),
      count(*) filter (where s.status in ('assigned', 'in_progress', 'under_review') and s.due < '2026-11-30')
    from supervised_items s group by s.unit_id`);
  const plan = (scan as unknown as { rows: { 'QUERY PLAN': { 'Execution Time': number }[] }[] }).rows[0]!;
  m('scan_per_request_ms', plan['QUERY PLAN'][0]!['Execution Time'], 'ms');
  await setup.close();

  const server = await startServer({ DATABASE_URL: d.url });
  try {
    const login = await fetch(`${server.address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: d.username, password: 'bench1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (path: string) => {
      const res = await fetch(`${server.address}${path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${path} ${res.status}`);
      await res.arrayBuffer();
    };
    const page = (i: number) =>
      `/api/oversight/dashboard?pageSize=${PAGE}&sort=overdue&order=desc&page=${1 + (i % 10)}`;
    const first = await (await fetch(`${server.address}${page(0)}`, { headers: { cookie } })).json();
    m('dashboard_units', first.total, 'count');
    const alone = await concurrently(1, 50, (i) => get(page(i)));
    m('dashboard_single_client_p50_ms', pct(alone, 50), 'ms');
    const pool = new pg.Pool({ connectionString: d.url, max: 32 });
    const me = (await pool.query(`select id from units where code = $1`, [d.rootCode])).rows[0].id as string;
    for (const clients of [8, 32]) {
      const http = await concurrently(clients, PER_CLIENT, (i) => get(page(i)));
      const raw = await concurrently(clients, PER_CLIENT, async (i) => {
        await pool.query(DASHBOARD_SQL, [JSON.stringify([me]), me, (i % 10) * PAGE]);
      });
      m(`dashboard_${clients}c_p50_ms`, pct(http, 50), 'ms');
      m(`dashboard_${clients}c_p95_ms`, pct(http, 95), 'ms');
      m(`raw_sql_${clients}c_p50_ms`, pct(raw, 50), 'ms');
      m(`raw_sql_${clients}c_p95_ms`, pct(raw, 95), 'ms');
      m(`dashboard_vs_raw_${clients}c`, pct(http, 95) / pct(raw, 95), 'x');
    }
    await pool.end();
    const heat = await concurrently(8, 10, (i) =>
      get(`/api/oversight/dashboard/heatmap?pageSize=30&page=${1 + (i % 10)}`),
    );
    m('heatmap_8c_p95_ms', pct(heat, 95), 'ms');
    t = performance.now();
    await get('/api/oversight/dashboard.xlsx');
    m('export_xlsx_ms', performance.now() - t, 'ms');
  } finally {
    await server.stop();
  }
}
