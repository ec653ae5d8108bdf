import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import {
  consultationAnswers as A,
  consultationComments as C,
  consultationDrafts as D,
  consultationTargets as T,
  contactObjects,
  departments,
  opinionResponses,
  people,
  roleGrants,
  users,
} from '../../db/schema/index.js';

export type DraftRow = typeof D.$inferSelect;
export type TargetRow = typeof T.$inferSelect;
export type AnswerRow = typeof A.$inferSelect;
/** The public form's single question: what a respondent writes about the draft. */
export const PUBLIC_QUESTION_ID = 'opinion';

/** One comment as the list reads it: a named one (with its target) or a public response (no author). */
export interface CommentRow {
  id: string;
  source: string;
  targetId: string | null;
  sourceName: string;
  authorPersonId: string | null;
  recordedByPersonId: string | null;
  speaker: string;
  body: string;
  receivedOn: string;
  answerVerdict: string | null;
  answerReason: string | null;
  answeredOn: string | null;
  answerVersion: number | null;
}

/** The list scope as SQL, mirroring domain/policies/consultation (managers, and those consulted once it is out). */
function scopeSql(s: { all: boolean; departmentIds: string[]; personId: string | null }): SQL {
  if (s.all) return sql`true`;
  const asked = [
    ...(s.personId ? [and(eq(T.kind, 'person'), eq(T.refId, s.personId))!] : []),
    ...(s.departmentIds.length ? [and(eq(T.kind, 'department'), inArray(T.refId, s.departmentIds))!] : []),
  ];
  const consulted = asked.length
    ? sql`(${D.status} in ('consulting', 'closed') and exists (select 1 from ${T} where ${T.draftId} = ${D.id} and ${T.unitId} = ${D.unitId} and (${or(...asked)})))`
    : sql`false`;
  return or(s.departmentIds.length ? inArray(D.departmentId, s.departmentIds) : sql`false`, consulted)!;
}

