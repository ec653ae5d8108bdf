import { and, arrayContains, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  advice as A,
  agendaItems as I,
  decisionMeetings as M,
  experts as E,
  meetingDecisions as D,
  people,
} from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type ExpertRow = typeof E.$inferSelect;
export type AdviceRow = typeof A.$inferSelect;
type Withdrawn = 'include' | 'only' | undefined;
export type AdviceFilter = { q?: string; outcome?: string; expertId?: string; tag?: string; withdrawn?: Withdrawn };

const live = (col: typeof E.withdrawnReason | typeof A.withdrawnReason, w: Withdrawn) =>
  w === 'include' ? undefined : w === 'only' ? isNotNull(col) : isNull(col);

async function paged<T>(rows: Promise<T[]>, count: Promise<{ n: number }[]>) {
  const [items, [c]] = await Promise.all([rows, count]);
  return { rows: items, total: c?.n ?? 0 };
}

/** Queries of the think tank: experts, advice, and the decisions advice can name. The service decides. */
export const thinkTankRepo = {
  expert: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(E)
        .where(and(eq(E.unitId, unitId), eq(E.id, id)))
    )[0],
  expertsPage(db: Db, unitId: string, f: { q?: string; withdrawn?: Withdrawn }, limit: number, offset: number) {
    const like = f.q ? containsPattern(f.q) : undefined;
    const where = and(
      eq(E.unitId, unitId),
      live(E.withdrawnReason, f.withdrawn),
      like
        ? or(ilike(E.name, like), ilike(people.name, like), ilike(E.organisation, like), ilike(E.field, like))
        : undefined,
    );
    const from = () =>
      db
        .select({ e: E, personName: people.name })
        .from(E)
        .leftJoin(people, and(eq(people.id, E.personId), eq(people.unitId, E.unitId)));
    return paged(
      from().where(where).orderBy(asc(E.kind), asc(E.createdAt)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(E)
        .leftJoin(people, and(eq(people.id, E.personId), eq(people.unitId, E.unitId)))
        .where(where),
    );
  },
  async expertWithName(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select({ e: E, personName: people.name })
      .from(E)
      .leftJoin(people, and(eq(people.id, E.personId), eq(people.unitId, E.unitId)))
      .where(and(eq(E.unitId, unitId), eq(E.id, id)));
    return r;
  },
  /** A live inside expert for the person, other than `exceptId` (a person sits once on the committee). */
  async insideExpertOf(db: Db, unitId: string, personId: string) {
    const [r] = await db
      .select({ id: E.id })
      .from(E)
      .where(and(eq(E.unitId, unitId), eq(E.personId, personId), isNull(E.withdrawnReason)))
      .limit(1);
    return r;
  },
  async adviceCounts(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, number>();
    const rows = await db
      .select({ id: A.expertId, n: sql<number>`count(*)::int` })
      .from(A)
      .where(and(eq(A.unitId, unitId), inArray(A.expertId, ids), isNull(A.withdrawnReason)))
      .groupBy(A.expertId);
    return new Map(rows.map((r) => [r.id, r.n]));
  },
  insertExpert: async (tx: Db, row: typeof E.$inferInsert) => (await tx.insert(E).values(row).returning())[0]!,
  updateExpert: (tx: Db, unitId: string, id: string, version: number, set: Partial<typeof E.$inferInsert>) =>
    tx
      .update(E)
      .set({ ...set, version: sql`${E.version} + 1` })
      .where(and(eq(E.unitId, unitId), eq(E.id, id), eq(E.version, version)))
      .returning(),

  advice: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(A)
        .where(and(eq(A.unitId, unitId), eq(A.id, id)))
    )[0],
  adviceWhere(unitId: string, f: AdviceFilter): SQL {
    const like = f.q ? containsPattern(f.q) : undefined;
    return and(
      eq(A.unitId, unitId),
      live(A.withdrawnReason, f.withdrawn),
      f.outcome ? eq(A.outcome, f.outcome) : undefined,
      f.expertId ? eq(A.expertId, f.expertId) : undefined,
      f.tag ? arrayContains(A.tags, [f.tag]) : undefined,
      like ? or(ilike(A.topic, like), ilike(A.content, like)) : undefined,
    )!;
  },
  advicePage(db: Db, unitId: string, f: AdviceFilter, limit: number, offset: number) {
    const where = this.adviceWhere(unitId, f);
    return paged(
      db.select().from(A).where(where).orderBy(desc(A.receivedOn), desc(A.createdAt)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(A)
        .where(where),
    );
  },
  insertAdvice: async (tx: Db, row: typeof A.$inferInsert) => (await tx.insert(A).values(row).returning())[0]!,
  updateAdvice: (tx: Db, unitId: string, id: string, version: number, set: Partial<typeof A.$inferInsert>) =>
    tx
      .update(A)
      .set({ ...set, version: sql`${A.version} + 1` })
      .where(and(eq(A.unitId, unitId), eq(A.id, id), eq(A.version, version)))
      .returning(),
  /** Live advice whose topic, content or tags hold every word, carrying every tag (the unit-wide search). */
  searchAdvice: (db: Db, unitId: string, q: { words: readonly string[]; tags: readonly string[]; limit: number }) =>
    db
      .select()
      .from(A)
      .where(
        and(
          eq(A.unitId, unitId),
          isNull(A.withdrawnReason),
          ...q.words.map((w) =>
            ilike(sql`concat_ws(' ', ${A.topic}, ${A.content}, array_to_string(${A.tags}, ' '))`, containsPattern(w)),
          ),
          q.tags.length ? arrayContains(A.tags, [...q.tags]) : undefined,
        ),
      )
      .orderBy(desc(A.receivedOn))
      .limit(q.limit),
  /** Experts' display names (the person's name for an inside expert). */
  async expertNames(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: E.id, name: E.name, personName: people.name })
      .from(E)
      .leftJoin(people, and(eq(people.id, E.personId), eq(people.unitId, E.unitId)))
      .where(and(eq(E.unitId, unitId), inArray(E.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.personName ?? r.name ?? '']));
  },
  /**
   * Decisions with their meeting, by id (any status: the service checks the meeting) — never one of a 干部任免
   * item, whose words are its meeting's members' alone (domain/policies/decision-meeting).
   */
  decisions: (db: Db, unitId: string, ids: string[]) =>
    ids.length
      ? db
          .select({ d: D, m: M })
          .from(D)
          .innerJoin(M, and(eq(M.id, D.meetingId), eq(M.unitId, D.unitId)))
          .innerJoin(I, and(eq(I.id, D.agendaItemId), eq(I.unitId, D.unitId)))
          .where(and(eq(D.unitId, unitId), inArray(D.id, [...new Set(ids)]), sql`${I.category} <> 'cadre'`))
      : Promise.resolve([]),
  /** Decisions of the unit's closed meetings of the given kinds (never 干部任免), newest first, matching `q` if given. */
  closedDecisions: (db: Db, unitId: string, kinds: readonly string[], q: string | undefined) =>
    db
      .select({ d: D, m: M })
      .from(D)
      .innerJoin(M, and(eq(M.id, D.meetingId), eq(M.unitId, D.unitId)))
      .innerJoin(I, and(eq(I.id, D.agendaItemId), eq(I.unitId, D.unitId)))
      .where(
        and(
          eq(D.unitId, unitId),
          eq(M.status, 'closed'),
          sql`${I.category} <> 'cadre'`,
          inArray(M.kind, [...kinds]),
          q ? or(ilike(D.text, containsPattern(q)), ilike(M.title, containsPattern(q))) : undefined,
        ),
      )
      .orderBy(desc(M.heldOn), asc(D.seq))
      .limit(50),
};
