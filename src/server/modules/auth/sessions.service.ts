import { badRequest, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import type { Actor } from '../../../domain/roles.js';
import { authRepo } from './auth.repo.js';
import type { Deps, SessionContext } from './auth.service.js';

/** The signed-in user's sessions (signed in where, when, last active), this one marked. */
export async function listSessions(deps: Deps, actor: Actor, current: SessionContext) {
  const rows = await authRepo.sessionsOf(deps.db, actor.unitId, actor.userId, deps.clock.now());
  return rows.map((s) => ({
    id: s.handle,
    device: s.device || '未知设备',
    createdAt: s.createdAt.toISOString(),
    lastActiveAt: s.lastActiveAt.toISOString(),
    current: s.id === current.sessionId,
  }));
}

export async function revokeSession(deps: Deps, actor: Actor, current: SessionContext, handle: string) {
  if (handle === current.handle) throw badRequest('这是当前正在使用的登录，请使用“退出登录”');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const gone = await authRepo.deleteSessionByHandle(tx, actor.unitId, actor.userId, handle);
    if (gone.length === 0) throw notFound('登录会话');
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: actor.userId,
      action: 'revoke_session',
      after: { sessions: 1 },
    });
  });
}

export async function revokeOtherSessions(deps: Deps, actor: Actor, current: SessionContext) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const gone = await authRepo.deleteOtherSessions(tx, actor.userId, current.sessionId);
    if (gone.length > 0) {
      await recordAudit(tx, auditActorOf(actor), now, {
        unitId: actor.unitId,
        entityType: 'user',
        entityId: actor.userId,
        action: 'revoke_session',
        after: { sessions: gone.length },
      });
    }
    return gone.length;
  });
}
