import { canSetPublicUrl, type Actor } from '../../../domain/roles.js';
import { isLoopbackUrl, normalizePublicUrl, publicUrlProblem } from '../../../domain/public-url.js';
import { badRequest, forbidden } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { installationRepo } from './installation.repo.js';

export const PUBLIC_URL_SETTING = 'public_url';

/** The address in effect: the administrator's setting, else ZUOFENG_PUBLIC_URL (or its localhost default). */
export async function effectivePublicUrl(db: Db, fromEnvironment: string): Promise<string> {
  const stored = (await installationRepo.setting(db, PUBLIC_URL_SETTING))?.value;
  return stored && !publicUrlProblem(stored) ? stored : fromEnvironment;
}

async function mayEdit(deps: AppDeps, actor: Actor) {
  const unit = await orgRepo.unit(deps.db, actor.unitId);
  return canSetPublicUrl(actor, unit?.parentId ?? null);
}

/** What the opinion pages show: the address, and whether phones can reach it at all. */
export async function publicAddress(deps: AppDeps, actor: Actor) {
  const stored = (await installationRepo.setting(deps.db, PUBLIC_URL_SETTING))?.value;
  const url = await effectivePublicUrl(deps.db, deps.config.publicUrl);
  return { url, loopback: isLoopbackUrl(url), fromSetting: url === stored, editable: await mayEdit(deps, actor) };
}

export async function setPublicAddress(deps: AppDeps, actor: Actor, typed: string) {
  if (!(await mayEdit(deps, actor))) throw forbidden('对外访问地址全系统共用，只能由顶级单位的系统管理员设置');
  const url = normalizePublicUrl(typed);
  const problem = publicUrlProblem(url);
  if (problem) throw badRequest(problem, { fields: [{ path: 'url', message: problem }] });
  const before = await effectivePublicUrl(deps.db, deps.config.publicUrl);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await installationRepo.upsert(tx, PUBLIC_URL_SETTING, url, now);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'installation',
      entityId: actor.unitId,
      action: 'set_public_url',
      before: { publicUrl: before },
      after: { publicUrl: url },
    });
  });
  return publicAddress(deps, actor);
}
