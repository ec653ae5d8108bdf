import type { Actor } from '../../domain/roles.js';
import type { AuditActor } from './audit/audit.service.js';

export const auditActorOf = (actor: Actor): AuditActor => ({ userId: actor.userId, name: actor.displayName });
