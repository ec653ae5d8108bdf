/**
 * 待完善: the template leftovers of a campaign (domain/template-leftovers), found afresh from its
 * current texts on every read, so editing a measure resolves its items by itself.
 */
import { findLeftovers, type LeftoverSource } from '../../../domain/template-leftovers.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { campaignsRepo, type CampaignRow } from './campaigns.repo.js';
import type { StoredParam } from './campaign-detail.service.js';

export interface KeptLeftover {
  key: string;
  reason: string;
  by: string;
  at: string;
}

const PHASES: Record<string, string> = {
  prepare: '动员部署',
  meeting: '组织生活会',
  rectify: '整改落实',
  summarize: '总结',
};
const runsIn = (text: string) => (text.match(/\*+/g) ?? []).length;

/** The texts a campaign copied from its template, each with where the office finds it. */
async function sourcesOf(deps: AppDeps, unitId: string, c: CampaignRow): Promise<LeftoverSource[]> {
  const [categories, measures] = await Promise.all([
    campaignsRepo.categories(deps.db, unitId, c.id),
    campaignsRepo.measures(deps.db, unitId, c.id),
  ]);
  const phases = c.phases as { key: string; title: string }[];
  return [
    ...categories.map((x) => ({
      kind: 'category' as const,
      no: x.no,
      label: `第${x.no}类“${x.title}”`,
      text: `${x.title}\n${x.focus}`,
    })),
    ...measures
      .filter((m) => m.active)
      .map((m) => ({
        kind: 'measure' as const,
        no: m.no,
        label: `措施${m.no}“${m.title}”`,
        text: `${m.title}\n${m.text}`,
        // The parameters count the text's runs; the title's come first here.
        paramRuns: (m.params as StoredParam[]).map((p) => p.run + runsIn(m.title)),
      })),
    ...phases.map((p, i) => ({
      kind: 'phase' as const,
      no: i + 1,
      label: `阶段“${p.title || PHASES[p.key] || p.key}”`,
      text: p.title,
    })),
  ];
}

/** The campaign's leftovers, each with the keep decision it has, if any. */
export async function campaignLeftovers(deps: AppDeps, unitId: string, c: CampaignRow) {
  const [unit, sources] = await Promise.all([orgRepo.unit(deps.db, unitId), sourcesOf(deps, unitId, c)]);
  const kept = new Map((c.keptLeftovers as KeptLeftover[]).map((k) => [k.key, k]));
  return findLeftovers({ year: c.year, unitName: unit?.name ?? '', sources }).map((l) => {
    const k = kept.get(l.key);
    return { ...l, kept: k ? { reason: k.reason, by: k.by, at: k.at } : null };
  });
}
