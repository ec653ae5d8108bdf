import type { Actor } from '../../../domain/roles.js';
import { activityPolicy } from '../../../domain/policies/activity.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import * as store from '../attachments/attachments.service.js';
import { campaignsRepo } from './campaigns.repo.js';
import { loadActivity } from './activities.service.js';

/** Checked before the upload is read: another unit's activity is a 404; only its recorder or the office may attach. */
export async function checkCanAttachToActivity(deps: AppDeps, actor: Actor, activityId: string) {
  await loadActivity(deps, actor, activityId, 'attach', '只有记录人或领导小组办公室可以上传附件');
}

/** An activity's files (minutes, photos, sign-in sheets) are kept in the shared file store. */
export async function attachToActivity(
  deps: AppDeps,
  actor: Actor,
  activityId: string,
  fileName: string,
  data: Buffer,
) {
  await checkCanAttachToActivity(deps, actor, activityId);
  const r = await store.attach(deps, actor, { type: 'activity', id: activityId }, fileName, data);
  return { id: r.id, fileName: r.fileName, kind: r.kind, size: r.size };
}

/** The files of many activities at once, by activity. */
export async function filesOfActivities(db: Db, unitId: string, activityIds: string[]) {
  return store.listOfMany(db, unitId, 'activity', activityIds);
}

/** An activity's file, for those who may read the activity's details (a confidential one's outsiders get a 404). */
export async function openActivityFile(deps: AppDeps, actor: Actor, id: string) {
  return store.openFile(deps, actor.unitId, 'activity', id, async (activityId) => {
    const a = await campaignsRepo.activity(deps.db, actor.unitId, activityId);
    return !!a && activityPolicy(actor, a).readDetails;
  });
}
