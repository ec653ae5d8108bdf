import type { AuditAction, AuditEntityType } from '../../../domain/audit-vocabulary.js';
import type { Db } from '../../db/client.js';
import { hashAlgOf } from '../../crypto/suite.js';
import {
  ChainVerifier,
  eventHash,
  GENESIS_HASH,
  type AuditHashAlg,
  type ChainBreak,
} from '../../../domain/audit-chain.js';
import { CheckpointMatcher, type CheckpointVerdict, type UnitLine } from '../../../domain/audit-checkpoint-match.js';
import { auditRepo } from './audit.repo.js';
import type { CheckpointLogReading } from './checkpoints.service.js';

/** Who did it: a signed-in user, or the system itself (first run, CLI). */
export interface AuditActor {
  userId: string | null;
  name: string;
}
export const SYSTEM_ACTOR: AuditActor = { userId: null, name: '系统' };

export interface AuditEntry {
  unitId: string;
  entityType: AuditEntityType;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to the unit's hash chain. Must run inside the transaction of the change it
 * records, so that both commit or neither does; the head row lock serialises appends per unit.
 * The event is hashed with the installation's suite (SHA-256, or SM3 under ZUOFENG_CRYPTO=gm).
 */
export function recordAudit(tx: Db, actor: AuditActor, at: Date, entry: AuditEntry): Promise<void> {
  return appendAuditEvent(tx, actor, at, entry, hashAlgOf());
}

/** recordAudit with the hash function given (tests write chains in both modes in one process). */
export async function appendAuditEvent(
  tx: Db,
  actor: AuditActor,
  at: Date,
  entry: AuditEntry,
  alg: AuditHashAlg,
): Promise<void> {
  const head = await auditRepo.lockHead(tx, entry.unitId);
  if (!head) throw new Error(`audit: unknown unit ${entry.unitId}`);
  const content = {
    unitId: entry.unitId,
    seq: head.seq + 1,
    at,
    actorUserId: actor.userId,
    actorName: actor.name,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: jsonSafe(entry.before),
    after: jsonSafe(entry.after),
  };
  await auditRepo.append(tx, { ...content, alg, prevHash: head.head, hash: eventHash(content, head.head, alg) });
}

/** What the audit log stores: plain JSON (Dates as ISO text), so that re-reading hashes the same. */
function jsonSafe(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

export interface UnitVerification {
  unitId: string;
  unitName: string;
  events: number;
  /** The chain's own check: an event edited, removed or relinked without recomputing the hashes after it. */
  firstBreak: ChainBreak | null;
  /** The chain against the signed checkpoints outside the database: catches a rewrite with every later hash recomputed. */
  checkpoints: CheckpointVerdict;
}

/**
 * Re-reads every chain (or one unit's) in batches, reports the first broken link of each and
 * compares it with the unit's lines from `log`, in log order (none given: no checkpoints to compare with).
 * The unit's latest checkpoint as recorded in the database must be among the log's authentic lines.
 */
export async function verifyAudit(db: Db, unitId?: string, log?: CheckpointLogReading): Promise<UnitVerification[]> {
  const byUnit = new Map<string, UnitLine[]>();
  for (const c of log?.checkpoints ?? []) {
    const list = byUnit.get(c.unitId);
    if (list) list.push(c);
    else byUnit.set(c.unitId, [c]);
  }
  const recorded = new Map(
    (await auditRepo.recordedCheckpoints(db, unitId)).map((r) => [
      r.unitId,
      { seq: r.seq, hash: r.hash, at: r.at.toISOString() },
    ]),
  );
  const out: UnitVerification[] = [];
  for (const unit of await auditRepo.heads(db, unitId)) {
    const verifier = new ChainVerifier();
    const matcher = new CheckpointMatcher(byUnit.get(unit.id) ?? []);
    let events = 0;
    let lastSeq = 0;
    for (;;) {
      const batch = await auditRepo.chainBatch(db, unit.id, lastSeq, 5000);
      if (batch.length === 0) break;
      events += batch.length;
      for (const e of batch) {
        verifier.push(e);
        matcher.push(e);
      }
      lastSeq = batch.at(-1)!.seq;
    }
    out.push({
      unitId: unit.id,
      unitName: unit.name,
      events,
      firstBreak: verifier.finish({ seq: unit.seq, hash: unit.hash ?? GENESIS_HASH }),
      checkpoints: matcher.finish(lastSeq, recorded.get(unit.id) ?? null),
    });
  }
  return out;
}
