import { canSetIdleTimeout, type Actor } from '../../../domain/roles.js';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, idleMinutesOf } from '../../../domain/session-idle.js';
import { badRequest, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { installationRepo } from '../installation/installation.repo.js';
import { orgRepo } from '../org/org.repo.js';
import type { Deps, SessionContext } from './auth.service.js';
import { authRepo } from './auth.repo.js';

export const IDLE_SETTING = 'idle_timeout_minutes';
/** Every request reads the timeout: it is kept this long (another instance's change shows within it). */
const KEEP_MS = 10_000;

let cached: { minutes: number; until: number; db: unknown } | null = null;

/** The installation's idle timeout in minutes (default 30). */
export async function idleMinutes(deps: Pick<Deps, 'db'>): Promise<number> {
  const t = Date.now();
  if (cached && cached.db === deps.db && cached.until > t) return cached.minutes;
  const minutes = idleMinutesOf((await installationRepo.setting(deps.db, IDLE_SETTING))?.value);
  cached = { minutes, until: t + KEEP_MS, db: deps.db };
  return minutes;
}

async function mayEdit(deps: AppDeps, actor: Actor) {
  const unit = await orgRepo.unit(deps.db, actor.unitId);
  return canSetIdleTimeout(actor, unit?.parentId ?? null);
}

export async function idleTimeoutView(deps: AppDeps, actor: Actor) {
  return { minutes: await idleMinutes(deps), editable: await mayEdit(deps, actor) };
}

/** Changes the timeout for every session of the installation; audited in the actor's unit. */
export async function setIdleTimeout(deps: AppDeps, actor: Actor, minutes: number) {
  if (!(await mayEdit(deps, actor))) throw forbidden('空闲超时全系统共用，只能由顶级单位的安全管理员设置');
  if (!Number.isInteger(minutes) || minutes < IDLE_MINUTES_MIN || minutes > IDLE_MINUTES_MAX)
    throw badRequest(`空闲超时须为 ${IDLE_MINUTES_MIN}–${IDLE_MINUTES_MAX} 分钟之间的整数`, {
      fields: [{ path: 'minutes', message: `请输入 ${IDLE_MINUTES_MIN}–${IDLE_MINUTES_MAX} 之间的整数` }],
    });
  const before = await idleMinutes(deps);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await installationRepo.upsert(tx, IDLE_SETTING, String(minutes), now);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'installation',
      entityId: actor.unitId,
      action: 'set_idle_timeout',
      before: { idleTimeoutMinutes: before },
      after: { idleTimeoutMinutes: minutes },
    });
  });
  cached = null;
  return { minutes, editable: true };
}

/** 继续使用: the session's last activity is now, whatever the touch interval. */
export async function keepAlive(deps: AppDeps, session: SessionContext) {
  const now = deps.clock.now();
  await authRepo.touchSession(deps.db, session.sessionId, now, 0);
  session.lastActiveAt = now;
}
