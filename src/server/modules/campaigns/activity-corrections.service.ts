/** 更正: an activity record corrected with a reason, by those its policy lets keep it, at the version they read. */
import type { z } from 'zod';
import { changedFields } from '../../../domain/changes.js';
import { canRecordConfidential } from '../../../domain/policies/activity.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZActivityCorrectionBody } from '../../../shared/contracts/campaigns.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { activityFieldsOf, checkActivityBody, loadActivity, presentActivities } from './activities.service.js';
import { campaignsRepo } from './campaigns.repo.js';

type Correction = z.infer<typeof ZActivityCorrectionBody>;

/**
 * Records the activity anew from the corrected body (the same checks as recording it), keeps who recorded it and when,
 * and audits the changed fields with the reason. A confidential record stays confidential unless the discipline staff
 * say otherwise. Refused (409) when someone corrected or withdrew it since the version read.
 */
export async function correctActivity(deps: AppDeps, actor: Actor, id: string, body: Correction) {
  const { reason, version, ...b } = body;
  const { a: seen } = await loadActivity(deps, actor, id);
  if (!seen.active) throw badRequest('该活动记录已撤回，不能更正');
  const refusal = seen.confidential ? '只有记录人或机关纪委可以更正' : '只有记录人或领导小组办公室可以更正';
  const { a } = await loadActivity(deps, actor, id, 'correct', refusal);
  const confidential = canRecordConfidential(actor) ? (b.confidential ?? a.confidential) : a.confidential;
  if (b.confidential !== undefined && b.confidential !== a.confidential && !canRecordConfidential(actor))
    throw forbidden('只有机关纪委可以改变记录的保密性');
  // A correction that names no kind keeps the recorded one (while the type stays), rather than the type's generic kind.
  const corrected = { ...b, kind: b.kind ?? (b.type === a.type ? a.kind : undefined) };
  const k = await checkActivityBody(deps, actor, corrected);
  const fields = { ...activityFieldsOf(corrected, k), confidential };
  const diff = changedFields(a, fields);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await campaignsRepo.correctActivity(tx, actor.unitId, id, version, fields);
    if (rows.length !== 1) throw conflict('该活动记录已被他人更正或撤回，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity',
      entityId: id,
      action: 'correct',
      before: diff.before,
      after: { ...(diff.after as object), reason },
    });
  });
  return (await presentActivities(deps, actor, [(await campaignsRepo.activity(deps.db, actor.unitId, id))!]))[0]!;
}