/** Queries of the drafts, their targets, comments and answers; the service decides who reads and acts. */
export const consultationsRepo = {
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(D)
      .where(and(eq(D.unitId, unitId), eq(D.id, id)));
    return r;
  },
  async page(
    db: Db,
    unitId: string,
    scope: Parameters<typeof scopeSql>[0],
    f: { q?: string; status?: string },
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(D.unitId, unitId),
      scopeSql(scope),
      f.status ? eq(D.status, f.status) : undefined,
      f.q ? ilike(D.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db.select().from(D).where(where).orderBy(desc(D.createdAt), desc(D.id)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(D)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  async insert(tx: Db, row: typeof D.$inferInsert) {
    const [r] = await tx.insert(D).values(row).returning();
    return r!;
  },
  /** Updates at the version read; false when someone changed it meanwhile. */
  async update(tx: Db, unitId: string, id: string, version: number, set: Partial<typeof D.$inferInsert>) {
    const rows = await tx
      .update(D)
      .set({ ...set, version: sql`${D.version} + 1` })
      .where(and(eq(D.unitId, unitId), eq(D.id, id), eq(D.version, version)))
      .returning({ id: D.id });
    return rows.length === 1;
  },

  async targets(db: Db, unitId: string, draftIds: string[]) {
    if (!draftIds.length) return [];
    return db
      .select()
      .from(T)
      .where(and(eq(T.unitId, unitId), inArray(T.draftId, draftIds)))
      .orderBy(
        asc(T.createdAt),
        sql`case ${T.kind} when 'department' then 0 when 'person' then 1 else 2 end`,
        asc(T.name),
      );
  },
  async insertTargets(tx: Db, rows: (typeof T.$inferInsert)[]) {
    if (rows.length) await tx.insert(T).values(rows);
  },
  async commentCounts(db: Db, unitId: string, draftId: string) {
    const rows = await db
      .select({ targetId: C.targetId, n: sql<number>`count(*)::int` })
      .from(C)
      .where(and(eq(C.unitId, unitId), eq(C.draftId, draftId)))
      .groupBy(C.targetId);
    return new Map(rows.map((r) => [r.targetId, r.n]));
  },
  async insertComment(tx: Db, row: typeof C.$inferInsert) {
    const [r] = await tx.insert(C).values(row).returning();
    return r!;
  },

  /**
   * The draft's comments, named and public (the responses of its form, read where the opinions module keeps
   * them, with only their day), with their answers: named first in the order received, then the public in the
   * order of the responses' random ids. `targetIds` restricts to those targets' comments (a consulted reader).
   */
  async comments(
    db: Db,
    unitId: string,
    d: Pick<DraftRow, 'id' | 'publicFormId'>,
    f: { targetIds?: string[]; source?: string; unanswered?: boolean; limit: number; offset: number },
  ) {
    const named = sql`select c.id, t.kind as source, c.target_id, t.name as source_name, c.author_person_id,
        c.recorded_by_person_id, c.speaker, c.body, c.received_on, 0 as grp, c.created_at as at
      from ${C} c join ${T} t on t.id = c.target_id and t.unit_id = c.unit_id
      where c.unit_id = ${unitId} and c.draft_id = ${d.id}
      ${
        f.targetIds
          ? sql`and c.target_id in (${sql.join(
              [...f.targetIds, '00000000-0000-0000-0000-000000000000'].map((x) => sql`${x}::uuid`),
              sql`, `,
            )})`
          : sql``
      }`;
    const pub =
      d.publicFormId && !f.targetIds
        ? sql`union all select r.id, 'public', null, '社会公众', null, null, '', r.answers->>${PUBLIC_QUESTION_ID}, r.submitted_on, 1, null
        from ${opinionResponses} r where r.unit_id = ${unitId} and r.form_id = ${d.publicFormId}
        and coalesce(r.answers->>${PUBLIC_QUESTION_ID}, '') <> ''`
        : sql``;
    const where = and(f.source ? sql`x.source = ${f.source}` : undefined, f.unanswered ? sql`a.id is null` : undefined);
    const base = sql`from (${named} ${pub}) x left join ${A} a on a.unit_id = ${unitId} and a.draft_id = ${d.id} and a.comment_id = x.id
      ${where ? sql`where ${where}` : sql``}`;
    const [rows, count] = await Promise.all([
      db.execute(sql`select x.id, x.source, x.target_id as "targetId", x.source_name as "sourceName",
          x.author_person_id as "authorPersonId", x.recorded_by_person_id as "recordedByPersonId", x.speaker, x.body,
          x.received_on as "receivedOn", a.verdict as "answerVerdict", a.reason as "answerReason",
          a.answered_on as "answeredOn", a.version as "answerVersion"
        ${base} order by x.grp, x.received_on, x.at, x.id limit ${f.limit} offset ${f.offset}`),
      db.execute(sql`select count(*)::int as n ${base}`),
    ]);
    return { rows: rowsOf<CommentRow>(rows), total: rowsOf<{ n: number }>(count)[0]?.n ?? 0 };
  },
  /** Is `id` a response of the draft's public form? */
  async isPublicComment(db: Db, unitId: string, formId: string, id: string) {
    const [r] = await db
      .select({ id: opinionResponses.id })
      .from(opinionResponses)
      .where(
        and(eq(opinionResponses.unitId, unitId), eq(opinionResponses.formId, formId), eq(opinionResponses.id, id)),
      );
    return !!r;
  },
  async namedComment(db: Db, unitId: string, draftId: string, id: string) {
    const [r] = await db
      .select()
      .from(C)
      .where(and(eq(C.unitId, unitId), eq(C.draftId, draftId), eq(C.id, id)));
    return r;
  },
  /** A named comment by its id alone (the audit trail names the comment, not its draft). */
  async namedCommentById(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(C)
      .where(and(eq(C.unitId, unitId), eq(C.id, id)));
    return r;
  },
  async answer(db: Db, unitId: string, draftId: string, commentId: string) {
    const [r] = await db
      .select()
      .from(A)
      .where(and(eq(A.unitId, unitId), eq(A.draftId, draftId), eq(A.commentId, commentId)));
    return r;
  },
  /** The first answer; false when another answer was recorded meanwhile. */
  async insertAnswer(tx: Db, row: typeof A.$inferInsert) {
    const r = await tx.insert(A).values(row).onConflictDoNothing().returning({ id: A.id });
    return r.length === 1;
  },
  async updateAnswer(tx: Db, unitId: string, id: string, version: number, set: Partial<typeof A.$inferInsert>) {
    const rows = await tx
      .update(A)
      .set({ ...set, version: sql`${A.version} + 1` })
      .where(and(eq(A.unitId, unitId), eq(A.id, id), eq(A.version, version)))
      .returning({ id: A.id });
    return rows.length === 1;
  },

  /** Names of the unit's departments, people or contact objects among `ids` (active or not). */
  async departmentNames(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.unitId, unitId), inArray(departments.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async personNames(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** Active contact objects of the unit among `ids`, with their names. */
  async activeContactObjects(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: contactObjects.id, name: contactObjects.name })
      .from(contactObjects)
      .where(and(eq(contactObjects.unitId, unitId), eq(contactObjects.active, true), inArray(contactObjects.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** The people who head these departments (an active account with an unrevoked department_head grant). */
  async headsOf(db: Db, unitId: string, departmentIds: string[]) {
    if (!departmentIds.length) return [];
    const rows = await db
      .selectDistinct({ personId: users.personId, departmentId: roleGrants.scopeId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          eq(roleGrants.unitId, unitId),
          eq(roleGrants.role, 'department_head'),
          isNull(roleGrants.revokedAt),
          eq(users.active, true),
          inArray(roleGrants.scopeId, departmentIds),
        ),
      );
    return rows.flatMap((r) =>
      r.personId && r.departmentId ? [{ personId: r.personId, departmentId: r.departmentId }] : [],
    );
  },
};
