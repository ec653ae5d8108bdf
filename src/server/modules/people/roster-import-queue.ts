import { rosterKey, type RosterRow } from '../../../domain/roster.js';
import type { AppDeps } from '../../types.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo } from './people.repo.js';
import { personAuditView } from './people.presenter.js';
import { rosterImportRepo, type RosterImportRow } from './roster-import.repo.js';

/**
 * One roster import at a time per unit. Applying queues an import; whichever instance finds the
 * unit free claims the oldest queued one (under a lock on the unit's row, with a unique index on
 * the running one behind it) and writes it in chunks. Each chunk commits its rows, their audit
 * events, the progress and a new heartbeat together — and only while the heartbeat is still the
 * runner's own, so an instance that lost the import to another cannot write a chunk twice. A
 * running import whose heartbeat is older than STALE_IMPORT_MS lost its instance: the next claim
 * resumes it from its last committed chunk.
 */

const CHUNK = 50;
export const STALE_IMPORT_MS = 60_000;

class LostImport extends Error {}

/** Units whose import this process is running: it starts their next one itself when done. */
const runningHere = new Set<string>();

async function claimNext(deps: AppDeps, unitId: string): Promise<RosterImportRow | undefined> {
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - STALE_IMPORT_MS);
  return deps.db.transaction(async (tx) => {
    await rosterImportRepo.lockUnit(tx, unitId);
    const running = await rosterImportRepo.running(tx, unitId);
    const next = running
      ? rosterImportRepo.isStale(running, staleBefore)
        ? running
        : undefined
      : await rosterImportRepo.oldestQueued(tx, unitId);
    if (!next) return undefined;
    await rosterImportRepo.update(tx, unitId, next.id, { status: 'running', heartbeatAt: now });
    return { ...next, status: 'running', heartbeatAt: now };
  });
}

/** The runner's own last heartbeat: the lease it holds on the import, moved on with every chunk it commits. */
interface Lease {
  beat: Date;
}

/** Writes a claimed import from where it stands to the end. */
async function run(deps: AppDeps, imp: RosterImportRow, lease: Lease) {
  const { unitId, id } = imp;
  const actor: AuditActor = { userId: imp.appliedBy, name: imp.appliedByName ?? '' };
  const rows = imp.rows as RosterRow[];
  const departments = await orgRepo.departments(deps.db, unitId);
  const deptId = new Map(departments.map((d) => [d.name, d.id]));
  let { processed, created, updated } = imp;
  while (processed < rows.length) {
    const chunk = rows.slice(processed, processed + CHUNK);
    const existing = await peopleRepo.byNames(deps.db, unitId, [...new Set(chunk.map((r) => r.name))]);
    const byKey = new Map(existing.map((p) => [rosterKey(p), p]));
    const now = deps.clock.now();
    const counts = await deps.db.transaction(async (tx) => {
      let [c, u] = [created, updated];
      for (const row of chunk) {
        const { department, ...rest } = row;
        const values = { ...rest, departmentId: department ? deptId.get(department)! : null };
        const old = byKey.get(rosterKey(row));
        if (old) {
          await peopleRepo.update(tx, unitId, old.id, { ...values, updatedAt: now });
          await recordAudit(tx, actor, now, {
            unitId,
            entityType: 'person',
            entityId: old.id,
            action: 'import_update',
            before: personAuditView(old),
            after: values,
          });
          u++;
        } else {
          const p = await peopleRepo.insert(tx, { unitId, ...values, createdAt: now, updatedAt: now });
          await recordAudit(tx, actor, now, {
            unitId,
            entityType: 'person',
            entityId: p.id,
            action: 'import_create',
            after: values,
          });
          c++;
        }
      }
      const progress = { processed: processed + chunk.length, created: c, updated: u };
      if (!(await rosterImportRepo.beat(tx, unitId, id, lease.beat, now, progress))) throw new LostImport();
      return progress;
    });
    ({ processed, created, updated } = counts);
    lease.beat = now;
  }
  const end = deps.clock.now();
  if (!(await rosterImportRepo.beat(deps.db, unitId, id, lease.beat, end, { status: 'done', finishedAt: end })))
    throw new LostImport();
}

/**
 * Runs an import this instance has claimed (`imp` as claimed: its heartbeat is the claim's). A
 * failure marks it failed only under the runner's own last heartbeat: when another instance has
 * taken the import over meanwhile (the heartbeat moved on), the import is theirs and goes on.
 * Exported for tests.
 */
export async function runClaimed(deps: AppDeps, imp: RosterImportRow) {
  const lease: Lease = { beat: imp.heartbeatAt! };
  try {
    await run(deps, imp, lease);
  } catch (err) {
    if (err instanceof LostImport) return;
    console.error('roster import failed', err);
    const now = deps.clock.now();
    await rosterImportRepo.beat(deps.db, imp.unitId, imp.id, lease.beat, now, { status: 'failed', finishedAt: now });
  }
}

/**
 * Starts the unit's next import when it has none running (or resumes one whose instance died).
 * Resolves once the claim is decided; the import runs on, and starts the next when it ends.
 */
export async function startNextImport(deps: AppDeps, unitId: string): Promise<void> {
  if (runningHere.has(unitId)) return;
  const claimed = await claimNext(deps, unitId);
  if (!claimed) return;
  runningHere.add(unitId);
  // Nothing may escape as an unhandled rejection (it would end the process): a database that
  // failed even the marking is logged, and the heartbeat lets another claim resume the import.
  void runClaimed(deps, claimed)
    .catch((err: unknown) => console.error('roster import', err))
    .finally(() => {
      runningHere.delete(unitId);
      startNextImport(deps, unitId).catch((err: unknown) => console.error('roster import queue', err));
    });
}

/**
 * For the command line, which must not exit with an import half written: runs the unit's imports
 * here, in queue order, until `id` has ended (waiting while another instance runs one).
 */
export async function runImportsUntil(deps: AppDeps, unitId: string, id: string) {
  for (;;) {
    const current = await rosterImportRepo.byId(deps.db, unitId, id);
    if (!current || current.status === 'done' || current.status === 'failed') return current;
    const claimed = await claimNext(deps, unitId);
    if (claimed) await runClaimed(deps, claimed);
    else await new Promise((r) => setTimeout(r, 1000));
  }
}
