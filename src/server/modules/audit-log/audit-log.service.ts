import type { z } from 'zod';
import { auditEventPolicy, canReadAuditEvents } from '../../../domain/policies/audit-event.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZAuditQuery } from '../../../shared/contracts/audit.js';
import { forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { auditRepo } from '../audit/audit.repo.js';
import { readableObjects } from './event-access.js';

/** Stands in for the actor of a confidential discipline record's event the reader may not read. */
export const CONFIDENTIAL_ACTOR = '（保密）';
/**
 * On a discipline record (a finding, an admonition, a check…) the actor can be the person concerned (who
 * explains, who answers a 函询): naming them would tell who the record is about. Readers who may not read the
 * record do not learn who acted on it.
 */
const DISCIPLINE_TYPE = /^discipline_/;
const hidesActor = (entityType: string, readable: boolean) => !readable && DISCIPLINE_TYPE.test(entityType);

/** One page of the unit's audit events, with names; details only where the object's policy allows. */
export async function auditEventsPage(deps: AppDeps, actor: Actor, q: z.infer<typeof ZAuditQuery>) {
  if (!canReadAuditEvents(actor, q)) throw forbidden('没有查看审计记录的权限');
  const { items, total } = await auditRepo.page(deps.db, actor.unitId, {
    ...q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const [names, readable] = await Promise.all([
    auditRepo.entityNames(deps.db, actor.unitId, items),
    readableObjects(deps.db, actor, items),
  ]);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorName: hidesActor(e.entityType, readable(e)) ? CONFIDENTIAL_ACTOR : e.actorName,
      entityType: e.entityType,
      entityId: e.entityId,
      entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null,
      action: e.action,
      ...(auditEventPolicy(actor, q, readable(e)).details
        ? { before: e.before, after: e.after, detailsHidden: false }
        : { before: null, after: null, detailsHidden: true }),
    })),
  };
}
