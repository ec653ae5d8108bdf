import { and, arrayContains, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  activities,
  articles as A,
  campaigns,
  departments,
  goodPractices as P,
  honours as H,
  nominations as N,
  people,
  progressReports,
  supervisedItems,
  users,
} from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type PracticeRow = typeof P.$inferSelect;
export type NominationRow = typeof N.$inferSelect;
export type HonourRow = typeof H.$inferSelect;
export type ArticleRow = typeof A.$inferSelect;
type Table = typeof P | typeof N | typeof H | typeof A;

async function paged<T>(rows: Promise<T[]>, count: Promise<{ n: number }[]>) {
  const [items, [c]] = await Promise.all([rows, count]);
  return { rows: items, total: c?.n ?? 0 };
}
const like = (q: string | undefined, ...cols: Parameters<typeof ilike>[0][]) =>
  q ? or(...cols.map((c) => ilike(c, containsPattern(q)))) : undefined;

const one = async <T>(rows: Promise<T[]>) => (await rows)[0];
const byId =
  <T extends Table>(t: T) =>
  (db: Db, unitId: string, id: string) =>
    one(
      db
        .select()
        .from(t as typeof P)
        .where(and(eq(t.unitId, unitId), eq(t.id, id))),
    ) as Promise<T['$inferSelect'] | undefined>;
const update =
  <T extends Table>(t: T) =>
  (tx: Db, unitId: string, id: string, version: number, set: Partial<T['$inferInsert']>) =>
    tx
      .update(t as typeof P)
      .set({ ...(set as object), version: sql`${t.version} + 1` })
      .where(and(eq(t.unitId, unitId), eq(t.id, id), eq(t.version, version)))
      .returning({ id: t.id });

