import type { Actor } from '../../../domain/roles.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { bannersRepo } from './banners.repo.js';

/** The banners this user has put away (keys as in the contract: 'demo', 'calendar:2027'). */
export function dismissedBanners(deps: Pick<AppDeps, 'db'>, actor: Actor) {
  return bannersRepo.dismissed(deps.db, actor.unitId, actor.userId);
}

/** Puts a banner away for this user, on every device; a second dismissal changes nothing. */
export async function dismissBanner(deps: AppDeps, actor: Actor, banner: string) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await bannersRepo.dismiss(tx, actor.unitId, actor.userId, banner, now))) return;
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: actor.userId,
      action: 'dismiss_banner',
      after: { banner },
    });
  });
  return { dismissedBanners: await dismissedBanners(deps, actor) };
}
