import { exportPolicy } from '../../../domain/policies/export.js';
import type { Actor } from '../../../domain/roles.js';
import { badRequest, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { exportsRepo } from './exports.repo.js';

/** Progress is written after at least this many rows (or at the end): a few writes per large export. */
const PROGRESS_EVERY_ROWS = 2000;

export interface ExportRun {
  id?: string;
  kind: string;
  total: number;
  filters: Record<string, unknown>;
}

/**
 * Starts recording an export: an audit event (who exported what, how many rows) and, when the
 * client sent a progress id, a run row whose `done` count the page polls. Returns the batches,
 * passed through; a run the client abandons (closed connection) or that fails ends `failed`.
 */
export async function startExport(
  deps: AppDeps,
  actor: Actor,
  run: ExportRun,
  batches: AsyncIterable<unknown[][]>,
): Promise<AsyncIterable<unknown[][]>> {
  const at = deps.clock.now();
  if (
    run.id &&
    !(await exportsRepo.start(deps.db, {
      id: run.id,
      unitId: actor.unitId,
      userId: actor.userId,
      kind: run.kind,
      total: run.total,
      status: 'running',
      startedAt: at,
    }))
  ) {
    throw badRequest('导出编号重复，请重新导出');
  }
  await deps.db.transaction((tx) =>
    recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'export',
      entityId: run.id ?? run.kind,
      action: 'export',
      after: { kind: run.kind, rows: run.total, filters: run.filters },
    }),
  );
  return run.id ? tracked(deps, actor.unitId, run.id, batches) : batches;
}

async function* tracked(
  deps: AppDeps,
  unitId: string,
  id: string,
  batches: AsyncIterable<unknown[][]>,
): AsyncIterable<unknown[][]> {
  let done = 0;
  let reported = 0;
  let finished = false;
  try {
    for await (const rows of batches) {
      done += rows.length;
      yield rows;
      if (done - reported >= PROGRESS_EVERY_ROWS) {
        reported = done;
        await exportsRepo.update(deps.db, unitId, id, { done });
      }
    }
    finished = true;
  } finally {
    await exportsRepo.update(deps.db, unitId, id, {
      done,
      status: finished ? 'done' : 'failed',
      finishedAt: deps.clock.now(),
    });
  }
}

/** A run's progress, for the user who started it only. */
export async function exportProgress(deps: AppDeps, actor: Actor, id: string) {
  const r = await exportsRepo.byId(deps.db, actor.unitId, id);
  if (!r || !exportPolicy(actor, r).see) throw notFound('导出任务');
  return { id: r.id, kind: r.kind, total: r.total, done: r.done, status: r.status as 'running' | 'done' | 'failed' };
}
