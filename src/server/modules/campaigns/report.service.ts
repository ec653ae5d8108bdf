import { shanghaiDate } from '../../../domain/civil-date.js';
import { campaignReportBlocks, type Progress } from '../../../domain/report-text/campaign-report.js';
import type { Actor } from '../../../domain/roles.js';
import { officialDocument } from '../../docx/official.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { countPublishedArticles } from '../recognition/articles.service.js';
import { getCampaign, loadCampaign } from './campaigns.service.js';
import { campaignCompliance } from './compliance.service.js';

type MeasureProgress = { progress: { items: number; closed: number; overdue: number } };

/** The progress of some measures: the counts are the measures' own (the supervision module counts them). */
function progressOf(ms: MeasureProgress[]): Progress {
  const sum = (k: 'items' | 'closed' | 'overdue') => ms.reduce((n, m) => n + m.progress[k], 0);
  const brokenDown = ms.filter((m) => m.progress.items > 0).length;
  return { measures: ms.length, brokenDown, items: sum('items'), closed: sum('closed'), overdue: sum('overdue') };
}

/**
 * 专项活动工作情况报告 as an official document (GB/T 9704). The sentences are
 * domain/report-text/campaign-report's; here the facts are gathered from the campaign's records.
 */
export async function campaignReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; data: Buffer }> {
  const row = await loadCampaign(deps, actor, id);
  const today = shanghaiDate(deps.clock.now());
  const [c, unit, rules, articlesPublished] = await Promise.all([
    getCampaign(deps, actor, id),
    orgRepo.unit(deps.db, actor.unitId),
    campaignCompliance(deps.db, actor.unitId, row, today, actor),
    // The campaign's span so far: from its start to today, or to its end once over.
    countPublishedArticles(deps, actor.unitId, row.startsOn, row.endsOn < today ? row.endsOn : today),
  ]);
  const active = c.measures.filter((m) => m.active);
  const blocks = campaignReportBlocks({
    campaignName: c.name,
    startsOn: c.startsOn,
    today,
    // 本活动事项 as the overview and the ledger count them (domain/item-figures), whatever their measure's state.
    totals: {
      categories: c.categories.length,
      ...progressOf(active),
      items: c.figures.items,
      closed: c.figures.closed,
      overdue: c.figures.overdue,
    },
    leadingGroup: c.leadingGroup && { name: c.leadingGroup.name, leaders: c.leadingGroup.members },
    officeGroupName: c.officeGroup?.name ?? null,
    categories: c.categories.map((cat) => ({
      no: cat.no,
      title: cat.title,
      ...progressOf(active.filter((m) => m.categoryNo === cat.no)),
    })),
    rules: rules.map((r) => ({
      title: r.rule.title,
      measureNo: r.rule.measureNo ?? null,
      requirement: r.rule,
      met: r.summary.met,
      atRisk: r.summary.atRisk,
      missed: r.summary.missed,
      over: r.summary.over ?? 0,
      reached: r.summary.reached ?? 0,
    })),
    articlesPublished,
  });
  const title = `${unit!.name}${c.name}工作情况报告`;
  return { fileName: `${title}.docx`, data: await officialDocument({ title, subtitle: `（截至${today}）`, blocks }) };
}
