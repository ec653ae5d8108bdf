import { setImmediate } from 'node:timers/promises';
import { shanghaiDate } from '../../domain/civil-date.js';
import { dueSoonUntil } from '../../domain/item-figures.js';
import { byTitle, decidedCells } from '../../domain/unit-figures.js';
import type { WorkdayCalendar } from '../../domain/workdays.js';
import type { Db } from '../db/client.js';
import { calendarsForUnits } from '../modules/calendar/calendar.service.js';
import type { CampaignRow } from '../modules/campaigns/campaigns.repo.js';
import { complianceInputsOf, complianceOf, type CampaignInputs } from '../modules/campaigns/compliance.service.js';
import {
  campaignRows,
  currentCampaigns,
  refreshItemFigures,
  writeCompliance,
  type UnitCompliance,
} from '../modules/oversight-dashboard/dashboard.repo.js';

/** The cross-unit dashboard's aggregates are recounted at most this often by the scheduler (and on 刷新). */
export const UNIT_FIGURES_EVERY_MS = 15 * 60_000;
const ITEM_CHUNK = 2000;
const COMPLIANCE_CHUNK = 100;

export interface RefreshResult {
  units: number;
  itemsMs: number;
  complianceMs: number;
}

/**
 * Recounts the dashboard's figures of `unitIds` on `now`: first the item, campaign, meeting and activity figures
 * (set-based, one INSERT … SELECT … GROUP BY unit_id per 2,000 units), then each unit's compliance matrix as the
 * campaign's own page computes it (domain/rule-compliance, every activity counted — the system's view, as the
 * assessment's 规定动作达标率), written by rule title in batches: `complianceChunk` units' facts read at once
 * (complianceInputsOf), the next chunk's while this one's rules are evaluated.
 */
export async function refreshUnitFigures(
  db: Db,
  now: Date,
  unitIds: readonly string[],
  complianceChunk = COMPLIANCE_CHUNK,
): Promise<RefreshResult> {
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
  if (!(complianceChunk >= 1)) throw new Error(`complianceChunk must be at least 1: ${complianceChunk}`);
  const current = await campaignRows(db, await currentCampaigns(db, unitIds));
  const chunks: CampaignRow[][] = [];
  for (let i = 0; i < current.length; i += complianceChunk) chunks.push(current.slice(i, i + complianceChunk));
  let next = chunks.length ? readAhead(db, chunks[0]!) : null;
  for (let i = 0; i < chunks.length; i++) {
    const inputs = await next!;
    next = i + 1 < chunks.length ? readAhead(db, chunks[i + 1]!) : null;
    // One turn of the event loop lets the next chunk's statements go out before this chunk's rules are evaluated
    // (synchronous work): PostgreSQL then runs them on its core meanwhile.
    await setImmediate();
    await writeCompliance(
      db,
      inputs.map((x) => unitCompliance(x, today)),
      now,
    );
  }
  // Units without a current campaign have no rules: their old cells are cleared.
  const withCampaign = new Set(current.map((c) => c.unitId));
  await writeCompliance(
    db,
    unitIds.filter((u) => !withCampaign.has(u)).map((unitId) => ({ unitId, rules: [] })),
    now,
  );
  return { units: unitIds.length, itemsMs: Math.round(t1 - t0), complianceMs: Math.round(performance.now() - t1) };
}

/** A chunk's inputs, read ahead: marked handled now, so a failure while the previous chunk is written waits for its turn. */
function readAhead(db: Db, chunk: readonly CampaignRow[]) {
  const p = complianceInputsOf(db, chunk);
  p.catch(() => undefined);
  return p;
}

function unitCompliance(x: CampaignInputs, today: string): UnitCompliance {
  const rules = complianceOf(x, today, null);
  return {
    unitId: x.campaign.unitId,
    rules: byTitle(rules.map((r) => ({ title: r.rule.title, met: r.summary.met, decided: decidedCells(r.summary) }))),
  };
}
