import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { opinionCodes, opinionForms, opinionPending, opinionPendingSpent } from '../../db/schema/index.js';

export interface PendingRow {
  id: string;
  unitId: string;
  formId: string;
  audience: string;
  day: string;
  sealed: string;
}
export interface PendingGroup {
  unitId: string;
  formId: string;
  audience: string;
  day: string;
  pending: number;
  final: boolean;
}

/** The form still takes answers on the submission's day: checked in the statement that stores it. */
const formOpen = (
  r: PendingRow,
) => sql`exists (select 1 from ${opinionForms} f where f.id = ${r.formId}::uuid and f.unit_id = ${r.unitId}::uuid
  and f.status = 'open' and f.opens_on <= ${r.day} and ${r.day} <= f.closes_on)`;

export const pendingRepo = {
  /**
   * Stores a submission, spending its code in the same statement when it has one (a data-modifying
   * CTE: atomic, and the code is spent at most once under concurrency), and only while its form is
   * open. False when the code is unknown or spent, or the form closed meanwhile. `codeHashes` are the
   * keyed hashes of the code under each algorithm it may have been issued with.
   */
  async store(db: Db, row: PendingRow, code?: { distributionId: string; codeHashes: string[] }): Promise<boolean> {
    const values = sql`${row.id}::uuid, ${row.unitId}::uuid, ${row.formId}::uuid, ${row.audience}, ${row.day}, ${row.sealed}`;
    if (!code) {
      const res = await db.execute(
        sql`insert into ${opinionPending} (id, unit_id, form_id, audience, day, sealed) select ${values} where ${formOpen(row)} returning 1`,
      );
      return rowsOf(res).length === 1;
    }
    const hashes = sql.join(
      code.codeHashes.map((h) => sql`${h}`),
      sql`, `,
    );
    const res = await db.execute(sql`with spent as (
        update ${opinionCodes} set used = true
        where distribution_id = ${code.distributionId}::uuid and code_hash in (${hashes}) and not used and keyed and ${formOpen(row)}
        returning 1)
      insert into ${opinionPending} (id, unit_id, form_id, audience, day, sealed) select ${values} from spent returning 1`);
    return rowsOf(res).length === 1;
  },

  /** Whether the form still takes answers on the submission's day (after a refused store: which refusal to give). */
  async formStillOpen(db: Db, row: PendingRow): Promise<boolean> {
    return rowsOf(await db.execute(sql`select 1 where ${formOpen(row)}`)).length === 1;
  },

  /**
   * Groups (form, audience, day) with something to write out: at least `atLeast` waiting, or final.
   * A group is final once its day is over and `finalDay` (today, less the grace) has passed it, or its
   * form closed (status, at `closedBefore` or earlier; or its closing day before `finalDay`): the grace
   * lets a submission that was under way at midnight or at the close land before the last batch.
   */
  async dueGroups(db: Db, o: { finalDay: string; closedBefore: Date; atLeast: number }): Promise<PendingGroup[]> {
    const final = sql`(p.day < ${o.finalDay} or f.closes_on < ${o.finalDay} or (f.status = 'closed' and f.updated_at <= ${o.closedBefore}))`;
    const rows = rowsOf<{
      unit_id: string;
      form_id: string;
      audience: string;
      day: string;
      pending: number;
      final: boolean;
    }>(
      await db.execute(sql`
      select p.unit_id, p.form_id, p.audience, p.day, count(*)::int as pending, bool_or(${final}) as final
      from ${opinionPending} p join ${opinionForms} f on f.id = p.form_id and f.unit_id = p.unit_id
      group by p.unit_id, p.form_id, p.audience, p.day
      having count(*) >= ${o.atLeast} or bool_or(${final})`),
    );
    return rows.map((r) => ({
      unitId: r.unit_id,
      formId: r.form_id,
      audience: r.audience,
      day: r.day,
      pending: r.pending,
      final: r.final,
    }));
  },

  /**
   * Takes the group's flush lock for the transaction (another instance flushing it waits), then its
   * rows, and whether any of its submissions were written out before.
   */
  async lockGroup(tx: Db, g: Pick<PendingGroup, 'unitId' | 'formId' | 'audience' | 'day'>) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`opinion-flush:${g.formId}:${g.audience}:${g.day}`}, 0))`,
    );
    const inGroup = <T extends typeof opinionPending | typeof opinionPendingSpent>(t: T) =>
      and(eq(t.unitId, g.unitId), eq(t.formId, g.formId), eq(t.audience, g.audience), eq(t.day, g.day));
    const [rows, earlier] = [
      await tx.select({ id: opinionPending.id }).from(opinionPending).where(inGroup(opinionPending)),
      await tx.select({ id: opinionPendingSpent.id }).from(opinionPendingSpent).where(inGroup(opinionPendingSpent)),
    ];
    return { ids: rows.map((r) => r.id), spent: new Set(earlier.map((r) => r.id)) };
  },

  /** The sealed submissions of some rows (each ~23 KB: read only those about to be opened). */
  async sealedOf(tx: Db, ids: string[]) {
    return tx
      .select({ id: opinionPending.id, sealed: opinionPending.sealed })
      .from(opinionPending)
      .where(inArray(opinionPending.id, ids));
  },

  async form(tx: Db, unitId: string, formId: string) {
    const [f] = await tx
      .select({ questions: opinionForms.questions })
      .from(opinionForms)
      .where(and(eq(opinionForms.unitId, unitId), eq(opinionForms.id, formId)));
    return f;
  },

  /** Removes written-out submissions and remembers their ids (a copy put back later is refused). */
  async spend(tx: Db, g: Pick<PendingGroup, 'unitId' | 'formId' | 'audience' | 'day'>, ids: string[]) {
    const sorted = [...ids].sort(); // the order says nothing: not the batch's, not the submissions'
    for (let i = 0; i < sorted.length; i += 1000) {
      const part = sorted.slice(i, i + 1000);
      await tx.delete(opinionPending).where(inArray(opinionPending.id, part));
      await tx
        .insert(opinionPendingSpent)
        .values(part.map((id) => ({ id, unitId: g.unitId, formId: g.formId, audience: g.audience, day: g.day })));
    }
  },

  /** Waiting submissions of a form per audience (shown to the branch as “待汇入”). */
  async countByAudience(db: Db, unitId: string, formId: string) {
    return db
      .select({ audience: opinionPending.audience, n: sql<number>`count(*)::int` })
      .from(opinionPending)
      .where(and(eq(opinionPending.unitId, unitId), eq(opinionPending.formId, formId)))
      .groupBy(opinionPending.audience);
  },

  /** Removes the dead pending rows from the heap (they are sealed anyway; this leaves nothing reachable behind). */
  async vacuum(db: Db) {
    await db.execute(sql`vacuum ${opinionPending}`);
  },
};
