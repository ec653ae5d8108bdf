import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/civil-date.js';
import { dueSoonUntil } from '../../domain/item-figures.js';
import { byTitle, decidedCells } from '../../domain/unit-figures.js';
import type { WorkdayCalendar } from '../../domain/workdays.js';
import type { Db } from '../db/client.js';
import { campaigns } from '../db/schema/index.js';
import { calendarsForUnits } from '../modules/calendar/calendar.service.js';
import { campaignCompliance } from '../modules/campaigns/compliance.service.js';
import {
  currentCampaigns,
  refreshItemFigures,
  writeCompliance,
  type UnitCompliance,
} from '../modules/oversight-dashboard/dashboard.repo.js';

/** The cross-unit dashboard's aggregates are recounted at most this often by the scheduler (and on 刷新). */
export const UNIT_FIGURES_EVERY_MS = 15 * 60_000;
const ITEM_CHUNK = 2000;
const COMPLIANCE_CHUNK = 100;
const COMPLIANCE_PARALLEL = 4;

export interface RefreshResult {
  units: number;
  itemsMs: number;
  complianceMs: number;
}

/**
 * Recounts the dashboard's figures of `unitIds` on `now`: first the item, campaign, meeting and activity figures
 * (set-based, one INSERT … SELECT … GROUP BY unit_id per 2,000 units), then each unit's compliance matrix as the
 * campaign's own page computes it (domain/rule-compliance, every activity counted — the system's view, as the
 * assessment's 规定动作达标率), written by rule title in batches.
 */
export async function refreshUnitFigures(db: Db, now: Date, unitIds: readonly string[]): Promise<RefreshResult> {
  const today = shanghaiDate(now);
  const t0 = performance.now();
  const calendars = await calendarsForUnits(db, [...unitIds]);
  const soon = new Map<WorkdayCalendar, string>();
  const dated = unitIds.map((unitId) => {
    const cal = calendars.get(unitId)!;
    if (!soon.has(cal)) soon.set(cal, dueSoonUntil(today, cal));
    return { unitId, soonUntil: soon.get(cal)! };
  });
  for (let i = 0; i < dated.length; i += ITEM_CHUNK)
    await refreshItemFigures(db, dated.slice(i, i + ITEM_CHUNK), today, now);
  const t1 = performance.now();
  const current = new Map((await currentCampaigns(db, unitIds)).map((c) => [c.unit_id, c.id]));
  for (let i = 0; i < unitIds.length; i += COMPLIANCE_CHUNK) {
    const chunk = unitIds.slice(i, i + COMPLIANCE_CHUNK);
    const out: UnitCompliance[] = [];
    for (let j = 0; j < chunk.length; j += COMPLIANCE_PARALLEL)
      out.push(
        ...(await Promise.all(
          chunk.slice(j, j + COMPLIANCE_PARALLEL).map((u) => unitCompliance(db, u, current.get(u) ?? null, today)),
        )),
      );
    await writeCompliance(db, out, now);
  }
  return { units: unitIds.length, itemsMs: Math.round(t1 - t0), complianceMs: Math.round(performance.now() - t1) };
}

async function unitCompliance(db: Db, unitId: string, campaignId: string | null, today: string) {
  if (!campaignId) return { unitId, rules: [] };
  const [c] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.unitId, unitId), eq(campaigns.id, campaignId)));
  if (!c) return { unitId, rules: [] };
  const rules = await campaignCompliance(db, unitId, c, today, null);
  return {
    unitId,
    rules: byTitle(rules.map((r) => ({ title: r.rule.title, met: r.summary.met, decided: decidedCells(r.summary) }))),
  };
}
