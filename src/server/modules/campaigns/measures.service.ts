/** A campaign's measures: added, edited, withdrawn, and broken down into supervised items (任务分解). */
import type { z } from 'zod';
import { renderMeasureText } from '../../../domain/campaign-template.js';
import { measurePolicy, type MeasureCan } from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZBreakdownBody, ZMeasureBody, ZMeasureUpdate } from '../../../shared/contracts/campaigns.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { insertItem, prepareItem } from '../supervision/items.service.js';
import { campaignsRepo } from './campaigns.repo.js';
import { getCampaign, loadCampaign, type StoredParam } from './campaign-detail.service.js';

export async function addMeasure(deps: AppDeps, actor: Actor, campaignId: string, b: z.infer<typeof ZMeasureBody>) {
  const [categories, measures] = await Promise.all([
    campaignsRepo.categories(deps.db, actor.unitId, campaignId),
    campaignsRepo.measures(deps.db, actor.unitId, campaignId),
    loadCampaign(deps, actor, campaignId, 'addMeasure'),
  ]);
  if (!categories.some((c) => c.no === b.categoryNo)) throw badRequest('所选类别不存在');
  const no = Math.max(0, ...measures.map((m) => m.no)) + 1;
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await campaignsRepo.insertMeasures(tx, [
      {
        unitId: actor.unitId,
        campaignId,
        categoryNo: b.categoryNo,
        no,
        title: b.title,
        text: b.text,
        params: [],
        updatedAt: at,
      },
    ]);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'add_measure',
      after: { no, ...b },
    });
  });
  return getCampaign(deps, actor, campaignId);
}

async function loadMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  action: keyof MeasureCan,
  withdrawn: string,
) {
  const m = await campaignsRepo.measure(deps.db, actor.unitId, measureId);
  const can = m && measurePolicy(actor, m);
  if (!m || m.campaignId !== campaignId || !can?.see) throw notFound('措施');
  if (!m.active) throw badRequest(withdrawn);
  authorize(can, action, '没有管理专项活动的权限');
  return m;
}

export async function updateMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  b: z.infer<typeof ZMeasureUpdate>,
) {
  const m = await loadMeasure(deps, actor, campaignId, measureId, 'edit', '该措施已撤销，不能修改');
  const categories = await campaignsRepo.categories(deps.db, actor.unitId, campaignId);
  if (!categories.some((c) => c.no === b.categoryNo)) throw badRequest('所选类别不存在');
  // Parameters point at redactions in the text: a changed text keeps them only if it keeps its redactions.
  if (b.text !== m.text && (m.params as StoredParam[]).length)
    throw badRequest('该措施含参数，请在活动参数中修改数字，不要改动正文');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (
      !(await campaignsRepo.updateMeasure(tx, actor.unitId, measureId, b.version, {
        categoryNo: b.categoryNo,
        title: b.title,
        text: b.text,
        updatedAt: at,
      }))
    )
      throw conflict('该措施已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'update_measure',
      before: { no: m.no, title: m.title, text: m.text },
      after: { no: m.no, title: b.title, text: b.text },
    });
  });
  return getCampaign(deps, actor, campaignId);
}

export async function withdrawMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  reason: string,
) {
  const m = await loadMeasure(deps, actor, campaignId, measureId, 'withdraw', '该措施已撤销');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (
      !(await campaignsRepo.updateMeasure(tx, actor.unitId, measureId, m.version, {
        active: false,
        withdrawnReason: reason,
        updatedAt: at,
      }))
    )
      throw conflict('该措施已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'withdraw_measure',
      after: { no: m.no, reason },
    });
  });
  return getCampaign(deps, actor, campaignId);
}

/**
 * 任务分解: a measure becomes one supervised item per responsible person (source `campaign_measure`),
 * with its responsible leader, lead and cooperating departments and milestones. The measure's
 * progress is then derived from these items.
 */
export async function breakDownMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  b: z.infer<typeof ZBreakdownBody>,
) {
  const [m, campaign, categories] = await Promise.all([
    loadMeasure(deps, actor, campaignId, measureId, 'breakDown', '该措施已撤销，不能分解'),
    loadCampaign(deps, actor, campaignId),
    campaignsRepo.categories(deps.db, actor.unitId, campaignId),
  ]);
  const category = categories.find((c) => c.no === m.categoryNo)?.title ?? null;
  const owners = [...new Set(b.ownerPersonIds)];
  const prepared: Awaited<ReturnType<typeof prepareItem>>[] = [];
  for (const ownerPersonId of owners) {
    prepared.push(
      await prepareItem(deps, actor, {
        title: b.title?.trim() || `${campaign.name}措施${m.no}：${m.title}`,
        content: renderMeasureText(
          { text: m.text, params: (m.params as StoredParam[]).map((x) => ({ ...x, default: 0 })) },
          campaign.params as Record<string, number>,
        ),
        source: 'campaign_measure',
        sourceRef: `措施${m.no}`,
        category,
        leadDepartmentId: b.leadDepartmentId,
        cooperatingDepartmentIds: b.cooperatingDepartmentIds,
        ownerPersonId,
        leaderPersonId: b.leaderPersonId,
        cadence: b.cadence,
        receivedOn: b.receivedOn,
        urgency: b.urgency,
        explicitDue: b.explicitDue,
        milestones: b.milestones,
      }),
    );
  }
  const at = deps.clock.now();
  const ids = await deps.db.transaction(async (tx) => {
    const created: string[] = [];
    for (const p of prepared) {
      const item = await insertItem(tx, deps, actor, p);
      await campaignsRepo.setItemMeasure(tx, actor.unitId, item.id, measureId);
      created.push(item.id);
    }
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'break_down',
      after: { measure: m.no, items: created.length, leaderPersonId: b.leaderPersonId },
    });
    return created;
  });
  return { itemIds: ids, campaign: await getCampaign(deps, actor, campaignId) };
}
