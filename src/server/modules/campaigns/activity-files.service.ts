import type { Actor } from '../../../domain/roles.js';
import { activityPolicy } from '../../../domain/policies/activity.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { readStoredFile, storeFile } from '../../files.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from './campaigns.repo.js';
import { loadActivity } from './activities.service.js';

/** Checked before the upload is read: another unit's activity is a 404; only its recorder or the office may attach. */
export async function checkCanAttachToActivity(deps: AppDeps, actor: Actor, activityId: string) {
  await loadActivity(deps, actor, activityId, 'attach', '只有记录人或领导小组办公室可以上传附件');
}

export async function attachToActivity(deps: AppDeps, actor: Actor, activityId: string, fileName: string, data: Buffer) {
  await checkCanAttachToActivity(deps, actor, activityId);
  const f = storeFile(deps.config.filesDir, fileName, data);
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const r = await campaignsRepo.insertActivityFile(tx, { unitId: actor.unitId, activityId, ...f, uploadedBy: actor.userId, createdAt: at });
    await recordAudit(tx, auditActorOf(actor), at, { unitId: actor.unitId, entityType: 'activity', entityId: activityId, action: 'attach', after: { fileName: f.fileName, sha256: f.sha256, size: f.size } });
    return { id: r!.id, fileName: f.fileName, kind: f.kind, size: f.size };
  });
}

/** The files of many activities at once, by activity. */
export async function filesOfActivities(db: Db, unitId: string, activityIds: string[]) {
  if (activityIds.length === 0) return new Map<string, { id: string; fileName: string; kind: string; size: number }[]>();
  const rows = await campaignsRepo.activityFiles(db, unitId, activityIds);
  const out = new Map<string, { id: string; fileName: string; kind: string; size: number }[]>();
  for (const r of rows) out.set(r.activityId, [...(out.get(r.activityId) ?? []), { id: r.id, fileName: r.fileName, kind: r.kind, size: r.size }]);
  return out;
}

export async function openActivityFile(deps: AppDeps, actor: Actor, id: string) {
  const f = await campaignsRepo.activityFile(deps.db, actor.unitId, id);
  if (!f) throw notFound('附件');
  const a = await campaignsRepo.activity(deps.db, actor.unitId, f.activityId);
  if (!a || !activityPolicy(actor, a).readDetails) throw notFound('附件');
  return readStoredFile(deps.config.filesDir, f);
}
