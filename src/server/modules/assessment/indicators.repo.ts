import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  assessmentIndicatorReports as R,
  assessmentIndicators as I,
  campaignMeasures,
  departments,
  people,
} from '../../db/schema/index.js';
import { containsPattern } from '../../db/like.js';

export type IndicatorReportRow = typeof R.$inferSelect;

/** Which indicators a reader sees, as domain/policies/assessment-indicator says it, for SQL. */
export type IndicatorScope =
  | { all: true }
  | { all: false; departmentIds: string[]; headedIds: string[]; personId: string | null };

export interface IndicatorFilter {
  ownerKind?: string;
  departmentId?: string;
  personId?: string;
  source?: string;
  q?: string;
  withdrawn?: 'true' | 'false';
}

const NONE = sql`false`;
const ownerDept = sql<
  string | null
>`case when ${I.ownerKind} = 'department' then ${I.ownerId} else ${people.departmentId} end`;
const columns = {
  indicator: I,
  personName: people.name,
  ownerDepartmentId: ownerDept,
  departmentName: departments.name,
  measureNo: campaignMeasures.no,
  measureTitle: campaignMeasures.title,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(I)
    .leftJoin(people, and(eq(I.ownerKind, 'person'), eq(people.unitId, I.unitId), eq(people.id, I.ownerId)))
    .leftJoin(departments, and(eq(departments.unitId, I.unitId), sql`${departments.id} = ${ownerDept}`))
    .leftJoin(campaignMeasures, and(eq(campaignMeasures.unitId, I.unitId), eq(campaignMeasures.id, I.measureId)));
}
export type IndicatorListRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function scoped(s: IndicatorScope): SQL | undefined {
  if (s.all) return undefined;
  const ids = (list: string[]) => (list.length ? list : ['00000000-0000-0000-0000-000000000000']);
  return or(
    and(eq(I.ownerKind, 'department'), inArray(I.ownerId, ids([...s.departmentIds, ...s.headedIds]))),
    and(
      eq(I.ownerKind, 'person'),
      or(s.personId ? eq(I.ownerId, s.personId) : NONE, inArray(people.departmentId, ids(s.headedIds))),
    ),
  );
}

function filtered(f: IndicatorFilter): (SQL | undefined)[] {
  return [
    f.ownerKind ? eq(I.ownerKind, f.ownerKind) : undefined,
    f.departmentId ? sql`${ownerDept} = ${f.departmentId}` : undefined,
    f.personId ? and(eq(I.ownerKind, 'person'), eq(I.ownerId, f.personId)) : undefined,
    f.source ? eq(I.source, f.source) : undefined,
    f.q
      ? or(
          ilike(I.title, containsPattern(f.q)),
          ilike(people.name, containsPattern(f.q)),
          ilike(departments.name, containsPattern(f.q)),
        )
      : undefined,
    f.withdrawn === 'true' ? isNotNull(I.withdrawnReason) : isNull(I.withdrawnReason),
  ];
}

/** Queries of 考核指标 and their reported values; the service decides who sees what. */
export const indicatorsRepo = {
  one: async (db: Db, unitId: string, id: string) => (await base(db).where(and(eq(I.unitId, unitId), eq(I.id, id))))[0],
  async page(db: Db, unitId: string, scope: IndicatorScope, f: IndicatorFilter, limit: number, offset: number) {
    const where = and(eq(I.unitId, unitId), scoped(scope), ...filtered(f));
    const [rows, [count]] = await Promise.all([
      base(db)
        .where(where)
        .orderBy(asc(departments.name), asc(I.ownerKind), asc(people.name), asc(I.title), asc(I.createdAt), asc(I.id))
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(I)
        .leftJoin(people, and(eq(I.ownerKind, 'person'), eq(people.unitId, I.unitId), eq(people.id, I.ownerId)))
        .leftJoin(departments, and(eq(departments.unitId, I.unitId), sql`${departments.id} = ${ownerDept}`))
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  insert: async (db: Db, row: typeof I.$inferInsert) => (await db.insert(I).values(row).returning({ id: I.id }))[0]!,
  update: (db: Db, unitId: string, id: string, version: number, set: Partial<typeof I.$inferInsert>) =>
    db
      .update(I)
      .set({ ...set, version: sql`${I.version} + 1` })
      .where(and(eq(I.unitId, unitId), eq(I.id, id), eq(I.version, version)))
      .returning({ id: I.id }),
  /** The department of a person (null: none), for the policy's “member of the department”. */
  async departmentOf(db: Db, unitId: string, personId: string | null) {
    if (!personId) return null;
    const [p] = await db
      .select({ d: people.departmentId })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.id, personId)));
    return p?.d ?? null;
  },
  async measure(db: Db, unitId: string, id: string) {
    const [m] = await db
      .select({ id: campaignMeasures.id, active: campaignMeasures.active })
      .from(campaignMeasures)
      .where(and(eq(campaignMeasures.unitId, unitId), eq(campaignMeasures.id, id)));
    return m;
  },
  /** The reports of an indicator, newest first (a live one before a returned one of the same instant), with the reporter's name (bounded: a few per period). */
  reports: (db: Db, unitId: string, indicatorId: string) =>
    db
      .select({ report: R, reporter: people.name })
      .from(R)
      .leftJoin(people, and(eq(people.unitId, R.unitId), eq(people.id, R.reportedByPerson)))
      .where(and(eq(R.unitId, unitId), eq(R.indicatorId, indicatorId)))
      .orderBy(desc(R.createdAt), sql`${R.status} = 'returned'`, desc(R.id))
      .limit(200),
  report: async (db: Db, unitId: string, indicatorId: string, id: string) =>
    (
      await db
        .select()
        .from(R)
        .where(and(eq(R.unitId, unitId), eq(R.indicatorId, indicatorId), eq(R.id, id)))
    )[0],
  /** A live (submitted or accepted) report of the indicator for the period. */
  async liveReport(db: Db, unitId: string, indicatorId: string, periodKey: string) {
    const [r] = await db
      .select({ id: R.id, status: R.status })
      .from(R)
      .where(
        and(
          eq(R.unitId, unitId),
          eq(R.indicatorId, indicatorId),
          eq(R.periodKey, periodKey),
          sql`${R.status} <> 'returned'`,
        ),
      );
    return r;
  },
  insertReport: async (db: Db, row: typeof R.$inferInsert) =>
    (await db.insert(R).values(row).returning({ id: R.id }))[0]!,
  updateReport: (db: Db, unitId: string, id: string, version: number, set: Partial<typeof R.$inferInsert>) =>
    db
      .update(R)
      .set({ ...set, version: sql`${R.version} + 1` })
      .where(and(eq(R.unitId, unitId), eq(R.id, id), eq(R.version, version), eq(R.status, 'submitted')))
      .returning({ id: R.id }),
  /** Serialises reports of one indicator and period (one live report each), within the caller's transaction. */
  async lockReports(tx: Db, unitId: string, indicatorId: string, periodKey: string) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`indicator-report:${unitId}:${indicatorId}:${periodKey}`}, 0))`,
    );
  },
};
