/** One campaign as the reader may see it: loaded under its policy, presented with its categories, measures and groups. */
import { renderMeasureText, type TemplateParam } from '../../../domain/campaign-template.js';
import {
  campaignPolicy,
  contactObjectsPolicy,
  measurePolicy,
  type CampaignCan,
} from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import { authorize } from '../../authorize.js';
import { notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { figureDates, presentFigures } from '../supervision/figures.service.js';
import { campaignsRepo, type CampaignRow, type MeasureRow } from './campaigns.repo.js';
import { campaignLeftovers } from './campaign-leftovers.service.js';

export type StoredParam = Omit<TemplateParam, 'default' | 'run'> & { run: number };

export function presentCampaign(c: CampaignRow) {
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    templateCode: c.templateCode,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    params: c.params as Record<string, number>,
    phases: c.phases as {
      key: 'prepare' | 'meeting' | 'rectify' | 'summarize';
      title: string;
      from: string;
      to: string;
    }[],
    leadingGroupId: c.leadingGroupId,
    officeGroupId: c.officeGroupId,
    active: c.active,
    version: c.version,
  };
}

/** The campaign if the actor may see it (404 otherwise), and the action asked for allowed (403 otherwise). */
export async function loadCampaign(deps: AppDeps, actor: Actor, id: string, action?: keyof CampaignCan) {
  const c = await campaignsRepo.campaign(deps.db, actor.unitId, id);
  const can = c && campaignPolicy(actor, c);
  if (!c || !can?.see) throw notFound('专项活动');
  if (action) authorize(can, action, '没有管理专项活动的权限');
  return c;
}

function presentMeasure(
  actor: Actor,
  m: MeasureRow,
  params: Record<string, number>,
  progress?: { items: number; closed: number; overdue: number },
) {
  const stored = m.params as StoredParam[];
  const p = { items: progress?.items ?? 0, closed: progress?.closed ?? 0, overdue: progress?.overdue ?? 0 };
  return {
    id: m.id,
    categoryNo: m.categoryNo,
    no: m.no,
    title: m.title,
    text: m.text,
    active: m.active,
    withdrawnReason: m.withdrawnReason,
    version: m.version,
    renderedText: renderMeasureText({ text: m.text, params: stored.map((x) => ({ ...x, default: 0 })) }, params),
    params: stored.map((x) => ({ key: x.key, label: x.label, unit: x.unit, value: params[x.key] ?? 0 })),
    progress: { ...p, percent: p.items ? Math.round((p.closed / p.items) * 1000) / 10 : null },
    can: measurePolicy(actor, m),
  };
}

export async function getCampaign(deps: AppDeps, actor: Actor, id: string) {
  const c = await loadCampaign(deps, actor, id);
  const dates = await figureDates(deps, actor.unitId);
  const [categories, measures, progress, figures, groups, members, leftovers] = await Promise.all([
    campaignsRepo.categories(deps.db, actor.unitId, id),
    campaignsRepo.measures(deps.db, actor.unitId, id),
    campaignsRepo.measureProgress(deps.db, actor.unitId, id, dates),
    campaignsRepo.campaignFigures(deps.db, actor.unitId, id, dates),
    orgRepo.groups(deps.db, actor.unitId),
    orgRepo.groupMembers(deps.db, actor.unitId),
    campaignLeftovers(deps, actor.unitId, c),
  ]);
  const params = c.params as Record<string, number>;
  const groupOf = (gid: string | null) => {
    const g = gid ? groups.find((x) => x.id === gid) : undefined;
    return g
      ? {
          name: g.name,
          members: members
            .filter((m) => m.groupId === g.id)
            .map((m) => ({ personId: m.personId, name: m.personName, role: m.roleInGroup })),
        }
      : null;
  };
  return {
    ...presentCampaign(c),
    categories: categories.map((x) => ({
      no: x.no,
      kind: x.kind as 'promote' | 'rectify',
      title: x.title,
      focus: x.focus,
    })),
    measures: measures.map((m) => presentMeasure(actor, m, params, progress.get(m.id))),
    /** 本活动事项 (all made from its measures): the ledger filtered by campaignId lists the same items. */
    figures: presentFigures(figures),
    leadingGroup: groupOf(c.leadingGroupId),
    officeGroup: groupOf(c.officeGroupId),
    leftovers,
    can: { ...campaignPolicy(actor, c), manageObjects: contactObjectsPolicy(actor, c.unitId).create },
  };
}
