import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { opinionCodes, opinionForms, opinionPending } from '../../db/schema/index.js';

export interface PendingRow { unitId: string; formId: string; audience: string; day: string; sealed: string }
export interface PendingGroup { unitId: string; formId: string; audience: string; day: string; pending: number; final: boolean }

export const pendingRepo = {
  /**
   * Stores a submission, spending its code in the same statement when it has one (a data-modifying
   * CTE: atomic, and the code is spent at most once under concurrency). False when the code is unknown
   * or spent. `codeHashes` are the keyed hashes of the code under each algorithm it may have been issued with.
   */
  async store(db: Db, row: PendingRow, code?: { distributionId: string; codeHashes: string[] }): Promise<boolean> {
    if (!code) {
      await db.insert(opinionPending).values(row);
      return true;
    }
    const hashes = sql.join(code.codeHashes.map((h) => sql`${h}`), sql`, `);
    const res = await db.execute(sql`with spent as (
        update ${opinionCodes} set used = true
        where distribution_id = ${code.distributionId}::uuid and code_hash in (${hashes}) and not used and keyed
        returning 1)
      insert into ${opinionPending} (unit_id, form_id, audience, day, sealed)
      select ${row.unitId}::uuid, ${row.formId}::uuid, ${row.audience}, ${row.day}, ${row.sealed} from spent
      returning 1`);
    return rowsOf(res).length === 1;
  },

  /**
   * Groups (form, audience, day) with something to write out: at least `atLeast` waiting, or final —
   * their day is over, or their form closed or past its closing day.
   */
  async dueGroups(db: Db, today: string, atLeast: number): Promise<PendingGroup[]> {
    const rows = rowsOf<{ unit_id: string; form_id: string; audience: string; day: string; pending: number; final: boolean }>(await db.execute(sql`
      select p.unit_id, p.form_id, p.audience, p.day, count(*)::int as pending,
             bool_or(p.day < ${today} or f.status = 'closed' or f.closes_on < ${today}) as final
      from ${opinionPending} p join ${opinionForms} f on f.id = p.form_id and f.unit_id = p.unit_id
      group by p.unit_id, p.form_id, p.audience, p.day
      having count(*) >= ${atLeast} or bool_or(p.day < ${today} or f.status = 'closed' or f.closes_on < ${today})`));
    return rows.map((r) => ({ unitId: r.unit_id, formId: r.form_id, audience: r.audience, day: r.day, pending: r.pending, final: r.final }));
  },

  /** Takes the group's flush lock for the transaction (another instance flushing it waits), then the ids of its rows. */
  async lockGroup(tx: Db, g: Pick<PendingGroup, 'unitId' | 'formId' | 'audience' | 'day'>): Promise<string[]> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`opinion-flush:${g.formId}:${g.audience}:${g.day}`}, 0))`);
    const rows = await tx.select({ id: opinionPending.id }).from(opinionPending)
      .where(and(eq(opinionPending.unitId, g.unitId), eq(opinionPending.formId, g.formId), eq(opinionPending.audience, g.audience), eq(opinionPending.day, g.day)));
    return rows.map((r) => r.id);
  },

  /** The sealed submissions of the chosen rows (read only for those: each is ~23 KB). */
  async sealedOf(tx: Db, ids: string[]) {
    return tx.select({ id: opinionPending.id, sealed: opinionPending.sealed }).from(opinionPending).where(inArray(opinionPending.id, ids));
  },

  async form(tx: Db, unitId: string, formId: string) {
    const [f] = await tx.select({ questions: opinionForms.questions }).from(opinionForms).where(and(eq(opinionForms.unitId, unitId), eq(opinionForms.id, formId)));
    return f;
  },

  async remove(tx: Db, ids: string[]) {
    for (let i = 0; i < ids.length; i += 1000) await tx.delete(opinionPending).where(inArray(opinionPending.id, ids.slice(i, i + 1000)));
  },

  /** Waiting submissions of a form per audience (shown to the branch as “待汇入”). */
  async countByAudience(db: Db, unitId: string, formId: string) {
    return db.select({ audience: opinionPending.audience, n: sql<number>`count(*)::int` }).from(opinionPending)
      .where(and(eq(opinionPending.unitId, unitId), eq(opinionPending.formId, formId))).groupBy(opinionPending.audience);
  },

  /** Removes the dead pending rows from the heap (they are sealed anyway; this leaves nothing behind). */
  async vacuum(db: Db) {
    await db.execute(sql`vacuum ${opinionPending}`);
  },
};
