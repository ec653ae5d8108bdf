import type { Db } from '../../db/client.js';
import { ChainVerifier, eventHash, GENESIS_HASH, type ChainBreak } from '../../../domain/audit-chain.js';
import { auditRepo } from './audit.repo.js';

/** Who did it: a signed-in user, or the system itself (first run, CLI). */
export interface AuditActor {
  userId: string | null;
  name: string;
}
export const SYSTEM_ACTOR: AuditActor = { userId: null, name: '系统' };

export interface AuditEntry {
  unitId: string;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to the unit's hash chain. Must run inside the transaction of the change it
 * records, so that both commit or neither does; the head row lock serialises appends per unit.
 */
export async function recordAudit(tx: Db, actor: AuditActor, at: Date, entry: AuditEntry): Promise<void> {
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
  await auditRepo.append(tx, { ...content, prevHash: head.head, hash: eventHash(content, head.head) });
}

/** What the audit log stores: plain JSON (Dates as ISO text), so that re-reading hashes the same. */
function jsonSafe(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/** Only the fields that changed, for a readable before → after. */
export function changedFields<T extends object>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(old[k]) !== JSON.stringify(v)) {
      b[k] = old[k];
      a[k] = v;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

export interface UnitVerification {
  unitId: string;
  unitName: string;
  events: number;
  firstBreak: ChainBreak | null;
}

/** Re-reads every chain (or one unit's) in batches and reports the first broken link of each. */
export async function verifyAudit(db: Db, unitId?: string): Promise<UnitVerification[]> {
  const out: UnitVerification[] = [];
  for (const unit of await auditRepo.heads(db, unitId)) {
    const verifier = new ChainVerifier();
    let events = 0;
    for (let after = 0; ; ) {
      const batch = await auditRepo.chainBatch(db, unit.id, after, 5000);
      if (batch.length === 0) break;
      events += batch.length;
      if (batch.some((e) => verifier.push(e))) break;
      after = batch.at(-1)!.seq;
    }
    out.push({ unitId: unit.id, unitName: unit.name, events, firstBreak: verifier.finish({ seq: unit.seq, hash: unit.hash ?? GENESIS_HASH }) });
  }
  return out;
}
