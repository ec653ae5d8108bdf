import { and, asc, eq, gte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';
import { auditEvents } from '../src/server/db/schema/index.js';
import { eventHash, isAuditHashAlg } from '../src/domain/audit-chain.js';

/**
 * What a database administrator can do and the application cannot: statements run with the
 * append-only trigger bypassed (session_replication_role = replica, as a superuser may set).
 */
export async function asDatabaseAdmin(db: Db, ...statements: SQL[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const s of statements) await tx.execute(s);
  });
}

/**
 * The attack of issue 13: edit event `seq` of a unit, recompute the hash of it and of every later
 * event with the published algorithm, and move the stored head, all with plain SQL updates. The
 * chain then verifies on its own; only the checkpoints outside the database can tell.
 */
export async function rewriteHistory(db: Db, unitId: string, seq: number, actorName = '他人') {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.unitId, unitId), gte(auditEvents.seq, seq)))
    .orderBy(asc(auditEvents.seq));
  if (rows.length === 0) throw new Error(`no event ${seq}`);
  const updates: SQL[] = [];
  let prev = rows[0]!.prevHash;
  for (const [i, row] of rows.entries()) {
    if (!isAuditHashAlg(row.alg)) throw new Error(`unknown alg ${row.alg}`);
    const content = { ...row, actorName: i === 0 ? actorName : row.actorName };
    const hash = eventHash(content, prev, row.alg);
    updates.push(
      sql`update audit_events set actor_name = ${content.actorName}, prev_hash = ${prev}, hash = ${hash} where unit_id = ${unitId} and seq = ${row.seq}`,
    );
    prev = hash;
  }
  updates.push(sql`update units set audit_head = ${prev} where id = ${unitId}`);
  await asDatabaseAdmin(db, ...updates);
}
