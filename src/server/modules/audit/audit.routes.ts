import { auditApi as api } from '../../../shared/api/audit.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import { verifyAuditTrail } from './audit-verify.js';

const auditRoutes: RouteModule = async (app, deps) => {
  /**
   * The unit's chain, on its own and against the signed checkpoints outside the database; a
   * tampered checkpoint file concerns every unit, so its findings are shown too (file names, no paths).
   * The file is streamed and only this unit's lines are authenticated: the event loop keeps serving.
   */
  declare(app, api.verify, { permission: 'audit.read' }, async (q) => {
    const report = await verifyAuditTrail(deps.db, deps.config, deps.clock.now(), q.actor.unitId);
    const u = report.units[0]!;
    const fileMessages = [
      ...report.log.problems.map((p) => p.message),
      ...(report.log.error ? [report.log.error] : []),
    ];
    const p = u.checkpoints.problem;
    const overdue =
      u.lag?.kind === 'overdue' ? { afterSeq: u.lag.afterSeq, count: u.lag.count, earliest: u.lag.earliest } : null;
    return {
      ok: u.ok && fileMessages.length === 0,
      events: u.events,
      firstBreak: u.firstBreak,
      checkpoints: {
        checked: u.checkpoints.checked,
        latest: u.checkpoints.latest,
        problem: p && { kind: p.kind, seq: p.seq },
        overdue,
      },
      messages: [...u.messages, ...fileMessages],
      notes: u.notes,
    };
  });
};
export default auditRoutes;
