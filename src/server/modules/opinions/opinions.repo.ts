import { and, asc, count, desc, eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  consultationDrafts,
  opinionCodes,
  opinionDistributions,
  opinionForms,
  opinionResponses,
} from '../../db/schema/index.js';

const consultationOf = (unitId: string, formId: SQLWrapper) =>
  sql`select 1 from ${consultationDrafts} where ${consultationDrafts.unitId} = ${unitId} and ${consultationDrafts.publicFormId} = ${formId}`;

/** Queries of the forms, their distributions and codes, and the responses' counts (the flush writes in responses.repo). */
export const opinionsRepo = {
  /** Codes of every unit still stored under the unkeyed digest (a start-up upgrade step). */
  async legacyCodes(db: Db) {
    return db
      .select({ id: opinionCodes.id, codeHash: opinionCodes.codeHash })
      .from(opinionCodes)
      .where(eq(opinionCodes.keyed, false));
  },
  async rekeyCode(tx: Db, id: string, codeHash: string) {
    await tx.update(opinionCodes).set({ codeHash, keyed: true }).where(eq(opinionCodes.id, id));
  },
  /** Removes the dead code rows from the heap, so the replaced hashes are no longer reachable as rows. */
  async vacuumCodes(db: Db) {
    await db.execute(sql`vacuum ${opinionCodes}`);
  },

  async insertForm(tx: Db, row: typeof opinionForms.$inferInsert) {
    const [f] = await tx.insert(opinionForms).values(row).returning();
    return f;
  },
  /** The unit's own forms: those made for a consultation on a draft are run through the consultation, not listed. */
  async forms(db: Db, unitId: string) {
    return db
      .select()
      .from(opinionForms)
      .where(and(eq(opinionForms.unitId, unitId), sql`not exists (${consultationOf(unitId, opinionForms.id)})`))
      .orderBy(desc(opinionForms.createdAt));
  },
  /** Was the form made as the public side of a consultation on a draft? */
  async forConsultation(db: Db, unitId: string, formId: string) {
    const [r] = await db
      .select({ id: consultationDrafts.id })
      .from(consultationDrafts)
      .where(and(eq(consultationDrafts.unitId, unitId), eq(consultationDrafts.publicFormId, formId)))
      .limit(1);
    return !!r;
  },
  async form(db: Db, unitId: string, id: string) {
    const [f] = await db
      .select()
      .from(opinionForms)
      .where(and(eq(opinionForms.unitId, unitId), eq(opinionForms.id, id)));
    return f;
  },
  /** Sets the form's status if its version is still `version`; false when someone changed it meanwhile. */
  async setFormStatus(tx: Db, unitId: string, id: string, version: number, status: string, at: Date) {
    const rows = await tx
      .update(opinionForms)
      .set({ status, version: version + 1, updatedAt: at })
      .where(and(eq(opinionForms.unitId, unitId), eq(opinionForms.id, id), eq(opinionForms.version, version)))
      .returning({ id: opinionForms.id });
    return rows.length === 1;
  },

  async distributions(db: Db, unitId: string, formId: string) {
    return db
      .select()
      .from(opinionDistributions)
      .where(and(eq(opinionDistributions.unitId, unitId), eq(opinionDistributions.formId, formId)))
      .orderBy(asc(opinionDistributions.createdAt));
  },
  async insertDistribution(tx: Db, row: typeof opinionDistributions.$inferInsert) {
    const [d] = await tx.insert(opinionDistributions).values(row).returning();
    return d;
  },
  /** Stores code hashes in the order given, 500 rows a statement. */
  async insertCodes(tx: Db, unitId: string, distributionId: string, hashes: string[]) {
    for (let i = 0; i < hashes.length; i += 500) {
      await tx
        .insert(opinionCodes)
        .values(hashes.slice(i, i + 500).map((codeHash) => ({ unitId, distributionId, codeHash })));
    }
  },
  /** Per distribution of the form: how many codes it has and how many are used. */
  async codeCounts(db: Db, unitId: string, formId: string) {
    return db
      .select({
        distributionId: opinionCodes.distributionId,
        total: count(),
        used: sql<number>`count(*) filter (where ${opinionCodes.used})::int`,
      })
      .from(opinionCodes)
      .innerJoin(opinionDistributions, eq(opinionDistributions.id, opinionCodes.distributionId))
      .where(and(eq(opinionCodes.unitId, unitId), eq(opinionDistributions.formId, formId)))
      .groupBy(opinionCodes.distributionId);
  },
  /** A distribution and its form by the link's token (the public side: the token is the only key). */
  async targetByToken(db: Db, token: string) {
    const [row] = await db
      .select({
        distributionId: opinionDistributions.id,
        unitId: opinionDistributions.unitId,
        formId: opinionForms.id,
        audience: opinionDistributions.audience,
        mode: opinionDistributions.mode,
        status: opinionForms.status,
        opensOn: opinionForms.opensOn,
        closesOn: opinionForms.closesOn,
        title: opinionForms.title,
        intro: opinionForms.intro,
        questions: opinionForms.questions,
        active: opinionDistributions.active,
      })
      .from(opinionDistributions)
      .innerJoin(opinionForms, eq(opinionForms.id, opinionDistributions.formId))
      .where(eq(opinionDistributions.token, token));
    return row;
  },

  /** Responses of the form per audience. */
  async responseCounts(db: Db, unitId: string, formId: string) {
    return db
      .select({ audience: opinionResponses.audience, n: count() })
      .from(opinionResponses)
      .where(and(eq(opinionResponses.unitId, unitId), eq(opinionResponses.formId, formId)))
      .groupBy(opinionResponses.audience);
  },
  /** Up to `limit` responses of the form with ids after `after`, in id order (keyset paging). */
  async responsesAfter(db: Db, unitId: string, formId: string, after: string, limit: number) {
    return db
      .select()
      .from(opinionResponses)
      .where(
        and(
          eq(opinionResponses.unitId, unitId),
          eq(opinionResponses.formId, formId),
          sql`${opinionResponses.id} > ${after}::uuid`,
        ),
      )
      .orderBy(asc(opinionResponses.id))
      .limit(limit);
  },
};