/** The queries of practices, nominations, honours and articles, and the names and sources they show. */
export const recognitionRepo = {
  practice: byId(P),
  nomination: byId(N),
  honour: byId(H),
  article: byId(A),
  updatePractice: update(P),
  updateNomination: update(N),
  updateHonour: update(H),
  updateArticle: update(A),
  insertPractice: (tx: Db, row: typeof P.$inferInsert) => tx.insert(P).values(row).returning({ id: P.id }),
  insertNomination: (tx: Db, row: typeof N.$inferInsert) => tx.insert(N).values(row).returning({ id: N.id }),
  insertHonour: (tx: Db, row: typeof H.$inferInsert) => tx.insert(H).values(row).returning({ id: H.id }),
  insertArticle: (tx: Db, row: typeof A.$inferInsert) => tx.insert(A).values(row).returning({ id: A.id }),

  /** `drafts`: whether drafts (and withdrawn ones) are listed too; else only live published practices. */
  practicesPage(
    db: Db,
    unitId: string,
    f: { q?: string; tag?: string; status?: string; words?: readonly string[]; tags?: readonly string[] },
    drafts: boolean,
    limit: number,
    offset: number,
  ) {
    const words = [...(f.words ?? []), ...(f.q ? [f.q] : [])];
    const tags = [...(f.tags ?? []), ...(f.tag ? [f.tag] : [])];
    const where = and(
      eq(P.unitId, unitId),
      drafts ? undefined : and(eq(P.status, 'published'), isNull(P.withdrawnReason)),
      f.status ? eq(P.status, f.status) : undefined,
      ...words.map((w) => like(w, P.title, P.problem, P.action, P.result, P.steps)),
      tags.length ? arrayContains(P.tags, tags) : undefined,
    );
    return paged(
      db
        .select()
        .from(P)
        .where(where)
        .orderBy(sql`${P.withdrawnReason} is not null`, desc(P.updatedAt), desc(P.id))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(P)
        .where(where),
    );
  },
  nominationsPage(db: Db, unitId: string, f: { q?: string; status?: string }, limit: number, offset: number) {
    const where = and(eq(N.unitId, unitId), f.status ? eq(N.status, f.status) : undefined, like(f.q, N.facts));
    return paged(
      db.select().from(N).where(where).orderBy(desc(N.createdAt), desc(N.id)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(N)
        .where(where),
    );
  },
  honoursPage(
    db: Db,
    unitId: string,
    f: { q?: string; level?: string },
    withdrawn: boolean,
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(H.unitId, unitId),
      withdrawn ? undefined : isNull(H.withdrawnReason),
      f.level ? eq(H.level, f.level) : undefined,
      like(f.q, H.title, H.issuer),
    );
    return paged(
      db.select().from(H).where(where).orderBy(desc(H.awardedOn), desc(H.id)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(H)
        .where(where),
    );
  },
  /** `drafts`: all of the unit's articles; else only live published ones, newest first (the news page). */
  articlesPage(
    db: Db,
    unitId: string,
    f: { q?: string; status?: string; words?: readonly string[] },
    drafts: boolean,
    limit: number,
    offset: number,
  ) {
    const words = [...(f.words ?? []), ...(f.q ? [f.q] : [])];
    const where = and(
      eq(A.unitId, unitId),
      drafts ? undefined : and(eq(A.status, 'published'), isNull(A.withdrawnReason)),
      f.status ? eq(A.status, f.status) : undefined,
      ...words.map((w) => like(w, A.title, A.body)),
    );
    const order: SQL[] = drafts
      ? [desc(A.updatedAt), desc(A.id)]
      : [sql`${A.publishedOn} desc nulls last`, desc(A.publishedAt), desc(A.id)];
    return paged(
      db
        .select()
        .from(A)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(A)
        .where(where),
    );
  },
  /** Live articles published on Shanghai dates within [from, to]. */
  async publishedArticlesBetween(db: Db, unitId: string, from: string, to: string) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(A)
      .where(
        and(
          eq(A.unitId, unitId),
          eq(A.status, 'published'),
          isNull(A.withdrawnReason),
          gte(A.publishedOn, from),
          lte(A.publishedOn, to),
        ),
      );
    return r?.n ?? 0;
  },

  async departmentNames(db: Db, unitId: string, ids: (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map<string, string>();
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.unitId, unitId), inArray(departments.id, list)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async personNames(db: Db, unitId: string, ids: (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map<string, string>();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, list)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async userNames(db: Db, unitId: string, ids: (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map<string, string>();
    const rows = await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(eq(users.unitId, unitId), inArray(users.id, list)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async practiceTitles(db: Db, unitId: string, ids: (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map<string, PracticeRow>();
    const rows = await db
      .select()
      .from(P)
      .where(and(eq(P.unitId, unitId), inArray(P.id, list)));
    return new Map(rows.map((r) => [r.id, r]));
  },
  async nominationsByIds(db: Db, unitId: string, ids: (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map<string, NominationRow>();
    const rows = await db
      .select()
      .from(N)
      .where(and(eq(N.unitId, unitId), inArray(N.id, list)));
    return new Map(rows.map((r) => [r.id, r]));
  },

  async campaignNames(db: Db, unitId: string, ids: (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map<string, string>();
    const rows = await db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(and(eq(campaigns.unitId, unitId), inArray(campaigns.id, list)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** A live nomination of the nominee still waiting for review. */
  pendingNomination: (db: Db, unitId: string, kind: string, nomineeId: string) =>
    one(
      db
        .select({ id: N.id })
        .from(N)
        .where(
          and(
            eq(N.unitId, unitId),
            eq(N.nomineeKind, kind),
            eq(N.nomineeId, nomineeId),
            eq(N.status, 'submitted'),
            isNull(N.withdrawnReason),
          ),
        ),
    ),
  /** A progress report with its item (the item's facts decide who reads it). */
  async reportWithItem(db: Db, unitId: string, id: string) {
    return one(
      db
        .select({ report: progressReports, itemId: supervisedItems.id })
        .from(progressReports)
        .innerJoin(
          supervisedItems,
          and(eq(supervisedItems.unitId, progressReports.unitId), eq(supervisedItems.id, progressReports.itemId)),
        )
        .where(and(eq(progressReports.unitId, unitId), eq(progressReports.id, id))),
    );
  },
  activity: (db: Db, unitId: string, id: string) =>
    one(
      db
        .select()
        .from(activities)
        .where(and(eq(activities.unitId, unitId), eq(activities.id, id))),
    ),
  /** The practices already drawn from a source (the item page offers to open them rather than extract twice). */
  practicesFrom: (db: Db, unitId: string, kind: string, sourceId: string) =>
    db
      .select({ id: P.id, title: P.title })
      .from(P)
      .where(and(eq(P.unitId, unitId), eq(P.sourceKind, kind), eq(P.sourceId, sourceId), isNull(P.withdrawnReason)))
      .orderBy(asc(P.createdAt))
      .limit(20),
};
