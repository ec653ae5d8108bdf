import type { Actor } from '../../../domain/roles.js';
import { oversees } from '../../../domain/unit-tree.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Deps } from '../auth/auth.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';

/** The header with which the page asks to read a unit below as its overseer (drill-down). */
export const VIEW_UNIT_HEADER = 'x-zf-view-unit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The actor a request runs as when an overseer reads a unit below it (issue 20): the unit's pages, read-only,
 * served by the same routes as inside the unit. The request runs in that unit with the never-granted `oversight_view` role only and
 * no person, so every policy answers as for an outsider of the unit who may read its ledger and campaigns:
 * nothing confidential, no write, and only what that role's permissions open (the ledger, campaigns and
 * compliance, the organisation; not the audit log nor the accounts). A write attempted this way answers 403 and is recorded in that unit's audit
 * trail; a unit outside the overseer's subtrees answers 404, whatever the request.
 */
export async function viewActor(
  deps: Deps,
  actor: Actor,
  unitId: string,
  request: { method: string; url: string; safe: boolean },
): Promise<Actor> {
  if (!UUID.test(unitId)) throw new AppError(400, 'bad_request', '查看的单位编号格式不正确');
  const unit = await orgRepo.unit(deps.db, unitId);
  if (!unit || !oversees(actor, unitId, await orgRepo.ancestors(deps.db, unitId))) throw notFound('单位');
  if (!request.safe) {
    const now = deps.clock.now();
    await deps.db.transaction((tx) =>
      recordAudit(tx, auditActorOf(actor), now, {
        unitId,
        entityType: 'unit',
        entityId: unitId,
        action: 'oversight_write_refused',
        after: { method: request.method, route: request.url, fromUnitId: actor.unitId },
      }),
    );
    throw forbidden('上级督查只能查看下级单位的情况，不能代为修改');
  }
  return {
    userId: actor.userId,
    unitId,
    username: actor.username,
    displayName: actor.displayName,
    personId: null,
    grants: [{ role: 'oversight_view', scopeType: 'unit', scopeId: null }],
  };
}
