import { sql } from 'drizzle-orm';
import type { Emit } from '../run.js';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zuofeng_bench';
const TODAY = '2026-11-30';
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Compliance of every obligation rule of the 2026 campaign for one year: for the city's biggest
 * unit (median of 7 runs), for all 500 units one after another as each unit's own page reads them, and
 * for all 500 through the oversight dashboard's refresh (median of 3 runs), on the city bench data (made when missing, campaigns and
 * activities included: 1,000 activities per unit).
 */
export async function run(emit: Emit) {
  const { ensureBenchDatabase } = await import('./supervision.js');
  await ensureBenchDatabase();
  const { openPostgres, rowsOf } = await import('../../src/server/db/client.js');
  const { benchDataPresent, generateCity } = await import('../../src/cli/bench-data.js');
  const { benchCampaignsPresent, generateCityCampaigns } = await import('../../src/cli/bench-campaigns.js');
  const { campaignCompliance } = await import('../../src/server/modules/campaigns/compliance.service.js');
  const { campaignsRepo } = await import('../../src/server/modules/campaigns/campaigns.repo.js');
  const database = openPostgres(URL_, 8);
  try {
    await database.migrate();
    if (!(await benchDataPresent(database.db)))
      await generateCity(database.db, (m) => console.error(`生成基准数据 ${m}`));
    if (!(await benchCampaignsPresent(database.db)))
      await generateCityCampaigns(database.db, (m) => console.error(`生成专项活动数据 ${m}`));
    const campaigns = rowsOf<{ id: string; unit_id: string; code: string }>(
      await database.db.execute(sql`
      select c.id, c.unit_id, u.code from campaigns c join units u on u.id = c.unit_id where u.code like 'bench-city-%' order by u.code`),
    );
    const load = async (row: (typeof campaigns)[number]) =>
      (await campaignsRepo.campaign(database.db, row.unit_id, row.id))!;
    const big = campaigns[0]!;
    const bigCampaign = await load(big);
    const unitTimes: number[] = [];
    let cells = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const result = await campaignCompliance(database.db, big.unit_id, bigCampaign, TODAY, null);
      unitTimes.push(performance.now() - t);
      cells = result.reduce((n, r) => n + r.cells.length + r.coverage.length, 0);
    }
    emit('unit_ms', median(unitTimes), 'ms');
    emit('unit_cells', cells, 'count');
    const t = performance.now();
    let cityCells = 0;
    for (const row of campaigns) {
      const result = await campaignCompliance(database.db, row.unit_id, await load(row), TODAY, null);
      cityCells += result.reduce((n, r) => n + r.cells.length + r.coverage.length, 0);
    }
    emit('city_ms', performance.now() - t, 'ms');
    emit('city_units', campaigns.length, 'count');
    emit('city_cells', cityCells, 'count');
    // The city's compliance as the upper level gets it: the dashboard's refresh (the facts of 100 units read at
    // once, the next hundred's while this hundred's rules are evaluated; the heat map's figures written), its
    // compliance part timed — the figure the ≤ 3 s target is about.
    const { refreshUnitFigures } = await import('../../src/server/jobs/unit-figures-refresh.js');
    const refreshTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refreshed = await refreshUnitFigures(
        database.db,
        new Date(`${TODAY}T02:00:00Z`),
        campaigns.map((c) => c.unit_id),
      );
      refreshTimes.push(refreshed.complianceMs);
    }
    emit('city_refresh_compliance_ms', median(refreshTimes), 'ms');
  } finally {
    await database.close();
  }
}
