import type { Actor } from '../../domain/roles.js';
import type { AuditActor } from './audit/audit.service.js';

/** The user id of actions taken by the system itself (first run, the command line). */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** Who the audit trail names for what the operator does with `zuofeng admin` (no user). */
export const CLI_ACTOR: AuditActor = { userId: null, name: '命令行' };

export const auditActorOf = (actor: Actor): AuditActor => ({
  userId: actor.userId === SYSTEM_USER_ID ? null : actor.userId,
  name: actor.displayName,
});
