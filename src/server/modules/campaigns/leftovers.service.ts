/**
 * 待完善: the office keeps a template leftover as it is, with a reason (stored on the campaign, audited);
 * editing the text away needs nothing here (campaign-leftovers.service finds them afresh).
 */
import type { z } from 'zod';
import type { Actor } from '../../../domain/roles.js';
import type { ZKeepLeftoverBody } from '../../../shared/contracts/campaigns.js';
import { badRequest, conflict } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from './campaigns.repo.js';
import { getCampaign, loadCampaign } from './campaign-detail.service.js';
import { campaignLeftovers, type KeptLeftover } from './campaign-leftovers.service.js';

/** Keeps a leftover as it is: the office says why (e.g. the year is that of a document cited by name). */
export async function keepLeftover(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  b: z.infer<typeof ZKeepLeftoverBody>,
) {
  const c = await loadCampaign(deps, actor, campaignId, 'keepLeftover');
  const leftover = (await campaignLeftovers(deps, actor.unitId, c)).find((l) => l.key === b.key);
  if (!leftover) throw badRequest('该待完善事项已不存在（原文可能已修改），请刷新后再试');
  if (leftover.kept) throw badRequest('该事项已确认保留原文');
  const at = deps.clock.now();
  const keep: KeptLeftover = { key: b.key, reason: b.reason, by: actor.displayName, at: at.toISOString() };
  await deps.db.transaction(async (tx) => {
    const keptLeftovers = [...(c.keptLeftovers as KeptLeftover[]), keep];
    if (
      !(await campaignsRepo.updateCampaign(tx, actor.unitId, campaignId, b.version, { keptLeftovers, updatedAt: at }))
    )
      throw conflict('该活动已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'keep_leftover',
      after: { where: leftover.where, match: leftover.match, reason: b.reason },
    });
  });
  return getCampaign(deps, actor, campaignId);
}
